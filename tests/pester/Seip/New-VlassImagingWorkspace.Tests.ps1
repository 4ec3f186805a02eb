Set-StrictMode -Version Latest

Describe 'New-VlassImagingWorkspace' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive)    # the list is written to <target id>/SEIP_parameter.list here
        $script:List = Get-VlassImageGeometry 500 '121.98974 4.54293' | New-SeipParameterList -Name 'J0807+0432' -PassThru
    }
    AfterAll { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }

    It 'creates the memo layout with a Slurm script and an imsubimage cutout for 2023.1.1.8' {
        $ms = [System.IO.Path]::Combine($TestDrive, 'J0807+0432_split.ms')
        $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'J0807+0432' -Root $TestDrive -PipelineVersion 2023.1.1.8 -Partition batch -WarningAction SilentlyContinue
        $ws | Should -BeOfType ([VlassPS.Core.Workspace.ImagingWorkspace])
        $ws.Status | Should -Be 'Created'
        $ws.ScienceCutout | Should -Be 'imsubimage'
        [System.IO.Directory]::Exists([System.IO.Path]::Combine($TestDrive, 'J0807+0432', 'products')) | Should -BeTrue
        [System.IO.File]::Exists($ws.ParameterFile) | Should -BeTrue
        $ws.BatchScript | Should -BeLike '*run_SE.J0807+0432.sh'
        $sh = [System.IO.File]::ReadAllText($ws.BatchScript)
        $sh | Should -Match '(?m)^#SBATCH --mem=256G$'
        $sh | Should -Match '(?m)^#SBATCH --partition=batch$'
        $sh | Should -Match 'mpicasa -n 4 '
        $py = [System.IO.File]::ReadAllText($ws.CommandScript)
        $py | Should -Match 'imsubimage\('
        $py | Should -Not -Match 'pipelinemode'
    }
    It 'keeps the Memo 20 scheme on the current pipeline by default, without warnings' {
        $ms = [System.IO.Path]::Combine($TestDrive, 'cur.ms')
        $null = [System.IO.Directory]::CreateDirectory($ms)
        $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'cur-default' -Root $TestDrive -PipelineVersion 2025.1.1.61 -DataColumn data -WarningVariable warn
        $ws.ScienceCutout | Should -Be 'imsubimage'
        [System.IO.File]::ReadAllText($ws.ParameterFile) | Should -Not -Match 'cutout_imsize'
        @($warn) | Should -HaveCount 0
    }
    It 'uses cutout_imsize for the current pipeline only when asked, warning about the smaller field search' {
        $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'a.ms')) -Name 'cur' -Root $TestDrive -PipelineVersion 2025.1.1.61 -ScienceCutout CutoutImsize -WarningVariable warn -WarningAction SilentlyContinue
        $ws.ScienceCutout | Should -Be 'cutout_imsize'
        [System.IO.File]::ReadAllText($ws.ParameterFile) | Should -Match '(?m)^cutout_imsize=\[834, 834\]$'
        ($warn -join ' ') | Should -Match 'no R_g buffer'
    }
    It 'keeps the Memo 20 scheme with -ScienceCutout Imsubimage on the current pipeline' {
        $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'a.ms')) -Name 'cur-sub' -Root $TestDrive -PipelineVersion 2025.1.1.61 -ScienceCutout Imsubimage -WarningAction SilentlyContinue
        $ws.ScienceCutout | Should -Be 'imsubimage'
        [System.IO.File]::ReadAllText($ws.ParameterFile) | Should -Not -Match 'cutout_imsize'
    }
    It 'is idempotent and refuses changed inputs without -Force, listing what differs' {
        $ms = [System.IO.Path]::Combine($TestDrive, 'b.ms')
        $a = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'idem' -Root $TestDrive -Scheduler Local -WarningAction SilentlyContinue
        $a.Status | Should -Be 'Created'
        $b = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'idem' -Root $TestDrive -Scheduler Local -WarningAction SilentlyContinue
        $b.Status | Should -Be 'Unchanged'
        $c = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'idem' -Root $TestDrive -Scheduler Local -Cores 8 -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $c | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WorkspaceDiffers,*'
        $err[0].Exception.Message | Should -Match 'run_SE\.idem\.sh'
        $d = $script:List | New-VlassImagingWorkspace -MeasurementSet $ms -Name 'idem' -Root $TestDrive -Scheduler Local -Cores 8 -Force -WarningAction SilentlyContinue
        $d.Status | Should -Be 'Updated'
    }
    It 'sanitises hostile names into the folder name and writes nothing with -WhatIf' {
        $name = "x'`$(touch canary)`n"
        $out = $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'c.ms')) -Name $name -Root $TestDrive -WhatIf -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        @([System.IO.Directory]::GetDirectories($TestDrive, 'x_touch_canary*')).Count | Should -Be 0
        $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'c.ms')) -Name $name -Root $TestDrive -WarningAction SilentlyContinue
        # The escaped name was lossy, so a hash of the original keeps it apart from a real "x_touch_canary".
        $ws.SafeName | Should -Match '^x_touch_canary-[0-9a-f]{8}$'
        [System.IO.File]::ReadAllText($ws.CommandScript) | Should -Match "VLASSPS_WORKSPACE_NAME = 'x\\'\`$\(touch canary\)\\n'"
    }
    It 'rejects an unsafe partition as a non-terminating error' {
        $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'd.ms')) -Name 'bad' -Root $TestDrive -Partition 'a b' -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'WorkspaceInvalid,*'
        [System.IO.Directory]::Exists([System.IO.Path]::Combine($TestDrive, 'bad')) | Should -BeFalse
    }
    It 'takes the CASA path from VLASSPS_CASA' {
        $old = $env:VLASSPS_CASA
        try {
            $env:VLASSPS_CASA = '/opt/casa-test'
            $ws = $script:List | New-VlassImagingWorkspace -MeasurementSet ([System.IO.Path]::Combine($TestDrive, 'e.ms')) -Name 'envcasa' -Root $TestDrive -Cores 1 -WarningAction SilentlyContinue
            $ws.Casa | Should -Be '/opt/casa-test/bin/casa'
        } finally { $env:VLASSPS_CASA = $old }
    }
}
