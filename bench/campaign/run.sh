#!/usr/bin/env bash
# Campaign planning benchmark: Get-VlassCampaignPlan for N targets (default 100000), EB lookups from cache.
# Usage: bench/campaign/run.sh [N]. No reference implementation exists (the memo plans one target by hand).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
n=${1:-100000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/VlassPS" -c Release -v q -nologo >/dev/null
manifest=$(ls -d "$root"/output/VlassPS/*/VlassPS.psd1 | sort -V | tail -n 1)
summary="$root/../shared/data/VLASS_dyn_summary.txt"
[ -f "$summary" ] || summary="$root/../../shared/data/VLASS_dyn_summary.txt"
pwsh=$(command -v pwsh || echo "$HOME/.dotnet/tools/pwsh")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); dotnet $(dotnet --version)"
for mode in rows downloads; do
  /usr/bin/time -f "peak_rss_mb=%M(kB) elapsed=%e s" "$pwsh" -NoProfile -File "$here/bench.ps1" "$manifest" "$work" "$n" "$summary" "$mode"
  rm -rf "$work"/*
done
