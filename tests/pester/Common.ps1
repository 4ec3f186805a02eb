# Dot-sourced from every *.Tests.ps1 (in BeforeAll): imports the BUILT module from output/ and sets paths.
# Works the same under real Pester 5 and under the xUnit shim.
$script:RepoRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$script:SharedData = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($script:RepoRoot, '..', 'shared', 'data'))
$moduleRoot = [System.IO.Path]::Combine($script:RepoRoot, 'output', 'VlassPS')
if (-not [System.IO.Directory]::Exists($moduleRoot)) { throw "No built module under $moduleRoot; run 'dotnet build' first." }
$script:ModuleManifest = @([System.IO.Directory]::GetFiles($moduleRoot, 'VlassPS.psd1', 'AllDirectories') |
        ForEach-Object { [pscustomobject]@{ Path = $_; Version = [version][System.IO.Path]::GetFileName([System.IO.Path]::GetDirectoryName($_)) } }).Where({ $true }) |
    ForEach-Object -Begin { $best = $null } -Process { if ($null -eq $best -or $_.Version -gt $best.Version) { $best = $_ } } -End { $best.Path }
Import-Module $script:ModuleManifest -Force -ErrorAction Stop
