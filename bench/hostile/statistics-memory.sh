#!/usr/bin/env bash
# Peak resident memory of `Get-VlassImage -Statistics` on a sparse float32 image of N GB (default 8), in real
# pwsh with the built module (output/VlassPS). The image is a file hole, so it costs no disk. Issue 13 §5: a
# 40 GB image used to reach 13.6 GB RSS because the whole file was mapped; now one 64 MB window is.
# Usage: bench/hostile/statistics-memory.sh [GB]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
gb=${1:-8}
pwsh=${VLASSPS_PWSH:-$(command -v pwsh || echo "$HOME/.dotnet/tools/pwsh")}
manifest=$(ls -d "$root"/output/VlassPS/*/VlassPS.psd1 | tail -1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$pwsh" -NoProfile -NonInteractive -File "$root/tests/hostile/Measure-StatisticsMemory.ps1" \
  -ModuleManifest "$manifest" -WorkDir "$work" -SizeMB $((gb * 1024))
