Set-StrictMode -Version Latest

# The whole recipe composed through the pipeline, on the repository's fixtures: target -> geometry -> tiles ->
# epochs -> measurement set -> field selection -> split script -> parameter list -> imaging workspace.
Describe 'The Memo 20 recipe through the pipeline' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive)    # parameter lists go to <target id>/ in the current location
        $script:Table = [System.IO.Path]::Combine($script:SharedData, 'VLASS_dyn_summary.txt')
        $script:Ms = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa', 'vlass_otf.ms')
        $script:Target = ConvertTo-VlassPosition '00:02:00 +31:30:00' -Name 'Target A'
        $script:Geometry = Get-VlassImageGeometry -ScienceSize 500 -Position $Target
    }
    AfterAll { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }

    It 'sizes the image and finds its tile and epochs' {
        $Geometry.ImsizeX | Should -Be 7200
        $tiles = @($Geometry | Get-VlassTile)
        $tiles.Where({ $_.ContainsPosition }).Name | Should -Be 'T18t01'
        $obs = @($tiles | Get-VlassObservation -CatalogPath $Table -ObservedOnly -Epoch 'VLASS*')
        $obs.Count | Should -BeGreaterThan 2
        @($obs.TileName | ForEach-Object { $_ }).Where({ $tiles.Name -notcontains $_ }) | Should -BeNullOrEmpty
    }

    It 'selects the fields and writes the split script' {
        $out = [System.IO.Path]::Combine($TestDrive, 'split')
        $null = [System.IO.Directory]::CreateDirectory($out)
        $fields = @(Get-VlassMeasurementSet -LiteralPath $Ms -WarningAction SilentlyContinue |
                Select-VlassField -Geometry $Geometry -WarningAction SilentlyContinue)
        $fields.Count | Should -BeGreaterThan 0
        $fields | ForEach-Object { [math]::Abs($_.OffsetXArcsec) | Should -BeLessThan 1250 }
        $split = $fields | New-VlassSplitScript -Path ([System.IO.Path]::Combine($out, 'split.py')) -OutputDirectory $out -TargetName 'Target A' -WarningAction SilentlyContinue
        $split.Written | Should -BeTrue
        $split.RowFraction | Should -BeLessThan 1
        [System.IO.File]::ReadAllText([System.IO.Path]::Combine($out, 'split.py')) | Should -Match 'split\('
    }

    It 'writes a parameter list and an imaging workspace from the geometry' {
        $root = [System.IO.Path]::Combine($TestDrive, 'work')
        $null = [System.IO.Directory]::CreateDirectory($root)
        $ws = $Geometry | New-SeipParameterList -Name 'Target A' -PassThru |
            New-VlassImagingWorkspace -MeasurementSet $Ms -Root $root -PipelineVersion 2023.1.1.8 -Scheduler Slurm -CasaPath '/opt/casa' -WarningAction SilentlyContinue
        $ws | Should -Not -BeNullOrEmpty
        $working = @([System.IO.Directory]::GetDirectories($root, 'working', 'AllDirectories'))
        $working | Should -HaveCount 1
        $list = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($working[0], 'SEIP_parameter.list'))
        $list | Should -Match "imsize=\[7200,\s*7200\]"
        $list | Should -Match "phasecenter='J2000 00:02:00.0000 \+31.30.00.000'"
        [System.IO.File]::Exists([System.IO.Path]::Combine($working[0], 'command_script.py')) | Should -BeTrue
    }
}
