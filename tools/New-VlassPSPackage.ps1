#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Packs a built VlassPS module folder (output/VlassPS/<version>/) into VlassPS.<version>.nupkg.
.DESCRIPTION
    Uses PSResourceGet's Compress-PSResource (shipped in pwsh 7.4+), so the package installs with
    Install-PSResource from any PSResourceGet repository, e.g. a local folder. Used by build.ps1 -Package and by
    the packaging test. Writes the package path.
.EXAMPLE
    ./tools/New-VlassPSPackage.ps1 -ModuleDirectory output/VlassPS/0.1.0 -DestinationPath output
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$ModuleDirectory,
    [Parameter(Mandatory)][string]$DestinationPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$version = Split-Path $ModuleDirectory -Leaf
$nupkg = Join-Path (Resolve-Path $DestinationPath) "VlassPS.$version.nupkg"
# Compress-PSResource packs a folder named like the module: stage one.
$stage = Join-Path ([System.IO.Path]::GetTempPath()) "vlassps-pack-$([guid]::NewGuid().ToString('N'))"
try {
    $null = New-Item -ItemType Directory -Path $stage
    Copy-Item (Resolve-Path $ModuleDirectory) -Destination (Join-Path $stage 'VlassPS') -Recurse
    Remove-Item $nupkg -ErrorAction SilentlyContinue
    Compress-PSResource -Path (Join-Path $stage 'VlassPS') -DestinationPath (Split-Path $nupkg)
    if (-not (Test-Path $nupkg)) { throw "Compress-PSResource wrote no $nupkg" }
    $nupkg
}
finally { Remove-Item $stage -Recurse -Force -ErrorAction SilentlyContinue }
