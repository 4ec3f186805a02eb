#!/usr/bin/env bash
# Foundation benchmark: VlassPS.Core planning vs the memo's Python tile search, in the same run.
# Usage: bench/foundation/run.sh [N positions for VlassPS, default 100000] [N for Python, default 2000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
n=${1:-100000}; npy=${2:-2000}
work=$(mktemp -d)
dotnet build "$root/src/VlassPS" -c Release -v q -nologo >/dev/null
manifest=$(ls -d "$root"/output/VlassPS/*/VlassPS.psd1 | sort -V | tail -n 1)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); dotnet $(dotnet --version); $(/usr/bin/python3 --version)"
dotnet run -c Release --project "$here/VlassPS.Bench.Foundation.csproj" -- "$work/positions.csv" "$n" "$manifest"
/usr/bin/python3 "$here/memo_tile_search.py" "$root/../shared/data/VLASS_dyn_summary.txt" "$work/positions.csv" "$npy"
rm -rf "$work"
