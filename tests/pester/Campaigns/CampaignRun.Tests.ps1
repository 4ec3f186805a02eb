Set-StrictMode -Version Latest
# Invoke-VlassCampaign and Get-VlassCampaign end to end on this machine: the Local scheduler, the fake casa (the
# labelled test double for the NRAO pipeline), MSs written by python-casacore, the shared survey table and the
# loopback archive. The MSs are named as the archive names them, or not at all (then the MS's own OBSERVATION
# start time and project tie it to the plan's execution block).
BeforeDiscovery {
    . "$PSScriptRoot/../Oracle.ps1"
    $script:NoCasacore = Test-OracleSkip 'casacore.tables'
}

Describe 'Invoke-VlassCampaign and Get-VlassCampaign (Local scheduler, fake casa)' -Skip:$NoCasacore {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Oracle.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        Assert-Oracle 'casacore.tables'
        $script:Saved = Save-TestEnvironment 'VLASSPS_CONFIG', 'VLASSPS_DATA', 'VLASSPS_CACHE', 'VLASSPS_ARCHIVE', 'VLASSPS_CASA', 'VLASSPS_SCHEDULER', 'VLASSPS_FAKE_CASA_SLEEP'
        $env:VLASSPS_CONFIG = [System.IO.Path]::Combine($TestDrive, 'config.yaml')
        $env:VLASSPS_DATA = [System.IO.Path]::Combine($TestDrive, 'vlassps-data')
        $env:VLASSPS_FAKE_CASA_SLEEP = '0'
        $script:Server = New-CatalogTestServer
        # J0925+1444's tile (T14t15) is not in the static fixture archive: its VLASS2.1 listing is served here.
        $script:Eb0925 = 'VLASS2.1.sb38600000.eb38600001.59125.5'
        $img = 'VLASS2.1.ql.T14t15.J092500+143000.10.2048.v1'
        $Server.MapText('/quicklook/VLASS2.1/T14t15/', "<html><body><pre><a href=`"$img/`">$img/</a></pre></body></html>")
        $Server.MapText("/quicklook/VLASS2.1/T14t15/$img/", "<html><body><pre><a href=`"casa_pipescript.py`">casa_pipescript.py</a></pre></body></html>")
        $Server.MapText("/quicklook/VLASS2.1/T14t15/$img/casa_pipescript.py", "hifv_importdata(vis=['$Eb0925.ms'])")
        $script:Eb0807 = $MemoExecutionBlocks[1]
        $script:Plan = @{ CatalogPath = $SummaryTable; CacheDirectory = [System.IO.Path]::Combine($TestDrive, 'cache'); BaseUri = $Server.BaseUri.AbsoluteUri + 'quicklook/' }
        $script:Casa = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fake-casa', 'casa')
        $script:Official = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fixtures', 'fits', 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
        $script:HasOutString = [bool](Get-Command Out-String -ErrorAction SilentlyContinue)

        # The data directory: J0807+0432's MS under its archive name; J0925+1444's under a name that says nothing,
        # its OBSERVATION table giving project VLASS2.1 and a start 3 minutes after the EB's MJD (59125.5).
        $script:Data = [System.IO.Path]::Combine($TestDrive, 'ms')
        $maker = [System.IO.Path]::Combine($RepoRoot, 'tests', 'oracles', 'casa', 'make_recipe_ms.py')
        & $OraclePython $maker ([System.IO.Path]::Combine($Data, "$Eb0807.ms")) 121.98974 4.54293 0.25
        $LASTEXITCODE | Should -Be 0
        $plain = [System.IO.Path]::Combine($Data, 'downloaded-0925.ms')
        & $OraclePython $maker $plain 141.28030 14.74048 0.25
        $LASTEXITCODE | Should -Be 0
        & $OraclePython -c "import sys, casacore.tables as pt; t = pt.table(sys.argv[1] + '/OBSERVATION', readonly=False, ack=False); s = 59125.5 * 86400 + 180; t.putcell('TIME_RANGE', 0, [s, s + 3600]); t.putcell('PROJECT', 0, 'VLASS2.1'); t.close()" $plain
        $LASTEXITCODE | Should -Be 0

        $script:Yaml = @"
name: run-tests
defaults:
  science_size: 60
  epochs: [VLASS1.1, VLASS2.1]
  scheduler: Local
  resources: { cores: 1, memory_gb: 1, wall_time: "00:05:00" }
  data_directory: ms
  work_root: work
  checks:
    flux: { radius_arcsec: 20 }
targets:
  - name: J0807+0432
    position: "08:07:57.538 +04:32:34.55"
    official_image: $Official
  - name: J0925+1444
    position: "09:25:07.271 +14:44:25.74"
"@
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($TestDrive, 'campaign.yaml'), $Yaml)
        $script:Campaign = Import-VlassCampaign ([System.IO.Path]::Combine($TestDrive, 'campaign.yaml')) -CatalogPath $SummaryTable
        $script:Work = [System.IO.Path]::Combine($TestDrive, 'work')

        # Passes until nothing is in flight (each pass advances what it can; the Local runner runs the jobs).
        $script:Passes = [System.Collections.Generic.List[object]]::new()
        $deadline = [DateTime]::UtcNow.AddMinutes(3)
        do {
            $Passes.Add(($Campaign | Invoke-VlassCampaign -CasaPath $Casa @Plan -WarningVariable +passWarnings -WarningAction SilentlyContinue -Verbose 4>&1))
            $open = @(Get-VlassCampaign $Work -Detail | Where-Object State -NotIn 'Completed', 'Failed', 'SplitFailed', 'AwaitingData', 'NotObserved', 'Unresolved', 'DataUnusable', 'NoData')
            if ($open.Count -eq 0) { break }
            [System.Threading.Thread]::Sleep(1000)
        } while ([DateTime]::UtcNow -lt $deadline)
        $script:PassWarnings = @($passWarnings)
        $script:Rows = @(Get-VlassCampaign $Work -Detail)
    }
    AfterAll {
        if ($script:Server) { $script:Server.Dispose() }
        Restore-TestEnvironment $script:Saved
    }

    It 'images every target × epoch with data, under the epoch the plan gives (not the MS folder name)' {
        $done = @($Rows | Where-Object State -EQ 'Completed')
        @($done | ForEach-Object { '{0} {1}' -f $_.Target, $_.Epoch }) -join '; ' | Should -BeExactly 'J0807+0432 VLASS2.1; J0925+1444 VLASS2.1'
        $done | ForEach-Object { $_.Products | Should -BeGreaterThan 0 }
        $done[1].MeasurementSet | Should -BeLike '*downloaded-0925.ms'
        [System.IO.Directory]::Exists([System.IO.Path]::Combine($Work, 'imaging', 'VLASS2.1', 'J0925+1444')) | Should -BeTrue
        # The verbose stream says how each MS was identified.
        $said = @($Passes[0] | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($said -join "`n") | Should -Match ([regex]::Escape("$Eb0807.ms: epoch VLASS2.1 from the plan: named after execution block $Eb0807"))
        ($said -join "`n") | Should -Match ([regex]::Escape("downloaded-0925.ms: epoch VLASS2.1 from the plan: its project VLASS2.1 and start MJD 59125.50208 match execution block $Eb0925"))
    }

    It 'reports plan rows without data as AwaitingData with the MS to download and its archive link' {
        $awaiting = @($Rows | Where-Object { $_.Target -eq 'J0807+0432' -and $_.Epoch -eq 'VLASS1.1' })
        $awaiting | Should -HaveCount 1
        $awaiting[0].State | Should -BeExactly 'AwaitingData'
        @($awaiting[0].MissingMeasurementSets) | Should -Be @("$($MemoExecutionBlocks[0]).ms")
        @($awaiting[0].DownloadLinks)[0] | Should -Match 'eb34700758'
        # J0925+1444's tile has no VLASS1.1 listing in the test archive: its EBs are unknown, and it says so.
        ($Rows | Where-Object { $_.Target -eq 'J0925+1444' -and $_.Epoch -eq 'VLASS1.1' }).State | Should -BeIn 'Unresolved', 'NotObserved'
        $summary = Get-VlassCampaign $Work
        $summary.States['AwaitingData'] | Should -Be 1
        $summary.States['Completed'] | Should -Be 2
    }

    It 'agrees with Get-VlassCampaignPlan: the same target × epoch rows, the same MSs to fetch' {
        $planRows = @($Campaign | Get-VlassCampaignPlan @Plan -Offline)
        @($planRows | ForEach-Object { "$($_.TargetName) $($_.Epoch)" } | Sort-Object) -join '; ' |
            Should -BeExactly (@($Rows | ForEach-Object { "$($_.Target) $($_.Epoch)" } | Sort-Object) -join '; ')
        foreach ($r in $planRows) {
            $row = $Rows | Where-Object { $_.Target -eq $r.TargetName -and $_.Epoch -eq $r.Epoch }
            if ($row.State -eq 'AwaitingData') { @($row.MissingMeasurementSets) | Should -Be @($r.MeasurementSets) }
        }
        $downloads = @($Campaign | Get-VlassCampaignPlan @Plan -Offline -GroupBy ExecutionBlock)
        @($downloads.MsName) | Should -Contain "$($MemoExecutionBlocks[0]).ms"
    }

    It 'measures the flux of each completed unit once and compares it with the official image when one is given' {
        $q = $Rows | Where-Object { $_.Target -eq 'J0807+0432' -and $_.State -eq 'Completed' }
        $q.CheckState | Should -BeExactly 'Compared'
        $q.Check.Image | Should -BeLike '*.image.pbcor.tt0.science.subim.fits'
        $q.Check.RadiusArcsec | Should -Be 20
        $q.Check.OfficialImage | Should -BeExactly $Official
        # The oracle: the module's own Measure-VlassFlux on the same files and circle.
        $mine = Measure-VlassFlux -Path $q.Check.Image -Circle '08:07:57.538 +04:32:34.55' -Radius 20 -WarningAction SilentlyContinue
        $theirs = Measure-VlassFlux -Path $Official -Circle '08:07:57.538 +04:32:34.55' -Radius 20 -WarningAction SilentlyContinue
        $q.PeakJyPerBeam | Should -Be $mine.Peak
        $q.FluxJy | Should -Be $mine.FluxJy
        $q.Check.OfficialFluxJy | Should -BeGreaterThan 0
        [math]::Abs($q.Check.OfficialFluxJy - $theirs.FluxJy) | Should -BeLessThan (1e-9 * [math]::Abs($theirs.FluxJy))
        $q.FluxRatio | Should -Be ($mine.FluxJy / $theirs.FluxJy)
        $p = $Rows | Where-Object { $_.Target -eq 'J0925+1444' -and $_.State -eq 'Completed' }
        $p.CheckState | Should -BeExactly 'Measured'
        $p.FluxRatio | Should -BeNullOrEmpty
    }

    It 'a rerun submits nothing new and does not check again' {
        $before = $Rows | Where-Object { $_.Target -eq 'J0807+0432' -and $_.State -eq 'Completed' }
        $s = $Campaign | Invoke-VlassCampaign -CasaPath $Casa @Plan -WarningAction SilentlyContinue
        $s.SplitsSubmitted | Should -Be 0
        $s.ImagingSubmitted | Should -Be 0
        $s.Submitted | Should -Be 4
        $after = Get-VlassCampaign $Work -Target J0807+0432 | Where-Object State -EQ 'Completed'
        $after.Check.Checked | Should -Be $before.Check.Checked
    }

    It 'records a failed check with its reason, and the pass goes on' {
        $bad = $Yaml.Replace("official_image: $Official", 'official_image: missing-official.fits')
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($TestDrive, 'campaign-bad.yaml'), $bad)
        $c = Import-VlassCampaign ([System.IO.Path]::Combine($TestDrive, 'campaign-bad.yaml')) -CatalogPath $SummaryTable
        $s = $c | Invoke-VlassCampaign -CasaPath $Casa @Plan -WarningVariable w -WarningAction SilentlyContinue
        $s.ImagingSubmitted | Should -Be 0
        ($w -join "`n") | Should -Match 'flux check failed: the official image .*missing-official\.fits.* does not exist'
        $row = Get-VlassCampaign $Work -Target J0807+0432 | Where-Object State -EQ 'Completed'
        $row.CheckState | Should -BeExactly 'Failed'
        $row.Check.Reason | Should -Match 'does not exist'
        $row.FluxJy | Should -Not -BeNullOrEmpty     # the measurement before the comparison is kept
    }

    It '-Target filters Get-VlassCampaign rows (wildcards), and the table view renders' {
        $rows = @(Get-VlassCampaign $Work -Target 'J09*')
        $rows | Should -Not -BeNullOrEmpty
        $rows | ForEach-Object { $_.Target | Should -BeExactly 'J0925+1444' }
        @(Get-VlassCampaign $Work -Target 'nothing-like-this') | Should -HaveCount 0
        if ($HasOutString) {
            $table = Get-VlassCampaign $Work -Detail | Out-String -Width 250
            $table | Should -Match 'Target\s+Epoch\s+State\s+Split\s+Job\s+Tries\s+Products\s+FluxJy\s+Ratio\s+Note'
            $table | Should -Match 'J0807\+0432\s+VLASS1\.1\s+AwaitingData.*download VLASS1\.1\.sb34647560'
        }
    }

    It '-WhatIf plans from the cache only and writes nothing' {
        $root = [System.IO.Path]::Combine($TestDrive, 'whatif-work')
        $hits = $Server.Hits('/quicklook/VLASS2.1/T12t13/')
        $s = $Campaign | Invoke-VlassCampaign -WorkRoot $root -CasaPath $Casa @Plan -WhatIf -WarningAction SilentlyContinue
        $s.SplitsSubmitted | Should -Be 0
        [System.IO.Directory]::Exists($root) | Should -BeFalse
        $Server.Hits('/quicklook/VLASS2.1/T12t13/') | Should -Be $hits
    }

    It 'falls back to the MS metadata, with a warning, when no survey table is at hand' {
        $root = [System.IO.Path]::Combine($TestDrive, 'noplan-work')
        $s = $Campaign | Invoke-VlassCampaign -WorkRoot $root -CasaPath $Casa -WhatIf -WarningVariable w -WarningAction SilentlyContinue
        ($w -join "`n") | Should -Match 'No campaign plan'
        [System.IO.Directory]::Exists($root) | Should -BeFalse
        { $Campaign | Invoke-VlassCampaign -WorkRoot $root -CasaPath $Casa -CatalogPath ([System.IO.Path]::Combine($TestDrive, 'no-table.txt')) -WhatIf } |
            Should -Throw -ErrorId 'SurveyCatalogMissing,*'
    }
}

