#!/usr/bin/env bash
# Casa reader benchmark vs python-casacore, same tables, same run. Needs dotnet and /usr/bin/python3 with python3-casacore.
# Usage: bench/casa/run.sh [iterations]   (large tables are generated once into bench/results/casa)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
small="$repo/tests/fixtures/casa"
work="$repo/bench/results/casa"
iters="${1:-15}"
mkdir -p "$work"
if [ ! -d "$work/large/main_2m.tab" ]; then
  /usr/bin/python3 "$repo/tests/oracles/casa/make_fixtures.py" --large "$work/large" >/dev/null
fi
# python-casacore may create lock files: time it on a private copy of the small fixtures.
rm -rf "$work/small" && cp -a "$small" "$work/small"
dotnet build -c Release "$here/VlassPS.Bench.Casa.csproj" -o "$work/bin" >/dev/null
echo "host: $(nproc) cpu, $(uname -sr), dotnet $(dotnet --version)"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$work/bin/VlassPS.Bench.Casa" "$work/small" "$work/large" "$iters"
# The 100k-row case is GC-bound (one small array per cell); the same with a 64 MB gen0 budget:
BENCH_TAG="[gen0=64MB]" DOTNET_GCgen0size=0x4000000 "$work/bin/VlassPS.Bench.Casa" "$work/small" "$work/large" "$iters"
/usr/bin/python3 "$here/bench_casacore.py" "$work/small" "$work/large" "$iters"
