Set-StrictMode -Version Latest

Describe 'Measure-VlassFlux' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'fits')
        $script:Sin = [System.IO.Path]::Combine($script:Fx, 'sources_sin.fits')
        $script:Vlass = [System.IO.Path]::Combine($script:Fx, 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
        $script:VlassRms = [System.IO.Path]::Combine($script:Fx, 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.rms.subim.fits')
        $script:Polygon = '121.98954953 4.54320000', '121.98269466 4.54284997', '121.98232677 4.54909996', '121.98597158 4.55094999', '121.98976688 4.54885000'
    }

    Context 'regions' {
        It 'recovers the 45 mJy extended source from a piped image' {
            $m = Get-VlassImage -LiteralPath $script:Sin | Measure-VlassFlux -Circle '121.98632271 4.54571666' -Radius 22
            $m | Should -BeOfType ([VlassPS.Core.Photometry.FluxMeasurement])
            [math]::Abs($m.FluxJy / 0.045 - 1) | Should -BeLessThan 0.005
            $m.RegionShape | Should -BeExactly 'Circle'
            $m.PixelCount | Should -BeGreaterThan 3000
        }
        It 'measures a polygon given as position strings, equal to the region file polygon' {
            $a = Measure-VlassFlux -Path $script:Sin -Polygon $script:Polygon
            $b = @(Measure-VlassFlux -Path $script:Sin -RegionFile ([System.IO.Path]::Combine($script:Fx, 'regions.reg')))
            $b | Should -HaveCount 3
            $b[0].RegionLabel | Should -BeExactly 'ext'
            $b[1].RegionLabel | Should -BeExactly 'point'
            $a.PixelSum | Should -Be $b[0].PixelSum
            $a.PixelCount | Should -Be $b[0].PixelCount
        }
        It 'gives the same numbers for the CRTF and DS9 files' {
            $d = @(Measure-VlassFlux -Path $script:Sin -RegionFile ([System.IO.Path]::Combine($script:Fx, 'regions.reg')))
            $c = @(Measure-VlassFlux -Path $script:Sin -RegionFile ([System.IO.Path]::Combine($script:Fx, 'regions.crtf')))
            $c | Should -HaveCount 3
            for ($k = 0; $k -lt 3; $k++) { $c[$k].FluxJy | Should -Be $d[$k].FluxJy }
        }
        It 'turns a list of positions given to -Region into a polygon' {
            $m = Measure-VlassFlux $script:Sin -Region $script:Polygon
            $m.RegionShape | Should -BeExactly 'Polygon'
        }
        It 'measures a rotated box' {
            $m = Measure-VlassFlux $script:Sin -Box '121.98632271 4.54571666' -Width 30.1 -Height 24.7 -Angle 20
            $m.RegionShape | Should -BeExactly 'Box'
            $m.PeakPosition | Should -Not -BeNullOrEmpty
        }
    }

    Context 'noise' {
        It 'uses the rms image for the uncertainty' {
            $m = Measure-VlassFlux $script:Vlass -Circle '121.98975 4.5422' -Radius 6 -RmsImage $script:VlassRms
            $m.RmsSource | Should -BeExactly 'RmsImage'
            $m.UncertaintyJy | Should -BeGreaterThan 0
            [math]::Abs($m.FluxJy - 0.0021) | Should -BeLessThan (4 * $m.UncertaintyJy)
        }
        It 'finds the pipeline rms image with -AutoRms' {
            $a = Measure-VlassFlux $script:Vlass -Circle '121.98975 4.5422' -Radius 6 -AutoRms
            $b = Measure-VlassFlux $script:Vlass -Circle '121.98975 4.5422' -Radius 6 -RmsImage $script:VlassRms
            $a.RmsSource | Should -BeExactly 'RmsImage'
            $a.UncertaintyJy | Should -Be $b.UncertaintyJy
            Measure-VlassFlux $script:Sin -Circle '121.9897 4.5429' -Radius 6 -AutoRms -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -BeLike 'RmsImageNotFound,*'
        }
        It 'uses a background annulus' {
            $m = Measure-VlassFlux $script:Vlass -Circle '121.98975 4.5422' -Radius 4 -BackgroundAnnulus 8, 14
            $m.RmsSource | Should -BeExactly 'Annulus'
            $m.BackgroundPixelCount | Should -BeGreaterThan 100
        }
        It 'refuses both noise sources at once' {
            { Measure-VlassFlux $script:Vlass -Circle '121.98975 4.5422' -Radius 4 -BackgroundAnnulus 8, 14 -RmsImage $script:VlassRms -ErrorAction Stop } |
                Should -Throw -ErrorId 'RmsSourceAmbiguous,VlassPS.Commands.MeasureVlassFluxCommand'
        }
    }

    Context 'errors' {
        It 'reports a region off the image per image and continues' {
            $out = @(Measure-VlassFlux $script:Sin, $script:Vlass -Circle '121.999176 4.5429' -Radius 3 -ErrorAction SilentlyContinue -ErrorVariable err)
            $out | Should -HaveCount 1
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'RegionNotMeasurable,*'
        }
        It 'names the line of a bad region file' {
            $f = [System.IO.Path]::Combine($TestDrive, 'bad.reg')
            [System.IO.File]::WriteAllText($f, "fk5`nellipse(1,2,3,4,0)")
            { Measure-VlassFlux $script:Sin -RegionFile $f -ErrorAction Stop } | Should -Throw -ExpectedMessage '*line 2*'
        }
    }
}
