Set-StrictMode -Version Latest
# Issue 10 §4 settings and issue 13: one resolver (parameter > environment > configuration file > default),
# every setting takes effect, one meaning per name, invalid values rejected with file and line, and
# Set-VlassConfiguration loses nothing when run concurrently.
Describe 'One settings resolver' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
        $script:Ms = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'casa', 'vlass_otf.ms')
        $script:Saved = Save-TestEnvironment 'VLASSPS_CONFIG', 'VLASSPS_DATA', 'VLASSPS_CACHE', 'VLASSPS_CASA', 'VLASSPS_ARCHIVE', 'VLASSPS_SCHEDULER'
        $script:Config = [System.IO.Path]::Combine($TestDrive, 'config.yaml')
        $env:VLASSPS_CONFIG = $Config
        $script:List = ConvertTo-VlassPosition '00:02:00 +31:30:00' -Name S | New-SeipParameterList -Path ([System.IO.Path]::Combine($TestDrive, 's.list')) -PassThru
        function script:New-Ws([string] $root, [hashtable] $extra = @{}) {
            $List | New-VlassImagingWorkspace -MeasurementSet $Ms -Root ([System.IO.Path]::Combine($TestDrive, $root)) -WarningAction SilentlyContinue @extra
        }
    }
    AfterAll {
        Restore-TestEnvironment $script:Saved
    }
    BeforeEach { if ([System.IO.File]::Exists($Config)) { [System.IO.File]::Delete($Config) } }

    It 'CasaPath: the file, then the environment, then the parameter win in that order' {
        Set-VlassConfiguration -CasaPath /opt/casa-file
        (New-Ws 'c1').Casa | Should -BeExactly '/opt/casa-file/bin/casa'
        $env:VLASSPS_CASA = '/opt/casa-env'
        try {
            (New-Ws 'c2').Casa | Should -BeExactly '/opt/casa-env/bin/casa'
            (New-Ws 'c3' @{ CasaPath = '/opt/casa-param' }).Casa | Should -BeExactly '/opt/casa-param/bin/casa'
        }
        finally { $env:VLASSPS_CASA = $null }
    }

    It 'Scheduler, Partition and Account from the file take effect' {
        Set-VlassConfiguration -Scheduler Pbs -Partition part1 -Account acct1
        $ws = New-Ws 's1'
        $ws.Scheduler | Should -Be 'Pbs'
        [System.IO.File]::ReadAllText($ws.BatchScript) | Should -Match '#PBS -q part1'
        [System.IO.File]::ReadAllText($ws.BatchScript) | Should -Match 'acct1'
        (New-Ws 's2' @{ Scheduler = 'Local' }).Scheduler | Should -Be 'Local'
    }

    It 'invalid values in the file are errors naming the file and line, never a silent Slurm' -ForEach @(
        @{ Value = 'Pbss' }, @{ Value = '"99"' }, @{ Value = 'Torque' }
    ) {
        [System.IO.File]::WriteAllText($Config, "# settings`npartition: x`nscheduler: $Value`n")
        { New-Ws 'bad' -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationInvalid,*'
        { New-Ws 'bad' -ErrorAction Stop } | Should -Throw "*config.yaml: line 3*"
    }

    It 'an invalid environment value is an error naming the variable' {
        $env:VLASSPS_SCHEDULER = 'Torque'
        try { { New-Ws 'bad' -ErrorAction Stop } | Should -Throw '*VLASSPS_SCHEDULER*' }
        finally { $env:VLASSPS_SCHEDULER = $null }
    }

    It '-CasaPath '''' is refused instead of storing the current folder' {
        { Set-VlassConfiguration -CasaPath '' -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationValueInvalid,*'
        Set-VlassConfiguration -CasaPath /opt/x
        Set-VlassConfiguration -Clear CasaPath
        (Get-VlassConfiguration).CasaPath | Should -BeNullOrEmpty
    }

    It 'CacheDirectory means the data folder everywhere: Update, then Find-VlassExecutionBlock with the same folder' {
        $server = New-CatalogTestServer
        try {
            $data = [System.IO.Path]::Combine($TestDrive, 'data')
            Update-VlassSurveyCatalog -Path $SummaryTable -CacheDirectory $data -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
            $eb = @(Find-VlassExecutionBlock T12t13 -CacheDirectory $data -BaseUri ($server.BaseUri.AbsoluteUri + 'quicklook/') -ErrorAction Stop)
            $eb.Name | Should -Contain $MemoExecutionBlocks[0]
            [System.IO.Directory]::Exists([System.IO.Path]::Combine($data, 'archive')) | Should -BeTrue
            # and from the file
            Set-VlassConfiguration -CacheDirectory $data
            @(Get-VlassObservation T12t13).Count | Should -BeGreaterThan 0
        }
        finally { $server.Dispose() }
    }

    It 'ArchiveBaseUri from the file is where the archive and the summary table are read' {
        $server = New-CatalogTestServer
        try {
            $text = [System.IO.File]::ReadAllText($SummaryTable)
            $server.MapText('/VLASS_dyn_summary.php', $text)
            Set-VlassConfiguration -ArchiveBaseUri $server.BaseUri -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'd2'))
            Update-VlassSurveyCatalog -ErrorAction Stop -WarningAction SilentlyContinue
            @($server.Requests) | Should -Contain '/VLASS_dyn_summary.php'
            @(Get-VlassObservation T12t13).Count | Should -BeGreaterThan 0
            (Find-VlassExecutionBlock T12t13 VLASS1.1).Name | Should -BeExactly $MemoExecutionBlocks[0]
            @($server.Requests).Where({ $_ -like '/quicklook/*' }).Count | Should -BeGreaterThan 0
        }
        finally { $server.Dispose() }
    }

    It 'concurrent Set-VlassConfiguration processes, each a different key, lose nothing' {
        $vlassps = @([System.IO.Directory]::GetFiles([System.IO.Path]::Combine($RepoRoot, 'src', 'VlassPS.Host', 'bin'), 'vlassps', 'AllDirectories'))[0]
        $vlassps | Should -Not -BeNullOrEmpty
        $keys = [ordered]@{ Partition = 'p'; Account = 'a'; Scheduler = 'Local'; CasaPath = '/opt/c'; CacheDirectory = '/tmp/d'; ArchiveBaseUri = 'http://127.0.0.1:9/' }
        foreach ($round in 1..2) {
            $file = [System.IO.Path]::Combine($TestDrive, "conc$round.yaml")
            $procs = foreach ($k in $keys.Keys) {
                $psi = [System.Diagnostics.ProcessStartInfo]::new($vlassps)
                foreach ($a in '-Command', "Set-VlassConfiguration -Path '$file' -$k '$($keys[$k])'") { $psi.ArgumentList.Add($a) }
                $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
                [System.Diagnostics.Process]::Start($psi)
            }
            foreach ($p in $procs) { $p.WaitForExit(120000) | Should -BeTrue; $p.ExitCode | Should -Be 0 }
            $c = Get-VlassConfiguration -Path $file
            $c.Partition | Should -Be 'p'; $c.Account | Should -Be 'a'; $c.Scheduler | Should -Be 'Local'
            $c.CasaPath | Should -Be '/opt/c'; $c.CacheDirectory | Should -Be '/tmp/d'; $c.ArchiveBaseUri | Should -Be 'http://127.0.0.1:9/'
        }
    }
}

Describe 'Faults: an unreachable archive fails fast, -WhatIf makes no call, flux warns at the edge' {
    BeforeAll {
        . "$PSScriptRoot/../Common.ps1"
        . "$PSScriptRoot/../Catalog/CatalogCommon.ps1"
    }

    It 'a refused connection fails within seconds for many tile × epoch pairs, with one error for the rest' {
        # A port nothing listens on: bind, read the port, close.
        $l = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $l.Start(); $port = $l.LocalEndpoint.Port; $l.Stop()
        $sw = [System.Diagnostics.Stopwatch]::StartNew()
        $eb = @(Find-VlassExecutionBlock T12t13, T12t14, T13t05 -Epoch VLASS1.1, VLASS2.1, VLASS3.1 -BaseUri "http://127.0.0.1:$port/quicklook/" `
                -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'refused')) -CatalogPath $SummaryTable -ErrorVariable err -ErrorAction SilentlyContinue)
        $sw.Stop()
        $eb.Count | Should -Be 0
        $sw.Elapsed.TotalSeconds | Should -BeLessThan 5
        @($err).Where({ $_.FullyQualifiedErrorId -like 'ArchiveUnreachable,*' }).Count | Should -Be 1
    }

    It 'Update-VlassSurveyCatalog -WhatIf makes no network call' {
        $server = New-CatalogTestServer
        try {
            Update-VlassSurveyCatalog -Uri ($server.BaseUri.AbsoluteUri + 'VLASS_dyn_summary.php') -CacheDirectory ([System.IO.Path]::Combine($TestDrive, 'w')) -WhatIf
            @($server.Requests).Count | Should -Be 0
        }
        finally { $server.Dispose() }
    }

    It 'Measure-VlassFlux warns with the fraction when the aperture leaves the image' {
        $fits = [System.IO.Path]::Combine($RepoRoot, 'tests', 'fixtures', 'fits', 'VLASS2.1.se.T12t13.J080757+043232.06.2048.v1.I.iter3.image.pbcor.tt0.subim.fits')
        $img = Get-VlassImage -LiteralPath $fits
        $edge = $img.Center.RaDeg + ($img.Width * $img.CellArcsec / 2 / 3600) / [math]::Cos($img.Center.DecDeg * [math]::PI / 180)
        $m = Measure-VlassFlux -Path $fits -Circle "$edge $($img.Center.DecDeg)" -Radius 20 -WarningVariable w -WarningAction SilentlyContinue
        $m.OffImageFraction | Should -BeGreaterThan 0.3
        $m.OffImageFraction | Should -BeLessThan 0.7
        ($w -join ' ') | Should -Match '\d+(\.\d)? % of the region'
        Measure-VlassFlux -Path $fits -Circle $img.Center -Radius 5 -WarningVariable w2 -WarningAction SilentlyContinue | Out-Null
        @($w2).Count | Should -Be 0
    }
}
