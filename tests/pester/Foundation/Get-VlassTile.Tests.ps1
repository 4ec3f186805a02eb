Set-StrictMode -Version Latest

Describe 'Get-VlassTile' {
    BeforeAll { . "$PSScriptRoot/../Common.ps1" }

    Context 'by position' {
        It 'finds T12t13 for J0807+0432 (Memo 20)' {
            (Get-VlassTile -Ra 121.98974 -Dec 4.54293).Name | Should -Be 'T12t13'
        }
        It 'finds T14t15 for J0925+1444' {
            (Get-VlassTile '09:25:07.271 +14:44:25.74').Name | Should -BeExactly 'T14t15'
        }
        It 'returns a typed tile that contains the position' {
            $t = Get-VlassTile '121.98974 4.54293'
            $t | Should -BeOfType ([VlassPS.Core.Tiling.VlassTile])
            $t.ContainsPosition | Should -BeTrue
            $t.DecMinDeg | Should -Be 4
            $t.RaMinHours | Should -Be 8
        }
        It 'puts Dec = +90 in T32 and RA = 0h, Dec = +4 in T12t01' {
            (Get-VlassTile -Ra 10 -Dec 90).Name | Should -Be 'T32t01'
            (Get-VlassTile -Ra 0 -Dec 4).Name | Should -Be 'T12t01'
        }
        It 'reports a position south of -40 as a non-terminating PositionOutsideSurvey error' {
            $out = Get-VlassTile -Ra 10 -Dec -45 -ErrorVariable err -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'PositionOutsideSurvey,*'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -Match 'south of'
        }
        It 'rejects an unreadable position at binding with a message naming the bad part' {
            { Get-VlassTile 'B1950 08:07:57 +04:32:34' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*B1950*'
        }
    }

    Context 'by search region' {
        It 'returns every tile the 500" region of J0807+0432 touches, flagging the home tile' {
            $tiles = @(Get-VlassTile -Ra 121.98974 -Dec 4.54293 -ScienceSize 500)
            $tiles.Name | Should -Contain 'T12t13'
            $tiles.Where({ $_.ContainsPosition }).Name | Should -Be 'T12t13'
        }
        It 'crosses RA 0h' {
            $names = @(Get-VlassTile -Ra 359.9 -Dec 6 -ScienceSize 500).Name
            $names | Should -Contain 'T12t01'
            $names | Should -Contain 'T12t36'
        }
        It 'crosses a tier boundary' {
            $names = @(Get-VlassTile -Ra 122 -Dec 7.9 -ScienceSize 500).Name
            $names | Should -Contain 'T12t13'
            $names | Should -Contain 'T13t13'
        }
        It 'returns all polar tiles for a region around the pole' {
            $names = @(Get-VlassTile -Ra 0 -Dec 89.9 -ScienceSize 1000).Name
            $names | Should -Contain 'T32t01'
            $names | Should -Contain 'T32t02'
        }
        It 'accepts a geometry from Get-VlassImageGeometry' {
            $names = @(Get-VlassImageGeometry -ScienceSize 500 -Position '121.98974 4.54293' | Get-VlassTile).Name
            $names | Should -Contain 'T12t13'
        }
    }

    Context 'by name and all' {
        It 'returns all 899 tiles' {
            @(Get-VlassTile -All) | Should -HaveCount 899
        }
        It 'looks up names with wildcards' {
            @(Get-VlassTile -TileName 'T32*') | Should -HaveCount 2
            (Get-VlassTile -TileName t12T13).Name | Should -Be 'T12t13'
        }
        It 'writes TileNotFound for an unknown name' {
            $null = Get-VlassTile -TileName T12t99 -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'TileNotFound,*'
            $err[0].TargetObject | Should -Be 'T12t99'
        }
    }

    Context 'pipeline binding' {
        It 'binds Ra/Dec/Name by property name (CSV rows)' {
            $rows = @(
                [pscustomobject]@{ Name = 'J0807+0432'; Ra = '121.98974'; Dec = '4.54293' }
                [pscustomobject]@{ Name = 'J0925+1444'; Ra = '141.2802958'; Dec = '14.7404833' }
            )
            $tiles = @($rows | Get-VlassTile)
            $tiles.Name | Should -Be @('T12t13', 'T14t15')
            $tiles[0].Position.Name | Should -Be 'J0807+0432'
        }
        It 'binds position strings by value' {
            @('08:07:57.5 +04:32:34.6', '09:25:07.271 +14:44:25.74' | Get-VlassTile).Name | Should -Be @('T12t13', 'T14t15')
        }
        It 'keeps going after a bad item' {
            $out = @([pscustomobject]@{ Ra = 10; Dec = -60 }, [pscustomobject]@{ Ra = 121.98974; Dec = 4.54293 } |
                    Get-VlassTile -ErrorAction SilentlyContinue -ErrorVariable err)
            $out.Name | Should -Be 'T12t13'
            $err | Should -HaveCount 1
            $err[0].TargetObject.DecDeg | Should -Be -60
        }
    }
}
