#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the VlassPS module into output/VlassPS/<version>/, optionally tests it and packs it as a .nupkg.
.DESCRIPTION
    Runs under any pwsh 7.4+, including the pinned one from the repository's tool manifest
    (`dotnet tool restore; dotnet pwsh ./build.ps1 -Test -Package`).
    `dotnet build` assembles the module (an MSBuild step in src/VlassPS/AssembleModule.targets); -Test runs
    `dotnet test` (every xUnit test and every tests/pester/*.Tests.ps1 under real Pester, one xUnit case per It);
    -Package writes output/VlassPS.<version>.nupkg with PSResourceGet's Compress-PSResource, installable from
    a local folder repository with Register-PSResourceRepository and Install-PSResource.
.EXAMPLE
    ./build.ps1 -Configuration Release -Test -Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')][string]$Configuration = 'Debug',
    [switch]$Test,
    [switch]$Package,
    [switch]$Clean
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Push-Location $PSScriptRoot
try {
    if ($Clean) {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue output, src/*/bin, src/*/obj, tests/*/bin, tests/*/obj
    }
    dotnet build VlassPS.sln -c $Configuration
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
    $module = Get-ChildItem output/VlassPS -Directory | Sort-Object { [version]$_.Name } | Select-Object -Last 1
    if ($Test) {
        dotnet test VlassPS.sln -c $Configuration --no-build
        if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)" }
    }
    if ($Package) {
        $nupkg = & ./tools/New-VlassPSPackage.ps1 -ModuleDirectory $module.FullName -DestinationPath output
        "Package: $nupkg"
    }
    "Module: $($module.FullName)"
}
finally { Pop-Location }
