Set-StrictMode -Version Latest

Describe 'ConvertTo-VlassPosition' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }

    Context 'reads what users paste' {
        It 'reads <Text>' -ForEach @(
            @{ Text = '121.98974 4.54293' }
            @{ Text = '121.98974,4.54293' }
            @{ Text = '08:07:57.5376 +04:32:34.548' }
            @{ Text = '08 07 57.5376 +04 32 34.548' }
            @{ Text = '08h07m57.5376s +04d32m34.548s' }
            @{ Text = 'J2000 08:07:57.5376 +04.32.34.548' }
            @{ Text = 'ICRS 08:07:57.5376 +04.32.34.548' }
        ) {
            $p = ConvertTo-VlassPosition $Text
            [math]::Abs($p.RaDeg - 121.98974) | Should -BeLessThan 1e-7
            [math]::Abs($p.DecDeg - 4.54293) | Should -BeLessThan 1e-7
        }
        It 'keeps a negative zero declination negative' {
            (ConvertTo-VlassPosition '12:00:00 -00:30:00').DecDeg | Should -Be -0.5
        }
        It 'accepts the Unicode minus sign' {
            (ConvertTo-VlassPosition "10.5 $([char]0x2212)0.25").DecDeg | Should -Be -0.25
        }
        It 'reads a decimal RA as hours when told' {
            (ConvertTo-VlassPosition '8.5 10' -RaUnit Hours).RaDeg | Should -Be 127.5
        }
        It 'takes numbers and a name' {
            $p = ConvertTo-VlassPosition -Ra 121.98974 -Dec 4.54293 -Name 'J0807+0432'
            $p.Name | Should -Be 'J0807+0432'
            $p | Should -BeOfType ([VlassPS.Core.Sky.SkyPosition])
        }
    }

    Context 'formats' {
        It 'writes the CASA phasecenter' {
            ConvertTo-VlassPosition '121.98974 4.54293' -As Casa | Should -BeExactly 'J2000 08:07:57.5376 +04.32.34.548'
        }
        It 'writes the IAU name' {
            ConvertTo-VlassPosition '121.98974 4.54293' -As Iau | Should -BeExactly 'J080757.53+043234.5'
        }
        It 'writes sexagesimal' {
            ConvertTo-VlassPosition '121.98974 4.54293' -As Sexagesimal | Should -BeExactly '08:07:57.538 +04:32:34.55'
        }
    }

    Context 'rejects bad input per item' {
        It 'names the bad part: <Text>' -ForEach @(
            @{ Text = 'B1950 08:07:57 +04:32:34'; Part = 'B1950' }
            @{ Text = 'GALACTIC 10 20'; Part = 'GALACTIC' }
            @{ Text = '08:07:57.5 +95:00:00'; Part = '+95:00:00' }
            @{ Text = '24:00:01 +04:00:00'; Part = '24:00:01' }
            @{ Text = 'hello world'; Part = 'hello' }
        ) {
            $out = ConvertTo-VlassPosition $Text -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PositionUnreadable,*'
            $err[0].Exception.Message | Should -BeLike "*$Part*"
            $err[0].TargetObject | Should -Be $Text
        }
        It 'goes on with the next item' {
            $out = @('garbage', '121.98974 4.54293' | ConvertTo-VlassPosition -ErrorAction SilentlyContinue)
            $out | Should -HaveCount 1
        }
    }
}
