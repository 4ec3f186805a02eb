# Peak resident memory of `Get-VlassImage -Statistics` on a large image: writes a sparse float32 FITS of
# -SizeMB (valid header, two known pixels, zeros elsewhere), measures this process's VmHWM before and after
# the call and prints one JSON line. Run in its own pwsh so the peak is this call's alone:
# tests/VlassPS.Tests/Hostile/BoundedMemoryTests.cs (hundreds of MB) and bench/hostile/statistics-memory.sh (GB).
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $WorkDir,
    [int] $SizeMB = 384
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Get-PeakResidentBytes {
    $line = [System.IO.File]::ReadAllLines('/proc/self/status') | Where-Object { $_.StartsWith('VmHWM:') }
    [long]($line -replace '\D', '') * 1KB
}

function New-SparseImage([string] $path, [int] $width, [int] $height) {
    $cards = @(
        'SIMPLE  =                    T', 'BITPIX  =                  -32', 'NAXIS   =                    2',
        ('NAXIS1  = {0,20}' -f $width), ('NAXIS2  = {0,20}' -f $height),
        "CTYPE1  = 'RA---SIN'", "CTYPE2  = 'DEC--SIN'", ('CRPIX1  = {0,20}' -f ($width / 2)), ('CRPIX2  = {0,20}' -f ($height / 2)),
        'CRVAL1  =                 10.0', 'CRVAL2  =                 10.0', 'CDELT1  =              -0.0001', 'CDELT2  =               0.0001',
        "BUNIT   = 'Jy/beam'", 'END')
    $header = [System.Text.Encoding]::ASCII.GetBytes((-join ($cards | ForEach-Object { $_.PadRight(80) })).PadRight(2880))
    $data = [long]$width * $height * 4
    $fs = [System.IO.FileStream]::new($path, 'CreateNew')
    try {
        $fs.Write($header, 0, $header.Length)
        $fs.SetLength($header.Length + $data + ((2880 - $data % 2880) % 2880))   # a hole: no disk, zeros when read
        foreach ($p in @(@(5, ($height - 3), 7.5), @(($width - 2), 1, -2.0))) {
            $fs.Position = $header.Length + ([long]$p[1] * $width + $p[0]) * 4
            $bytes = [BitConverter]::GetBytes([float]$p[2]); [Array]::Reverse($bytes)
            $fs.Write($bytes, 0, 4)
        }
    }
    finally { $fs.Dispose() }
}

Import-Module -Name $ModuleManifest
$small = Join-Path $WorkDir 'small.fits'
$big = Join-Path $WorkDir 'big.fits'
$width = 8192
$height = [int]([long]$SizeMB * 1MB / 4 / $width)
New-SparseImage $small 64 64
New-SparseImage $big $width $height
try {
    $null = Get-VlassImage -LiteralPath $small -Statistics   # loads and compiles everything the big call uses
    [GC]::Collect()
    $before = Get-PeakResidentBytes
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    $info = Get-VlassImage -LiteralPath $big -Statistics
    $seconds = $sw.Elapsed.TotalSeconds
    $after = Get-PeakResidentBytes
    $s = $info.Statistics
    [ordered]@{
        fileBytes = (Get-Item -LiteralPath $big).Length; seconds = $seconds
        peakBeforeBytes = $before; peakAfterBytes = $after; peakGrowthBytes = $after - $before
        width = $info.Width; height = $info.Height; finite = $s.FiniteCount
        min = $s.Minimum; minX = $s.MinimumX; minY = $s.MinimumY; max = $s.Maximum; maxX = $s.MaximumX; maxY = $s.MaximumY; sum = $s.Sum
    } | ConvertTo-Json -Compress
}
finally {
    Remove-Item -LiteralPath $small, $big -Force
}
