Set-StrictMode -Version Latest

Describe 'New-VlassSplitScript' {
    BeforeAll {
        . "$PSScriptRoot/../Oracle.ps1"
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa')
        $script:Otf = [System.IO.Path]::Combine($Fx, 'vlass_otf.ms')
        $script:Split = [System.IO.Path]::Combine($Fx, 'vlass_split.ms')
        function script:Compile([string]$path) {
            Assert-Oracle
            $null = & $script:OraclePython -m py_compile $path 2>&1
            return $LASTEXITCODE
        }
    }

    It 'writes a split script with datacolumn corrected when CORRECTED_DATA exists, and reports the fraction kept' {
        Skip-ItWithoutOracle
        $path = [System.IO.Path]::Combine($TestDrive, 'a.py')
        $r = Select-VlassField $Otf -PhaseCenter ([VlassPS.Core.Sky.SkyPosition]::new(0.5, 31.5, 'J2000', 'T1')) -ScienceSize 500 -WarningAction SilentlyContinue | New-VlassSplitScript -Path $path
        $r | Should -BeOfType ([VlassPS.Core.Fields.SplitScript])
        $r.Written | Should -BeTrue
        $r.Jobs[0].DataColumn | Should -BeExactly 'corrected'
        $r.RowFraction | Should -BeGreaterThan 0
        $r.RowFraction | Should -BeLessThan 0.1
        $text = [System.IO.File]::ReadAllText($path)
        $text | Should -Match "datacolumn='corrected'"
        $text | Should -Match 'rows kept'
        $r.Jobs[0].OutputVis | Should -BeLike '*T1.ms'
        Compile $path | Should -Be 0
    }
    It 'chooses data for a split product without CORRECTED_DATA, and refuses corrected there' {
        $path = [System.IO.Path]::Combine($TestDrive, 'b.py')
        $f = Select-VlassField $Split -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -WarningAction SilentlyContinue
        ($f | New-VlassSplitScript -Path $path).Jobs[0].DataColumn | Should -BeExactly 'data'
        $out = $f | New-VlassSplitScript -Path ([System.IO.Path]::Combine($TestDrive, 'c.py')) -DataColumn corrected -ErrorVariable err -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'DataColumnUnavailable,*'
    }
    It 'writes nothing with -WhatIf and needs -Force to overwrite' {
        $path = [System.IO.Path]::Combine($TestDrive, 'w.py')
        $f = Select-VlassField $Otf -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -WarningAction SilentlyContinue
        $r = $f | New-VlassSplitScript -Path $path -WhatIf
        [System.IO.File]::Exists($path) | Should -BeFalse
        $r.Written | Should -BeFalse
        $null = $f | New-VlassSplitScript -Path $path
        ($f | New-VlassSplitScript -Path $path -ErrorAction Stop).Status | Should -Be 'Unchanged'
        $null = $f | New-VlassSplitScript -Path $path -TargetName other -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileConflict,*'
        ($f | New-VlassSplitScript -Path $path -Force).Written | Should -BeTrue
    }
    It 'stays valid Python for target names with quotes, spaces, backslashes, newlines and non-ASCII' {
        Skip-ItWithoutOracle
        $name = "it's a `"target`" \ with`nnewline and Ünïcode ☃ `$(x)"
        $dir = [System.IO.Path]::Combine($TestDrive, "out dir 'q'")
        $null = [System.IO.Directory]::CreateDirectory($dir)
        $path = [System.IO.Path]::Combine($dir, 'n.py')
        $r = Select-VlassField $Otf -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -WarningAction SilentlyContinue |
            New-VlassSplitScript -Path $path -TargetName $name -OutputDirectory $dir
        $r.Target | Should -BeExactly $name
        Compile $path | Should -Be 0
    }
    It 'splits each MS of a target with its own selection' {
        $path = [System.IO.Path]::Combine($TestDrive, 'two.py')
        $f = @(Select-VlassField $Otf, $Split -PhaseCenter ([VlassPS.Core.Sky.SkyPosition]::new(0.5, 31.5, 'J2000', 'T2')) -ScienceSize 500 -WarningAction SilentlyContinue)
        $r = $f | New-VlassSplitScript -Path $path
        $r.Jobs | Should -HaveCount 2
        $r.Jobs[0].Field | Should -BeExactly $r.Jobs[1].Field
        ($r.Jobs.OutputVis | ForEach-Object { [System.IO.Path]::GetFileName($_) }) | Should -Be @('T2_vlass_otf.ms', 'T2_vlass_split.ms')
    }
}
