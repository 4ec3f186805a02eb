<#
.SYNOPSIS
    One target from its position to pipeline products on a batch cluster: geometry, SEIP parameter list,
    imaging workspace, submission, waiting, and a look at every product.
.EXAMPLE
    ./Cluster-OneTarget.ps1 -MeasurementSet ./J0807+0432_split.ms -Root ./runs
    On an NRAO-style Slurm cluster with CASA configured (Set-VlassConfiguration -CasaPath ...).
.EXAMPLE
    ./Cluster-OneTarget.ps1 -MeasurementSet ./a.ms -Root /tmp/runs -CasaPath ./tests/fake-casa/casa
    What the tests run: the real Slurm test cluster with the fake casa test double.
#>
param(
    [string]$Target = '08:07:57.538 +04:32:34.55',
    [string]$Name = 'J0807+0432',
    [double]$ScienceSize = 500,
    [Parameter(Mandatory = $true)][string]$MeasurementSet,
    [string]$Root = '.',
    [string]$CasaPath,
    [ValidateSet('Slurm', 'Pbs', 'Local')][string]$Scheduler = 'Slurm',
    [string]$Time = '12:00:00',
    [string]$WaitTimeout = '1.00:00:00'
)
$ErrorActionPreference = 'Stop'

$position = ConvertTo-VlassPosition $Target -Name $Name
$geometry = Get-VlassImageGeometry -ScienceSize $ScienceSize -Position $position
# The list goes where the workspace will be (<Root>/<Name>), not into the current folder.
$list = $geometry | New-SeipParameterList -Name $Name -Path ([System.IO.Path]::Combine($Root, $Name, 'SEIP_parameter.list')) -PassThru
$workspaceArgs = @{ MeasurementSet = $MeasurementSet; Name = $Name; Root = $Root; Scheduler = $Scheduler; DataColumn = 'data' }
if ($CasaPath) { $workspaceArgs['CasaPath'] = $CasaPath }
$ws = $list | New-VlassImagingWorkspace @workspaceArgs -WarningAction SilentlyContinue

# Submit and wait; the record (also in <workspace>/vlassps.json) ends Completed, Failed, TimedOut ...
$job = $ws | Submit-VlassImaging -Time $Time | Wait-VlassImagingJob -Timeout $WaitTimeout
"{0} job {1}: {2} (exit {3}) after {4}" -f $job.Scheduler, $job.JobId, $job.State, $job.ExitCode, $job.Elapsed
if ($job.State -ne 'Completed') {
    $job.LogTail
    throw "The imaging job ended $($job.State); see $($job.LogPath)"
}
$job.Products | ForEach-Object { Get-VlassImage -Path ([System.IO.Path]::Combine($ws.ProductsDirectory, $_)) }
