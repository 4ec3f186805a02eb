# A Pester 5 compatible subset for hosts that have the PowerShell engine but not the Pester module (the xUnit
# test host, machines without the PowerShell Gallery). The *.Tests.ps1 files use only Pester 5 syntax and run
# unchanged under real Pester. Semantics kept from Pester 5: Describe/Context bodies run at discovery,
# BeforeAll/It/AfterAll at run time; BeforeAll variables are visible to the block's Its; BeforeEach/AfterEach
# wrap every It of the block and its children; each It runs in its own child scope; $TestDrive per block.

$script:__ShimState = @{ Current = $null; Results = [System.Collections.Generic.List[object]]::new(); File = $null }

function New-ShimNode([string]$Kind, [string]$Name, $Parent, [int]$Line) {
    [pscustomobject]@{
        Kind = $Kind; Name = $Name; Parent = $Parent; Line = $Line
        Children = [System.Collections.Generic.List[object]]::new()
        BeforeAll = [System.Collections.Generic.List[scriptblock]]::new()
        AfterAll = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new()
        AfterEach = [System.Collections.Generic.List[scriptblock]]::new()
        Test = $null; Data = $null; Skip = $false
    }
}

function Get-ShimPath($Node) {
    $names = [System.Collections.Generic.List[string]]::new()
    for ($n = $Node; $null -ne $n -and $n.Kind -ne 'Root'; $n = $n.Parent) { $names.Insert(0, $n.Name) }
    $names -join ' › '
}

function Add-ShimBlock([string]$Kind, [string]$Name, [scriptblock]$Fixture, [bool]$Skip, [int]$Line) {
    $parent = $script:__ShimState.Current
    if ($null -eq $parent) { throw "$Kind '$Name' must run inside Invoke-ShimFile." }
    $node = New-ShimNode $Kind $Name $parent $Line
    $node.Skip = $Skip -or $parent.Skip
    $parent.Children.Add($node)
    $script:__ShimState.Current = $node
    try { $null = & $Fixture } finally { $script:__ShimState.Current = $parent }
}

function Describe {
    param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Position = 1)][scriptblock]$Fixture,
        [string[]]$Tag, [switch]$Skip)
    Add-ShimBlock 'Describe' $Name $Fixture $Skip.IsPresent $MyInvocation.ScriptLineNumber
}

function Context {
    param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Position = 1)][scriptblock]$Fixture,
        [string[]]$Tag, [switch]$Skip)
    Add-ShimBlock 'Context' $Name $Fixture $Skip.IsPresent $MyInvocation.ScriptLineNumber
}

function It {
    param([Parameter(Mandatory, Position = 0)][string]$Name, [Parameter(Position = 1)][scriptblock]$Test,
        [Alias('TestCases')][object[]]$ForEach, [string[]]$Tag, [switch]$Skip)
    $parent = $script:__ShimState.Current
    $node = New-ShimNode 'It' $Name $parent $MyInvocation.ScriptLineNumber
    $node.Test = $Test; $node.Data = $ForEach; $node.Skip = $Skip.IsPresent -or $parent.Skip -or $null -eq $Test
    $parent.Children.Add($node)
}

function BeforeAll { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $script:__ShimState.Current.BeforeAll.Add($Scriptblock) }
function AfterAll { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $script:__ShimState.Current.AfterAll.Add($Scriptblock) }
function BeforeEach { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $script:__ShimState.Current.BeforeEach.Add($Scriptblock) }
function AfterEach { param([Parameter(Mandatory, Position = 0)][scriptblock]$Scriptblock) $script:__ShimState.Current.AfterEach.Add($Scriptblock) }

function Add-ShimResult($Node, [string]$Name, [string]$Result, [string]$Message, [double]$Ms) {
    $id = '{0}:{1}' -f $script:__ShimState.File, $Node.Line
    $parentPath = Get-ShimPath $Node.Parent
    $path = if ($parentPath) { "$parentPath › $Name" } else { $Name }
    $record = [pscustomobject]@{ Id = $id; Path = $path; Result = $Result; Message = $Message; Milliseconds = $Ms }
    $script:__ShimState.Results.Add($record)
}

function Format-ShimError($ErrorRecord) {
    # Point at the test file, not at the shim's own throw.
    $frames = @("$($ErrorRecord.ScriptStackTrace)" -split "`n" | Where-Object { $_ -and $_ -notmatch 'Shim\.ps1' })
    $where = if ($frames.Count -gt 0) { $frames -join "`n" } else { $ErrorRecord.InvocationInfo.PositionMessage }
    "$($ErrorRecord.Exception.Message)`n$where"
}

