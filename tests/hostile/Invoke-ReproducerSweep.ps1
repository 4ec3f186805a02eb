# Re-runs every reproducer of issue 13 (sections 1-6) in real pwsh, each call in one module runspace with a
# timeout, and prints one JSON summary: inputs, typed errors, correct results, raw .NET exceptions, hangs,
# wrong results and data lost (a crash ends this process: the caller sees the exit code).
# Run by tests/VlassPS.Tests/Hostile/ReproducerSweepTests.cs in a child process whose VlassPS folders and HOME
# are a sandbox; hostile archive listings come from an HttpListener on loopback started here.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Sandbox,
    [Parameter(Mandatory)] [string] $ErrorIdFile,     # one VlassPS error id per line (VlassErrors.All)
    [Parameter(Mandatory)] [string] $FixtureRoot,     # tests/fixtures
    [Parameter(Mandatory)] [string] $SummaryTable,
    [string] $HostileMsDir = '',                      # python-casacore variants (make_hostile_ms.py), when made
    [double] $TimeoutSec = 20
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module -Name $ModuleManifest
$knownIds = [System.Collections.Generic.HashSet[string]]::new([string[]](Get-Content -LiteralPath $ErrorIdFile))
Set-Location -LiteralPath $Sandbox

# ---- inputs: private copies (writers must never touch tests/fixtures), FIFOs, hostile files ----
$in = Join-Path $Sandbox 'in'
$null = New-Item -ItemType Directory -Path $in -Force
$fitsName = 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits'
$fits = Join-Path $in $fitsName
Copy-Item -LiteralPath (Join-Path $FixtureRoot "fits/$fitsName") -Destination $fits
$fits2 = Join-Path $in 'other.fits'
Copy-Item -LiteralPath (Join-Path $FixtureRoot "fits/$fitsName") -Destination $fits2
$ms = Join-Path $in 'good.ms'
Copy-Item -LiteralPath (Join-Path $FixtureRoot 'casa/vlass_split.ms') -Destination $ms -Recurse
$fifo = Join-Path $in 'a.fifo'
& /usr/bin/mkfifo $fifo
function New-Text([string] $name, [string] $text) { $p = Join-Path $in $name; [System.IO.File]::WriteAllText($p, $text); $p }
function Get-Hash([string] $path) { (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash }
$deepCrtf = New-Text 'deep.crtf' ("#CRTFv0`ncircle " + ('[' * 100000) + (']' * 100000) + "`n")
$deepSeip = @(foreach ($b in '[', '(', '{') { New-Text "deep$([int][char]$b).list" ('imsize=' + ($b * 100000) + "`n") })
$fitsHash = Get-Hash $fits
$pos = ConvertTo-VlassPosition '08:07:57.5 +04:32:34.6'

# ---- a hostile archive on loopback: 2,000 folders, links to another host, a redirect to file:, a cut table ----
$port = Get-Random -Minimum 20000 -Maximum 60000
$listener = [System.Net.HttpListener]::new()
$listener.Prefixes.Add("http://127.0.0.1:$port/")
$listener.Prefixes.Add("http://127.0.0.2:$port/")   # "another host": any request reaching it is counted
$listener.Start()
# Any failure of the sweep itself: say where, stop the server (its thread would keep the process alive), fail.
trap { [Console]::Error.WriteLine("sweep failed: $_`n$($_.ScriptStackTrace)"); $listener.Stop(); exit 3 }
$requests = [System.Collections.Concurrent.ConcurrentDictionary[string, int]]::new()
$tableText = [System.IO.File]::ReadAllText($SummaryTable)
$server = [powershell]::Create()
$null = $server.AddScript({
    param($listener, $requests, $tableText, $port)
    while ($listener.IsListening) {
        try { $ctx = $listener.GetContext() } catch { break }
        $path = $ctx.Request.Url.AbsolutePath
        $kind = if ($ctx.Request.Url.Host -ne '127.0.0.1') { 'otherhost' } else { ($path -split '/')[1] }
        $null = $requests.AddOrUpdate($kind, 1, [Func[string, int, int]] { param($k, $v) $v + 1 })
        $res = $ctx.Response
        $body = $null
        if ($path -match '^/many/[^/]+/T12t13/$') {
            $body = '<html>' + (-join (0..1999 | ForEach-Object { '<a href="VLASS2.1.ql.T12t13.J{0:D6}+043000.10.2048.v1/">x</a>' -f $_ })) + '</html>'
        }
        elseif ($path -match '^/foreign/[^/]+/T12t13/$') {
            $body = '<a href="http://127.0.0.2:' + $port + '/foreign/VLASS2.1/T12t13/VLASS2.1.ql.T12t13.J080806+043000.10.2048.v1/">x</a>'
        }
        elseif ($path -match '^/redirect/') { $res.StatusCode = 302; $res.RedirectLocation = 'file:///etc/passwd' }
        elseif ($path -eq '/cut/table') {
            $res.SendChunked = $true   # no Content-Length, cut halfway: the client must see a short table
            $bytes = [System.Text.Encoding]::ASCII.GetBytes($tableText.Substring(0, [int]($tableText.Length / 2)))
            try { $res.OutputStream.Write($bytes, 0, $bytes.Length); $res.Abort() } catch { }
            continue
        }
        else { $res.StatusCode = 404 }
        if ($null -ne $body) { $b = [System.Text.Encoding]::UTF8.GetBytes($body); $res.ContentType = 'text/html'; $res.OutputStream.Write($b, 0, $b.Length) }
        try { $res.Close() } catch { }
    }
}).AddArgument($listener).AddArgument($requests).AddArgument($tableText).AddArgument($port)
$serverRun = $server.BeginInvoke()
$base = "http://127.0.0.1:$port"
function Get-Requests([string] $kind) { $n = 0; if ($requests.TryGetValue($kind, [ref] $n)) { $n } else { 0 } }

# ---- the reproducers: issue section, call, expectation (Typed, Correct, or TypedOrCorrect), checks ----
$cases = [System.Collections.Generic.List[object]]::new()
function Add-Case([string] $section, [string] $label, [scriptblock] $call, [string] $expect = 'Typed', [scriptblock] $correct = $null, [scriptblock] $kept = $null) {
    $cases.Add([pscustomobject]@{ Section = $section; Label = $label; Call = $call; Expect = $expect; Correct = $correct; Kept = $kept })
}

# §1 crashes of the host
Add-Case 1 'CRTF 100k nested brackets, Measure-VlassFlux' { Measure-VlassFlux -Path $fits -RegionFile $deepCrtf }
Add-Case 1 'CRTF 100k nested brackets, Compare-VlassImage' { Compare-VlassImage -Reference $fits -Difference $fits2 -RegionFile $deepCrtf -StatisticsOnly }
foreach ($d in $deepSeip) { Add-Case 1 "SEIP list 100k nested $([System.IO.Path]::GetFileName($d))" ([scriptblock]::Create("Import-SeipParameterList -LiteralPath '$d'")) }

# §2 lost or damaged data
$cache = Join-Path $Sandbox 'cache'
$null = New-Item -ItemType Directory -Path $cache -Force
Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $cache -Confirm:$false | Out-Null
$cacheHash = Get-Hash (Get-ChildItem -LiteralPath $cache -File | Where-Object Length -gt 100000 | Select-Object -First 1).FullName
$half = New-Text 'half.txt' ((Get-Content -LiteralPath $SummaryTable -TotalCount 1400) -join "`n")
$cacheKept = { (Get-Hash (Get-ChildItem -LiteralPath $cache -File | Where-Object Length -gt 100000 | Select-Object -First 1).FullName) -eq $cacheHash -and
    @(Get-VlassObservation -TileName T32t01 -CacheDirectory $cache).Count -gt 0 }
Add-Case 2 'survey table cut at a line end (head -1400) -Path' { Update-VlassSurveyCatalog -Path $half -CacheDirectory $cache -Confirm:$false } -kept $cacheKept
Add-Case 2 'survey table cut halfway, no Content-Length, -Uri' { Update-VlassSurveyCatalog -Uri "$base/cut/table" -CacheDirectory $cache -TimeoutSec 10 -MaximumRetryCount 0 -Confirm:$false } -kept $cacheKept
Add-Case 2 'Compare -DifferencePath <the -Reference> -Force' { Compare-VlassImage -Reference $fits -Difference $fits2 -DifferencePath $fits -Force -Confirm:$false } -kept { (Get-Hash $fits) -eq $fitsHash }
Add-Case 2 'New-VlassSplitScript -Path /dev/full -Force' {
    $f = Get-VlassMeasurementSet -LiteralPath $ms -WarningAction SilentlyContinue | ForEach-Object { $_ | Select-VlassField -Position $_.Fields[0].PhaseDir -ScienceSize 500 -WarningAction SilentlyContinue }
    $f | New-VlassSplitScript -Path /dev/full -Force -Confirm:$false } -kept { (Get-Item /dev/full).UnixFileMode -and -not (Get-Item /dev/full).PSIsContainer -and ((& /usr/bin/stat -c %F /dev/full) -eq 'character special file') }
Add-Case 2 'Compare -DifferencePath /dev/full -Force' { Compare-VlassImage -Reference $fits -Difference $fits2 -DifferencePath /dev/full -Force -Confirm:$false } -kept { (& /usr/bin/stat -c %F /dev/full) -eq 'character special file' }
$configFile = Join-Path $Sandbox 'concurrent.yml'
Add-Case 2 'five concurrent Set-VlassConfiguration runs, each a different key' {
    $jobs = foreach ($k in @{ Partition = 'p1' }, @{ Account = 'a1' }, @{ CasaPath = '/opt/casa/bin/casa' }, @{ CacheDirectory = '/tmp/c1' }, @{ Scheduler = 'Pbs' }) {
        $ps = [powershell]::Create(); $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement().AddCommand('Set-VlassConfiguration').AddParameters($k).AddParameter('Path', $configFile).AddParameter('Confirm', $false)
        [pscustomobject]@{ Ps = $ps; Run = $ps.BeginInvoke() }
    }
    foreach ($j in $jobs) { $null = $j.Ps.EndInvoke($j.Run); $j.Ps.Dispose() }
    Get-VlassConfiguration -Path $configFile } 'Correct' { param($out) $c = $out | Select-Object -Last 1; $c.Partition -eq 'p1' -and $c.Account -eq 'a1' -and $c.CasaPath -eq '/opt/casa/bin/casa' -and "$($c.Scheduler)" -eq 'Pbs' }

# §3 the archive client trusts the listing
Add-Case 3 'listing with 2,000 image folders' { Find-VlassExecutionBlock -TileName T12t13 -Epoch VLASS2.1 -BaseUri "$base/many/" -CacheDirectory (Join-Path $Sandbox 'ebcache1') -TimeoutSec 5 -MaximumRetryCount 0 } 'TypedOrCorrect' -kept { (Get-Requests 'many') -le 70 }   # one listing + at most 32 folders (each listed, and its products)
Add-Case 3 'listing linking to another host' { Find-VlassExecutionBlock -TileName T12t13 -Epoch VLASS2.1 -BaseUri "$base/foreign/" -CacheDirectory (Join-Path $Sandbox 'ebcache2') -TimeoutSec 5 -MaximumRetryCount 0 } 'TypedOrCorrect' -kept { (Get-Requests 'otherhost') -eq 0 }
Add-Case 3 'redirect to file:///etc/passwd' { Find-VlassExecutionBlock -TileName T12t13 -Epoch VLASS2.1 -BaseUri "$base/redirect/" -CacheDirectory (Join-Path $Sandbox 'ebcache3') -TimeoutSec 5 -MaximumRetryCount 0 }

# §4 raw .NET exceptions; one bad input must not end the pipeline
if ($HostileMsDir) {
    foreach ($dir in Get-ChildItem -LiteralPath $HostileMsDir -Directory -Filter '*.ms' | Where-Object Name -notlike '*_parent.ms') {
        $expect = if ($dir.Name -match '^(time_range_|main_field_id_huge|main_field_id_negative|state_obs_mode_5mb)') { 'Correct' } else { 'Typed' }
        Add-Case 4 "MS variant $($dir.Name) before the good MS" ([scriptblock]::Create("'$($dir.FullName)', '$ms' | Get-VlassMeasurementSet -WarningAction SilentlyContinue")) 'TypedOrCorrect' -correct { param($out) @($out | Where-Object { $_.Path -eq $ms }).Count -eq 1 }
    }
}
Add-Case 4 '-ScienceSize 1e10' { Get-VlassImageGeometry -ScienceSize 1e10 }
Add-Case 4 '-ScienceSize 1e19' { Get-VlassImageGeometry -ScienceSize 1e19 }
Add-Case 4 'New-SeipParameterList -Imsize 2147483646' { New-SeipParameterList -Position $pos -Imsize 2147483646 -PassThru }
Add-Case 4 "ConvertTo-VlassPosition '١٢٣ ٤٥'" { ConvertTo-VlassPosition '١٢٣ ٤٥' }
Add-Case 4 'ConvertTo-VlassPosition full-width digits' { ConvertTo-VlassPosition '１２３ ４５' }
Add-Case 4 "Get-VlassTile -TileName 'T١٢t١٣'" { Get-VlassTile -TileName 'T١٢t١٣' }
Add-Case 4 "{Ra='12.5';Dec='abc'} then a good object | ConvertTo-VlassPosition" { [pscustomobject]@{ Ra = '12.5'; Dec = 'abc' }, [pscustomobject]@{ Ra = '12.5'; Dec = '4.5' } | ConvertTo-VlassPosition } 'TypedOrCorrect' -correct { param($out) @($out).Count -eq 1 -and $out[0].RaDeg -eq 12.5 }
Add-Case 4 'Import-VlassTarget <directory>' { Import-VlassTarget -LiteralPath $in }
Add-Case 4 "Set-VlassConfiguration -ArchiveBaseUri 'not a uri'" { Set-VlassConfiguration -ArchiveBaseUri 'not a uri' -Path (Join-Path $Sandbox 'c.yml') -Confirm:$false }
Add-Case 4 'New-VlassSplitScript -Path <directory>' {
    $f = Get-VlassMeasurementSet -LiteralPath $ms -WarningAction SilentlyContinue | ForEach-Object { $_ | Select-VlassField -Position $_.Fields[0].PhaseDir -ScienceSize 500 -WarningAction SilentlyContinue }
    $f | New-VlassSplitScript -Path $in -Confirm:$false }
$inf = New-Text 'inf.list' "cell=1e99999`n"
Add-Case 4 'Import-SeipParameterList cell=1e99999 (Python reads inf)' { Import-SeipParameterList -LiteralPath $inf } 'TypedOrCorrect' -correct { param($out) [double]::IsPositiveInfinity($out[0]['cell']) -or "$($out[0].Parameters['cell'])" -match 'inf' }
Add-Case 4 '-Parameter @{x=NaN}' { New-SeipParameterList -Position $pos -Parameter @{ x = [double]::NaN } -PassThru -Path (Join-Path $Sandbox 'nan.list') -Confirm:$false } 'TypedOrCorrect'
Add-Case 4 "Get-VlassObservation -TileName 'T12t13['" { Get-VlassObservation -TileName 'T12t13[' -CacheDirectory $cache }
Add-Case 4 "Get-VlassObservation -Epoch 'VLASS[2'" { Get-VlassObservation -TileName T12t13 -Epoch 'VLASS[2' -CacheDirectory $cache } 'TypedOrCorrect'
Add-Case 4 'RegionMissing has a target' { Measure-VlassFlux -Path $fits -RegionFile (New-Text 'empty.crtf' "#CRTFv0`n") }

# §5 unbounded work and special files
Add-Case 5 'flux -Circle -Radius 36000' { Measure-VlassFlux -Path $fits -Circle $pos -Radius 36000 } 'TypedOrCorrect'
Add-Case 5 'flux -Circle -Radius 1e5' { Measure-VlassFlux -Path $fits -Circle $pos -Radius 1e5 } 'TypedOrCorrect'
Add-Case 5 'flux -Box -Width 1e5' { Measure-VlassFlux -Path $fits -Box $pos -Width 1e5 -Height 1e5 } 'TypedOrCorrect'
Add-Case 5 'DS9 1e400"' { Measure-VlassFlux -Path $fits -RegionFile (New-Text 'a.reg' "# Region file format: DS9`nfk5`ncircle(121.98974,4.54293,1e400`")`n") }
Add-Case 5 'DS9 359d' { Measure-VlassFlux -Path $fits -RegionFile (New-Text 'b.reg' "# Region file format: DS9`nfk5`ncircle(121.98974,4.54293,359d)`n") }
Add-Case 5 'CRTF 1e30arcsec' { Measure-VlassFlux -Path $fits -RegionFile (New-Text 'c.crtf' "#CRTFv0`ncircle [[121.98974deg, 4.54293deg], 1e30arcsec]`n") }
$pv = Join-Path $in 'pv.fits'
$bytes = [System.IO.File]::ReadAllBytes($fits)
$headerText = [System.Text.Encoding]::ASCII.GetString($bytes, 0, 2880 * 4)
$end = $headerText.IndexOf('END' + (' ' * 77))
if ($end -ge 0) { $card = [System.Text.Encoding]::ASCII.GetBytes('PV2_1   =               1e+300'.PadRight(80) + 'END'.PadRight(80)); [Array]::Copy($card, 0, $bytes, $end, [Math]::Min($card.Length, 2880 * 4 - $end)) }
[System.IO.File]::WriteAllBytes($pv, $bytes)
Add-Case 5 'image with PV2_1=1e300' { Measure-VlassFlux -Path $pv -Circle $pos -Radius 10 } 'TypedOrCorrect'
$fifoMs = Join-Path $in 'fifo.ms'
$null = New-Item -ItemType Directory -Path $fifoMs
& /usr/bin/mkfifo (Join-Path $fifoMs 'table.dat')
Add-Case 5 'MS with a FIFO table.dat' { Get-VlassMeasurementSet -LiteralPath $fifoMs }
$fifoLock = Join-Path $in 'fifolock.ms'
Copy-Item -LiteralPath $ms -Destination $fifoLock -Recurse
Remove-Item -LiteralPath (Join-Path $fifoLock 'table.lock')
& /usr/bin/mkfifo (Join-Path $fifoLock 'table.lock')
Add-Case 5 'MS with a FIFO table.lock' { Get-VlassMeasurementSet -LiteralPath $fifoLock }
Add-Case 5 'Import-SeipParameterList <FIFO>' { Import-SeipParameterList -LiteralPath $fifo }
Add-Case 5 'Import-VlassTarget <FIFO>' { Import-VlassTarget -LiteralPath $fifo }
Add-Case 5 'Update-VlassSurveyCatalog -Path <FIFO>' { Update-VlassSurveyCatalog -Path $fifo -CacheDirectory $cache -Confirm:$false } -kept $cacheKept
Add-Case 5 'Get-VlassConfiguration -Path <FIFO>' { Get-VlassConfiguration -Path $fifo }
Add-Case 5 'New-SeipParameterList -Path <FIFO>' { New-SeipParameterList -Position $pos -Path $fifo -Force -Confirm:$false } -kept { (& /usr/bin/stat -c %F $fifo) -eq 'fifo' }
foreach ($dev in '/dev/zero', '/dev/urandom', '/dev/full') {
    Add-Case 5 "Import-VlassTarget $dev" ([scriptblock]::Create("Import-VlassTarget -LiteralPath '$dev'"))
}
Add-Case 5 'VLASSPS_CONFIG=/dev/zero' { $env:VLASSPS_CONFIG = '/dev/zero'; try { Get-VlassConfiguration } finally { $env:VLASSPS_CONFIG = $null } }
$cont = Join-Path $in 'continue.fits'
$cards = [System.Text.StringBuilder]::new()
foreach ($c in 'SIMPLE  =                    T', 'BITPIX  =                  -32', 'NAXIS   =                    2', 'NAXIS1  =                    2', 'NAXIS2  =                    2',
    "CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'", 'CRPIX1  =                  1.0', 'CRPIX2  =                  1.0', 'CRVAL1  =                 10.0',
    'CRVAL2  =                 10.0', 'CDELT1  =              -0.0001', 'CDELT2  =               0.0001', "LONGSTR = 'start&'") { $null = $cards.Append($c.PadRight(80)) }
for ($i = 0; $i -lt 20000; $i++) { $null = $cards.Append(("CONTINUE  'piece{0:D5}{1}'" -f $i, $(if ($i -lt 19999) { '&' } else { '' })).PadRight(80)) }
$null = $cards.Append('END'.PadRight(80))
$headerBytes = [System.Text.Encoding]::ASCII.GetBytes($cards.ToString().PadRight([int]([Math]::Ceiling($cards.Length / 2880) * 2880)))
[System.IO.File]::WriteAllBytes($cont, $headerBytes + [byte[]]::new(2880))
Add-Case 5 'FITS header with 20k CONTINUE cards' { Get-VlassImage -LiteralPath $cont } 'Correct' { param($out) @($out).Count -eq 1 -and $out[0].Width -eq 2 }
if ($HostileMsDir) {
    Add-Case 5 '5 MB STATE OBS_MODE' ([scriptblock]::Create("Get-VlassMeasurementSet -LiteralPath '$(Join-Path $HostileMsDir 'state_obs_mode_5mb.ms')' -WarningAction SilentlyContinue")) 'Correct' { param($out) @($out[0].Fields | Where-Object { $_.Rows -gt 0 -and ($_.Intents -join ',') -eq 'PHASE,TARGET' }).Count -gt 0 }
}
Add-Case 5 'Get-VlassImage -Statistics (windowed)' { Get-VlassImage -LiteralPath $fits -Statistics } 'Correct' { param($out) $out[0].Statistics.FiniteCount -gt 0 }
$whatIfList = Join-Path $Sandbox 'whatif/SEIP_parameter.list'
Add-Case 5 'New-SeipParameterList -WhatIf writes nothing' { New-SeipParameterList -Position $pos -Path $whatIfList -WhatIf } 'Correct' { param($out) -not (Test-Path -LiteralPath $whatIfList) }

# §6 lower severity
foreach ($lit in "'\U99999999'", "'a`0b'", (('[' * 1000) + (']' * 1000))) {
    $p = New-Text ("lit{0}.list" -f $cases.Count) "x=$lit`n"
    Add-Case 6 "Import-SeipParameterList x=$($lit.Substring(0, [Math]::Min(14, $lit.Length)) -replace "`0", '\0')" ([scriptblock]::Create("Import-SeipParameterList -LiteralPath '$p'"))
}
$snow = New-Text 'snow.list' "x='\N{SNOWMAN}'`n"
Add-Case 6 "Import-SeipParameterList x='\N{SNOWMAN}'" { Import-SeipParameterList -LiteralPath $snow } 'Correct' { param($out) $out[0]['x'] -eq [string][char]0x2603 }
Add-Case 6 'Get-VlassTile -Ra 720.5' { Get-VlassTile -Ra 720.5 -Dec 10 }
Add-Case 6 'RA 359.9999999999999 as IAU and CASA' { $p = ConvertTo-VlassPosition '359.9999999999999 0'; $p.IauName; $p.Casa; ConvertTo-VlassPosition '359.9999999999999 0' -As Degrees } 'Correct' { param($out) ($out -join '|') -notmatch '240000|24:00|360' }
$sched = Join-Path $Sandbox 'sched.yml'
[System.IO.File]::WriteAllText($sched, "scheduler: `"99`"`n")
Add-Case 6 'config scheduler: "99"' { Get-VlassConfiguration -Path $sched }
[System.IO.File]::WriteAllText((Join-Path $Sandbox 'torque.yml'), "scheduler: Torque`n")
Add-Case 6 'config scheduler: Torque' { Get-VlassConfiguration -Path (Join-Path $Sandbox 'torque.yml') } 'TypedOrCorrect' -correct { param($out) "$($out[0].Scheduler)" -in 'Pbs', 'Torque' }
Add-Case 6 "-CasaPath ''" { Set-VlassConfiguration -CasaPath '' -Path (Join-Path $Sandbox 'casa.yml') -Confirm:$false } 'TypedOrCorrect' -kept { -not (Test-Path (Join-Path $Sandbox 'casa.yml')) -or (Get-Content -Raw (Join-Path $Sandbox 'casa.yml')) -notmatch [regex]::Escape($Sandbox) }
Add-Case 6 'lone surrogate in -OutputDirectory' {
    $f = Get-VlassMeasurementSet -LiteralPath $ms -WarningAction SilentlyContinue | ForEach-Object { $_ | Select-VlassField -Position $_.Fields[0].PhaseDir -ScienceSize 500 -WarningAction SilentlyContinue }
    $f | New-VlassSplitScript -Path (Join-Path $Sandbox 'sur.py') -OutputDirectory "$Sandbox/o`u{D800}" -Confirm:$false } -kept { -not (Test-Path (Join-Path $Sandbox 'sur.py')) }

# ---- the runner ----
$iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
$iss.ImportPSModule([string[]]@($ModuleManifest))
foreach ($v in 'fits', 'fits2', 'ms', 'pos', 'in', 'cache', 'half', 'base', 'configFile', 'ModuleManifest', 'Sandbox', 'inf', 'pv', 'fifoMs', 'fifoLock', 'fifo', 'cont', 'snow', 'sched', 'whatIfList', 'deepCrtf') {
    $iss.Variables.Add([System.Management.Automation.Runspaces.SessionStateVariableEntry]::new($v, (Get-Variable $v -ValueOnly), ''))
}
$iss.Commands.Add([System.Management.Automation.Runspaces.SessionStateFunctionEntry]::new('New-Text', ${function:New-Text}.ToString()))
$runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($iss)
$runspace.Open()
$null = $runspace.SessionStateProxy.Path.SetLocation($Sandbox)
$iss2 = $null

$stats = [ordered]@{ inputs = 0; typedErrors = 0; correctResults = 0; rawExceptions = 0; hangs = 0; wrongResults = 0; dataLost = 0; crashes = 0 }
$bySection = [ordered]@{}
$problems = [System.Collections.Generic.List[object]]::new()
$log = [System.Collections.Generic.List[object]]::new()
foreach ($c in $cases) {
    $stats.inputs++
    if (-not $bySection.Contains("$($c.Section)")) { $bySection["$($c.Section)"] = 0 }
    $bySection["$($c.Section)"]++
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $null = $ps.AddScript($c.Call.ToString())
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    $async = $ps.BeginInvoke()
    if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSec))) {
        $stats.hangs++; $problems.Add(@{ case = $c.Label; problem = 'hang' })
        & /bin/sh -c 'exec 3<>"$1"; sleep 0.1' _ $fifo
        $null = $ps.BeginStop($null, $null)
        continue
    }
    $out = @(); $terminating = $null; $rawTerminating = $null
    try { $out = @($ps.EndInvoke($async)) }
    catch {
        $ex = $_.Exception
        if ($ex -is [System.Management.Automation.MethodInvocationException]) { $ex = $ex.InnerException }
        while ($null -ne $ex -and $ex -isnot [System.Management.Automation.IContainsErrorRecord]) { $ex = $ex.InnerException }
        if ($null -ne $ex) { $terminating = $ex.ErrorRecord } else { $rawTerminating = $_.Exception }
    }
    $seconds = $sw.Elapsed.TotalSeconds
    $records = @($ps.Streams.Error) + @(if ($terminating) { $terminating })
    $ps.Dispose()
    $raw = @($records | Where-Object {
        $id = ($_.FullyQualifiedErrorId -split ',')[0]
        $binding = $_.Exception -is [System.Management.Automation.ParameterBindingException] -or $id -in 'ParameterArgumentValidationError', 'ParameterArgumentTransformationError', 'CannotConvertArgumentNoMessage'
        -not (($knownIds.Contains($id) -or $binding) -and $_.CategoryInfo.Category -ne 'NotSpecified')
    })
    $isCorrect = if ($null -eq $c.Correct) { $true } else { try { [bool](& $c.Correct $out) } catch { $false } }
    $outcome =
        if ($rawTerminating -or $raw.Count -gt 0) { 'raw' }
        elseif ($c.Expect -ne 'Typed' -and $isCorrect -and ($records.Count -eq 0 -or $null -ne $c.Correct)) { 'correct' }
        elseif ($records.Count -gt 0 -and $c.Expect -ne 'Correct') { 'typed' }
        else { 'wrong' }
    switch ($outcome) {
        'raw' { $stats.rawExceptions++; $problems.Add(@{ case = $c.Label; problem = 'raw'; detail = "$(if ($rawTerminating) { $rawTerminating.GetType().FullName + ': ' + $rawTerminating.Message } else { $raw[0].FullyQualifiedErrorId + ': ' + $raw[0].Exception.Message })" }) }
        'typed' { $stats.typedErrors++ }
        'correct' { $stats.correctResults++ }
        default { $stats.wrongResults++; $problems.Add(@{ case = $c.Label; problem = 'wrong'; detail = "errors: $(@($records | ForEach-Object FullyQualifiedErrorId) -join '; '); output: $(@($out | Select-Object -First 3) -join ' | ')" }) }
    }
    $kept = if ($null -eq $c.Kept) { $true } else { try { [bool](& $c.Kept) } catch { $false } }
    if (-not $kept) { $stats.dataLost++; $problems.Add(@{ case = $c.Label; problem = 'data lost or unbounded' }) }
    $log.Add([ordered]@{ section = $c.Section; case = ($c.Label -replace '[\ud800-\udfff]', '?'); outcome = $outcome; seconds = [Math]::Round($seconds, 2); ids = @($records | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] }) })
}
$listener.Stop()
$null = $server.BeginStop($null, $null)
$served = [ordered]@{}
foreach ($kv in $requests.ToArray()) { $served[$kv.Key] = $kv.Value }
[ordered]@{ stats = $stats; sections = $bySection; requests = $served; problems = $problems; cases = $log } | ConvertTo-Json -Depth 6 -Compress
exit 0