Describe 'Get-VlassCampaignPlan with nothing to plan' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
    }

    It 'says so with a stable error id when called alone, before reading any table' {
        { Get-VlassCampaignPlan -Offline -CacheDirectory $TestDrive } | Should -Throw -ErrorId 'CampaignPlanInputMissing,*'
        $e = $null
        try { Get-VlassCampaignPlan -Offline -CacheDirectory $TestDrive -ErrorAction Stop } catch { $e = $_ }
        $e.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e.Exception.Message | Should -Match 'Nothing to plan'
        # An empty pipeline is not an error: nothing in, nothing out.
        @(@() | Get-VlassCampaignPlan -Offline -CatalogPath $SummaryTable -CacheDirectory $TestDrive) | Should -HaveCount 0
    }
}

Describe 'The campaign ledger migration (science columns)' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Oracle.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        Assert-Oracle 'sqlite3'
        # A ledger as the first campaign release wrote it (schema 1, no check columns, no awaiting table), written by
        # python's sqlite3 (the oracle), with one unit whose split was never submitted.
        $script:Root = [System.IO.Path]::Combine($TestDrive, 'old-ledger')
        $null = [System.IO.Directory]::CreateDirectory($Root)
        $script:Db = [System.IO.Path]::Combine($Root, '.vlassps-campaign.db')
        $script:Ms = [System.IO.Path]::Combine($TestDrive, 'old-ms', 'VLASS2.1_T12t13.ms')
        $make = @'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE lease(id INTEGER PRIMARY KEY CHECK (id = 1), host TEXT NOT NULL, pid INTEGER NOT NULL, started TEXT NOT NULL, heartbeat TEXT NOT NULL);
