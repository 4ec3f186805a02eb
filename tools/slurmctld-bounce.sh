#!/usr/bin/env bash
# Stops or restarts ONLY slurmctld of the test cluster started by tools/start-slurm.sh, by its recorded PID
# (never by name), keeping its state directory, so jobs survive. Used by the "controller down" test.
#   bash tools/slurmctld-bounce.sh stop|start
set -euo pipefail
DIR=${SLURM_TEST_DIR:-/tmp/vlass-slurm}
export SLURM_CONF=${SLURM_CONF:-$DIR/etc/slurm.conf}
pid_of() { awk -v n="$1" '$1 == n { print $2 }' "$DIR/pids"; }
alive() { [ -d "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = slurmctld ]; }
case "${1:-}" in
  stop)
    pid=$(pid_of slurmctld)
    [ -n "$pid" ] || { echo "no slurmctld pid recorded in $DIR/pids" >&2; exit 1; }
    if alive "$pid"; then kill -TERM "$pid"; fi
    for _ in $(seq 100); do alive "$pid" || exit 0; sleep 0.1; done
    echo "slurmctld $pid did not stop" >&2; exit 1 ;;
  start)
    old=$(pid_of slurmctld)
    if [ -n "$old" ] && alive "$old"; then echo "slurmctld $old already running"; exit 0; fi
    rm -f "$DIR/run/slurmctld.pid"
    slurmctld
    for _ in $(seq 100); do [ -s "$DIR/run/slurmctld.pid" ] && break; sleep 0.1; done
    pid=$(cat "$DIR/run/slurmctld.pid")
    # Record the new PID so stop-slurm.sh stops the right process.
    tmp=$(mktemp "$DIR/pids.XXXXXX")
    awk -v p="$pid" '$1 == "slurmctld" { print "slurmctld", p; next } { print }' "$DIR/pids" > "$tmp" && mv -f "$tmp" "$DIR/pids"
    for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q 'is UP' && exit 0; sleep 0.1; done
    echo "slurmctld $pid not answering" >&2; exit 1 ;;
  *) echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
