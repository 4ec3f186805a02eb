# The one oracle policy (as tests/VlassPS.Tests/Oracle.cs), for Pester files. Dot-source it in BeforeAll and
# start an oracle It with `Skip-ItWithoutOracle ...`: a missing oracle SKIPS the It on a developer machine, with
# the reason and install line; with VLASSPS_REQUIRE_ORACLES=1 (CI) it fails the It.
$script:OraclePython = if ($env:VLASSPS_ORACLE_PYTHON) { $env:VLASSPS_ORACLE_PYTHON } else { '/usr/bin/python3' }
$script:OracleInstallLine = 'sudo apt-get install python3 python3-numpy python3-scipy python3-astropy python3-casacore python3-photutils python3-regions python3-reproject shellcheck xvfb xauth'

# Why the python3 oracle (with the given modules) cannot run, or $null when it can.
function script:Get-OracleProblem([string[]]$Module = @()) {
    if (-not [System.IO.File]::Exists($script:OraclePython)) { return "$script:OraclePython not found" }
    if ($Module.Count -gt 0) {
        $null = & $script:OraclePython -c "import $($Module -join ',')" 2>&1
        if ($LASTEXITCODE -ne 0) { return "$script:OraclePython cannot import $($Module -join ',')" }
    }
    $null
}

$script:OracleRequired = $env:VLASSPS_REQUIRE_ORACLES -eq '1'

# The first line of an oracle It: with the oracle missing it skips the It, giving the problem and the install
# line as the skip reason (xUnit shows it); where oracles are required (CI) it fails the It instead.
function script:Skip-ItWithoutOracle([string[]]$Module = @()) {
    $problem = Get-OracleProblem $Module
    if (-not $problem) { return }
    if ($script:OracleRequired) { Assert-Oracle $Module }
    Set-ItResult -Skipped -Because "oracle missing: $problem. Install: $script:OracleInstallLine"
}

# The same for a command-line tool (xvfb-run, shellcheck) found on PATH.
function script:Skip-ItWithoutTool([string]$Name) {
    if (Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue) { return }
    $problem = "'$Name' not found on PATH"
    if ($script:OracleRequired) { throw "Oracle missing: $problem. Install: $script:OracleInstallLine (VLASSPS_REQUIRE_ORACLES=1 makes a missing oracle a failure)" }
    Set-ItResult -Skipped -Because "oracle missing: $problem. Install: $script:OracleInstallLine"
}

# For -Skip:(Test-OracleSkip): Pester 5's -Skip carries no reason, so prefer Skip-ItWithoutOracle in the It.
function script:Test-OracleSkip([string[]]$Module = @()) {
    $null -ne (Get-OracleProblem $Module) -and $env:VLASSPS_REQUIRE_ORACLES -ne '1'
}

function script:Assert-Oracle([string[]]$Module = @()) {
    $problem = Get-OracleProblem $Module
    if ($problem) { throw "Oracle missing: $problem. Install: $script:OracleInstallLine (VLASSPS_REQUIRE_ORACLES=1 makes a missing oracle a failure)" }
}
