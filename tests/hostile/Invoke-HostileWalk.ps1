# Walks every exported VlassPS cmdlet with hostile values for every parameter (and through the pipeline), each
# call in its own PowerShell instance with a timeout. Writes one JSON summary to standard output.
# Run by tests/VlassPS.Tests/Hostile/CmdletWalkTests.cs in a child process whose environment points every
# VlassPS folder into -Sandbox. Cmdlets are enumerated (Get-Command -Module VlassPS), never listed.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Sandbox,
    [Parameter(Mandatory)] [string] $ErrorIdFile,     # one VlassPS error id per line (VlassErrors.All)
    [Parameter(Mandatory)] [string] $FixtureRoot,     # tests/fixtures
    [Parameter(Mandatory)] [string] $SummaryTable,
    [double] $TimeoutSec = 5,
    [string] $Only = '',                              # a cmdlet name, to narrow a run by hand
    [string] $LogFile = ''                            # each call's label is appended here before it runs
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$WarningPreference = 'SilentlyContinue'

Import-Module -Name $ModuleManifest -ErrorAction Stop
$knownIds = [System.Collections.Generic.HashSet[string]]::new([string[]](Get-Content -LiteralPath $ErrorIdFile))
Set-Location -LiteralPath $Sandbox

# ---- hostile files, made here (FIFO and devices cannot be committed) ----
$missing = Join-Path $Sandbox 'no-such-file.txt'
$directory = Join-Path $Sandbox 'a-directory'
$null = New-Item -ItemType Directory -Path $directory -Force
$fifo = Join-Path $Sandbox 'a-fifo'
if (-not (Test-Path -LiteralPath $fifo)) { & /usr/bin/mkfifo $fifo }
$bracket = Join-Path $Sandbox 'T12t13[1].txt'
[System.IO.File]::WriteAllText($bracket, "name,ra,dec`nA,1,2`n")
$plainCsv = Join-Path $Sandbox 'targets.csv'
[System.IO.File]::WriteAllText($plainCsv, "name,ra,dec`nJ0807,121.98974,4.54293`n")
$tableCopy = Join-Path $Sandbox 'summary.txt'
Copy-Item -LiteralPath $SummaryTable -Destination $tableCopy -Force

# Private copies: writers (Compare-VlassImage's difference images, lock files) must never touch tests/fixtures.
$inputs = Join-Path $Sandbox 'inputs'
$null = New-Item -ItemType Directory -Path $inputs -Force
$fits = Join-Path $inputs 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits'
Copy-Item -LiteralPath (Join-Path $FixtureRoot 'fits/VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits') -Destination $fits
$ms = Join-Path $inputs 'vlass_split.ms'
Copy-Item -LiteralPath (Join-Path $FixtureRoot 'casa/vlass_split.ms') -Destination $ms -Recurse
$seip = Join-Path $inputs 'memo_style.list'
Copy-Item -LiteralPath (Join-Path $FixtureRoot 'seip/memo_style.list') -Destination $seip
$crtf = Join-Path $inputs 'regions.crtf'
Copy-Item -LiteralPath (Join-Path $FixtureRoot 'fits/regions.crtf') -Destination $crtf

$huge = 'x' * 100000
$strings = @($null, '', ' ', $huge, '[', '*?[]', 'NaN', '-1', '1e400', '١٢٣ ٤٥', '１２３ ４５', 'T١٢t١٣', "a`0b", "`u{D800}",
    $missing, $directory, $fifo, '/dev/zero', '/dev/full', '/dev/urandom', $bracket, 'file:///etc/passwd', 'not a uri')
$doubles = @([double]::NaN, [double]::PositiveInfinity, [double]::NegativeInfinity, -1.0, 0.0, 1e10, 1e19, 1e300, -1e300, [double]::Epsilon)
$ints = @(-1, 0, 2147483646, [int]::MaxValue, [int]::MinValue)

function Get-HostileValues([type] $type) {
    $t = if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type.GetGenericArguments()[0] } else { $type }
    $element = if ($t.IsArray) { $t.GetElementType() } else { $t }
    switch ($element) {
        { $_ -eq [string] } { return $strings }
        { $_ -in [double], [float] } { return @($doubles) + @($null, 'abc') }
        { $_ -in [int], [long] } { return @($ints) + @($null, 'abc') }
        { $_ -eq [char] } { return @([char]0, "`u{D800}", 'ab') }
        { $_ -eq [hashtable] } { return @($null, @{}, @{ x = [double]::NaN }, @{ '' = 1 }, @{ imsize = $huge }, @{ cell = [double]::PositiveInfinity }) }
        { $_ -eq [uri] } { return @($null, 'file:///etc/passwd', 'not a uri', 'ftp://127.0.0.1/', "http://127.0.0.1:9/$huge") }
        { $_ -eq [switch] } { return @() }
        default { return @($null, '', 'garbage', 42, [double]::NaN) }
    }
}

