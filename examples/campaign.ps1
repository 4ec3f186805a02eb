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
    [string]$Path = (Join-Path $PSScriptRoot 'campaign.yaml'),
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
    $open = @(Get-VlassCampaign $root -Detail | Where-Object State -NotIn 'Completed', 'Failed', 'NoData', 'SplitFailed')
    if ($open.Count -eq 0) { break }
    Start-Sleep -Seconds $Interval.TotalSeconds
} while ([DateTime]::UtcNow -lt $deadline)
if ($open.Count -gt 0) { throw "$($open.Count) unit(s) still in flight after $Timeout" }

Get-VlassCampaign $root -Detail | Format-Table Target, Epoch, State, SplitJobId, JobId, Attempts, Products -AutoSize | Out-String -Width 200
Get-VlassCampaign $root -Detail | Where-Object State -eq Completed | ForEach-Object {
    Get-ChildItem -LiteralPath (Join-Path $_.Workspace 'products') -Filter *.fits | Select-Object -First 1 | ForEach-Object { Get-VlassImage -Path $_.FullName }
}
