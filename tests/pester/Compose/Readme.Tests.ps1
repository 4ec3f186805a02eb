Set-StrictMode -Version Latest
# Issue 10 §1: the README's recipe is executed as written, so README and code cannot drift. The archive is the
# loopback server over tests/fixtures/catalog/quicklook (and the shared survey table); the calibrated MS the
# user would request from NRAO is written by tests/oracles/casa/make_recipe_ms.py (python-casacore); the
# pipeline run itself is stood in for by copying the fixture SE image into products/ when the block has not
# produced one. The block is split at its "# after the pipeline ran" line: lines added before it (for example
# Submit-VlassImaging | Wait-VlassImagingJob) run as part of the first half, so the lead can extend the block.
Describe 'The README' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        . "$PSScriptRoot/ComposeCommon.ps1"
        . "$PSScriptRoot/../Oracle.ps1"
        $script:Readme = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($RepoRoot, 'README.md'))
        function script:Get-ReadmeBlock([string] $After) {
            $i = $Readme.IndexOf($After)
            if ($i -lt 0) { throw "README has no '$After'" }
            $start = $Readme.IndexOf('```powershell', $i)
            $body = $start + '```powershell'.Length
            $end = $Readme.IndexOf("`n``````", $body)
            $Readme.Substring($body, $end - $body).Trim("`r", "`n")
        }
        $script:Saved = Save-TestEnvironment 'VLASSPS_CONFIG', 'VLASSPS_DATA', 'VLASSPS_CACHE', 'VLASSPS_ARCHIVE', 'VLASSPS_CASA', 'VLASSPS_SCHEDULER', 'VLASSPS_PARTITION', 'VLASSPS_ACCOUNT'
        $script:Server = New-CatalogTestServer
        $table = [System.IO.File]::ReadAllText($SummaryTable)
        $Server.MapText('/VLASS_dyn_summary.php', $table)
        $env:VLASSPS_ARCHIVE = $Server.BaseUri.AbsoluteUri
        $env:VLASSPS_DATA = [System.IO.Path]::Combine($TestDrive, 'data')
        $env:VLASSPS_CONFIG = [System.IO.Path]::Combine($TestDrive, 'config.yaml')
        $script:Fits = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fixtures', 'fits', 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
    }
    AfterAll {
        if ($script:Server) { $script:Server.Dispose() }
        Restore-TestEnvironment $script:Saved
    }

    It 'runs the one-target recipe as written, and every name one step writes is the name the next reads' {
        Skip-ItWithoutTool 'xvfb-run'   # the recipe's imaging job runs (the fake) casa under xvfb-run
        Skip-ItWithoutOracle 'casacore.tables'   # python-casacore writes the MS
        $block = Get-ReadmeBlock '### The whole recipe, one target'
        $cut = $block.IndexOf('# after the pipeline ran')
        $cut | Should -BeGreaterThan 0
        $work = [System.IO.Path]::Combine($TestDrive, 'recipe')
        $ms = [System.IO.Path]::Combine($work, 'VLASS2.1.sb38561374.eb38565040.59070.62333981482.ms')
        & $OraclePython ([System.IO.Path]::Combine($RepoRoot, 'tests', 'oracles', 'casa', 'make_recipe_ms.py')) $ms 121.98974 4.54293
        $LASTEXITCODE | Should -Be 0
        # The NRAO pipeline cannot run here: the fake casa (a labelled test double) writes the products the pipeline
        # would. The jobs run on the real Slurm cluster when one is configured, else on the local runner.
        $env:VLASSPS_CASA = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fake-casa', 'casa')
        if (-not $env:SLURM_CONF) { $env:VLASSPS_SCHEDULER = 'Local' }
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($work)
        try {
            $ErrorActionPreference = 'Stop'
            $first = @(. ([scriptblock]::Create($block.Substring(0, $cut))) 3>$null)
            $jobs = $first.Where({ $_ -is [VlassPS.Core.Scheduling.JobRecord] })
            $jobs.Count | Should -Be 1
            # On failure, say why: the split's and the imaging job's logs (the TestDrive is gone afterwards).
            $logs = if ($jobs[0].State -ne 'Completed') {
                @([System.IO.Directory]::GetFiles($work, '*.*', [System.IO.SearchOption]::AllDirectories)).Where({ $_ -match '\.(out|err|log)$' }) |
                    ForEach-Object { "--- $_`n" + [System.IO.File]::ReadAllText($_) }
            }
            $jobs[0].State | Should -Be 'Completed' -Because ("the recipe's jobs must complete; logs:`n" + ($logs -join "`n"))
            # What the recipe's comments promise.
            $first.Where({ $_ -is [VlassPS.Core.Archive.ExecutionBlock] }).Name | Should -Contain $MemoExecutionBlocks[1]
            $split.OutputVis | Should -Be @([System.IO.Path]::Combine($work, 'J0807+0432.ms'))
            [System.IO.File]::Exists([System.IO.Path]::Combine($work, 'split_J0807+0432.py')) | Should -BeTrue
            $ws = [VlassPS.Core.Workspace.ImagingWorkspace]::Load([System.IO.Path]::Combine($work, 'J0807+0432'))
            $ws.Path | Should -BeExactly ([System.IO.Path]::Combine($work, 'J0807+0432'))
            $ws.MeasurementSets | Should -Be $split.OutputVis
            [System.IO.File]::ReadAllText($ws.CommandScript) | Should -Match ([regex]::Escape("'$($split.OutputVis[0])'"))
            # The split ran before the imaging (its output MS exists), and the products are in place.
            [System.IO.Directory]::Exists($split.OutputVis[0]) | Should -BeTrue
            $products = [System.IO.Path]::Combine($work, 'J0807+0432', 'products')
            @([System.IO.Directory]::GetFiles($products, '*.image.pbcor.tt0.science.subim.fits')).Count | Should -Be 1
            # Stand-ins for the user's official image and region file.
            [System.IO.File]::Copy($Fits, [System.IO.Path]::Combine($work, 'official.fits'), $true)
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($work, 'source.reg'), "# Region file format: DS9`nfk5`ncircle(121.98974,4.54293,20`")`n")
            $second = @(. ([scriptblock]::Create($block.Substring($cut))) 3>$null)
            $flux = $second.Where({ $_ -is [VlassPS.Core.Photometry.FluxMeasurement] })
            $flux.Count | Should -Be 1
            $flux[0].Target.Name | Should -BeExactly 'J0807+0432'
            $comparison = $second.Where({ $_ -is [VlassPS.Core.Photometry.ImageComparison] })
            $comparison.Count | Should -Be 1
            $comparison[0].Target.Name | Should -BeExactly 'J0807+0432'     # the workspace the product belongs to
        }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }

    It 'runs the pwsh quickstart block' {
        $block = Get-ReadmeBlock '**With pwsh 7.4+:**'
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($RepoRoot)
        try {
            $ErrorActionPreference = 'Stop'
            $out = @(. ([scriptblock]::Create($block)) 3>$null)
            $out.Where({ $_ -is [VlassPS.Core.Tiling.VlassTile] -and $_.Name -eq 'T12t13' }).Count | Should -BeGreaterThan 0
            (Get-GroupCount $out.Where({ $_ -is [VlassPS.Core.Tiling.VlassTile] -and $null -ne $_.Target }) Target) | Should -BeGreaterThan 2
        }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }

    It 'examples/Recipe-OneTarget.ps1 runs position -> workspace' {
        Skip-ItWithoutOracle 'casacore.tables'   # python-casacore writes the MS
        $work = [System.IO.Path]::Combine($TestDrive, 'example')
        $ms = [System.IO.Path]::Combine($work, 'archive.ms')
        & $OraclePython ([System.IO.Path]::Combine($RepoRoot, 'tests', 'oracles', 'casa', 'make_recipe_ms.py')) $ms 121.98974 4.54293
        Update-VlassSurveyCatalog -Path $SummaryTable -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $null = $ExecutionContext.SessionState.Path.PushCurrentLocation('vlassps'); $null = $ExecutionContext.SessionState.Path.SetLocation($work)
        try {
            $r = & ([System.IO.Path]::Combine($RepoRoot, 'examples', 'Recipe-OneTarget.ps1')) -MeasurementSet $ms 3>$null
            $r.Target.Name | Should -BeExactly 'J0807+0432'
            $r.ExecutionBlocks | Should -Contain $MemoExecutionBlocks[0]
            $r.Workspace | Should -BeExactly ([System.IO.Path]::Combine($work, 'J0807+0432'))
            [System.IO.Directory]::Exists($r.OutputVis[0]) | Should -BeFalse    # written by CASA when split runs
            $r.Submit | Should -Match '^sbatch '
        }
        finally { $null = $ExecutionContext.SessionState.Path.PopLocation('vlassps') }
    }

    It 'examples/Plan-Targets.ps1 plans many targets, each row carrying its target' {
        $rows = @(& ([System.IO.Path]::Combine($RepoRoot, 'examples', 'Plan-Targets.ps1')) 3>$null 2>$null)
        $rows.Count | Should -BeGreaterThan 2
        (Get-GroupCount $rows Target) | Should -Be $rows.Count
    }
}
