Set-StrictMode -Version Latest

Describe 'Import-SeipParameterList' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fixtures = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'seip')
    }

    It 'reads a memo-style list with trailing comments' {
        $list = Import-SeipParameterList -LiteralPath ([System.IO.Path]::Combine($script:Fixtures, 'memo_style.list'))
        $list | Should -BeOfType ([VlassPS.Core.Seip.SeipParameterList])
        $list.ImageName | Should -BeExactly 'VLASS_SE_J0925_1444_c0.6arcsec'
        $list.Imsize | Should -Be @(7200, 7200)
        $list.Cell | Should -Be '0.6arcsec'
    }
    It 'reports every pipeline-fatal line as an error record with its line number and returns nothing' {
        $out = Import-SeipParameterList ([System.IO.Path]::Combine($script:Fixtures, 'broken.list')) -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err | Should -HaveCount 3
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SeipValueNotLiteral,*'
        $err[0].CategoryInfo.Category | Should -Be 'ParserError'
        $err[0].Exception.Message | Should -Match 'line 2, column 14'
        $err[1].Exception.Message | Should -Match 'line 4'
    }
    It 'warns about duplicates and ignored lines in a CRLF file' {
        $list = Import-SeipParameterList ([System.IO.Path]::Combine($script:Fixtures, 'tolerated_crlf.list')) -WarningVariable warn -WarningAction SilentlyContinue
        $list.CycleNiter | Should -Be 600
        ($warn -join "`n") | Should -Match 'line 9'
    }
    It 'round-trips through New-VlassImagingWorkspace unchanged' {
        $list = Import-SeipParameterList ([System.IO.Path]::Combine($script:Fixtures, 'memo_style.list'))
        $ws = $list | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'x.ms')) -Root $TestDrive -PipelineVersion 2023.1.1.8 -ScienceSize 500 -WarningAction SilentlyContinue
        $again = Import-SeipParameterList -LiteralPath $ws.ParameterFile
        $again.DifferencesFrom($list) | Should -BeNullOrEmpty
    }
    It 'reports a missing file as ObjectNotFound' {
        Import-SeipParameterList ([System.IO.Path]::Combine($TestDrive, 'nope.list')) -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SeipFileNotFound,*'
    }
}
