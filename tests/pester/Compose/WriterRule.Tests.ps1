Set-StrictMode -Version Latest
# Issue 10 §4 and issue 13 §2: one write rule (Created / Unchanged / Updated / Conflict), never over an input,
# never over a non-regular file, workspace updates all or nothing.
Describe 'One writer rule' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Ms = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa', 'vlass_otf.ms')
        $script:FitsDir = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'fits')
        $script:Target = ConvertTo-VlassPosition '00:02:00 +31:30:00' -Name 'Target A'
        $script:Geometry = Get-VlassImageGeometry -ScienceSize 500 -Position $Target
        $script:Fields = @(Get-VlassMeasurementSet -LiteralPath $Ms -WarningAction SilentlyContinue | Select-VlassField -Geometry $Geometry -WarningAction SilentlyContinue)
    }

    It 'New-VlassSplitScript: Created, then Unchanged on a re-run, Conflict without -Force, Updated with it' {
        $path = [System.IO.Path]::Combine($TestDrive, 'split.py')
        ($Fields | New-VlassSplitScript -Path $path -WarningAction SilentlyContinue).Status | Should -Be 'Created'
        ($Fields | New-VlassSplitScript -Path $path -WarningAction SilentlyContinue -ErrorAction Stop).Status | Should -Be 'Unchanged'
        { $Fields | New-VlassSplitScript -Path $path -TargetName Other -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'FileConflict,*'
        ($Fields | New-VlassSplitScript -Path $path -TargetName Other -Force -WarningAction SilentlyContinue).Status | Should -Be 'Updated'
    }

    It 'New-SeipParameterList: the same statuses, and -PassThru both writes and emits' {
        $path = [System.IO.Path]::Combine($TestDrive, 'seip.list')
        $l = $Geometry | New-SeipParameterList -Path $path -PassThru
        $l.Status | Should -Be 'Created'
        [System.IO.File]::Exists($path) | Should -BeTrue
        ($Geometry | New-SeipParameterList -Path $path -PassThru -ErrorAction Stop).Status | Should -Be 'Unchanged'
        { $Geometry | New-SeipParameterList -Path $path -Robust 0.5 -ErrorAction Stop } | Should -Throw -ErrorId 'FileConflict,*'
        ($Geometry | New-SeipParameterList -Path $path -Robust 0.5 -Force -PassThru).Status | Should -Be 'Updated'
    }

    It 'never replaces a device, a FIFO or a directory, even with -Force' {
        $dir = [System.IO.Path]::Combine($TestDrive, 'adir')
        $null = [System.IO.Directory]::CreateDirectory($dir)
        { $Fields | New-VlassSplitScript -Path $dir -Force -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'OutputPathRefused,*'
        { $Geometry | New-SeipParameterList -Path /dev/full -Force -ErrorAction Stop } | Should -Throw -ErrorId 'OutputPathRefused,*'
        $fifo = [System.IO.Path]::Combine($TestDrive, 'fifo')
        & /usr/bin/mkfifo $fifo
        { $Fields | New-VlassSplitScript -Path $fifo -Force -WarningAction SilentlyContinue -ErrorAction Stop } | Should -Throw -ErrorId 'OutputPathRefused,*'
        [System.IO.Directory]::Exists($dir) | Should -BeTrue
        & /usr/bin/stat -c %F /dev/full | Should -BeExactly 'character special file'
    }

    It 'Compare-VlassImage never writes over its input, and a re-run is Unchanged' {
        $a = [System.IO.Path]::Combine($TestDrive, 'a.fits'); $b = [System.IO.Path]::Combine($TestDrive, 'b.fits')
        [System.IO.File]::Copy([System.IO.Path]::Combine($FitsDir, 'compare_a.fits'), $a)
        [System.IO.File]::Copy([System.IO.Path]::Combine($FitsDir, 'compare_b.fits'), $b)
        $before = [System.IO.File]::ReadAllBytes($a)
        { Compare-VlassImage -Reference $a -Difference $b -DifferencePath $a -Force -ErrorAction Stop } | Should -Throw -ErrorId 'OutputPathRefused,*'
        [System.Linq.Enumerable]::SequenceEqual([byte[]][System.IO.File]::ReadAllBytes($a), [byte[]]$before) | Should -BeTrue
        (Compare-VlassImage -Reference $a -Difference $b).DifferenceStatus | Should -Be 'Created'
        (Compare-VlassImage -Reference $a -Difference $b -ErrorAction Stop).DifferenceStatus | Should -Be 'Unchanged'
    }

    It 'a workspace update is all or nothing: a failure writing one file leaves the old set intact' {
        $root = [System.IO.Path]::Combine($TestDrive, 'ws')
        $ws = $Geometry | New-SeipParameterList -Path ([System.IO.Path]::Combine($TestDrive, 'w1.list')) -PassThru |
            New-VlassImagingWorkspace -MeasurementSet $Ms -Root $root -CasaPath /opt/casa -Scheduler Local -WarningAction SilentlyContinue
        $listBefore = [System.IO.File]::ReadAllText($ws.ParameterFile)
        $cmdBefore = [System.IO.File]::ReadAllText($ws.CommandScript)
        # The batch script's place is taken by a directory: writing it must fail, and nothing else may change.
        [System.IO.File]::Delete($ws.BatchScript)
        $null = [System.IO.Directory]::CreateDirectory($ws.BatchScript)
        { $Geometry | New-SeipParameterList -Path ([System.IO.Path]::Combine($TestDrive, 'w2.list')) -Robust 1.5 -PassThru |
            New-VlassImagingWorkspace -MeasurementSet $Ms -Root $root -CasaPath /opt/casa -Scheduler Local -Force -WarningAction SilentlyContinue -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorkspaceWriteFailed,*'
        [System.IO.File]::ReadAllText($ws.ParameterFile) | Should -BeExactly $listBefore
        [System.IO.File]::ReadAllText($ws.CommandScript) | Should -BeExactly $cmdBefore
        @([System.IO.Directory]::GetFiles($ws.WorkingDirectory, '*.tmp')).Count | Should -Be 0
    }
}
