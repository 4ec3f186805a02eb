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

# The cluster examples name an imaging workspace ./J0807+0432 and a folder ./campaign of workspaces. Each example
# that names them gets its own, made here by New-VlassImagingWorkspace and submitted to the scheduler the test set
# ($env:VLASSPS_SCHEDULER, the local runner) with the CASA the test set ($env:VLASSPS_CASA, the fake casa test
# double), and waited for, so that they carry a finished job. A campaign that the example itself pipes into
# Submit-VlassImaging is left unsubmitted.
$targets = @(
    @{ Name = 'J0807+0432'; Position = '08:07:57.5376 +04:32:34.548' }
    @{ Name = 'J0808+0440'; Position = '122.01 4.67' }
    @{ Name = 'J0810+0500'; Position = '08:10:00 +05:00:00' })
function New-ExampleWorkspace([hashtable[]] $Target, [string] $Folder, [switch] $Submit) {
    $workspaces = foreach ($t in $Target) {
        Push-Location -LiteralPath $Folder
        try {
            Get-VlassImageGeometry 500 $t.Position | New-SeipParameterList -Name $t.Name -Path (Join-Path $Folder "$($t.Name).list") -PassThru |
                New-VlassImagingWorkspace -MeasurementSet (Join-Path $Inputs 'x.ms') -Name $t.Name -Root $Folder -ErrorAction Stop
        }
        finally { Pop-Location }
    }
    if ($Submit) { $null = $workspaces | Submit-VlassImaging -ErrorAction Stop | Wait-VlassImagingJob -Timeout 00:03:00 -ErrorAction Stop }
}

# The split script the cluster examples submit (./split_J0807.py), as New-VlassSplitScript writes it.
Push-Location -LiteralPath $Inputs
try {
    $null = Select-VlassField ./x.ms -PhaseCenter '08:07:57.5376 +04:32:34.548' -ScienceSize 500 |
        New-VlassSplitScript ./split_J0807.py -TargetName J0807+0432 -ErrorAction Stop
}
finally { Pop-Location }

$n = 0
$results = foreach ($e in (Get-Content -Raw -LiteralPath $ExamplesJson | ConvertFrom-Json)) {
    $folder = New-Item -ItemType Directory -Path (Join-Path $PWD ('example{0:00}' -f ++$n))
    foreach ($item in Get-ChildItem -LiteralPath $Inputs) {
        # Files as hard links (readers measure the link itself, not its target), folders as symbolic links.
        $kind = if ($item.PSIsContainer) { 'SymbolicLink' } else { 'HardLink' }
        $null = New-Item -ItemType $kind -Path (Join-Path $folder $item.Name) -Target $item.FullName
    }
    if ($e.Code -match '\./J0807\+0432(?![\w.])') { New-ExampleWorkspace $targets[0] $folder -Submit }
    if ($e.Code -match '\./campaign\b') {
        $campaign = New-Item -ItemType Directory -Path (Join-Path $folder 'campaign')
        New-ExampleWorkspace $targets $campaign.FullName -Submit:($e.Code -notmatch '\|\s*Submit-VlassImaging')
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
