#!/usr/bin/env bash
# Catalog benchmark: C# parser + lookups (Core API and the cmdlet) vs the memo's pandas approach, same machine,
# same run, same positions. Usage: bench/catalog/run.sh [positions] [python-positions]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-100000}"
npy="${2:-300}"
table="$root/../shared/data/VLASS_dyn_summary.txt"
[ -f "$table" ] || table="$root/../../shared/data/VLASS_dyn_summary.txt"   # developer worktrees
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/VlassPS/VlassPS.csproj" -c Release -nologo -v q >/dev/null
manifest="$(ls -t "$root"/output/VlassPS/*/VlassPS.psd1 | head -1)"
dotnet run -c Release --project "$here/VlassPS.Bench.Catalog.csproj" -- "$table" "$work/positions.csv" "$n" "$manifest" | tee "$work/cs.txt"
/usr/bin/python3 "$here/memo_approach.py" "$table" "$work/positions.csv" "$npy" | tee "$work/py.txt"

get() { awk -v k="$1" '$1 == k { print $2 }' "$work"/cs.txt "$work"/py.txt; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
/usr/bin/python3 - "$(get csharp_parse_ms_min)" "$(get python_parse_ms_min)" "$(get csharp_core_ms)" "$(get cmdlet_ms)" \
  "$(get python_loop_ms)" "$n" "$(get python_positions)" "$(get csharp_parse_ms_cold)" <<'PY'
import sys
cs_parse, py_parse, cs_core, cmdlet, py_loop, n, npy, cs_cold = map(float, sys.argv[1:])
per_py = py_loop / npy
print(f"parse (best run): C# {cs_parse:.2f} ms, pandas read_fwf {py_parse:.2f} ms -> {py_parse / cs_parse:.1f}x; C# first (cold) parse {cs_cold:.1f} ms")
print(f"per position: Core {cs_core / n * 1000:.3f} us, cmdlet {cmdlet / n * 1000:.1f} us, memo loop {per_py * 1000:.0f} us")
print(f"{int(n)} positions: Core {cs_core / 1000:.3f} s, cmdlet {cmdlet / 1000:.2f} s, memo loop {per_py * n / 1000:.0f} s (extrapolated from {int(npy)})")
print(f"ratio memo/Core {per_py * n / cs_core:.0f}x, memo/cmdlet {per_py * n / cmdlet:.0f}x")
PY
