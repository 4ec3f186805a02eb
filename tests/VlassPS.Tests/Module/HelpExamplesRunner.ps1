# Runs help examples for HelpExamplesTests in real pwsh: each example in its own script-block scope and its own
# folder (links to the inputs, so that what one example writes cannot disturb another), against the built
# module and a loopback archive. Writes one result per example.
param([string] $Manifest, [string] $Inputs, [string] $ExamplesJson, [string] $ResultJson, [string] $Archive, [string] $Summary)
Set-StrictMode -Off
$ErrorActionPreference = 'Continue'
Import-Module $Manifest -ErrorAction Stop
# The examples name no archive: point the defaults at the loopback server (the test has no internet).
$PSDefaultParameterValues['Update-VlassSurveyCatalog:Uri'] = $Summary
$PSDefaultParameterValues['Find-VlassExecutionBlock:BaseUri'] = $Archive
$PSDefaultParameterValues['Get-VlassCampaignPlan:BaseUri'] = $Archive
$null = Update-VlassSurveyCatalog -ErrorAction Stop
$n = 0
$results = foreach ($e in (Get-Content -Raw -LiteralPath $ExamplesJson | ConvertFrom-Json)) {
    $folder = New-Item -ItemType Directory -Path (Join-Path $PWD ('example{0:00}' -f ++$n))
    foreach ($item in Get-ChildItem -LiteralPath $Inputs) {
        # Files as hard links (readers measure the link itself, not its target), folders as symbolic links.
        $kind = if ($item.PSIsContainer) { 'SymbolicLink' } else { 'HardLink' }
        $null = New-Item -ItemType $kind -Path (Join-Path $folder $item.Name) -Target $item.FullName
    }
    Push-Location -LiteralPath $folder
    $Error.Clear()
    $threw = $null
    $out = ''
    try { $out = & ([scriptblock]::Create($e.Code)) *>&1 | Out-String -Width 200 }
    catch { $threw = "$($_.FullyQualifiedErrorId): $_" }
    Pop-Location
    [pscustomobject]@{
        Id = $e.Id
        Errors = @($Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
        Threw = $threw
        Output = $out
    }
}
ConvertTo-Json -InputObject @($results) -Depth 4 | Set-Content -LiteralPath $ResultJson -Encoding utf8
