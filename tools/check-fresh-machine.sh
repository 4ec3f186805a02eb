#!/usr/bin/env bash
# The README's two set-up commands in a clean clone, as on a machine with only the .NET SDK: python3,
# the checkers (shellcheck, xvfb-run, tmux) are hidden from PATH and the oracle python points nowhere. Both commands must
# succeed, with the oracle tests reported as skipped. Usage: tools/check-fresh-machine.sh [commit-ish]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# ../shared beside the clone, as CI has it (the NRAO table is never committed).
git clone -q "$repo" "$work/clone"
git -C "$work/clone" checkout -q "${1:-HEAD}"
ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
# A PATH with every command of /usr/bin and /bin except the oracles.
mkdir "$work/bin"
for f in /usr/bin/* /bin/*; do
  case "$(basename "$f")" in python3*|shellcheck|xvfb-run|tmux) continue ;; esac
  [ -e "$work/bin/$(basename "$f")" ] || ln -s "$f" "$work/bin/$(basename "$f")"
done
cd "$work/clone"
export PATH="$work/bin" VLASSPS_ORACLE_PYTHON=/nonexistent/python3 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
unset VLASSPS_REQUIRE_ORACLES
start=$(date +%s)
dotnet run --project src/VlassPS.Host -- -File examples/Memo20-Appendix.ps1 > "$work/run.log" 2>&1 || { cat "$work/run.log"; echo "fresh: README command 1 failed"; exit 1; }
mid=$(date +%s)
dotnet test 2>&1 | tee "$work/test.log" | grep -E '^(Passed|Failed)!' || true
end=$(date +%s)
# The clone (and its log) is removed on exit: name the failed tests and their messages here.
grep -qE '^Passed!' "$work/test.log" || { grep -E '^  Failed |^  Error Message:' -A2 "$work/test.log" | head -60; echo "fresh: README command 2 failed"; exit 1; }
skipped=$(grep -oE 'Skipped: +[0-9]+' "$work/test.log" | grep -oE '[0-9]+' | head -1)
[ "${skipped:-0}" -gt 0 ] || { echo "fresh: expected the oracle tests to be skipped"; exit 1; }
echo "fresh: dotnet run $((mid - start)) s, dotnet test $((end - mid)) s, $skipped skipped"
