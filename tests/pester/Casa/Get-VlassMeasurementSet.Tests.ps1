Set-StrictMode -Version Latest

Describe 'Get-VlassMeasurementSet' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa')
    }

    Context 'a CASA-like VLASS MS' {
        BeforeAll { $script:ms = Get-VlassMeasurementSet ([System.IO.Path]::Combine($Fx, 'vlass_otf.ms')) -WarningAction SilentlyContinue }
        It 'returns one typed object with fields, spectral windows and the observation' {
            $ms | Should -BeOfType ([VlassPS.Core.Casa.MeasurementSetInfo])
            $ms.Fields | Should -HaveCount 2655
            $ms.SpectralWindows | Should -HaveCount 4
            $ms.SpectralWindows[1].RefFrequencyHz | Should -Be 2128000000
            $ms.SpectralWindows[0].NumChannels | Should -Be 64
            $ms.Observation.Telescope | Should -BeExactly 'EVLA'
            $ms.Observation.Project | Should -BeExactly 'VLASS2.1'
            $ms.Observation.StartUtc.Year | Should -Be 2017
        }
        It 'lists the data columns present' {
            $ms.DataColumns | Should -Contain 'DATA'
            $ms.DataColumns | Should -Contain 'CORRECTED_DATA'
        }
        It 'gives intents from STATE.OBS_MODE and rows per field from MAIN' {
            $ms.IntentsKnown | Should -BeTrue
            $cal = $ms.Fields.Where({ $_.Name -eq 'J0010+3403' })[0]
            $cal.Intents | Should -Contain 'PHASE'
            $cal.Intents | Should -Not -Contain 'TARGET'
            $ms.Fields[0].Intents | Should -Contain 'TARGET'
            ($ms.Fields | ForEach-Object -Begin { $n = 0 } -Process { $n += $_.Rows } -End { $n }) | Should -Be $ms.Rows
        }
        It 'honours MEASINFO VarRefCol frames' {
            $ms.Fields[10].Frame | Should -BeExactly 'ICRS'
            $ms.Fields[10].PhaseDir.Frame | Should -BeExactly 'ICRS'
            $gal = $ms.Fields.Where({ $_.Frame -eq 'GALACTIC' })[0]
            $gal.PhaseDir | Should -BeNullOrEmpty
            $gal.LonDeg | Should -BeGreaterThan 119.9
        }
        It 'keeps names with literal quotes and non-ASCII characters as stored' {
            @($ms.Fields.Where({ $_.Name.StartsWith('"') })).Count | Should -BeGreaterThan 100
            @($ms.Fields.Where({ $_.Name -ceq 'Ünïcode ☃ field' })).Count | Should -Be 1
        }
    }

    Context 'paths' {
        It 'resolves relative paths against the PowerShell location' {
            $here = $ExecutionContext.SessionState.Path.CurrentLocation.Path
            try {
                $null = $ExecutionContext.SessionState.Path.SetLocation($Fx)
                (Get-VlassMeasurementSet vlass_split.ms -WarningAction SilentlyContinue).Path | Should -Be ([System.IO.Path]::Combine($Fx, 'vlass_split.ms'))
            } finally { $null = $ExecutionContext.SessionState.Path.SetLocation($here) }
        }
        It 'takes piped paths and directory objects' {
            $a = [System.IO.Path]::Combine($Fx, 'vlass_otf.ms')
            $b = [System.IO.Path]::Combine($Fx, 'vlass_mms.ms')
            @($a, $b | Get-VlassMeasurementSet -WarningAction SilentlyContinue) | Should -HaveCount 2
            ([System.IO.DirectoryInfo]::new($b) | Get-VlassMeasurementSet -WarningAction SilentlyContinue).Kind | Should -Be 'Concat'
        }
        It 'reads a Multi-MS and a RefTable MS' {
            $mms = Get-VlassMeasurementSet ([System.IO.Path]::Combine($Fx, 'vlass_mms.ms')) -WarningAction SilentlyContinue
            $mms.Rows | Should -Be 8010
            $ref = Get-VlassMeasurementSet ([System.IO.Path]::Combine($Fx, 'vlass_ref.ms')) -WarningAction SilentlyContinue
            $ref.Kind | Should -Be 'Ref'
            $ref.Fields | Should -HaveCount 2655
            $ref.Fields[500].Rows | Should -Be 0
        }
    }

    Context 'errors' {
        It 'reports a missing MS as a non-terminating MeasurementSetNotFound error' {
            $out = Get-VlassMeasurementSet ([System.IO.Path]::Combine($TestDrive, 'nope.ms')) -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MeasurementSetNotFound,*'
        }
        It 'reports a corrupt table as MeasurementSetUnreadable and goes on with the next path' {
            $bad = [System.IO.Path]::Combine($TestDrive, 'bad.ms')
            $null = [System.IO.Directory]::CreateDirectory($bad)
            [System.IO.File]::WriteAllBytes([System.IO.Path]::Combine($bad, 'table.dat'), [byte[]](0xBE, 0xBE, 0xBE, 0xBE, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2))
            $out = @(Get-VlassMeasurementSet $bad, ([System.IO.Path]::Combine($Fx, 'vlass_split.ms')) -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
            $out | Should -HaveCount 1
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MeasurementSetUnreadable,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }
}
