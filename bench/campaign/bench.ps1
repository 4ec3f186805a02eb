# Get-VlassCampaignPlan at scale: N random targets (uniform north of Dec -40, fixed seed) in a campaign whose
# targets_file is a CSV, every observed epoch, execution blocks served from a pre-filled EB cache (-Offline).
# Prints one line per measured step; run.sh wraps it in /usr/bin/time -v for the peak RSS.
param([string] $Manifest, [string] $Work, [int] $N = 100000, [string] $Summary, [string] $Mode = 'rows')
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$catalog = [VlassPS.Core.Catalog.SurveyCatalogLoader]::FromFile($Summary)

# Fill the EB cache: one EB per observed tile x epoch, named as the archive names them.
$cacheDir = Join-Path $Work 'data'     # the VlassPS data folder; archive answers live in its archive/ subfolder
$cache = [VlassPS.Core.Archive.ExecutionBlockCache]::new((Join-Path $cacheDir 'archive'))
$options = [VlassPS.Core.Archive.ArchiveOptions]::new()
$k = 0
foreach ($o in $catalog.Observations) {
    if (-not $o.IsObserved) { continue }
    $k++
    $text = '{0}.sb{1}.eb{2}.{3}.5' -f $o.Epoch, (40000000 + $k), (50000000 + $k), [int]$o.Mjd
    $name = [VlassPS.Core.Archive.ExecutionBlockName]::Parse($text)
    $eb = [VlassPS.Core.Archive.ExecutionBlock]::new($name, $o.TileName, $false, [string[]] @('img'), $null, $null)
    $cache.Put($options, $o.Epoch, $o.TileName, [VlassPS.Core.Archive.ExecutionBlock[]] @($eb), [DateTimeOffset]::UtcNow)
}
"eb_cache entries=$k"

# Targets CSV + campaign file.
$rng = [System.Random]::new(20261127)
$sinMin = [math]::Sin(-40 * [math]::PI / 180)
$sb = [System.Text.StringBuilder]::new("Name,Ra,Dec`n")
for ($i = 0; $i -lt $N; $i++) {
    $ra = 360 * $rng.NextDouble()
    $dec = [math]::Asin($sinMin + (1 - $sinMin) * $rng.NextDouble()) * 180 / [math]::PI
    $null = $sb.AppendFormat([cultureinfo]::InvariantCulture, "t{0},{1:F6},{2:F6}`n", $i, $ra, $dec)
}
[System.IO.File]::WriteAllText((Join-Path $Work 'targets.csv'), $sb.ToString())
[System.IO.File]::WriteAllText((Join-Path $Work 'campaign.yaml'), "name: bench`ndefaults:`n  science_size: 60`ntargets_file: targets.csv`n")

$sw = [System.Diagnostics.Stopwatch]::StartNew()
$c = Import-VlassCampaign (Join-Path $Work 'campaign.yaml') -CatalogPath $Summary
"import_campaign targets=$($c.TargetCount) seconds=$($sw.Elapsed.TotalSeconds.ToString('F3'))"

[GC]::Collect()
$me = [System.Diagnostics.Process]::GetCurrentProcess()
$cpu0 = $me.TotalProcessorTime
$sw.Restart()
if ($Mode -eq 'rows') {
    $rows = Get-VlassCampaignPlan -Campaign $c -CatalogPath $Summary -CacheDirectory $cacheDir -Offline
    $seconds = $sw.Elapsed.TotalSeconds
    $me.Refresh(); $cpu = ($me.TotalProcessorTime - $cpu0).TotalSeconds   # planning only, before the counting below
    $status = ($rows | Group-Object Status -NoElement | ForEach-Object { '{0}={1}' -f $_.Name, $_.Count }) -join ' '
    "plan_rows targets=$N rows=$($rows.Count) seconds=$($seconds.ToString('F3')) cpu_seconds=$($cpu.ToString('F3')) $status"
} else {
    $d = @(Get-VlassCampaignPlan -Campaign $c -CatalogPath $Summary -CacheDirectory $cacheDir -Offline -GroupBy ExecutionBlock)
    $me.Refresh(); $cpu = ($me.TotalProcessorTime - $cpu0).TotalSeconds
    "plan_downloads cpu_seconds=$($cpu.ToString('F3')) targets=$N downloads=$($d.Count) first_completes=$($d[0].CompletesTargets) seconds=$($sw.Elapsed.TotalSeconds.ToString('F3'))"
}
"managed_heap_mb=$([math]::Round([GC]::GetTotalMemory($false) / 1MB))"
