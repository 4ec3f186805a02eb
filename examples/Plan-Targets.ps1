# Plan many targets at once from a target list (CSV with Name and Position, or Name, Ra and Dec columns).
# For each target: the efficient image size and every tile whose data the search region needs.
#   vlassps -File examples/Plan-Targets.ps1 -TargetList examples/targets.csv -ScienceSize 500
param(
    [string]$TargetList = [System.IO.Path]::Combine($PSScriptRoot, 'targets.csv'),
    [double]$ScienceSize = 500
)

foreach ($target in Import-VlassTarget -LiteralPath $TargetList) {
    $geometry = Get-VlassImageGeometry -ScienceSize $ScienceSize -Position $target
    $tiles = @($geometry | Get-VlassTile)
    [pscustomobject]@{
        Target   = $target.Target          # group, join or export by target (its Id names its folders)
        Name     = $target.Name
        Home     = $tiles.Where({ $_.ContainsPosition }).Name
        Tiles    = $tiles.Name -join ','
        Imsize   = $geometry.ImsizeX
        Casa     = $target.Casa
    }
}