# Plausible values for the OTHER parameters of a call, so that the hostile one is reached.
$position = ConvertTo-VlassPosition -Ra 121.98974 -Dec 4.54293
$geometry = Get-VlassImageGeometry -ScienceSize 500 -Position $position
$msInfo = Get-VlassMeasurementSet -LiteralPath $ms
$list = Import-SeipParameterList -LiteralPath $seip -WarningAction SilentlyContinue
$plausible = @{
    'Ra' = 121.98974; 'Dec' = 4.54293; 'TileName' = 'T12t13'; 'Epoch' = 'VLASS2.1'
    'Position' = $position; 'From' = $position; 'To' = $position; 'Circle' = $position; 'Box' = $position; 'PhaseCenter' = $position
    'Polygon' = @($position, (ConvertTo-VlassPosition -Ra 122 -Dec 4.6), (ConvertTo-VlassPosition -Ra 122.1 -Dec 4.5))
    'Radius' = 10.0; 'Width' = 10.0; 'Height' = 10.0; 'ScienceSize' = 500.0; 'Geometry' = $geometry
    'Reference' = $fits; 'Difference' = $fits; 'RegionFile' = $crtf; 'ParameterList' = $list
    'InputObject' = '121.98974 4.54293'; 'All' = [switch]::Present
    'BaseUri' = 'http://127.0.0.1:9/quicklook/'; 'Uri' = 'http://127.0.0.1:9/summary'
    'MaximumRetryCount' = 0; 'TimeoutSec' = 2
}
$plausibleFor = @{
    'Get-VlassMeasurementSet:Path' = $ms; 'Get-VlassMeasurementSet:LiteralPath' = $ms
    'Select-VlassField:MeasurementSet' = $msInfo; 'New-VlassImagingWorkspace:MeasurementSet' = $ms
    'Import-SeipParameterList:Path' = $seip; 'Import-SeipParameterList:LiteralPath' = $seip
    'Import-VlassTarget:Path' = $plainCsv; 'Import-VlassTarget:LiteralPath' = $plainCsv
    'Update-VlassSurveyCatalog:Path' = $tableCopy
    'Get-VlassImage:Path' = $fits; 'Get-VlassImage:LiteralPath' = $fits; 'Measure-VlassFlux:Path' = $fits
    'New-VlassSplitScript:InputObject' = $null
}
# Optional parameters always set so no call leaves the machine or waits on a network.
$alwaysFor = @{
    'Find-VlassExecutionBlock' = @{ BaseUri = 'http://127.0.0.1:9/quicklook/'; MaximumRetryCount = 0; TimeoutSec = 2 }
    'Update-VlassSurveyCatalog' = @{ Uri = 'http://127.0.0.1:9/summary'; MaximumRetryCount = 0; TimeoutSec = 2 }
}

$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

# ---- the runner: one runspace with the module, recreated after a call that cannot be stopped ----
$script:runspace = $null
function New-WalkRunspace {
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $iss.ImportPSModule([string[]]@($ModuleManifest))
    $rs = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($iss)
    $rs.Open()
    $null = $rs.SessionStateProxy.Path.SetLocation($Sandbox)
    $script:runspace = $rs
}
New-WalkRunspace

function Unblock-Fifo {
    # Opening a FIFO read-write never blocks on Linux and gives a blocked reader its writer (then EOF).
    & /bin/sh -c 'exec 3<>"$1"; sleep 0.1' _ $fifo
}

$stats = [ordered]@{ inputs = 0; typedErrors = 0; bindingErrors = 0; rawErrors = 0; hangs = 0; succeeded = 0; cmdlets = 0 }
$raw = [System.Collections.Generic.List[object]]::new()
$hangs = [System.Collections.Generic.List[object]]::new()

function Test-Record($record, [string] $label, $container) {
    $id = ($record.FullyQualifiedErrorId -split ',')[0]
    $category = $record.CategoryInfo.Category
    # The engine's own parameter binding and validation errors (before any VlassPS code runs) are typed too.
    $isBinding = $record.Exception -is [System.Management.Automation.ParameterBindingException] -or $container -is [System.Management.Automation.ParameterBindingException]
    if ($knownIds.Contains($id) -and $category -ne 'NotSpecified') { $stats.typedErrors++ }
    elseif ($isBinding -and $category -ne 'NotSpecified') { $stats.bindingErrors++ }
    else {
        $stats.rawErrors++
        $raw.Add([ordered]@{ call = $label; id = $record.FullyQualifiedErrorId; category = "$category"; message = ("$($record.Exception.Message)" -replace '\s+', ' ').Substring(0, [Math]::Min(200, "$($record.Exception.Message)".Length)) })
    }
}

