<#
.SYNOPSIS
    A campaign end to end: read the campaign file, run reconciliation passes until every target × epoch with data
    is Completed or Failed, then show the per-target table and the products.
.EXAMPLE
    ./campaign.ps1 -Path ./campaign.yaml
    On a cluster: run it (or just Invoke-VlassCampaign) from cron; each pass advances what it can.
.EXAMPLE
    ./campaign.ps1 -Path examples/campaign.yaml -DataDirectory /tmp/ms -WorkRoot /tmp/run -CasaPath tests/fake-casa/casa
    What CI runs: fixture MSs, the fake casa test double, the real Slurm test cluster.
#>
param(
    [string]$Path = [System.IO.Path]::Combine($PSScriptRoot, 'campaign.yaml'),
    [string]$DataDirectory,
    [string]$WorkRoot,
    [string]$CasaPath,
    [TimeSpan]$Timeout = '00:10:00',
    [TimeSpan]$Interval = '00:00:05'
)
$ErrorActionPreference = 'Stop'

$campaign = Import-VlassCampaign -Path $Path
$pass = @{}
if ($DataDirectory) { $pass['DataDirectory'] = $DataDirectory }
if ($WorkRoot) { $pass['WorkRoot'] = $WorkRoot }
if ($CasaPath) { $pass['CasaPath'] = $CasaPath }
$root = if ($WorkRoot) { $WorkRoot } else { $campaign.WorkRoot }

# Each pass is idempotent: run it until nothing is left in flight.
$deadline = [DateTime]::UtcNow + $Timeout
do {
    $summary = $campaign | Invoke-VlassCampaign @pass
    "pass: $summary (submitted this pass: $($summary.SplitsSubmitted) split, $($summary.ImagingSubmitted) imaging)"
    $open = @(Get-VlassCampaign $root -Detail | Where-Object { $_.State -notin 'Completed', 'Failed', 'NoData', 'SplitFailed' })
    if ($open.Count -eq 0) { break }
    [System.Threading.Thread]::Sleep($Interval)
} while ([DateTime]::UtcNow -lt $deadline)
if ($open.Count -gt 0) { throw "$($open.Count) unit(s) still in flight after $Timeout" }

# One line per target x epoch (Get-VlassCampaign -Detail has a table view in pwsh; this host may lack Format-Table).
$units = Get-VlassCampaign $root -Detail
$units | ForEach-Object { '{0,-20} {1,-22} {2,-10} {3,6} {4,6} {5,3} {6,3}' -f $_.Target, $_.Epoch, $_.State, $_.SplitJobId, $_.JobId, $_.Attempts, $_.Products }
$units | Where-Object { $_.State -eq 'Completed' } | ForEach-Object {
    $fits = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($_.Workspace, 'products'), '*.fits')
    [Array]::Sort($fits)
    Get-VlassImage -Path $fits[0]
}
