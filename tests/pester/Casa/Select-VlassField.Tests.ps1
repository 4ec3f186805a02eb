Set-StrictMode -Version Latest

Describe 'Select-VlassField' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        $script:Fx = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa')
        $script:Otf = [System.IO.Path]::Combine($Fx, 'vlass_otf.ms')
        $script:ms = Get-VlassMeasurementSet $Otf -WarningAction SilentlyContinue
    }

    It 'writes typed fields whose ids equal the -AsSelection string' {
        $f = @(Select-VlassField $ms -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -WarningAction SilentlyContinue)
        $f.Count | Should -BeGreaterThan 10
        $f[0] | Should -BeOfType ([VlassPS.Core.Fields.SelectedField])
        $sel = Select-VlassField $ms -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -AsSelection -WarningAction SilentlyContinue
        $sel | Should -BeOfType ([string])
        $sel | Should -Match '^\d+(~\d+)?(,\d+(~\d+)?)*$'
        [VlassPS.Core.Fields.FieldSelector]::CompressIds([int[]]$f.Id) | Should -BeExactly $sel
    }
    It 'reads an MS given as a path' {
        $sel = Select-VlassField $Otf -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -AsSelection -WarningAction SilentlyContinue
        $sel | Should -Not -BeNullOrEmpty
    }
    It 'uses the pipeline rule by default: no calibrators, no names stored with quotes, strict tangent-frame box' {
        $f = @(Select-VlassField $ms -PhaseCenter '00:10:26 +33:40:00' -ScienceSize 3600 -WarningAction SilentlyContinue)
        $memo = @(Select-VlassField $ms -PhaseCenter '00:10:26 +33:40:00' -ScienceSize 3600 -Method Memo20 -WarningAction SilentlyContinue)
        $memo.Name | Should -Not -Contain 'J0010+3403'     # ^0|^1|^2 excludes it by name too; the pipeline rule by intent
        $f.Name | Should -Not -Contain 'J0010+3403'
        @(Select-VlassField $ms -PhaseCenter '00:10:26 +33:40:00' -ScienceSize 3600 -NamePattern 'J*' -WarningAction SilentlyContinue) | Should -HaveCount 0
        @($f.Where({ $_.Name.StartsWith('"') })).Count | Should -Be 0     # the pipeline quotes them again: "0* no longer matches
        $f.Where({ [math]::Abs($_.OffsetXArcsec) -ge 2800 -or [math]::Abs($_.OffsetYArcsec) -ge 2800 }) | Should -BeNullOrEmpty
    }
    It 'offers the Memo20 rule, which drops quoted names' {
        $f = @(Select-VlassField $ms -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 3600 -Method Memo20 -WarningAction SilentlyContinue)
        $f.Count | Should -BeGreaterThan 10
        $f.Where({ $_.Name.StartsWith('"') }) | Should -BeNullOrEmpty
        $f[0].Method | Should -Be 'Memo20'
    }
    It 'takes piped targets and piped geometries' {
        $two = @('00:02:00 +31:30:00', '00:10:00 +32:00:00' | Select-VlassField -MeasurementSet $ms -ScienceSize 300 -AsSelection -WarningAction SilentlyContinue)
        $two | Should -HaveCount 2
        $g = Get-VlassImageGeometry 300 -Position '00:02:00 +31:30:00'
        $fromGeometry = $g | Select-VlassField $ms -AsSelection -WarningAction SilentlyContinue
        $fromGeometry | Should -BeExactly $two[0]
    }
    It 'binds a piped geometry with the MS given by position (help example 2)' {
        $piped = @(Get-VlassImageGeometry 500 -Position '00:02:00 +31:30:00' |
                Select-VlassField (Get-VlassMeasurementSet $Otf -WarningAction SilentlyContinue) -Method Memo20 -WarningAction SilentlyContinue)
        $named = @(Select-VlassField $ms -PhaseCenter '00:02:00 +31:30:00' -ScienceSize 500 -Method Memo20 -WarningAction SilentlyContinue)
        $piped.Count | Should -BeGreaterThan 0
        $piped.Id | Should -Be $named.Id
        $piped[0].Method | Should -Be 'Memo20'
    }
    It 'lets -NamePattern override the name rule' {
        $f = @(Select-VlassField $ms -PhaseCenter '00:04:00 +31:00:00' -ScienceSize 100 -SearchRadius 500 -NamePattern 'Ü*' -WarningAction SilentlyContinue)
        $f | Should -HaveCount 1
        $f[0].Name | Should -BeExactly 'Ünïcode ☃ field'
    }
    It 'warns when nothing is selected and writes nothing' {
        $out = Select-VlassField $ms -PhaseCenter '12:00:00 -30:00:00' -ScienceSize 500 -AsSelection -WarningVariable w -WarningAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        ($w -join ' ') | Should -Match 'No field'
    }
    It 'warns when the region reaches the edge of the MS, naming the side, and about NUM_POLY > 0' {
        $null = Select-VlassField $ms -PhaseCenter '00:04:00 +33:30:00' -ScienceSize 500 -WarningVariable w -WarningAction SilentlyContinue
        ($w -join ' ') | Should -Match 'North'
        $null = Select-VlassField $ms -PhaseCenter '00:01:12 +31:30:00' -ScienceSize 100 -SearchRadius 200 -WarningVariable w2 -WarningAction SilentlyContinue
        ($w2 -join ' ') | Should -Match 'NUM_POLY'
    }
    It 'lists with -Compare exactly the fields only one rule selects, with the reason the other rejects them' {
        $c = '23:50:00 +30:00:00'
        $diff = @(Select-VlassField $ms -PhaseCenter $c -ScienceSize 2000 -Compare -WarningAction SilentlyContinue)
        $pipe = @(Select-VlassField $ms -PhaseCenter $c -ScienceSize 2000 -WarningAction SilentlyContinue).Id
        $memo = @(Select-VlassField $ms -PhaseCenter $c -ScienceSize 2000 -Method Memo20 -WarningAction SilentlyContinue).Id
        $only = @($pipe.Where({ $_ -notin $memo })) + @($memo.Where({ $_ -notin $pipe }))
        $diff.Count | Should -Be $only.Count
        [int[]] $got = $diff.Id; [int[]] $want = $only
        [Array]::Sort($got); [Array]::Sort($want)
        $got -join ',' | Should -Be ($want -join ',')
        $diff[0] | Should -BeOfType ([VlassPS.Core.Fields.FieldRuleDifference])
        foreach ($d in $diff) {
            if ($d.SelectedBy -eq 'Pipeline') { $d.Id | Should -BeIn $pipe } else { $d.Id | Should -BeIn $memo }
            $d.RejectedBecause.Count | Should -BeGreaterThan 0
        }
        # Field 13 has no MAIN rows, so no TARGET intent: the memo's script (no intent filter) takes it, the pipeline does not.
        $f13 = $diff.Where({ $_.Id -eq 13 })
        $f13.SelectedBy | Should -Be 'Memo20'
        $f13.RejectedBecause | Should -Contain 'intent'
    }
    It 'requires a phase centre' {
        { Select-VlassField $ms -ScienceSize 500 -ErrorAction Stop } | Should -Throw -ErrorId 'PhaseCenterMissing*'
    }
}
