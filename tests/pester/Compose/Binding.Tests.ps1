Set-StrictMode -Version Latest
# Issue 10 §3: positions, tiles and targets bind the same way everywhere; -Cell is a number; -Epoch is checked.
Describe 'Binding and input, the same everywhere' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        . "$PSScriptRoot/ComposeCommon.ps1"
        $script:Server = New-CatalogTestServer
        $script:Archive = $Server.BaseUri.AbsoluteUri + 'quicklook/'
    }
    AfterAll { if ($script:Server) { $script:Server.Dispose() } }

    It 'Get-VlassTile takes RA and Dec positionally, sexagesimal, with -RaUnit' {
        (Get-VlassTile 121.98974 4.54293).Name | Should -BeExactly 'T12t13'
        (Get-VlassTile -Ra 08:07:57.538 -Dec +04:32:34.55).Name | Should -BeExactly 'T12t13'
        (Get-VlassTile -Ra 8.1326 -Dec 4.54293 -RaUnit Hours).Name | Should -BeExactly 'T12t13'
    }

    It 'RAJ2000/DEJ2000 columns bind wherever a position is taken' {
        $row = [pscustomobject]@{ Name = 'X'; RAJ2000 = '08:07:57.538'; DEJ2000 = '+04:32:34.55' }
        ($row | Get-VlassTile).Name | Should -BeExactly 'T12t13'
        ($row | Get-VlassImageGeometry -ScienceSize 500).Center.Name | Should -BeExactly 'X'
        @($row | Get-VlassObservation -CatalogPath $SummaryTable).Count | Should -BeGreaterThan 0
    }

    It '"T12t13" piped to Get-VlassTile is a tile name, not a position' {
        ('T12t13' | Get-VlassTile).Name | Should -BeExactly 'T12t13'
    }

    It 'the module''s own IAU names are read back as positions (truncated: within 0.01 s and 0.1")' {
        $p = ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55'
        $iau = $p.IauName
        $iau | Should -BeExactly 'J080757.53+043234.5'
        $back = ConvertTo-VlassPosition $iau
        $p.SeparationTo($back) * 3600 | Should -BeLessThan 0.2
        ($iau | Get-VlassTile).Name | Should -BeExactly 'T12t13'
    }

    It 'Get-VlassObservation takes a pasted position' {
        $o = @(Get-VlassObservation '08:07:57.5 +04:32:34' -CatalogPath $SummaryTable)
        $o.Count | Should -BeGreaterThan 0
        Get-Distinct $o.TileName | Should -BeExactly 'T12t13'
    }

    It 'Find-VlassExecutionBlock takes a target without binding its Name as a tile' {
        $t = ConvertTo-VlassPosition '08:07:57.538 +04:32:34.55' -Name J0807+0432
        $eb = @($t | Find-VlassExecutionBlock -Epoch VLASS1.1 -CatalogPath $SummaryTable -BaseUri $Archive -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'c1')))
        $eb.Name | Should -Contain $MemoExecutionBlocks[0]
        $eb[0].Target.Name | Should -BeExactly 'J0807+0432'
        @(Find-VlassExecutionBlock '08:07:57.5 +04:32:34' -Epoch VLASS1.1 -CatalogPath $SummaryTable -BaseUri $Archive -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'c2'))).Name |
            Should -Contain $MemoExecutionBlocks[0]
    }

    It 'an epoch the catalog does not know is an error that lists the epochs' {
        { Get-VlassObservation T12t13 -Epoch VLASS9.9 -CatalogPath $SummaryTable -ErrorAction Stop } | Should -Throw -ErrorId 'EpochNotInCatalog,*'
        { Get-VlassObservation T12t13 -Epoch 2.1 -CatalogPath $SummaryTable -ErrorAction Stop } | Should -Throw '*VLASS2.1*'
        { Find-VlassExecutionBlock T12t13 -Epoch VLASS9.9 -CatalogPath $SummaryTable -BaseUri $Archive -ErrorAction Stop } | Should -Throw -ErrorId 'EpochNotInCatalog,*'
    }

    It '-Cell is a number of arcsec on New-SeipParameterList' {
        (Get-Command New-SeipParameterList).Parameters['Cell'].ParameterType | Should -Be ([Nullable[double]])
        $l = ConvertTo-VlassPosition '1 2' -Name c | New-SeipParameterList -Cell 0.5 -Path ([System.IO.Path]::Combine($TestDrive, 'c.list')) -PassThru
        $l.Cell | Should -BeExactly '0.5arcsec'
    }

    It '-Epoch completes only the catalog''s epochs; -PipelineVersion and -ImagingMode complete their values' {
        $catalog = Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'ep')) -PassThru -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        $line = "Get-VlassObservation T12t13 -CatalogPath '$SummaryTable' -Epoch VLASS"
        [string[]] $epochs = Get-CompletionText $line; [array]::Sort($epochs)
        [string[]] $known = @($catalog.Epochs); [array]::Sort($known)
        $epochs -join ',' | Should -BeExactly ($known -join ',')
        $line = 'New-SeipParameterList -PipelineVersion 20'
        Get-CompletionText $line | Should -Be @('2022.1.1.5', '2023.1.1.8', '2025.1.1.61')
        $line = 'New-VlassImagingWorkspace -PipelineVersion 2023'
        Get-CompletionText $line | Should -Be @('2023.1.1.8')
        $line = 'New-SeipParameterList -ImagingMode VLASS-SE-CONT-M'
        Get-CompletionText $line | Should -Contain 'VLASS-SE-CONT-MOSAIC'
    }
}
