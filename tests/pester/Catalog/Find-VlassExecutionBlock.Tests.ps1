Set-StrictMode -Version Latest

Describe 'Find-VlassExecutionBlock' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/CatalogCommon.ps1"
        $server = New-CatalogTestServer
        $archive = $server.BaseUri.AbsoluteUri + 'quicklook/'
    }
    AfterAll { $server.Dispose() }
    BeforeEach {
        $cache = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
    }

    Context 'the Memo 20 example' {
        It 'J0807+0432 -> T12t13 -> the three execution blocks of the memo' {
            $eb = @(Get-VlassTile -Ra 121.98974 -Dec 4.54293 | Get-VlassObservation -CatalogPath $SummaryTable -ObservedOnly |
                Find-VlassExecutionBlock -BaseUri $archive -CacheDirectory $cache)
            $eb | Should -HaveCount 3
            $eb[0] | Should -BeOfType ([VlassPS.Core.Archive.ExecutionBlock])
            @($eb.Name) -join ',' | Should -BeExactly ($MemoExecutionBlocks -join ',')
            @($eb.MsName)[1] | Should -BeExactly 'VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms'
            @($eb.SbId)[1] | Should -Be 38561374
            @($eb.EbId)[1] | Should -Be 38565040
            @($eb.Tile) | Should -Not -Contain 'T12t14'
            $eb.Where({ $_.QaRejected }) | Should -BeNullOrEmpty
        }
        It 'every execution block falls on its tile observation date' {
            $obs = @(Get-VlassObservation -TileName T12t13 -CatalogPath $SummaryTable)
            foreach ($e in @(Find-VlassExecutionBlock -TileName T12t13 -CatalogPath $SummaryTable -BaseUri $archive -CacheDirectory $cache)) {
                $row = $obs.Where({ $_.Epoch -eq $e.Epoch })
                $e.Date | Should -Be $row[0].ObservationDate
                [math]::Floor($e.Mjd) | Should -Be $row[0].Mjd
            }
        }
    }

    Context 'archive layouts' {
        It 'flags execution blocks that are only in QA_REJECTED images' {
            $eb = @(Find-VlassExecutionBlock T12t14 VLASS2.1 -BaseUri $archive -CacheDirectory $cache)
            $eb | Should -HaveCount 2
            @($eb.Where({ $_.QaRejected })).Count | Should -Be 1
            $eb.Where({ $_.QaRejected })[0].SourceUrl | Should -Match '/QA_REJECTED/'
        }
        It 'follows cross-epoch image names as listed' {
            $eb = Find-VlassExecutionBlock T05t33 VLASS1.2 -BaseUri $archive -CacheDirectory $cache
            $eb.Name | Should -BeExactly 'VLASS1.2.sb36400001.eb36400002.58666.30002'
            $eb.ImageDirectory | Should -BeExactly 'VLASS1.1.ql.T05t33.J212207-203000.10.2048.v1'
        }
        It 'returns both execution blocks of a tile and reports an image folder without scripts' {
            $eb = @(Find-VlassExecutionBlock T13t05 VLASS2.1 -BaseUri $archive -CacheDirectory $cache -ErrorVariable err -ErrorAction SilentlyContinue)
            $eb | Should -HaveCount 2
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'NoExecutionBlockInImage,*'
        }
        It 'reads VLASS1.1 from the VLASS1.1v2 folder unless -EpochDirectory says otherwise' {
            (Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache).SourceUrl | Should -Match '/VLASS1\.1v2/T12t13/'
            Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache -Force -EpochDirectory @{ 'VLASS1.1' = 'VLASS1.1' } -WarningAction SilentlyContinue |
                Should -BeNullOrEmpty
            $server.Hits('/quicklook/VLASS1.1/T12t13/') | Should -Be 1
        }
        It 'warns when an execution block is dated differently from the survey table' {
            $img = 'VLASS3.1.ql.T12t14.J084000+043000.10.2048.v1'
            $server.MapText('/quicklook/VLASS3.1/T12t14/', "<html><body><pre><a href=`"$img/`">$img/</a></pre></body></html>")
            $server.MapText("/quicklook/VLASS3.1/T12t14/$img/casa_pipescript.py", "hifv_importdata(vis=['VLASS3.1.sb1.eb2.60000.5.ms'])")
            $eb = Find-VlassExecutionBlock T12t14 VLASS3.1 -CatalogPath $SummaryTable -BaseUri $archive -CacheDirectory $cache -WarningVariable warn -WarningAction SilentlyContinue
            $eb.Name | Should -BeExactly 'VLASS3.1.sb1.eb2.60000.5'
            @($warn) | Should -HaveCount 1
            $warn[0].Message | Should -Match 'survey table dates T12t14 VLASS3.1'
            Find-VlassExecutionBlock T12t13 VLASS2.1 -CatalogPath $SummaryTable -BaseUri $archive -CacheDirectory $cache -WarningVariable warn2 | Should -Not -BeNullOrEmpty
            @($warn2) | Should -HaveCount 0
        }
        It 'warns when the archive has no folder for the tile yet' {
            Find-VlassExecutionBlock T01t01 VLASS4.1 -BaseUri $archive -CacheDirectory $cache -WarningVariable warn -WarningAction SilentlyContinue |
                Should -BeNullOrEmpty
            $warn[0].Message | Should -Match 'not imaged yet'
        }
    }

    Context 'failures and the cache' {
        It 'reports a tile whose listing fails and still answers the others' {
            $server.MapStatus('/quicklook/VLASS3.1/T12t13/', 500)
            $before = $server.Hits('/quicklook/VLASS3.1/T12t13/')
            $eb = @(Find-VlassExecutionBlock -TileName T12t13 -Epoch VLASS2.1, VLASS3.1 -BaseUri $archive -CacheDirectory $cache -MaximumRetryCount 1 -ErrorVariable err -ErrorAction SilentlyContinue)
            $eb | Should -HaveCount 1
            $eb[0].Epoch | Should -Be 'VLASS2.1'
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'ArchiveRequestFailed,*'
            $err[0].TargetObject | Should -Be 'T12t13 VLASS3.1'
            $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $server.Hits('/quicklook/VLASS3.1/T12t13/') - $before | Should -Be 2
        }
        It 'answers a repeated query from the cache and asks again with -Force' {
            Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache | Should -Not -BeNullOrEmpty
            $hits = $server.TotalHits
            (Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache).Name | Should -BeExactly $MemoExecutionBlocks[0]
            $server.TotalHits | Should -Be $hits
            (Find-VlassExecutionBlock T12t13 VLASS1.1 -BaseUri $archive -CacheDirectory $cache -Force).Name | Should -BeExactly $MemoExecutionBlocks[0]
            $server.TotalHits | Should -BeGreaterThan $hits
        }
        It 'rejects a malformed epoch and an unknown tile per item' {
            # A bad epoch is a mistake in the command: it stops before any request.
            { Find-VlassExecutionBlock -TileName T12t13 -Epoch 'VLASS1.1v2' -BaseUri $archive -CacheDirectory $cache -ErrorAction Stop } |
                Should -Throw -ErrorId 'Epoch*,*'
            Find-VlassExecutionBlock -TileName T12t99 -Epoch VLASS1.1 -BaseUri $archive -CacheDirectory $cache -ErrorVariable err2 -ErrorAction SilentlyContinue
            $err2[0].FullyQualifiedErrorId | Should -BeLike 'TileNotFound,*'
        }
    }

    Context 'help' {
        It 'documents the synopsis, every parameter and an example' {
            Assert-CatalogHelp 'Find-VlassExecutionBlock'
        }
    }
}
