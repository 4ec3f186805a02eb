Set-StrictMode -Version Latest

Describe 'Import-VlassTarget' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }

    It 'reads the example target list with names' {
        $t = @(Import-VlassTarget -LiteralPath ([System.IO.Path]::Combine($RepoRoot, 'examples', 'targets.csv')))
        $t | Should -HaveCount 5
        $t[2].Name | Should -Be '3C 286'
        $t[0].IauName | Should -Be 'J080757.53+043234.5'
    }
    It 'reads Ra/Dec columns in degrees or sexagesimal and reports bad rows with their line' {
        $file = [System.IO.Path]::Combine($TestDrive, 'list.csv')
        [System.IO.File]::WriteAllText($file, "source,RA,DEC`nA,121.98974,4.54293`nB,08:07:57.5,+04:32:34.6`nC,not,here`n")
        $t = @(Import-VlassTarget -LiteralPath $file -ErrorVariable err -ErrorAction SilentlyContinue)
        $t.Name | Should -Be @('A', 'B')
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'TargetRowUnreadable,*'
        $err[0].TargetObject | Should -BeLike '*list.csv:4'
    }
    It 'feeds Get-VlassTile' {
        $file = [System.IO.Path]::Combine($TestDrive, 'one.tsv')
        [System.IO.File]::WriteAllText($file, "Name`tPosition`nJ0925+1444`t09:25:07.271 +14:44:25.74`n")
        (Import-VlassTarget $file | Get-VlassTile).Name | Should -Be 'T14t15'
    }
    It 'says which header is missing' {
        $file = [System.IO.Path]::Combine($TestDrive, 'bad.csv')
        [System.IO.File]::WriteAllText($file, "a,b`n1,2`n")
        $null = Import-VlassTarget -LiteralPath $file -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match 'Position column or Ra and Dec'
    }
    It 'resolves relative paths against the PowerShell location, not the process directory' {
        $file = [System.IO.Path]::Combine($TestDrive, 'rel.csv')
        [System.IO.File]::WriteAllText($file, "Name,Position`nX,10 20`n")
        # Set-Location is SDK-only; the engine API works everywhere.
        $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps')
        $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive)
        try { (Import-VlassTarget -Path 'rel.csv').Name | Should -Be 'X' }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }
}
