# Dot-sourced after ../Common.ps1 by the Catalog tests: the shared survey table and a fake archive on 127.0.0.1.
# The HTTP server is the test assembly's LoopbackHttpServer (these files run inside the xUnit process).
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
    $type = 'VlassPS.Tests.Catalog.LoopbackHttpServer' -as [type]
    if (-not $type) { throw 'These tests need the loopback server of the VlassPS.Tests assembly (run them through dotnet test).' }
    $type::new($script:ArchiveFixture, '/quicklook/')
}
