Set-StrictMode -Version Latest

Describe 'Get-VlassOffset' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }

    It 'measures a field from the phase centre in all three measures' {
        $o = Get-VlassOffset -From '0 60' -To '1 60'
        $o.SeparationArcsec | Should -BeGreaterThan 1799
        $o.SeparationArcsec | Should -BeLessThan 1801
        [math]::Round($o.DRaCosDecArcsec, 6) | Should -Be 1800
        $o.DDecArcsec | Should -Be 0
        $o.DLatArcsec | Should -BeGreaterThan 0
    }
    It 'keeps offsets small across RA 0h' {
        $o = @('0.01 0', '359.99 0' | Get-VlassOffset -From '0 0')
        [math]::Round($o[0].DLonArcsec, 6) | Should -Be 36
        [math]::Round($o[1].DLonArcsec, 6) | Should -Be -36
    }
}
