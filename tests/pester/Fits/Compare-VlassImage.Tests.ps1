Set-StrictMode -Version Latest

Describe 'Compare-VlassImage' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'fits')
    }
    BeforeEach {
        $script:Dir = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        [void][System.IO.Directory]::CreateDirectory($script:Dir)
        $script:A = [System.IO.Path]::Combine($script:Dir, 'official image.fits')
        $script:B = [System.IO.Path]::Combine($script:Dir, "mine 'x'.fits")
        [System.IO.File]::Copy([System.IO.Path]::Combine($script:Fx, 'compare_a.fits'), $script:A)
        [System.IO.File]::Copy([System.IO.Path]::Combine($script:Fx, 'compare_b.fits'), $script:B)
        $script:DiffOut = [System.IO.Path]::Combine($script:Dir, "mine 'x'.difference.fits")
        $script:PctOut = [System.IO.Path]::Combine($script:Dir, "mine 'x'.percent-difference.fits")
    }

    It 'writes the difference images next to B and reports the 1 % brighter flux (Memo 20 Table 2 col. 8)' {
        $region = [VlassPS.Core.Photometry.SkyCircleRegion]::new([VlassPS.Core.Sky.SkyPosition]::Parse('121.9897 4.5429'), 12)
        $c = Compare-VlassImage -Reference $script:A -Difference $script:B -Region $region -PercentThreshold 0.002 -WithinPercent 2
        $c | Should -BeOfType ([VlassPS.Core.Photometry.ImageComparison])
        [System.IO.File]::Exists($script:DiffOut) | Should -BeTrue
        [System.IO.File]::Exists($script:PctOut) | Should -BeTrue
        $c.DifferencePath | Should -Be $script:DiffOut
        [math]::Abs($c.FluxPercentDifference - 1) | Should -BeLessThan 0.2
        $c.FractionWithinPercent | Should -BeGreaterThan 0.95
        $c.OverlapPixelCount | Should -BeGreaterThan 10000
        (Get-VlassImage -LiteralPath $script:PctOut).Unit | Should -BeExactly '%'
        @([System.IO.Directory]::GetFiles($script:Dir, '*.tmp')) | Should -HaveCount 0
    }
    It 'writes nothing and returns nothing with -WhatIf' {
        $c = Compare-VlassImage $script:A $script:B -WhatIf
        $c | Should -BeNullOrEmpty
        [System.IO.File]::Exists($script:DiffOut) | Should -BeFalse
    }
    It 'refuses to overwrite without -Force and overwrites with it' {
        [System.IO.File]::WriteAllText($script:DiffOut, 'old')
        $c = Compare-VlassImage $script:A $script:B -ErrorAction SilentlyContinue -ErrorVariable err
        $c | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileConflict,*'
        $c = Compare-VlassImage $script:A $script:B -Force
        (Get-VlassImage -LiteralPath $script:DiffOut).Width | Should -Be 120
    }
    It 'computes statistics only, takes B from the pipeline and a polygon as positions' {
        $poly = '121.9937 4.5389', '121.9857 4.5389', '121.9857 4.5469', '121.9937 4.5469'
        $c = $script:B | Compare-VlassImage -Reference $script:A -StatisticsOnly -Region $poly
        $c.DifferencePath | Should -BeNullOrEmpty
        [System.IO.File]::Exists($script:DiffOut) | Should -BeFalse
        [math]::Abs($c.FluxRatio - 1.01) | Should -BeLessThan 0.005
    }
    It 'writes to explicit output paths' {
        $d = [System.IO.Path]::Combine($script:Dir, 'd.fits')
        $p = [System.IO.Path]::Combine($script:Dir, 'p.fits')
        $null = Compare-VlassImage $script:A $script:B -DifferencePath $d -PercentDifferencePath $p
        [System.IO.File]::Exists($d) | Should -BeTrue
        [System.IO.File]::Exists($p) | Should -BeTrue
    }
    It 'reports a missing image per item' {
        Compare-VlassImage $script:A ([System.IO.Path]::Combine($script:Dir, 'none.fits')) -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound,*'
    }
}
