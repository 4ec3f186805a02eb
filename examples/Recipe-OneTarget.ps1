# The whole recipe for one target, position -> imaging workspace, with defaults only: every step reads the
# names the step before wrote (split writes ./<target id>.ms, the workspace reads it; the workspace folder
# ./<target id>/ is where the products land). The calibrated MS is requested from the NRAO archive by hand
# (the execution blocks found here carry its name and the archive search link).
#   vlassps -File examples/Recipe-OneTarget.ps1 -MeasurementSet ./VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms
param(
    [Parameter(Mandatory = $true)][string]$MeasurementSet,
    [string]$Position = '08:07:57.538 +04:32:34.55',
    [string]$Name = 'J0807+0432',
    [double]$ScienceSize = 500,
    [string]$PipelineVersion = '2023.1.1.8',
    [string]$Scheduler = 'Slurm'
)
$ErrorActionPreference = 'Stop'
$target = ConvertTo-VlassPosition $Position -Name $Name
$geometry = Get-VlassImageGeometry -ScienceSize $ScienceSize -Position $target
$blocks = @($geometry | Get-VlassTile | Get-VlassObservation -ObservedOnly | Find-VlassExecutionBlock)
$split = Get-VlassMeasurementSet $MeasurementSet | Select-VlassField -Geometry $geometry | New-VlassSplitScript
$workspace = $geometry | New-SeipParameterList -PassThru |
    New-VlassImagingWorkspace -MeasurementSet $split.OutputVis -PipelineVersion $PipelineVersion -Scheduler $Scheduler
[pscustomobject]@{
    Target          = $target.Target
    ExecutionBlocks = $blocks.Name
    SplitScript     = $split.Path
    OutputVis       = $split.OutputVis
    Workspace       = $workspace.Path
    Submit          = $workspace.SubmitCommand
}
