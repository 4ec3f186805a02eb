Set-StrictMode -Version Latest

Describe 'Campaign files' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
    }
    BeforeEach {
        $dir = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        $null = [System.IO.Directory]::CreateDirectory($dir)
    }

    It 'the starter file round-trips through Import-VlassCampaign' {
        $file = New-VlassCampaign -Path "$dir/quasars.yaml"
        $file | Should -BeOfType ([System.IO.FileInfo])
        $c = $file | Import-VlassCampaign -CatalogPath $SummaryTable
        $c | Should -BeOfType ([VlassPS.Core.Campaigns.CampaignDefinition])
        $c.Name | Should -BeExactly 'quasars'
        @($c.Targets.Name) -join ',' | Should -BeExactly 'J0807+0432,J0925+1444'
        $c.Targets[0].Position.RaDeg | Should -BeGreaterThan 121.9897
        $c.Targets[0].Position.RaDeg | Should -BeLessThan 121.9898
        $c.Targets[0].Settings.ScienceWidthArcsec | Should -Be 60
        $c.Targets[1].Settings.ScienceWidthArcsec | Should -Be 120
        @($c.Targets[1].OverriddenKeys) | Should -Contain 'science_size'
        @($c.Defaults.Epochs) -join ',' | Should -BeExactly 'VLASS2.1,VLASS2.2'
        $c.Defaults.Scheduler | Should -Be 'Slurm'
        $c.Defaults.Resources.Cores | Should -Be 4
        $c.DataDirectory | Should -BeExactly ([System.IO.Path]::Combine($dir, 'ms'))
        $c.WorkRoot | Should -BeExactly ([System.IO.Path]::Combine($dir, 'work'))
    }

    It 'New-VlassCampaign follows the writer rule and -WhatIf writes nothing' {
        New-VlassCampaign -Path "$dir/c.yaml" -WhatIf | Should -BeNullOrEmpty
        [System.IO.File]::Exists("$dir/c.yaml") | Should -BeFalse
        $null = New-VlassCampaign -Path "$dir/c.yaml"
        $null = New-VlassCampaign -Path "$dir/c.yaml"          # same content: Unchanged, no error
        New-VlassCampaign -Path "$dir/c.yaml" -Name other -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'FileConflict,*'
        (New-VlassCampaign -Path "$dir/c.yaml" -Name other -Force).FullName | Should -BeExactly "$dir/c.yaml"
        (Import-VlassCampaign "$dir/c.yaml").Name | Should -BeExactly 'other'
    }

    It 'reports every problem with its line and column, then stops' {
        $yaml = @'
name: bad
colour: blue
defaults:
  science_size: -5
  epochs: [VLASS2.1, VLASS9.9, VLASS2]
  scheduler: Condor
  speed: 3
targets:
  - name: A
    position: "08:07:57.538 +04:32:34.55"
  - name: B
    position: "not a position"
  - name: A
    position: "09:25:07.271 +14:44:25.74"
  - name: C
    position: "10:00:00 -60:00:00"
'@
        [System.IO.File]::WriteAllText("$dir/bad.yaml", $yaml)
        $threw = $null
        try { Import-VlassCampaign "$dir/bad.yaml" -CatalogPath $SummaryTable -ErrorVariable problems -ErrorAction SilentlyContinue }
        catch { $threw = $_ }
        $threw | Should -Not -BeNullOrEmpty
        $threw | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $threw.FullyQualifiedErrorId | Should -BeLike 'CampaignInvalid,*'
        $records = @($problems | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $found = @($records | Where-Object { $_.FullyQualifiedErrorId -like 'CampaignFileProblem,*' } | ForEach-Object {
            '{0}:{1}' -f $_.TargetObject.Line, $_.TargetObject.Column })
        $found -join ' ' | Should -BeExactly '2:1 4:17 5:22 5:32 6:14 7:3 12:15 13:5 16:15'
        $messages = @($records | Where-Object { $_.FullyQualifiedErrorId -like 'CampaignFileProblem,*' } | ForEach-Object { $_.Exception.Message })
        $messages[0] | Should -Match "bad\.yaml:2:1: Unknown key 'colour'"
        $messages[2] | Should -Match "Epoch 'VLASS9.9' is not in the survey table"
        $messages[4] | Should -Match "scheduler 'Condor'"
        $messages[7] | Should -Match "Duplicate target name 'A'"
        $messages[8] | Should -Match 'south of the survey limit'
    }

    It 'reads targets from a CSV named in the file and from -TargetList, overrides included' {
        [System.IO.File]::WriteAllText("$dir/more.csv", "Name,Ra,Dec,ScienceSize`nT1,121.5,5.0,200`nT2,130.0,4.5,`n")
        [System.IO.File]::WriteAllText("$dir/extra.tsv", "Name`tPosition`nT3`t08:10:00 +05:00:00`n")
        [System.IO.File]::WriteAllText("$dir/c.yaml", "defaults:`n  epochs: [VLASS2.1]`ntargets_file: more.csv`ntargets:`n  - name: T0`n    position: 121.98974 4.54293`n")
        $c = Import-VlassCampaign "$dir/c.yaml" -TargetList "$dir/extra.tsv" -CatalogPath $SummaryTable
        @($c.Targets.Name) -join ',' | Should -BeExactly 'T0,T1,T2,T3'
        $c.Targets[1].Settings.ScienceWidthArcsec | Should -Be 200
        $c.Targets[2].Settings.ScienceWidthArcsec | Should -Be 60
        [System.IO.File]::WriteAllText("$dir/dup.csv", "Name,Ra,Dec`nT0,121.5,5.0`n")
        { Import-VlassCampaign "$dir/c.yaml" -TargetList "$dir/dup.csv" -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'CampaignInvalid,*'
    }

    It 'reads checks: and official_image:, and reports their problems with line and column' {
        [System.IO.File]::WriteAllText("$dir/checks.yaml", @'
defaults:
  checks:
    flux: { radius_arcsec: 15 }
targets:
  - name: A
    position: "08:07:57.538 +04:32:34.55"
    official_image: official/A.fits
  - name: B
    position: "09:25:07.271 +14:44:25.74"
    checks: { flux: { radius_arcsec: 5 } }
'@)
        $c = Import-VlassCampaign "$dir/checks.yaml"
        $c.Defaults.FluxRadiusArcsec | Should -Be 15
        $c.Defaults.OfficialImage | Should -BeNullOrEmpty
        $c.Targets[0].Settings.OfficialImage | Should -BeExactly ([System.IO.Path]::Combine($dir, 'official', 'A.fits'))
        $c.Targets[0].Settings.ChecksFlux | Should -BeTrue
        @($c.Targets[0].OverriddenKeys) | Should -Contain 'official_image'
        $c.Targets[1].Settings.FluxRadiusArcsec | Should -Be 5
        $c.Targets[1].Settings.OfficialImage | Should -BeNullOrEmpty
        [System.IO.File]::WriteAllText("$dir/badchecks.yaml", @'
defaults:
  checks:
    flux: { radius_arcsec: -1, aperture: 3 }
    astrometry: yes
  official_image: x.fits
targets:
  - name: A
    position: "08:07:57.538 +04:32:34.55"
    checks: 5
'@)
        $threw = $null
        try { Import-VlassCampaign "$dir/badchecks.yaml" -ErrorVariable problems -ErrorAction SilentlyContinue }
        catch { $threw = $_ }
        $threw.FullyQualifiedErrorId | Should -BeLike 'CampaignInvalid,*'
        $found = @($problems | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'CampaignFileProblem,*' } |
            ForEach-Object { '{0}:{1}' -f $_.TargetObject.Line, $_.TargetObject.Column })
        $found -join ' ' | Should -BeExactly '3:28 3:32 4:5 5:3 9:13'
        $messages = @($problems | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'CampaignFileProblem,*' } | ForEach-Object { $_.Exception.Message })
        $messages[0] | Should -Match "radius_arcsec '-1' must be a number from 0.01"
        $messages[3] | Should -Match "'official_image' is the official image of one target"
        $messages[4] | Should -Match "'checks' must be a mapping"
    }
}

Describe 'Get-VlassCampaignPlan' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        $server = New-CatalogTestServer
        $archive = $server.BaseUri.AbsoluteUri + 'quicklook/'
        # J0925+1444 lies in T14t15, which the static fixture archive lacks: serve its VLASS2.1 listing here.
        $img = 'VLASS2.1.ql.T14t15.J092500+143000.10.2048.v1'
        $script:Eb0925 = 'VLASS2.1.sb38600000.eb38600001.59125.5'
        $server.MapText('/quicklook/VLASS2.1/T14t15/', "<html><body><pre><a href=`"$img/`">$img/</a></pre></body></html>")
        $server.MapText("/quicklook/VLASS2.1/T14t15/$img/", "<html><body><pre><a href=`"casa_pipescript.py`">casa_pipescript.py</a></pre></body></html>")
        $server.MapText("/quicklook/VLASS2.1/T14t15/$img/casa_pipescript.py", "hifv_importdata(vis=['$Eb0925.ms'])")
        $script:Eb0807 = $MemoExecutionBlocks[1]
        # The table views are checked where Out-String exists (real pwsh; the in-process runner lacks Utility).
        $script:HasOutString = [bool](Get-Command Out-String -ErrorAction SilentlyContinue)
    }
    AfterAll { $server.Dispose() }
    BeforeEach {
        $cache = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        $dir = [System.IO.Path]::Combine($TestDrive, [guid]::NewGuid().ToString('N'))
        $null = [System.IO.Directory]::CreateDirectory($dir)
        $plan = @{ CatalogPath = $SummaryTable; CacheDirectory = $cache; BaseUri = $archive }
    }

    It 'plans the memo quasars: tiles, epochs, execution blocks, geometry' {
        $c = New-VlassCampaign "$dir/q.yaml" | Import-VlassCampaign -CatalogPath $SummaryTable
        $rows = @($c | Get-VlassCampaignPlan @plan)
        @($rows | ForEach-Object { '{0} {1} {2} {3}' -f $_.TargetName, $_.Epoch, $_.Status, ($_.TileNames -join '+') }) -join '; ' |
            Should -BeExactly 'J0807+0432 VLASS2.1 Ready T12t13; J0807+0432 VLASS2.2 NotObserved T12t13; J0925+1444 VLASS2.1 Ready T14t15; J0925+1444 VLASS2.2 NotObserved T14t15'
        $rows[0] | Should -BeOfType ([VlassPS.Core.Campaigns.CampaignPlanEntry])
        $rows[0].ExecutionBlocks[0].Name | Should -BeExactly $Eb0807
        @($rows[0].MeasurementSets) | Should -Be @("$Eb0807.ms")
        $rows[2].ExecutionBlocks[0].Name | Should -BeExactly $Eb0925
        $rows[2].Target.Name | Should -BeExactly 'J0925+1444'
        $rows[2].Geometry.ScienceWidthArcsec | Should -Be 120
        $rows[0].Observations[0].ObservationDate | Should -Be ([DateOnly]::new(2020, 8, 9))
        $rows[1].Notes[0] | Should -Match 'T12t13'
    }

    It 'asks the archive once per tile and epoch, then plans offline from the cache' {
        $before = $server.Hits('/quicklook/VLASS2.1/T12t13/')
        $null = Get-VlassCampaignPlan '08:07:57.538 +04:32:34.55', '121.5 5.0', '122.0 6.0' -Epoch VLASS2.1 @plan
        $hits = $server.Hits('/quicklook/VLASS2.1/T12t13/')
        $hits | Should -Be ($before + 1)
        $rows = @(Get-VlassCampaignPlan '08:07:57.538 +04:32:34.55', '121.5 5.0' -Epoch VLASS2.1 @plan -Offline)
        $server.Hits('/quicklook/VLASS2.1/T12t13/') | Should -Be $hits
        $rows | Should -HaveCount 2
        $rows | ForEach-Object { $_.Status | Should -Be 'Ready' }
        $rows = @(Get-VlassCampaignPlan '09:25:07.271 +14:44:25.74' -Epoch VLASS2.1 -CatalogPath $SummaryTable -CacheDirectory $cache -Offline)
        $rows[0].Status | Should -Be 'ExecutionBlocksUnknown'
    }

    It 'flags a target whose region crosses two execution blocks (QA-rejected one left out)' {
        $row = Get-VlassCampaignPlan -InputObject (ConvertTo-VlassPosition '130.0 4.5' -Name edge) -Epoch VLASS2.1 @plan
        $row.Status | Should -Be 'MultipleMeasurementSets'
        $row.NeedsMultipleMeasurementSets | Should -BeTrue
        @($row.ExecutionBlocks.Name) -join ',' | Should -BeExactly "VLASS2.1.sb38560001.eb38564001.59069.1234,$Eb0807"
        $row.Notes -join ' ' | Should -Match 'split each MS'
    }

    It 'reports a target with no observation in an epoch' {
        $row = Get-VlassCampaignPlan -InputObject (ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name J0807+0432) -Epoch VLASS3.2 @plan
        $row.Status | Should -Be 'NotObserved'
        @($row.ExecutionBlocks) | Should -HaveCount 0
        $server.Hits('/quicklook/VLASS3.2/T12t13/') | Should -Be 0
    }

    It 'groups by execution block in set-cover order with archive links and targets' {
        [System.IO.File]::WriteAllText("$dir/t.csv", "Name,Ra,Dec`nA,121.5,5.0`nB,122.0,6.0`nC,123.0,5.5`nQ,141.28,14.74`nQ2,141.5,14.5`nEdge,130.0,4.5`n")
        $d = @(Import-VlassTarget "$dir/t.csv" | Get-VlassCampaignPlan -Epoch VLASS2.1 -GroupBy ExecutionBlock @plan)
        $d[0] | Should -BeOfType ([VlassPS.Core.Campaigns.CampaignDownload])
        @($d.Name) -join ',' | Should -BeExactly "$Eb0807,$Eb0925,VLASS2.1.sb38560001.eb38564001.59069.1234"
        @($d | ForEach-Object Rank) -join ',' | Should -BeExactly '1,2,3'
        @($d[0].Targets.Name) -join ',' | Should -BeExactly 'A,B,C,Edge'
        @($d.CompletesTargets) -join ',' | Should -BeExactly '3,2,1'
        @($d[1].Targets.Name) -join ',' | Should -BeExactly 'Q,Q2'
        $d[0].ArchiveSearchUrl | Should -Match 'eb38565040'
        if ($HasOutString) { ($d | Out-String -Width 250) | Should -Match 'Rank\s+ExecutionBlock' }
    }

    It 'pipes rows on by Target and rejects bad input per item' {
        $rows = @(Get-VlassCampaignPlan '08:07:57.538 +04:32:34.55', 'garbage', '10:00:00 -60:00:00' -Epoch VLASS2.1 @plan -ErrorVariable err -ErrorAction SilentlyContinue)
        $rows | Should -HaveCount 1
        @($err.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] }) -join ',' | Should -BeExactly 'InputUnreadable,PositionOutsideSurvey'
        ($rows[0].Target | Get-VlassTile).Name | Should -BeExactly 'T12t13'
        if ($HasOutString) { ($rows | Out-String -Width 250) | Should -Match 'Target\s+Epoch\s+Status' }
    }
}
