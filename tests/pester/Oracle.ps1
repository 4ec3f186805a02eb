# The one oracle policy (as tests/VlassPS.Tests/Oracle.cs), for Pester files. Dot-source it in BeforeDiscovery
# and give an oracle It `-Skip:(Test-OracleSkip ...)`: a missing oracle SKIPS the It on a developer machine;
# with VLASSPS_REQUIRE_ORACLES=1 (CI) the It is not skipped, and `Assert-Oracle` in its BeforeAll fails it.
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

function script:Test-OracleSkip([string[]]$Module = @()) {
    $null -ne (Get-OracleProblem $Module) -and $env:VLASSPS_REQUIRE_ORACLES -ne '1'
}

function script:Assert-Oracle([string[]]$Module = @()) {
    $problem = Get-OracleProblem $Module
    if ($problem) { throw "Oracle missing: $problem. Install: $script:OracleInstallLine (VLASSPS_REQUIRE_ORACLES=1 makes a missing oracle a failure)" }
}
