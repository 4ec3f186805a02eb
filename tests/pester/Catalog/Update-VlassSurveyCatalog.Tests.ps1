Set-StrictMode -Version Latest

Describe 'Update-VlassSurveyCatalog' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/CatalogCommon.ps1"
        $server = New-CatalogTestServer
        $server.MapText('/vlass/VLASS_dyn_summary.php', [System.IO.File]::ReadAllText($SummaryTable))
        $server.MapStatus('/vlass/down.php', 503)
        $server.MapText('/vlass/maintenance.php', '<html><body><h1>Down for maintenance</h1></body></html>')
        $base = $server.BaseUri.AbsoluteUri.TrimEnd('/')
    }
    AfterAll { $server.Dispose() }
    BeforeEach {
        $data = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        $tableFile = [System.IO.Path]::Combine($data, 'VLASS_dyn_summary.txt')
    }

    Context 'from a file' {
        It 'stores the table unchanged and returns the catalog with -PassThru' {
            $c = Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data -PassThru
            $c | Should -BeOfType ([VlassPS.Core.Catalog.SurveyCatalog])
            $c.Count | Should -Be 2697
            $c.TileNames.Count | Should -Be 899
            $c.Errors.Count | Should -Be 0
            [System.IO.File]::ReadAllText($tableFile) | Should -BeExactly ([System.IO.File]::ReadAllText($SummaryTable))
            [System.IO.File]::Exists([System.IO.Path]::Combine($data, 'VLASS_dyn_summary.meta.json')) | Should -BeTrue
        }
        It 'writes nothing to the pipeline without -PassThru' {
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data | Should -BeNullOrEmpty
            [System.IO.File]::Exists($tableFile) | Should -BeTrue
        }
        It 'resolves relative paths against the PowerShell location' {
            # Location cmdlets are not in the shim's engine: use the session state API they wrap.
            $paths = $ExecutionContext.SessionState.Path
            $here = $paths.CurrentLocation.Path
            $dir = [System.IO.Path]::Combine($TestDrive, 'relative')
            $null = [System.IO.Directory]::CreateDirectory($dir)
            [System.IO.File]::Copy($SummaryTable, [System.IO.Path]::Combine($dir, 'saved.txt'), $true)
            try {
                $null = $paths.SetLocation($dir)
                Update-VlassSurveyCatalog -Path 'saved.txt' -CacheDirectory 'store'
            }
            finally { $null = $paths.SetLocation($here) }
            [System.IO.File]::Exists([System.IO.Path]::Combine($dir, 'store', 'VLASS_dyn_summary.txt')) | Should -BeTrue
        }
        It 'honours -WhatIf' {
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data -WhatIf
            [System.IO.File]::Exists($tableFile) | Should -BeFalse
        }
        It 'reports a malformed row with its line number and keeps the others' {
            $lines = [System.IO.File]::ReadAllLines($SummaryTable)
            $lines[1299] = $lines[1299].Replace('2017-11-18', '2017-11-31')
            $bad = [System.IO.Path]::Combine($TestDrive, 'bad.txt')
            [System.IO.File]::WriteAllLines($bad, $lines)
            $c = Update-VlassSurveyCatalog -Path $bad -CacheDirectory $data -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'CatalogRowMalformed,*'
            $err[0].Exception.Message | Should -Match 'line 1300'
            $err[0].TargetObject.Kind | Should -Be 'BadDate'
            $c.Count | Should -Be 2696
        }
        It 'fails for a missing file without touching the cache' {
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data
            $missing = [System.IO.Path]::Combine($TestDrive, 'nope.txt')
            Update-VlassSurveyCatalog -Path $missing -CacheDirectory $data -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SurveyCatalogDownloadFailed,*'
            [System.IO.File]::ReadAllText($tableFile) | Should -BeExactly ([System.IO.File]::ReadAllText($SummaryTable))
        }
    }

    Context 'from a URL' {
        It 'downloads, records the source and the fetch time' {
            $before = [DateTimeOffset]::UtcNow.AddSeconds(-1)
            $c = Update-VlassSurveyCatalog -Uri "$base/vlass/VLASS_dyn_summary.php" -CacheDirectory $data -PassThru
            $c.Count | Should -Be 2697
            $c.Source | Should -Be "$base/vlass/VLASS_dyn_summary.php"
            $c.FetchedAt | Should -BeGreaterThan $before
            $stored = Get-VlassObservation -TileName T12t13 -CacheDirectory $data
            @($stored).Count | Should -Be 3
        }
        It 'keeps the previous table when the server is down' {
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data
            Update-VlassSurveyCatalog -Uri "$base/vlass/down.php" -CacheDirectory $data -MaximumRetryCount 0 -ErrorVariable err -ErrorAction SilentlyContinue
            $err | Should -HaveCount 1
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SurveyCatalogDownloadFailed,*'
            $err[0].Exception.Message | Should -Match '503'
            [System.IO.File]::ReadAllText($tableFile) | Should -BeExactly ([System.IO.File]::ReadAllText($SummaryTable))
        }
        It 'refuses a page that is not the survey table' {
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data
            Update-VlassSurveyCatalog -Uri "$base/vlass/maintenance.php" -CacheDirectory $data -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -BeLike 'SurveyCatalogInvalid,*'
            [System.IO.File]::ReadAllText($tableFile) | Should -BeExactly ([System.IO.File]::ReadAllText($SummaryTable))
        }
    }

    Context 'help' {
        It 'documents the synopsis, every parameter and an example' {
            Assert-CatalogHelp 'Update-VlassSurveyCatalog'
        }
    }
}
