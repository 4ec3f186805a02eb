#!/bin/bash
# Imaging submission at scale on the real Slurm test cluster: one pass over N units on one MS with job arrays
# (-ArrayThrottle 50: one sbatch for the imaging jobs) and with arrays off (-ArrayThrottle 0: one sbatch per unit),
# then, once all jobs finished, a second pass each (refresh only: records the completions). Counts the submissions the cluster saw under each campaign's names.
# Usage: bench/arrays/run.sh [N]   (needs: dotnet build, source /tmp/vlass-slurm/env.sh)
set -euo pipefail
n=${1:-200}
repo=$(cd "$(dirname "$0")/../.." && pwd)
host="$repo/src/VlassPS.Host/bin/Debug/net10.0/vlassps.dll"
root=$(mktemp -d /tmp/vlassps-bench-arrays.XXXXXX)
/usr/bin/python3 "$repo/tests/oracles/casa/make_recipe_ms.py" "$root/data/VLASS2.1_T10t13.ms" 121.98974 4.54293 0.4 >/dev/null
export VLASSPS_FAKE_CASA_SLEEP=0
for mode in arrays:50 single:0; do
  name=${mode%%:*}; throttle=${mode##*:}
  work="$root/$name"
  echo "== $name (-ArrayThrottle $throttle), $n units"
  dotnet "$host" -File "$repo/bench/arrays/pass.ps1" -Data "$root/data" -Work "$work" -Casa "$repo/tests/fake-casa/casa" -Count "$n" -Throttle "$throttle"
  id=$(/usr/bin/python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select value from meta where key='campaign'\").fetchone()[0])" "$work/.vlassps-campaign.db")
  jobcomp=$(sed -n 's/^JobCompLoc=//p' "$SLURM_CONF")
  echo "sbatch calls (distinct submissions named vc$id-*): $( (squeue -h -t all -o '%j|%F'; /usr/bin/python3 -c '
import sys
for line in open(sys.argv[1]):
    f = dict(w.split("=", 1) for w in line.split() if "=" in w)
    print(f.get("Name", "") + "|" + (f["ArrayJobId"] if f.get("ArrayJobId", "0") != "0" else f.get("JobId", "")))' "$jobcomp") \
      | grep "^vc$id-" | sort -u | wc -l)"
  # The second pass should compare like with like: wait until every job of this campaign has finished.
  while squeue -h -t pending,running -o '%j' | grep -q "^vc$id-"; do sleep 2; done
  echo "-- second pass (refresh of $n finished jobs)"
  dotnet "$host" -File "$repo/bench/arrays/pass.ps1" -Data "$root/data" -Work "$work" -Casa "$repo/tests/fake-casa/casa" -Count "$n" -Throttle "$throttle"
done
echo "work folders: $root"
