Set-StrictMode -Version Latest

# Issue 13 reproducers at the module surface: each gives a typed error (VlassPS id, category, target) within
# seconds, and one bad item does not end the pipeline.
Describe 'Hostile input' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:fixtures = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fixtures')
        $script:goodMs = [System.IO.Path]::Combine($fixtures, 'casa', 'vlass_split.ms')
        $script:fits = [System.IO.Path]::Combine($fixtures, 'fits', 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
        function script:New-Fifo([string] $path) {
            & /usr/bin/mkfifo $path
            if ($LASTEXITCODE -ne 0) { throw "mkfifo $path failed" }
            $path
        }
        function script:Get-Errors([scriptblock] $call) {
            # Output and error records of one call (terminating or not), which must end within seconds.
            # The caller's preference must not turn a per-item error into a terminating one (Invoke-PesterByName.ps1 runs with Stop).
            $ErrorActionPreference = 'Continue'
            $sw = [System.Diagnostics.Stopwatch]::StartNew()
            $all = @(try { & $call 2>&1 } catch { $_ })
            $sw.Elapsed.TotalSeconds | Should -BeLessThan 10
            [pscustomobject]@{
                Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
                Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            }
        }
    }

    It 'reads the good MS after a bad one in the same pipeline' {
        $bad = [System.IO.Path]::Combine($TestDrive, 'bad.ms')
        $null = [System.IO.Directory]::CreateDirectory($bad)
        $null = New-Fifo ([System.IO.Path]::Combine($bad, 'table.dat'))
        $r = Get-Errors { $bad, $goodMs | Get-VlassMeasurementSet }
        $r.Output | Should -HaveCount 1
        $r.Output[0].Path | Should -Be $goodMs
        $r.Errors | Should -HaveCount 1
        $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MeasurementSetUnreadable,*'
        $r.Errors[0].TargetObject | Should -Be $bad
    }
    It 'says "not found" for a missing MS' {
        $r = Get-Errors { Get-VlassMeasurementSet -LiteralPath ([System.IO.Path]::Combine($TestDrive, 'nope.ms')) }
        $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'MeasurementSetNotFound,*'
        $r.Errors[0].Exception.Message | Should -Match 'not found'
    }
    It 'says a directory given as a FITS image is a directory' {
        $r = Get-Errors { Get-VlassImage -LiteralPath $TestDrive }
        $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathIsDirectory,*'
        $r.Errors[0].Exception.Message | Should -Match 'directory'
        $r.Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
    It 'refuses a FIFO and devices as a target list instead of hanging' {
        $fifo = New-Fifo ([System.IO.Path]::Combine($TestDrive, 'targets.fifo'))
        foreach ($path in $fifo, '/dev/zero', '/dev/urandom') {
            $r = Get-Errors { Import-VlassTarget -LiteralPath $path }
            $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotRegularFile,*'
        }
        (Get-Errors { Import-VlassTarget -LiteralPath $TestDrive }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathIsDirectory,*'
    }
    It 'refuses a FIFO as a parameter list and a region file' {
        $fifo = New-Fifo ([System.IO.Path]::Combine($TestDrive, 'SEIP.fifo'))
        (Get-Errors { Import-SeipParameterList -LiteralPath $fifo }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotRegularFile,*'
        (Get-Errors { Measure-VlassFlux -Path $fits -RegionFile $fifo }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotRegularFile,*'
        (Get-Errors { Update-VlassSurveyCatalog -Path '/dev/zero' -CacheDirectory $TestDrive }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotRegularFile,*'
    }
    It 'survives a region file with 100,000 nested brackets' {
        $file = [System.IO.Path]::Combine($TestDrive, 'deep.crtf')
        [System.IO.File]::WriteAllText($file, "#CRTFv0`ncircle " + ('[' * 100000) + (']' * 100000) + "`n")
        $r = Get-Errors { Measure-VlassFlux -Path $fits -RegionFile $file }
        $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'RegionFileMalformed,*'
    }
    It 'survives a parameter list with 100,000 nested brackets' {
        $file = [System.IO.Path]::Combine($TestDrive, 'deep.list')
        [System.IO.File]::WriteAllText($file, 'imsize=' + ('[' * 100000) + (']' * 100000) + "`n")
        $r = Get-Errors { Import-SeipParameterList -LiteralPath $file }
        $r.Output | Should -HaveCount 0
        $r.Errors.Count | Should -BeGreaterThan 0
        $r.Errors[0].Exception.Message | Should -Match 'nested'
    }
    It 'refuses non-ASCII digits with a typed error' {
        foreach ($text in '١٢٣ ٤٥', '１２３ ４５') {
            (Get-Errors { ConvertTo-VlassPosition $text }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PositionUnreadable,*'
        }
        (Get-Errors { Get-VlassTile -TileName 'T١٢t١٣' }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'TileNotFound,*'
    }
    It 'refuses a science size that cannot be imaged, naming -ScienceSize' {
        foreach ($size in 1e10, 1e19, 1e300) {
            $r = Get-Errors { Get-VlassImageGeometry -ScienceSize $size }
            $r.Errors[0].FullyQualifiedErrorId | Should -BeLike 'GeometryInvalid,*'
            $r.Errors[0].Exception.Message | Should -Match '-ScienceSize'
            $r.Errors[0].Exception.Message | Should -Not -Match 'scienceWidthArcsec'
        }
    }
    It 'refuses an -Imsize that cannot be imaged' {
        { New-SeipParameterList -Position (ConvertTo-VlassPosition '121.98974 4.54293') -Imsize 2147483646 -PassThru } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
    It 'reads a wildcard-looking name literally when it is no valid pattern' {
        # Outside TestDrive: Pester's own clean-up cannot remove a name that is an invalid pattern.
        $dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'vlassps-bracket-' + [guid]::NewGuid().ToString('N'))
        $null = [System.IO.Directory]::CreateDirectory($dir)
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($dir, 'T12t13[.csv'), "name,ra,dec`nA,121.98974,4.54293`n")
        $paths = $ExecutionContext.SessionState.Path   # the location API (no Location cmdlets in every host)
        $here = $paths.CurrentLocation.Path
        $null = $paths.SetLocation([System.Management.Automation.WildcardPattern]::Escape($dir))
        try { $r = Get-Errors { Import-VlassTarget -Path 'T12t13[.csv' } }
        finally { $null = $paths.SetLocation([System.Management.Automation.WildcardPattern]::Escape($here)); [System.IO.Directory]::Delete($dir, $true) }
        $r.Errors | Should -HaveCount 0
        $r.Output | Should -HaveCount 1
    }
    It 'says a path on no file-system drive is not a file-system path' {
        (Get-Errors { Import-VlassTarget -Path 'file:///etc/passwd' }).Errors[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
    }
    It 'gives target objects to RegionMissing, PhaseCenterMissing and NoFieldsSelected' {
        $empty = [System.IO.Path]::Combine($TestDrive, 'empty.crtf')
        [System.IO.File]::WriteAllText($empty, "#CRTFv0`n")
        $e = (Get-Errors { Measure-VlassFlux -Path $fits -RegionFile $empty }).Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'RegionMissing,*'
        $e.TargetObject | Should -Not -BeNullOrEmpty
        $ms = Get-VlassMeasurementSet -LiteralPath $goodMs -WarningAction SilentlyContinue
        $e = (Get-Errors { Select-VlassField -MeasurementSet $ms -ScienceSize 500 }).Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'PhaseCenterMissing,*'
        $e.TargetObject | Should -Not -BeNullOrEmpty
        $e = (Get-Errors { @() | New-VlassSplitScript -Path ([System.IO.Path]::Combine($TestDrive, 's.py')) }).Errors[0]
        $e.FullyQualifiedErrorId | Should -BeLike 'NoFieldsSelected,*'
        $e.TargetObject | Should -Not -BeNullOrEmpty
    }
}
