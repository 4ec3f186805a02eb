Set-StrictMode -Version Latest

Describe 'Get-VlassImageGeometry' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }

    It 'reproduces the memo for a <Science>" science image' -ForEach @(
        @{ Science = 500; Full = 4180; Raw = 6968; Imsize = 7200 }
        @{ Science = 1000; Full = 4680; Raw = 7800; Imsize = 8000 }
        @{ Science = 1428; Full = 5108; Raw = 8514; Imsize = 8640 }
    ) {
        $g = Get-VlassImageGeometry -ScienceSize $Science
        $g.FullWidthArcsec | Should -Be $Full
        $g.RawPixelsX | Should -Be $Raw
        $g.ImsizeX | Should -Be $Imsize
        $g.ImsizeY | Should -Be $Imsize
        $g.SearchRadiusArcsec | Should -Be 1000
        $g.AliasingMarginArcsec | Should -Be 840
    }

    It 'takes width and height' {
        $g = Get-VlassImageGeometry -ScienceSize 1000, 600 -Cell 1.0
        $g.RawPixelsX | Should -Be 4680
        $g.RawPixelsY | Should -Be 4280
    }

    It 'derives R_g and the margin from the beam model when a sensitivity fraction is given' {
        $g = Get-VlassImageGeometry -ScienceSize 500 -SensitivityFraction 0.3
        [math]::Round($g.SearchRadiusArcsec, 1) | Should -Be 830.3
        [math]::Round($g.AliasingMarginArcsec, 1) | Should -Be 691.9
    }

    It 'warns when the image exceeds the standard 12500 px image' {
        $g = Get-VlassImageGeometry -ScienceSize 4000 -WarningVariable warn -WarningAction SilentlyContinue
        $g.ExceedsStandardImage | Should -BeTrue
        $warn | Should -HaveCount 1
        "$($warn[0])" | Should -Match '12500'
    }

    It 'carries the position piped from Get-VlassTile' {
        $g = Get-VlassTile '08:07:57.5 +04:32:34.6' | Get-VlassImageGeometry -ScienceSize 500
        $g.Center.Sexagesimal | Should -Be '08:07:57.500 +04:32:34.60'
    }

    It 'rejects a non-positive size' {
        { Get-VlassImageGeometry -ScienceSize 0 -ErrorAction Stop } | Should -Throw -ErrorId 'GeometryInvalid,*'
    }

    It 'narrates the sizing on the verbose stream' {
        $null = Get-VlassImageGeometry -ScienceSize 500 -Verbose 4>&1 -OutVariable all
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match '6968x6968 px'
    }
}