CREATE TABLE targets(name TEXT PRIMARY KEY, position TEXT NOT NULL);
CREATE TABLE splits(ms TEXT PRIMARY KEY, targets TEXT NOT NULL, script TEXT);
CREATE TABLE units(unit TEXT PRIMARY KEY, target TEXT NOT NULL REFERENCES targets(name), epoch TEXT NOT NULL, ms TEXT NOT NULL REFERENCES splits(ms),
    workspace TEXT, products INTEGER NOT NULL DEFAULT 0, UNIQUE(target, epoch));
CREATE TABLE jobs(key TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('Split','Imaging')), subject TEXT NOT NULL, attempt INTEGER NOT NULL,
    job_id TEXT, state TEXT NOT NULL, reason TEXT, claimed TEXT NOT NULL, submitted TEXT, finished TEXT, UNIQUE(kind, subject, attempt));
CREATE INDEX jobs_subject ON jobs(kind, subject);
INSERT INTO meta VALUES ('schema', '1'), ('campaign', 'abcdef12'), ('max_attempts', '3');
INSERT INTO targets VALUES ('J0807+0432', '08:07:57.538 +04:32:34.55');
""")
db.execute("INSERT INTO splits VALUES (?, 'J0807+0432', NULL)", (sys.argv[2],))
db.execute("INSERT INTO units VALUES ('J0807+0432@VLASS2.1_T12t13', 'J0807+0432', 'VLASS2.1_T12t13', ?, '/nowhere', 0)", (sys.argv[2],))
db.commit()
'@
        & $OraclePython -c $make $Db $Ms
        $LASTEXITCODE | Should -Be 0
        function script:Get-Columns { & $OraclePython -c "import sqlite3, sys; print(' '.join(r[1] for r in sqlite3.connect(sys.argv[1]).execute('PRAGMA table_info(units)')))" $Db }
    }

    It 'Get-VlassCampaign reads a ledger from before the migration (nothing checked, nothing awaiting)' {
        $rows = @(Get-VlassCampaign $Root -Detail)
        $rows | Should -HaveCount 1
        $rows[0].Epoch | Should -BeExactly 'VLASS2.1_T12t13'
        $rows[0].CheckState | Should -BeNullOrEmpty
        (Get-Columns) | Should -Not -Match 'check_state'      # read-only: the file is not changed
    }

    It 'a pass adds the columns and the table once, keeps every row, and a second pass finds them there' {
        $target = ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name 'J0807+0432'
        $pass = @{ DataDirectory = [System.IO.Path]::Combine($TestDrive, 'old-ms'); WorkRoot = $Root; Scheduler = 'Local'; CasaPath = '/opt/casa'
                   CatalogPath = $SummaryTable; CacheDirectory = [System.IO.Path]::Combine($TestDrive, 'old-cache'); Offline = $true; Epoch = 'VLASS2.1' }
        $null = $target | Invoke-VlassCampaign @pass -WarningAction SilentlyContinue
        $cols = Get-Columns
        foreach ($c in 'unit', 'products', 'check_state', 'check_flux', 'check_ratio', 'check_reason', 'check_settings') { $cols | Should -Match "\b$c\b" }
        $null = $target | Invoke-VlassCampaign @pass -WarningAction SilentlyContinue
        $rows = @(Get-VlassCampaign $Root -Detail)
        @($rows | Where-Object Epoch -EQ 'VLASS2.1_T12t13') | Should -HaveCount 1      # the old unit is still there
        # The plan's row for VLASS2.1 has no data (the EB cache is empty): Unresolved, recorded in the new table.
        ($rows | Where-Object Epoch -EQ 'VLASS2.1').State | Should -BeExactly 'Unresolved'
        & $OraclePython -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode').fetchone()[0])" $Db | Should -BeExactly 'delete'
    }
}
