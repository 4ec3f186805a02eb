Set-StrictMode -Version Latest

Describe 'Get-VlassObservation' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/CatalogCommon.ps1"
        $data = [System.IO.Path]::Combine($TestDrive, 'data')
        Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data
    }

    Context 'by tile' {
        It 'gives T12t13 in VLASS1.1, 2.1 and 3.1 on the Memo 20 dates' {
            $o = @(Get-VlassObservation -TileName T12t13 -CacheDirectory $data)
            $o | Should -HaveCount 3
            $o[0] | Should -BeOfType ([VlassPS.Core.Catalog.VlassObservation])
            @($o.Epoch) -join ',' | Should -BeExactly 'VLASS1.1,VLASS2.1,VLASS3.1'
            @($o.ForEach({ $_.ObservationDate.ToString('yyyy-MM-dd') })) -join ',' | Should -BeExactly '2017-11-18,2020-08-09,2023-01-24'
            @($o.Mjd) -join ',' | Should -BeExactly '58075,59070,59968'
            @($o.EpochHalf) -join ',' | Should -BeExactly '1,1,1'
        }
        It 'filters epochs with wildcards' {
            $o = @(Get-VlassObservation -TileName T12t13 -Epoch 'VLASS3.*', 'VLASS1.1' -CacheDirectory $data)
            @($o.Epoch) -join ',' | Should -BeExactly 'VLASS1.1,VLASS3.1'
        }
        It 'drops rows without an observation date with -ObservedOnly' {
            @(Get-VlassObservation -TileName T04t13 -CacheDirectory $data) | Should -HaveCount 3
            $o = @(Get-VlassObservation -TileName T04t13 -CacheDirectory $data -ObservedOnly)
            $o | Should -HaveCount 2
            $o.Epoch | Should -Not -Contain 'VLASS2.1'
        }
        It 'expands tile wildcards' {
            @(Get-VlassObservation -TileName 'T32t*' -CacheDirectory $data) | Should -HaveCount 6
        }
        It 'reports an unknown tile as a TileNotFound error' {
            Get-VlassObservation -TileName T33t01 -CacheDirectory $data -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TileNotFound,*'
        }
        It 'reads a table file given with -CatalogPath' {
            @(Get-VlassObservation -TileName T12t13 -CatalogPath $SummaryTable) | Should -HaveCount 3
        }
    }

    Context 'from the pipeline and by position' {
        It 'takes tiles from Get-VlassTile' {
            $o = @(Get-VlassTile -Ra 121.98974 -Dec 4.54293 | Get-VlassObservation -CacheDirectory $data)
            $o | Should -HaveCount 3
            $o.TileName | Should -Contain 'T12t13'
        }
        It 'takes every tile of a search region' {
            $o = @(Get-VlassTile -Ra 121.98974 -Dec 7.9 -ScienceSize 500 | Get-VlassObservation -CacheDirectory $data -Epoch 'VLASS1.*')
            $o.TileName | Should -Contain 'T12t13'
            $o.TileName | Should -Contain 'T13t13'
        }
        It 'takes objects with a TileName property' {
            @([pscustomobject]@{ TileName = 'T14t15' } | Get-VlassObservation -CacheDirectory $data) | Should -HaveCount 3
        }
        It 'finds the tile of a -Position and of -Ra/-Dec' {
            @(Get-VlassObservation -Position '08:07:57.5376 +04:32:34.548' -CacheDirectory $data).TileName | Should -Contain 'T12t13'
            @(Get-VlassObservation -Ra 141.2802958 -Dec 14.7404833 -CacheDirectory $data)[0].TileName | Should -Be 'T14t15'
        }
        It 'takes Ra/Dec rows and positions whose Name is a target label' {
            $o = @([pscustomobject]@{ Name = 'J0807+0432'; Ra = 121.98974; Dec = 4.54293 } | Get-VlassObservation -CacheDirectory $data)
            $o | Should -HaveCount 3
            $o[0].TileName | Should -Be 'T12t13'
        }
        It 'does not take the label of a position as a tile name' {
            $o = @(ConvertTo-VlassPosition '08:07:57.5 +04:32:34' -Name 'J0807+0432' | Get-VlassObservation -CacheDirectory $data -ErrorVariable err)
            $err | Should -HaveCount 0
            $o | Should -HaveCount 3
            $o[0].TileName | Should -Be 'T12t13'
        }
        It 'reports a position south of the survey' {
            Get-VlassObservation -Ra 10 -Dec -45 -CacheDirectory $data -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PositionOutsideSurvey,*'
        }
    }

    Context 'without a catalog' {
        It 'says how to get one' {
            $empty = [System.IO.Path]::Combine($TestDrive, 'empty')
            { Get-VlassObservation -TileName T12t13 -CacheDirectory $empty -ErrorAction Stop } |
                Should -Throw -ExpectedMessage '*Update-VlassSurveyCatalog*'
        }
        It 'uses a stable error id' {
            $empty = [System.IO.Path]::Combine($TestDrive, 'empty2')
            { Get-VlassObservation -TileName T12t13 -CacheDirectory $empty -ErrorAction Stop } | Should -Throw -ErrorId 'SurveyCatalogMissing,*'
        }
    }

    Context 'help' {
        It 'documents the synopsis, every parameter and an example' {
            Assert-CatalogHelp 'Get-VlassObservation'
        }
    }
}
