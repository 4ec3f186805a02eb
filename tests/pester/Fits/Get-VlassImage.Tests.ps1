Set-StrictMode -Version Latest

Describe 'Get-VlassImage' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'fits')
        $script:Vlass = [System.IO.Path]::Combine($script:Fx, 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
    }

    Context 'VLASS 4-axis image' {
        It 'summarises size, cell, beam, frequency, unit and product type' {
            $i = Get-VlassImage -LiteralPath $script:Vlass
            $i | Should -BeOfType ([VlassPS.Core.Fits.VlassImageInfo])
            $i.Width | Should -Be 100
            $i.Height | Should -Be 100
            $i.Axes | Should -BeExactly '100x100x1x1'
            [math]::Round($i.CellArcsec, 9) | Should -Be 0.6
            [math]::Round($i.BeamMajorArcsec, 6) | Should -Be 2.8
            [math]::Round($i.BeamMinorArcsec, 6) | Should -Be 2.2
            $i.BeamPositionAngleDeg | Should -Be 35
            [math]::Round($i.FrequencyGHz, 6) | Should -Be 2.987741
            $i.Unit | Should -BeExactly 'Jy/beam'
            $i.Stokes | Should -BeExactly 'I'
            $i.ProductType | Should -BeExactly 'SE image.pbcor.tt0'
            $i.Tile | Should -BeExactly 'T12t13'
            $i.Epoch | Should -BeExactly 'VLASS2.1'
            $i.Product.Iteration | Should -Be 3
            $i.Product.IsCutout | Should -BeTrue
            $i.Projection | Should -BeExactly 'SIN'
        }
        It 'puts the centre half a pixel from the reference pixel of an even-sized image' {
            $i = Get-VlassImage -LiteralPath $script:Vlass
            # CRPIX 51 (FITS) = 50 (0-based); centre of 100 px = 49.5: 0.3" west and 0.3" south of CRVAL.
            $o = Get-VlassOffset -From $i.ReferencePosition -To $i.Center
            [math]::Round($o.SeparationArcsec, 3) | Should -Be ([math]::Round([math]::Sqrt(0.18), 3))
        }
        It 'computes streamed statistics on request only' {
            (Get-VlassImage -LiteralPath $script:Vlass).Statistics | Should -BeNullOrEmpty
            $s = (Get-VlassImage -LiteralPath $script:Vlass -Statistics).Statistics
            $s | Should -BeOfType ([VlassPS.Core.Fits.ImageStatistics])
            $s.PixelCount | Should -Be 10000
            $s.BlankCount | Should -Be 15
            $s.Maximum | Should -BeGreaterThan 0.002
        }
        It 'recognises the rms product' {
            $r = Get-VlassImage -Path ([System.IO.Path]::Combine($script:Fx, 'VLASS2.1.se.*.rms.subim.fits'))
            $r.ProductType | Should -BeExactly 'SE image.pbcor.tt0.rms'
            $r.Product.IsRms | Should -BeTrue
        }
    }

    Context 'paths and pipeline' {
        It 'expands wildcards' {
            @(Get-VlassImage -Path ([System.IO.Path]::Combine($script:Fx, 'bitpix_m*.fits'))) | Should -HaveCount 2
        }
        It 'binds FileInfo objects by FullName' {
            $i = [System.IO.FileInfo]::new([System.IO.Path]::Combine($script:Fx, 'sources_tan.fits')) | Get-VlassImage
            $i.Projection | Should -BeExactly 'TAN'
            $i.ProductType | Should -BeNullOrEmpty
        }
        It 'reads an image extension' {
            $i = Get-VlassImage -LiteralPath ([System.IO.Path]::Combine($script:Fx, 'extensions.fits')) -ErrorAction SilentlyContinue -ErrorVariable err
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FitsImageUnsupported,*'
            $err[0].Exception.Message | Should -Match 'RA---'
        }
        It 'reports a missing file as ImageNotFound and goes on' {
            $out = @(Get-VlassImage -Path ([System.IO.Path]::Combine($script:Fx, 'nope.fits')), $script:Vlass -ErrorAction SilentlyContinue -ErrorVariable err)
            $out | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound,*'
        }
        It 'reports a malformed file with card and byte offset' {
            $bad = [System.IO.Path]::Combine($TestDrive, 'bad.fits')
            $bytes = [System.IO.File]::ReadAllBytes([System.IO.Path]::Combine($script:Fx, 'bitpix_m32.fits'))
            $bytes[80 + 20] = 0x07
            [System.IO.File]::WriteAllBytes($bad, $bytes)
            Get-VlassImage -LiteralPath $bad -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -BeLike 'FitsMalformed,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].Exception.Message | Should -Match 'card 1 at byte offset 100'
            $err[0].Exception.CardIndex | Should -Be 1
        }
    }
}
