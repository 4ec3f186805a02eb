# Dot-sourced from every *.Tests.ps1 (in BeforeAll): imports the module and sets paths.
# In-process (xUnit) and by default: the BUILT module from output/, by path. With VLASSPS_TEST_MODULE_BY_NAME=1
# (tests/Invoke-PesterByName.ps1, CI's separate pwsh): by name, from PSModulePath, as users get it.
$script:RepoRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$script:SharedData = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($script:RepoRoot, '..', 'shared', 'data'))

# Environment variables are process-wide: a test file that sets them must put every one back as it was, and
# "not set" must stay "not set" (PowerShell passes $null to a .NET string parameter as '', which would leave
# VAR= behind for every later job: sbatch exports the environment).
function script:Save-TestEnvironment([string[]] $Name) {
    $saved = @{}
    foreach ($n in $Name) {
        $saved[$n] = [Environment]::GetEnvironmentVariable($n)
        Remove-Item -LiteralPath "env:$n" -ErrorAction SilentlyContinue
    }
    $saved
}

function script:Restore-TestEnvironment([hashtable] $Saved) {
    foreach ($n in $Saved.Keys) {
        if ($null -eq $Saved[$n]) { Remove-Item -LiteralPath "env:$n" -ErrorAction SilentlyContinue }
        else { Set-Item -LiteralPath "env:$n" -Value $Saved[$n] }
    }
}

if ($env:VLASSPS_TEST_MODULE_BY_NAME -eq '1') {
    Import-Module VlassPS -Force -ErrorAction Stop
    $script:ModuleManifest = (Get-Module VlassPS).Path
    return
}
$moduleRoot = [System.IO.Path]::Combine($script:RepoRoot, 'output', 'VlassPS')
if (-not [System.IO.Directory]::Exists($moduleRoot)) { throw "No built module under $moduleRoot; run 'dotnet build' first." }
$script:ModuleManifest = @([System.IO.Directory]::GetFiles($moduleRoot, 'VlassPS.psd1', 'AllDirectories')) |
    Sort-Object { [version][System.IO.Path]::GetFileName([System.IO.Path]::GetDirectoryName($_)) } |
    Select-Object -Last 1
Import-Module $script:ModuleManifest -Force -ErrorAction Stop
