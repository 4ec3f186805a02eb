# One Invoke-VlassCampaign pass over N targets on one fixture MS; prints the pass's wall time and what it submitted.
param([string]$Data, [string]$Work, [string]$Casa, [int]$Count = 200, [int]$Throttle = 50)
$ErrorActionPreference = 'Stop'
# A grid of targets 1.2' apart around the MS centre (08:07:55.1 +04:32:34.5), all inside its fields.
$side = [int][math]::Ceiling([math]::Sqrt($Count))
$targets = for ($i = 0; $i -lt $Count; $i++) {
    $ra = 121.98974 + (($i % $side) - $side / 2) * 0.02
    $dec = 4.54293 + ([math]::Floor($i / $side) - $side / 2) * 0.02
    ConvertTo-VlassPosition ('{0} {1}' -f $ra, $dec) -Name ('B{0:d4}' -f $i)
}
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$s = $targets | Invoke-VlassCampaign -DataDirectory $Data -WorkRoot $Work -CasaPath $Casa -WallTime 00:05:00 -Cores 1 -MemoryGB 1 -ArrayThrottle $Throttle -WarningAction SilentlyContinue
$clock.Stop()
'PASS seconds={0:F1} splits={1} imaging={2} arrays={3} units={4}' -f $clock.Elapsed.TotalSeconds, $s.SplitsSubmitted, $s.ImagingSubmitted, $s.ArraysSubmitted, $s.Units
