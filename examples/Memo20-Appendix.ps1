# Reproduce the sizing and tile lookup of VLASS Memo 20's appendix for J0807+0432.
# Run with pwsh (Import-Module ./output/VlassPS/0.1.0/VlassPS.psd1) or with the vlassps host:
#   vlassps -File examples/Memo20-Appendix.ps1
param(
    [string]$Target = '08:07:57.538 +04:32:34.55',
    [double]$ScienceSize = 500
)

# Each result goes to Out-Default on its own so that every type is shown with its own table view.
$position = ConvertTo-VlassPosition $Target -Name 'J0807+0432'
$position | Out-Default

# Science image -> search region -> full image -> efficient imsize (4180" -> 6968 px -> 7200).
$geometry = Get-VlassImageGeometry -ScienceSize $ScienceSize -Position $position
$geometry | Out-Default

# The tile that holds the target, and every tile the search region touches.
Get-VlassTile -Position $position | Out-Default
$geometry | Get-VlassTile | Out-Default

# The phasecenter string the pipeline reads.
ConvertTo-VlassPosition $Target -As Casa
