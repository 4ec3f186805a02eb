# Not a *.Tests.ps1 file: run by ShimSelfTests.cs to prove the shim's semantics. Every It name starts with the
# outcome it must have: "passes:", "fails:" or "skipped:". A failing Should must fail its It.
BeforeAll { $fileLevel = 'file' }

Describe 'Should operators' {
    It 'passes: -Be' { 5 | Should -Be 5 }
    It 'fails: -Be' { 5 | Should -Be 6 }
    It 'passes: -Not -Be' { 5 | Should -Not -Be 6 }
    It 'fails: -Not -Be' { 5 | Should -Not -Be 5 }
    It 'passes: -Be compares arrays element-wise' { @(1, 2) | Should -Be @(1, 2) }
    It 'fails: -Be on arrays of another length' { @(1, 2, 3) | Should -Be @(1, 2) }
    It 'passes: -BeExactly' { 'Abc' | Should -BeExactly 'Abc' }
    It 'fails: -BeExactly is case-sensitive' { 'abc' | Should -BeExactly 'Abc' }
    It 'passes: -BeLike' { 'T12t13' | Should -BeLike 'T12*' }
    It 'fails: -BeLike' { 'T12t13' | Should -BeLike 'T13*' }
    It 'passes: -Match' { 'VLASS2.1.sb1' | Should -Match '^VLASS\d\.\d' }
    It 'fails: -Match' { 'x' | Should -Match '^\d+$' }
    It 'passes: -BeNullOrEmpty' { $null | Should -BeNullOrEmpty; @() | Should -BeNullOrEmpty; '' | Should -BeNullOrEmpty }
    It 'fails: -BeNullOrEmpty' { 'x' | Should -BeNullOrEmpty }
    It 'passes: -BeTrue and -BeFalse' { $true | Should -BeTrue; $false | Should -BeFalse }
    It 'fails: -BeTrue' { $false | Should -BeTrue }
    It 'passes: -HaveCount' { @(1, 2, 3) | Should -HaveCount 3; @() | Should -HaveCount 0 }
    It 'fails: -HaveCount' { @(1, 2) | Should -HaveCount 3 }
    It 'passes: -Contain' { @('a', 'b') | Should -Contain 'b' }
    It 'fails: -Contain' { @('a', 'b') | Should -Contain 'c' }
    It 'passes: -BeOfType' { 5 | Should -BeOfType ([int]); 'x' | Should -BeOfType 'System.String' }
    It 'fails: -BeOfType' { 5 | Should -BeOfType ([string]) }
    It 'passes: -BeGreaterThan and -BeLessThan' { 5 | Should -BeGreaterThan 4; 5 | Should -BeLessThan 6 }
    It 'fails: -BeGreaterThan' { 5 | Should -BeGreaterThan 5 }
    It 'fails: -BeLessThan' { 5 | Should -BeLessThan 5 }
    It 'passes: -Throw with -ExpectedMessage and -ErrorId' {
        { throw [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('bad tile T99'), 'TileNotFound', 'ObjectNotFound', 'T99') } | Should -Throw -ExpectedMessage '*T99*' -ErrorId 'TileNotFound'
    }
    It 'fails: -Throw when nothing is thrown' { { 1 } | Should -Throw }
    It 'fails: -Throw with the wrong message' { { throw 'abc' } | Should -Throw -ExpectedMessage 'xyz' }
    It 'fails: -Throw with the wrong error id' { { throw [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('x'), 'One', 'InvalidData', $null) } | Should -Throw -ErrorId 'Other' }
    It 'passes: -Not -Throw' { { 1 } | Should -Not -Throw }
    It 'fails: a plain exception in the test body' { throw 'boom' }
}

Describe 'Scopes and blocks' {
    BeforeAll { $fromBeforeAll = 42 }
    BeforeEach { $fromBeforeEach = 'each'; $script:eachCount++ }
    It 'passes: sees BeforeAll, BeforeEach and file-level BeforeAll variables' {
        $fromBeforeAll | Should -Be 42
        $fromBeforeEach | Should -Be 'each'
        $fileLevel | Should -Be 'file'
    }
    It 'passes: changes in one It do not leak into the next (part 1)' { $fromBeforeAll = 0; $fromBeforeAll | Should -Be 0 }
    It 'passes: changes in one It do not leak into the next (part 2)' { $fromBeforeAll | Should -Be 42 }
    It 'passes: $TestDrive is a fresh directory' { [System.IO.Directory]::Exists($TestDrive) | Should -BeTrue }
    Context 'nested' {
        BeforeAll { $inner = 'inner' }
        It 'passes: a Context sees its parents'' BeforeAll' { $fromBeforeAll | Should -Be 42; $inner | Should -Be 'inner' }
    }
    It 'passes: -ForEach runs once per item with <Value>' -ForEach @(@{ Value = 1 }, @{ Value = 2 }) { $Value | Should -BeLessThan 3 }
    It 'fails: -ForEach fails when any item fails (<Value>)' -ForEach @(@{ Value = 1 }, @{ Value = 5 }) { $Value | Should -BeLessThan 3 }
    It 'skipped: -Skip' -Skip { throw 'must not run' }
}

Describe 'A failing BeforeAll' {
    BeforeAll { throw 'setup failed' }
    It 'fails: its Its fail with the setup error' { 1 | Should -Be 1 }
}
