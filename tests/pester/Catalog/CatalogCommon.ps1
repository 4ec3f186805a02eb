# Dot-sourced after ../Common.ps1 by the Catalog tests: the shared survey table and a fake archive on 127.0.0.1.
# The HTTP server is VlassPS.TestServer's LoopbackHttpServer (net8.0, no dependencies): already loaded in the
# xUnit process, loaded from its build output under real Pester.
$script:SummaryTable = [System.IO.Path]::Combine($script:SharedData, 'VLASS_dyn_summary.txt')
if (-not [System.IO.File]::Exists($script:SummaryTable)) {
    # Developer worktrees sit one level deeper than the clone CI uses.
    $script:SummaryTable = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($script:RepoRoot, '..', '..', 'shared', 'data', 'VLASS_dyn_summary.txt'))
}
$script:ArchiveFixture = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'fixtures', 'catalog', 'quicklook')
$script:MemoExecutionBlocks = @(
    'VLASS1.1.sb34647560.eb34700758.58075.26425702547'
    'VLASS2.1.sb38561374.eb38565040.59070.62333981482'
    'VLASS3.1.sb43247986.eb43449519.59968.0862703125'
)

function New-CatalogTestServer {
    $type = 'VlassPS.TestServer.LoopbackHttpServer' -as [type]
    if (-not $type) {
        $bin = [System.IO.Path]::Combine($script:RepoRoot, 'tests', 'VlassPS.TestServer', 'bin')
        $dll = @(if ([System.IO.Directory]::Exists($bin)) { [System.IO.Directory]::GetFiles($bin, 'VlassPS.TestServer.dll', 'AllDirectories') })
        if ($dll.Count -eq 0) { throw "VlassPS.TestServer is not built under $bin; run 'dotnet build' first." }
        $null = [System.Reflection.Assembly]::LoadFrom($dll[0])
        $type = 'VlassPS.TestServer.LoopbackHttpServer' -as [type]
    }
    $type::new($script:ArchiveFixture, '/quicklook/')
}

# Fails unless the command's MAML help has a synopsis, a description, an example and a text for every parameter.
function Assert-CatalogHelp([string] $Name) {
    $help = Get-Help $Name -Full
    $help.Synopsis | Should -Not -BeNullOrEmpty
    $help.Synopsis | Should -Not -Match "^\s*$Name\b"    # without MAML, Get-Help makes a synopsis out of the syntax
    @($help.description).Count | Should -BeGreaterThan 0
    @($help.examples.example).Count | Should -BeGreaterThan 0
    $common = 'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable',
        'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'WhatIf', 'Confirm'
    $documented = @($help.parameters.parameter).Where({ @($_.description).Count -gt 0 -and "$($_.description[0].Text)".Length -gt 0 }).ForEach({ $_.name })
    foreach ($p in (Get-Command $Name).Parameters.Keys) {
        if ($common -notcontains $p) { $documented | Should -Contain $p }
    }
}
