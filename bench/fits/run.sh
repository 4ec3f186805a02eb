#!/usr/bin/env bash
# Fits benchmark: image statistics and polygon flux on a 12500x12500 float32 image, VlassPS vs astropy +
# regions/photutils in the same run. Time and peak RSS per process from /usr/bin/time -v; the page cache is
# warmed first so both sides read the same cached file.
# Usage: bench/fits/run.sh [N pixels per side, default 12500]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
n=${1:-12500}
work="$root/bench/results/fits"; mkdir -p "$work"
img="$work/big_${n}.fits"; poly="$work/polygon_${n}.json"
/usr/bin/python3 -W ignore "$here/make_big.py" "$img" "$poly" "$n"   # writes the image only when missing
dotnet build "$here/VlassPS.Bench.Fits.csproj" -c Release -v q -nologo >/dev/null
exe="$here/bin/Release/net10.0/VlassPS.Bench.Fits"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GB; dotnet $(dotnet --version); $(/usr/bin/python3 --version); image $(du -h "$img" | cut -f1)"
cat "$img" > /dev/null
measure() { # label, command...
  local label=$1; shift
  local log; log=$(mktemp)
  local out; out=$(/usr/bin/time -v "$@" 2>"$log")
  local rss; rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  local wall; wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log")
  printf '%-10s %-8s wall %-8s peakRSS %7.0f MB  %s\n' "$label" "$task" "$wall" "$(echo "$rss/1024" | bc -l)" "$out"
  rm -f "$log"
}
for rep in 1 2; do
  for task in stats polygon; do
    measure VlassPS "$exe" "$img" "$poly" "$task"
    measure astropy /usr/bin/python3 -W ignore "$here/astropy_bench.py" "$img" "$poly" "$task"
  done
done
