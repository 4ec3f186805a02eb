Set-StrictMode -Version Latest
# Issue 10 §2: which target a result belongs to is carried by every step as a Target property, and names of
# different targets never map to the same folder or file.
Describe 'Target identity through every step' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        . "$PSScriptRoot/ComposeCommon.ps1"
        $script:Ms = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa', 'vlass_otf.ms')
        $script:Csv = [System.IO.Path]::Combine($TestDrive, 'two.csv')
        [System.IO.File]::WriteAllText($script:Csv, "Name,RAJ2000,DEJ2000,ScienceSize`nTarget A,00:02:00,+31:30:00,500`nTarget B,00:02:30,+31:40:00,800`n")
        $script:Targets = @(Import-VlassTarget $Csv)
        $script:Server = New-CatalogTestServer
        $script:Archive = $Server.BaseUri.AbsoluteUri + 'quicklook/'
    }
    AfterAll { if ($script:Server) { $script:Server.Dispose() } }

    It 'Import-VlassTarget gives each row a target with its name, a stable id and the extra columns as overrides' {
        $Targets.Count | Should -Be 2
        $Targets[0].Target.Name | Should -BeExactly 'Target A'
        $Targets[0].Target.Id | Should -Match '^Target_A-[0-9a-f]{8}$'
        $Targets[0].Target.Overrides['ScienceSize'] | Should -Be '500'
        (ConvertTo-VlassPosition '00:02:00 +31:30:00' -Name 'Target A').Target.Id | Should -BeExactly $Targets[0].Target.Id
    }

    It 'names that escape alike get different ids (A+B, A_B, A B)' {
        $ids = 'A+B', 'A_B', 'A B', 'A/B' | ForEach-Object { (ConvertTo-VlassPosition '1 2' -Name $_).Target.Id }
        @(Get-Distinct $ids).Count | Should -Be 4
        $ids[0] | Should -BeExactly 'A+B'      # already a safe name: kept as is
        $ids[1] | Should -BeExactly 'A_B'
    }

    It 'geometry, tiles and observations carry the target, so Group-Object Target works' {
        $geometries = $Targets | ForEach-Object { Get-VlassImageGeometry -ScienceSize 500 -Position $_ }
        Get-GroupCount $geometries Target | Should -Be 2
        $tiles = @($geometries | Get-VlassTile)
        Get-GroupCount $tiles Target | Should -Be 2
        $obs = @($tiles | Get-VlassObservation -CatalogPath $SummaryTable)
        Get-GroupCount $obs Target | Should -Be 2
        @($obs | Where-Object { $_.Target.Name -eq 'Target A' }).Count | Should -BeGreaterThan 0
    }

    It 'execution blocks carry the target of the position they were found for, also when two targets share a tile' {
        $a = ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name J0807+0432
        $b = ConvertTo-VlassPosition '08:10:00 +05:00:00' -Name Other
        $cache = [System.IO.Path]::Combine($TestDrive, 'eb')
        $eb = @($a, $b | Find-VlassExecutionBlock -Epoch VLASS1.1 -CatalogPath $SummaryTable -BaseUri $Archive -CacheDirectory $cache)
        $eb.Count | Should -Be 2
        Get-GroupCount $eb Target | Should -Be 2
        Get-Distinct $eb.Tile | Should -Be 'T12t13'
    }

    It 'field selection, split script, parameter list and workspace carry the target' {
        $t = $Targets[0]
        $g = Get-VlassImageGeometry -ScienceSize 500 -Position $t
        $fields = @(Get-VlassMeasurementSet -LiteralPath $Ms -WarningAction SilentlyContinue | Select-VlassField -Geometry $g -WarningAction SilentlyContinue)
        $fields[0].Target.Name | Should -BeExactly 'Target A'
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive)
        try {
            $split = $fields | New-VlassSplitScript -WarningAction SilentlyContinue
            $split.Target.Name | Should -BeExactly 'Target A'
            $split.OutputVis[0] | Should -BeExactly ([System.IO.Path]::Combine($TestDrive, "$($t.Target.Id).ms"))
            $list = $g | New-SeipParameterList -PassThru
            $list.Target.Name | Should -BeExactly 'Target A'
            $ws = $list | New-VlassImagingWorkspace -MeasurementSet $split.OutputVis -CasaPath /opt/casa -Scheduler Local -WarningAction SilentlyContinue
            $ws.Target.Name | Should -BeExactly 'Target A'
            $ws.Path | Should -BeExactly ([System.IO.Path]::Combine($TestDrive, $t.Target.Id))
        }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }

    It 'New-SeipParameterList without -Path writes one list per target, so a second target does not fail' {
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($TestDrive)
        try {
            $lists = @($Targets | ForEach-Object { Get-VlassImageGeometry -ScienceSize 500 -Position $_ } | New-SeipParameterList -PassThru -ErrorAction Stop)
            $lists.Count | Should -Be 2
            $lists[0].Path | Should -Not -Be $lists[1].Path
            $lists | ForEach-Object { [System.IO.File]::Exists($_.Path) | Should -BeTrue }
            [System.IO.Path]::GetFileName([System.IO.Path]::GetDirectoryName($lists[1].Path)) | Should -BeExactly $Targets[1].Target.Id
        }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }

    It 'workspaces of A+B and A_B do not share a folder' {
        $root = [System.IO.Path]::Combine($TestDrive, 'collide')
        $paths = 'A+B', 'A_B', 'A B' | ForEach-Object {
            (ConvertTo-VlassPosition '00:02:00 +31:30:00' -Name $_ | New-SeipParameterList -Path ([System.IO.Path]::Combine($TestDrive, "$([guid]::NewGuid()).list")) -PassThru |
                New-VlassImagingWorkspace -MeasurementSet $Ms -Root $root -CasaPath /opt/casa -Scheduler Local -WarningAction SilentlyContinue).Path
        }
        @(Get-Distinct $paths).Count | Should -Be 3
    }

    It 'a flux measurement on a target carries it' {
        $fits = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fixtures', 'fits', 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
        $img = Get-VlassImage -LiteralPath $fits
        $c = $img.Center.WithName('Src')
        (Measure-VlassFlux -Path $fits -Circle $c -Radius 5).Target.Name | Should -BeExactly 'Src'
    }
}
