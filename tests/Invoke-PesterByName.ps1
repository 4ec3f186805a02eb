#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Runs tests/pester once under real Pester in this pwsh, with VlassPS found BY NAME from a temporary
    PSModulePath, as users get it (CI runs it in a separate `dotnet pwsh` process).
.DESCRIPTION
    Copies the built module (output/VlassPS/<version>/) into a temporary module folder, proves that a cmdlet
    autoloads from there, then runs Invoke-Pester with VLASSPS_TEST_MODULE_BY_NAME=1 (tests/pester/Common.ps1
    then imports by name). Ends with "pester: N passed, N failed, N skipped"; exits 1 when anything failed.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Invoke-PesterByName.ps1
#>
[CmdletBinding()]
param(
    [string]$PesterVersion = '5.7.1',
    [string]$Path = (Join-Path $PSScriptRoot 'pester')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = Split-Path $PSScriptRoot -Parent
$built = Get-ChildItem (Join-Path $repo 'output/VlassPS') -Directory | Sort-Object { [version]$_.Name } | Select-Object -Last 1
if (-not $built) { throw "No built module under output/VlassPS: run 'dotnet build' first." }
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$pester = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
if (-not (Test-Path $pester)) { throw "Pester $PesterVersion is not restored at ${pester}: run 'dotnet restore' (tests/VlassPS.Tests downloads it)." }

$modules = Join-Path ([System.IO.Path]::GetTempPath()) "vlassps-modules-$([guid]::NewGuid().ToString('N'))"
$failed = 1
try {
    $null = New-Item -ItemType Directory -Path (Join-Path $modules 'VlassPS')
    Copy-Item $built.FullName -Destination (Join-Path $modules "VlassPS/$($built.Name)") -Recurse
    $env:PSModulePath = $modules + [System.IO.Path]::PathSeparator + $env:PSModulePath

    # Autoload: no Import-Module; the first cmdlet call must load VlassPS from the temporary module folder.
    $tile = Get-VlassTile -Ra 121.98974 -Dec 4.54293
    $loaded = Get-Module VlassPS
    if ($tile.Name -ne 'T12t13' -or -not $loaded -or -not $loaded.ModuleBase.StartsWith($modules)) {
        throw "Autoload by name failed: tile '$($tile.Name)', module from '$($loaded.ModuleBase)'."
    }
    Write-Host "autoload: Get-VlassTile -> $($tile.Name), VlassPS $($loaded.Version) from $($loaded.ModuleBase)"

    Import-Module $pester -RequiredVersion $PesterVersion
    $env:VLASSPS_TEST_MODULE_BY_NAME = '1'
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $result = Invoke-Pester -Configuration $configuration
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    "pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
}
finally {
    Remove-Item Env:VLASSPS_TEST_MODULE_BY_NAME -ErrorAction SilentlyContinue
    Remove-Item $modules -Recurse -Force -ErrorAction SilentlyContinue
}
exit ([int]($failed -gt 0))