# Runs a block: its BeforeAll in a fresh child scope, then its children, then its AfterAll.
function Invoke-ShimBlock($__ShimNode, [object[]]$__ShimBefore, [object[]]$__ShimAfter) {
    & {
        $TestDrive = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'vlassps-testdrive-' + [guid]::NewGuid().ToString('N'))
        $null = [System.IO.Directory]::CreateDirectory($TestDrive)
        $__ShimSetupError = $null
        if (-not $__ShimNode.Skip) {
            try { foreach ($__ShimSb in $__ShimNode.BeforeAll) { . $__ShimSb } }
            catch { $__ShimSetupError = 'BeforeAll failed: ' + (Format-ShimError $_) }
        }
        $__ShimEachBefore = @($__ShimBefore) + @($__ShimNode.BeforeEach)
        $__ShimEachAfter = @($__ShimNode.AfterEach) + @($__ShimAfter)
        foreach ($__ShimChild in $__ShimNode.Children) {
            if ($__ShimChild.Kind -eq 'It') { Invoke-ShimIt $__ShimChild $__ShimEachBefore $__ShimEachAfter $__ShimSetupError }
            elseif ($null -ne $__ShimSetupError) { Skip-ShimBlock $__ShimChild $__ShimSetupError }
            else { Invoke-ShimBlock $__ShimChild $__ShimEachBefore $__ShimEachAfter }
        }
        if (-not $__ShimNode.Skip) {
            foreach ($__ShimSb in $__ShimNode.AfterAll) {
                try { . $__ShimSb } catch { [System.Console]::Error.WriteLine('AfterAll failed: ' + (Format-ShimError $_)) }
            }
        }
        [System.IO.Directory]::Delete($TestDrive, $true)
    }
}

function Skip-ShimBlock($Node, [string]$Why) {
    foreach ($c in $Node.Children) {
        if ($c.Kind -eq 'It') { Add-ShimResult $c $c.Name 'Failed' $Why 0 } else { Skip-ShimBlock $c $Why }
    }
}

# Runs one It (once per -ForEach item) in its own child scope, wrapped by the BeforeEach/AfterEach chain.
function Invoke-ShimIt($__ShimNode, [object[]]$__ShimBefore, [object[]]$__ShimAfter, [string]$__ShimSetupError) {
    # One run per -ForEach item; a single run (with $_ = $null) without data.
    if ($null -ne $__ShimNode.Data) { $__ShimItems = @($__ShimNode.Data) } else { $__ShimItems = [object[]]::new(1) }
    foreach ($__ShimItem in $__ShimItems) {
        $__ShimName = $__ShimNode.Name
        if ($__ShimItem -is [System.Collections.IDictionary]) {
            foreach ($k in $__ShimItem.Keys) { $__ShimName = $__ShimName.Replace("<$k>", "$($__ShimItem[$k])") }
        }
        elseif ($null -ne $__ShimItem) { $__ShimName = $__ShimName.Replace('<_>', "$__ShimItem") }
        if ($__ShimNode.Skip) { Add-ShimResult $__ShimNode $__ShimName 'Skipped' '' 0; continue }
        if ($__ShimSetupError) { Add-ShimResult $__ShimNode $__ShimName 'Failed' $__ShimSetupError 0; continue }
        $__ShimWatch = [System.Diagnostics.Stopwatch]::StartNew()
        $__ShimOutcome = & {
            if ($__ShimItem -is [System.Collections.IDictionary]) {
                foreach ($k in $__ShimItem.Keys) { $ExecutionContext.SessionState.PSVariable.Set($k, $__ShimItem[$k]) }
            }
            $_ = $__ShimItem
            $__ShimFailure = $null
            try {
                foreach ($__ShimSb in $__ShimBefore) { $null = . $__ShimSb }
                $null = . $__ShimNode.Test
            }
            catch { $__ShimFailure = Format-ShimError $_ }
            finally {
                foreach ($__ShimSb in $__ShimAfter) {
                    try { $null = . $__ShimSb } catch { if (-not $__ShimFailure) { $__ShimFailure = 'AfterEach failed: ' + (Format-ShimError $_) } }
                }
            }
            , $__ShimFailure
        }
        $__ShimFailureText = @($__ShimOutcome)[-1]
        $__ShimResult = if ($__ShimFailureText) { 'Failed' } else { 'Passed' }
        Add-ShimResult $__ShimNode $__ShimName $__ShimResult "$__ShimFailureText" $__ShimWatch.Elapsed.TotalMilliseconds
    }
}

# Discovers and runs one test file; returns one result per It (per -ForEach item).
function Invoke-ShimFile([string]$Path, [string]$Id) {
    $script:__ShimState.File = $Id
    $root = New-ShimNode 'Root' '' $null 0
    $script:__ShimState.Current = $root
    try { $null = . $Path }
    finally { $script:__ShimState.Current = $null }
    Invoke-ShimBlock $root @() @()
    $script:__ShimState.Results
}

. ([System.IO.Path]::Combine($PSScriptRoot, 'ShouldShim.ps1'))
