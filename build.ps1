#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds the VlassPS module into output/VlassPS/<version>/ and optionally runs the tests.
.DESCRIPTION
    A convenience for people who have pwsh. It does exactly what the plain .NET commands do:
    `dotnet build` assembles the module (an MSBuild step in src/VlassPS/AssembleModule.targets) and
    `dotnet test` runs every test, including the Pester-style *.Tests.ps1 files through the xUnit shim.
.EXAMPLE
    ./build.ps1 -Configuration Release -Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Debug', 'Release')][string]$Configuration = 'Debug',
    [switch]$Test,
    [switch]$Clean
)
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    if ($Clean) {
        Remove-Item -Recurse -Force -ErrorAction SilentlyContinue output, src/*/bin, src/*/obj, tests/*/bin, tests/*/obj
    }
    dotnet build VlassPS.sln -c $Configuration
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
    if ($Test) {
        dotnet test VlassPS.sln -c $Configuration --no-build
        if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)" }
    }
    Get-ChildItem output/VlassPS -Directory | Select-Object -Last 1 | ForEach-Object { "Module: $($_.FullName)" }
}
finally { Pop-Location }
