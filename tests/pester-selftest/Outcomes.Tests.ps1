# Not under tests/pester: run by PesterSelfTests.cs through the same in-process real Pester as every test file,
# to prove the mapping to xUnit. Every It name starts with the outcome it must have: "passes:", "fails:" or
# "skipped:".
Set-StrictMode -Version Latest

Describe 'Should' {
    It 'passes: a passing Should' { 5 | Should -Be 5 }
    It 'fails: a failing Should' { 5 | Should -Be 6 }
    It 'fails: a plain exception in the body' { throw 'boom' }
    It 'fails: strict mode catches an unset variable' { $notSetAnywhere | Should -BeNullOrEmpty }
    It 'passes: -Throw -ErrorId matches the whole FullyQualifiedErrorId with -like' {
        { throw [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('x'), 'TileNotFound', 'ObjectNotFound', 'T99') } |
            Should -Throw -ErrorId 'TileNotFound*'
    }
}

Describe 'Skips' {
    It 'skipped: -Skip' -Skip { throw 'must not run' }
    It 'skipped: -Skip:$true with a computed condition' -Skip:(1 -eq 1) { throw 'must not run' }
    It 'skipped: Set-ItResult -Skipped -Because gives the reason' { Set-ItResult -Skipped -Because 'the oracle is missing' }
    It 'passes: -Skip:$false runs' -Skip:(1 -eq 2) { 1 | Should -Be 1 }
    Context 'a skipped Context' -Skip {
        It 'skipped: inside a Context with -Skip' { throw 'must not run' }
    }
    It 'skipped: a missing oracle gives the problem and the install line' {
        . "$PSScriptRoot/../pester/Oracle.ps1"
        $script:OraclePython = '/nonexistent/python3'
        $script:OracleRequired = $false
        Skip-ItWithoutOracle
        throw 'must not run'
    }
}

Describe 'Data-driven' {
    It 'passes: -ForEach item <Value>' -ForEach @(@{ Value = 1 }, @{ Value = 2 }) { $Value | Should -BeLessThan 3 }
    It 'fails: -ForEach item <Value>' -ForEach @(@{ Value = 5 }) { $Value | Should -BeLessThan 3 }
}

Describe 'A failing BeforeAll' {
    BeforeAll { throw 'setup failed' }
    It 'fails: its Its fail with the setup error' { 1 | Should -Be 1 }
    It 'fails: every one of them' { 1 | Should -Be 1 }
}
