# Runs inside the xUnit test process (PesterHost.cs), after real Pester is imported. Turns Pester's own
# discovery and result objects into flat rows, one per It, that the C# side maps to xUnit cases.
# A row's Key (template Describe/Context/It path + occurrence) is the same in discovery and in the run, because
# Pester expands -ForEach names only when the test runs.
Set-StrictMode -Version Latest

function script:Get-BridgeRow([object]$Container, [string]$Id, [string]$Mode) {
    $seen = @{}
    foreach ($test in @(Get-BridgeTest $Container.Blocks)) {
        $template = $test.Path -join ' › '
        $seen[$template] = 1 + [int]$seen[$template]
        $key = "$template#$($seen[$template])"
        $name = if ($Mode -eq 'Run') { $test.ExpandedPath -replace '\.', ' › ' } else { Get-BridgeExpandedName $test }
        $message = ''
        if ($Mode -eq 'Run' -and $test.Result -eq 'Skipped') { $message = Get-BridgeSkipReason $test }
        elseif ($Mode -eq 'Run' -and $test.Result -ne 'Passed') { $message = Get-BridgeMessage $test $Container }
        [pscustomobject]@{ File = $Id; Key = $key; Name = $name; Result = [string]$test.Result; Message = $message }
    }
}

function script:Get-BridgeTest([object[]]$Blocks) {
    foreach ($block in $Blocks) { $block.Tests; Get-BridgeTest $block.Blocks }
}

# The display path at discovery: the It name with its -ForEach data filled in (Pester's <name> templates).
function script:Get-BridgeExpandedName([object]$Test) {
    $names = [System.Collections.Generic.List[string]]::new()
    foreach ($segment in $Test.Path) { $names.Add($segment) }
    $data = $Test.Data
    if ($data -is [System.Collections.IDictionary]) {
        $it = $names[$names.Count - 1]
        foreach ($k in $data.Keys) { $it = $it.Replace("<$k>", [string]$data[$k]) }
        $names[$names.Count - 1] = $it
    }
    elseif ($null -ne $data) { $names[$names.Count - 1] = $names[$names.Count - 1].Replace('<_>', [string]$data) }
    $names -join ' › '
}

# The error of the It, else the first error of an enclosing block (a failed BeforeAll), else of the file.
function script:Get-BridgeMessage([object]$Test, [object]$Container) {
    $records = @($Test.ErrorRecord)
    for ($block = $Test.Block; $records.Count -eq 0 -and $null -ne $block; $block = $block.Parent) { $records = @($block.ErrorRecord) }
    if ($records.Count -eq 0) { $records = @($Container.ErrorRecord) }
    $lines = foreach ($r in $records) {
        $r.ToString()
        if ($r -is [System.Management.Automation.ErrorRecord] -and $r.ScriptStackTrace) { $r.ScriptStackTrace }
    }
    $lines -join [Environment]::NewLine
}

# Why Pester skipped the It, for the xUnit skip reason. Set-ItResult -Skipped -Because carries its reason (and
# where it was called); -Skip has none in Pester 5, so the reason names the It or the Describe/Context that set it.
function script:Get-BridgeSkipReason([object]$Test) {
    $file = [System.IO.Path]::GetFileName([string]$Test.ScriptBlock.File)
    foreach ($r in @($Test.ErrorRecord)) {
        if ($r -isnot [System.Management.Automation.ErrorRecord] -or $r.FullyQualifiedErrorId -ne 'PesterTestSkipped') { continue }
        # Where: the It (Set-ItResult may have been called from a helper in another file).
        $because = $r.Exception.Message -replace '^is skipped(, because )?', ''
        if ($because) { return "Skipped: $because ($file`:$($Test.StartLine))" }
        return "Skipped by Set-ItResult -Skipped without -Because ($file`:$($Test.StartLine))"
    }
    $outer = $null
    for ($block = $Test.Block; $null -ne $block -and -not $block.IsRoot; $block = $block.Parent) { if ($block.Skip) { $outer = $block } }
    if ($null -ne $outer) { return "Skipped: '$($outer.Name)' has -Skip ($file`:$($outer.StartLine)); Pester 5's -Skip gives no reason" }
    "Skipped: the It has -Skip ($file`:$($Test.StartLine)); Pester 5's -Skip gives no reason, Set-ItResult -Skipped -Because does"
}

function script:Get-BridgeConfiguration([string[]]$Path, [switch]$SkipRun) {
    $c = New-PesterConfiguration
    $c.Run.Path = $Path
    $c.Run.SkipRun = [bool]$SkipRun
    $c.Run.PassThru = $true
    $c.Run.Exit = $false
    $c.Run.Throw = $false
    $c.Output.Verbosity = 'None'
    $c
}

# Discovery: every It of every file, as Pester sees it (BeforeDiscovery and Describe bodies run; no It runs).
# A file that fails discovery yields one row with its error, so the failure surfaces as an xUnit case.
function Get-BridgeCase([string[]]$Path, [string]$Root) {
    $result = Invoke-Pester -Configuration (Get-BridgeConfiguration -Path $Path -SkipRun)
    foreach ($container in $result.Containers) {
        $id = [System.IO.Path]::GetRelativePath($Root, [string]$container.Item).Replace('\', '/')
        if ($container.Result -eq 'Failed' -or @($container.ErrorRecord).Count -gt 0) {
            [pscustomobject]@{ File = $id; Key = '(file)#1'; Name = '(file fails discovery)'; Result = 'Failed'
                Message = (@($container.ErrorRecord) | ForEach-Object { "$_" }) -join [Environment]::NewLine }
        }
        Get-BridgeRow $container $id 'Discover'
    }
}

# Run one file; every It's row carries Passed/Failed/Skipped/NotRun and the error text.
function Invoke-BridgeFile([string]$Path, [string]$Root) {
    $result = Invoke-Pester -Configuration (Get-BridgeConfiguration -Path $Path)
    foreach ($container in $result.Containers) {
        $id = [System.IO.Path]::GetRelativePath($Root, [string]$container.Item).Replace('\', '/')
        if (@($container.ErrorRecord).Count -gt 0) {
            [pscustomobject]@{ File = $id; Key = '(file)#1'; Name = '(file)'; Result = 'Failed'
                Message = (@($container.ErrorRecord) | ForEach-Object { "$_"; $_.ScriptStackTrace }) -join [Environment]::NewLine }
        }
        Get-BridgeRow $container $id 'Run'
    }
}