function Describe-Value($v) {
    if ($null -eq $v) { return '$null' }
    $s = "$v"
    if ($s.Length -gt 40) { $s = $s.Substring(0, 40) + "…($($s.Length))" }
    return "'$($s -replace "`0", '\0')'"
}

function Invoke-Case([string] $cmdlet, [hashtable] $arguments, [object[]] $pipeline, [string] $label) {
    $stats.inputs++
    if ($LogFile) { [System.IO.File]::AppendAllText($LogFile, ($label -replace "[\uD800-\uDFFF]", "?") + "`n") }
    $ps = [powershell]::Create()
    $ps.Runspace = $script:runspace
    $null = $ps.AddCommand($cmdlet)
    foreach ($k in $arguments.Keys) { $null = $ps.AddParameter($k, $arguments[$k]) }
    $null = $ps.AddParameter('ErrorAction', 'Continue').AddParameter('WarningAction', 'SilentlyContinue')
    if ((Get-Command $cmdlet).Parameters.ContainsKey('Confirm')) { $null = $ps.AddParameter('Confirm', $false) }
    $in = [System.Management.Automation.PSDataCollection[object]]::new()
    if ($null -ne $pipeline) { foreach ($p in $pipeline) { $in.Add($p) } }
    $in.Complete()
    $output = [System.Management.Automation.PSDataCollection[object]]::new()
    $async = $ps.BeginInvoke($in, $output)
    if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSec))) {
        $stats.hangs++
        $hangs.Add($label)
        Unblock-Fifo
        $stop = $ps.BeginStop($null, $null)
        if (-not $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(5))) { New-WalkRunspace; return }   # abandoned
        try { $ps.EndInvoke($async) } catch { }
        $ps.Dispose()
        return
    }
    $terminating = $null
    $container = $null
    try { $null = $ps.EndInvoke($async) }
    catch {
        $ex = $_.Exception
        if ($ex -is [System.Management.Automation.MethodInvocationException]) { $ex = $ex.InnerException }
        while ($null -ne $ex -and $ex -isnot [System.Management.Automation.IContainsErrorRecord]) { $ex = $ex.InnerException }
        if ($null -ne $ex) { $terminating = $ex.ErrorRecord; $container = $ex }
        else {
            $stats.rawErrors++
            $raw.Add([ordered]@{ call = $label; id = $_.Exception.GetType().FullName; category = 'none'; message = "$($_.Exception.Message)" })
        }
    }
    $records = @($ps.Streams.Error) + @(if ($terminating) { $terminating })
    foreach ($r in $records) { Test-Record $r $label $(if ($r -eq $terminating) { $container }) }
    if ($records.Count -eq 0) { $stats.succeeded++ }
    $ps.Dispose()
}

foreach ($command in Get-Command -Module VlassPS -CommandType Cmdlet | Sort-Object Name) {
    if ($Only -and $command.Name -ne $Only) { continue }
    $stats.cmdlets++
    $name = $command.Name
    $always = if ($alwaysFor.ContainsKey($name)) { $alwaysFor[$name] } else { @{} }
    foreach ($set in $command.ParameterSets) {
        $params = @($set.Parameters | Where-Object { $common -notcontains $_.Name -and $_.Name -notin 'WhatIf', 'Confirm' })
        foreach ($target in $params) {
            foreach ($value in @(Get-HostileValues $target.ParameterType)) {
                $arguments = @{}
                foreach ($k in $always.Keys) { if ($set.Parameters.Name -contains $k) { $arguments[$k] = $always[$k] } }
                foreach ($p in $params | Where-Object { $_.IsMandatory -and $_.Name -ne $target.Name }) {
                    $key = "${name}:$($p.Name)"
                    $arguments[$p.Name] = if ($plausibleFor.ContainsKey($key)) { $plausibleFor[$key] } elseif ($plausible.ContainsKey($p.Name)) { $plausible[$p.Name] } else { 'x' }
                }
                $arguments[$target.Name] = $value
                Invoke-Case $name $arguments $null "$name [$($set.Name)] -$($target.Name) $(Describe-Value $value)"
            }
        }
    }
    # Pipeline: hostile strings alone, then a bad item before a good one.
    $defaultSet = @($command.ParameterSets | Where-Object IsDefault)
    $pipeArgs = @{}
    foreach ($k in $always.Keys) { if ($defaultSet.Count -eq 0 -or $defaultSet[0].Parameters.Name -contains $k) { $pipeArgs[$k] = $always[$k] } }
    foreach ($value in $strings) { Invoke-Case $name $pipeArgs @(, $value) "$(Describe-Value $value) | $name" }
}

[ordered]@{ stats = $stats; raw = $raw; hangs = $hangs } | ConvertTo-Json -Depth 5 -Compress
