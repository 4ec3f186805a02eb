Set-StrictMode -Version Latest

Describe 'New-SeipParameterList' {
    # New-SeipParameterList writes <target id>/SEIP_parameter.list in the current location by default.
    BeforeAll { . "$PSScriptRoot/../Common.ps1"; $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive) }
    AfterAll { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }

    Context 'from a geometry' {
        It 'writes the Memo 20 J0807+0432 list with imsize from the geometry' {
            $path = [System.IO.Path]::Combine($TestDrive, 'j0807.list')
            Get-VlassImageGeometry -ScienceSize 500 -Position '121.98974 4.54293' | New-SeipParameterList -Name 'J0807+0432' -Path $path
            $text = [System.IO.File]::ReadAllText($path)
            $text | Should -Match "(?m)^imagename='VLASS_SE_J0807_0432'$"
            $text | Should -Match "(?m)^phasecenter='J2000 08:07:57\.5376 \+04\.32\.34\.548'$"
            $text | Should -Match "(?m)^imaging_mode='VLASS-SE-CONT-MOSAIC'$"
            $text | Should -Match '(?m)^imsize=\[7200, 7200\]$'
            $text | Should -Match "(?m)^cell='0\.6arcsec'$"
            $text.Contains("`r") | Should -BeFalse
        }
        It 'returns the typed list with -PassThru and writes it to the target''s own folder without -Path' {
            $list = Get-VlassImageGeometry 1000 '09:25:07.271 +14:44:25.74' | New-SeipParameterList -PassThru
            $list | Should -BeOfType ([VlassPS.Core.Seip.SeipParameterList])
            $list.Imsize | Should -Be @(8000, 8000)
            $list.Path | Should -BeExactly ([System.IO.Path]::Combine($ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath, $list.Target.Id, 'SEIP_parameter.list'))
            [System.IO.File]::Exists($list.Path) | Should -BeTrue
        }
        It 'binds the phase centre of a piped field selection by property name, not its field ids' {
            $sel = [pscustomobject]@{ PhaseCenter = '09:25:07.271 +14:44:25.74'; Selection = '0~3'; Fields = @('a', 'b') }
            $list = $sel | New-SeipParameterList -Imsize 7200 -Path ([System.IO.Path]::Combine($TestDrive, 'sel.list')) -PassThru
            $list.PhaseCenter | Should -Be 'J2000 09:25:07.2710 +14.44.25.740'
            $list.Field | Should -BeNullOrEmpty
        }
        It 'leaves cutout_imsize to the workspace but keeps the science size' {
            $list = Get-VlassImageGeometry 500 '121.98974 4.54293' | New-SeipParameterList -PipelineVersion 2025.1.1.61 -PassThru
            $list.CutoutImsize | Should -BeNullOrEmpty
            $list.ScienceWidthArcsec | Should -Be 500
        }
    }

    Context 'values and safety' {
        It 'writes any text as a Python literal and the escape hatch keys' {
            $path = [System.IO.Path]::Combine($TestDrive, 'odd.list')
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7200 -Parameter @{ x_note = "it's `"a`" \ $(1)`ncafé"; niter = 20000; flags = @(1, 'a', $true, $null) } -Path $path
            $text = [System.IO.File]::ReadAllText($path)
            $text | Should -Match "(?m)^x_note='it\\'s `"a`" \\\\ 1\\ncaf\\xe9'$"
            $text | Should -Match '(?m)^niter=20000$'
            $text | Should -Match "(?m)^flags=\[1, 'a', True, None\]$"
        }
        It 'rejects an imagename with a space as a non-terminating error' {
            $out = New-SeipParameterList -Position '121.98974 4.54293' -ImageName 'has space' -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SeipImageNameInvalid,*'
        }
        It 'rejects an odd imsize and an unknown imaging mode' {
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7201 -PassThru -ErrorVariable err -ErrorAction SilentlyContinue | Out-Null
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SeipImsizeOdd,*'
            New-SeipParameterList -Position '121.98974 4.54293' -ImagingMode 'VLASS-SE-CONT-MOSAIK' -PassThru -ErrorVariable err2 -ErrorAction SilentlyContinue | Out-Null
            $err2[0].FullyQualifiedErrorId | Should -BeLike 'SeipImagingModeUnknown,*'
        }
        It 'warns about cutout_imsize for an older pipeline' {
            $list = New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7200 -CutoutImsize 834 -PipelineVersion 2023.1.1.8 -Path ([System.IO.Path]::Combine($TestDrive, 'old.list')) -PassThru -WarningVariable warn -WarningAction SilentlyContinue
            $list | Should -Not -BeNullOrEmpty
            ($warn -join ' ') | Should -Match '2025\.1\.1\.52'
        }
        It 'honours -WhatIf and refuses to overwrite different content without -Force' {
            $path = [System.IO.Path]::Combine($TestDrive, 'whatif.list')
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7200 -Path $path -WhatIf
            [System.IO.File]::Exists($path) | Should -BeFalse
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7200 -Path $path
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 7200 -Path $path -ErrorVariable same -ErrorAction SilentlyContinue
            @($same).Count | Should -Be 0
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 8000 -Path $path -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FileConflict,*'
            New-SeipParameterList -Position '121.98974 4.54293' -Imsize 8000 -Path $path -Force
            [System.IO.File]::ReadAllText($path) | Should -Match 'imsize=\[8000, 8000\]'
        }
    }
}
