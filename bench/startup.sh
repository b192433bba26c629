#!/usr/bin/env bash
# Measures the platform's start: `./pms up --no-build` from built jars (wall time to all ready), each
# service's own start time (from its "Started … in N seconds" line) and resident memory right after
# start, and the total. Runs twice: with AppCDS class archives (the default) and without
# (PMS_CDS=false). Prints a Markdown table per run; paste into docs/benchmarks.md with the date.
#
#   bench/startup.sh            # needs built jars (./mvnw -B -DskipTests package) and no platform running
set -euo pipefail
cd "$(dirname "$0")/.."

services=(gateway-service user-service asset-service workorder-service billing-service iot-service reporting-service)

measure() { # label, then env assignments for ./pms
  local label=$1; shift
  ./pms down >/dev/null 2>&1 || true
  local t0 t1
  t0=$(date +%s.%N)
  env "$@" ./pms up --no-build >/dev/null
  t1=$(date +%s.%N)
  printf '\n### %s\n\n`./pms up --no-build` to all ready: **%.1f s**\n\n' "$label" "$(echo "$t1 - $t0" | bc)"
  printf '| service | started in (s) | RSS after start (MiB) |\n| --- | --- | --- |\n'
  local total=0 svc pid rss started
  for svc in "${services[@]}"; do
    pid=$(cat ".run/pids/$svc.pid")
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    total=$(( total + rss ))
    started=$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' ".run/logs/$svc.log" | tail -1 | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1)
    printf '| %s | %s | %d |\n' "$svc" "${started:-?}" "$rss"
  done
  printf '| **platform** | | **%d** |\n' "$total"
}

printf 'Machine: %s cores, %s; %s\n' "$(nproc)" "$(free -h | awk '/Mem:/ {print $2}')" "$(java -version 2>&1 | head -1)"
measure "without class archives (PMS_CDS=false)" PMS_CDS=false
# the first start with CDS on writes the archives in the background; wait for them, then measure
./pms down >/dev/null 2>&1 || true
./pms up --no-build >/dev/null
for _ in $(seq 1 120); do [ -f .run/pids/cds-recorder.pid ] || break; sleep 2; done
sleep 5
measure "with AppCDS class archives (default)"
./pms down >/dev/null
