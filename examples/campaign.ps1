<#
.SYNOPSIS
    A campaign end to end: read the campaign file, run reconciliation passes until every target × epoch with data
    is Completed or Failed, then show the per-target table and the products.
.EXAMPLE
    ./campaign.ps1 -Path ./campaign.yaml
    On a cluster: run it (or just Invoke-VlassCampaign) from cron; each pass advances what it can.
.EXAMPLE
    ./campaign.ps1 -Path examples/campaign.yaml -DataDirectory /tmp/ms -WorkRoot /tmp/run -CasaPath tests/fake-casa/casa -CatalogPath ../shared/data/VLASS_dyn_summary.txt -BaseUri http://127.0.0.1:8080/quicklook/
    What CI runs: fixture MSs, the fake casa test double, the loopback test archive, the real Slurm test cluster.
#>
param(
    [string]$Path = [System.IO.Path]::Combine($PSScriptRoot, 'campaign.yaml'),
    [string]$DataDirectory,
    [string]$WorkRoot,
    [string]$CasaPath,
    [string]$CatalogPath,        # survey table for the plan; default: the cached one (Update-VlassSurveyCatalog)
    [uri]$BaseUri,               # quick-look archive root for the plan; default: the configured archive
    [string]$CacheDirectory,     # VlassPS data folder (archive answers are cached there)
    [TimeSpan]$Timeout = '00:10:00',
    [TimeSpan]$Interval = '00:00:05'
)
$ErrorActionPreference = 'Stop'

$campaign = Import-VlassCampaign -Path $Path
$pass = @{}
if ($DataDirectory) { $pass['DataDirectory'] = $DataDirectory }
if ($WorkRoot) { $pass['WorkRoot'] = $WorkRoot }
if ($CasaPath) { $pass['CasaPath'] = $CasaPath }
if ($CatalogPath) { $pass['CatalogPath'] = $CatalogPath }
if ($BaseUri) { $pass['BaseUri'] = $BaseUri }
if ($CacheDirectory) { $pass['CacheDirectory'] = $CacheDirectory }
$root = if ($WorkRoot) { $WorkRoot } else { $campaign.WorkRoot }

# Each pass is idempotent: run it until nothing is left in flight.
$deadline = [DateTime]::UtcNow + $Timeout
do {
    $summary = $campaign | Invoke-VlassCampaign @pass
    "pass: $summary (submitted this pass: $($summary.SplitsSubmitted) split, $($summary.ImagingSubmitted) imaging)"
    # In flight: everything but the final states and the plan rows that wait for data (or have none to wait for).
    $open = @(Get-VlassCampaign $root -Detail | Where-Object { $_.State -notin 'Completed', 'Failed', 'NoData', 'SplitFailed', 'AwaitingData', 'NotObserved', 'Unresolved', 'DataUnusable' })
    if ($open.Count -eq 0) { break }
    [System.Threading.Thread]::Sleep($Interval)
} while ([DateTime]::UtcNow -lt $deadline)
if ($open.Count -gt 0) { throw "$($open.Count) unit(s) still in flight after $Timeout" }

# One line per target x epoch (Get-VlassCampaign -Detail has a table view in pwsh; this host may lack Format-Table).
$units = Get-VlassCampaign $root -Detail
$units | ForEach-Object {
    $check = if ($_.CheckState) { '{0} peak={1:G4} flux={2:G4} ratio={3}' -f $_.CheckState, $_.PeakJyPerBeam, $_.FluxJy, $_.FluxRatio } else { '' }
    '{0,-20} {1,-10} {2,-12} {3,6} {4,6} {5,3} {6,3} {7} {8}' -f $_.Target, $_.Epoch, $_.State, $_.SplitJobId, $_.JobId, $_.Attempts, $_.Products, $check, ($_.MissingMeasurementSets -join ' ')
}
$units | Where-Object { $_.State -eq 'Completed' } | ForEach-Object {
    $fits = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($_.Workspace, 'products'), '*.fits')
    [Array]::Sort($fits)
    Get-VlassImage -Path $fits[0]
}
