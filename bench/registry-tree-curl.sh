#!/usr/bin/env bash
# Project tree latency timed by curl itself (time_total per request, a new connection each), for a
# project bench/registry-tree.sh created: the Python client of that script spends ~70 ms of its own
# reading a 905 KiB body, which swamps what the platform does. Same method: cached = repeated GETs;
# cold = each GET right after a PATCH of one unit's status (bumps the tree's generation). Paced under
# the per-user rate limit (20/s). Through the gateway (8080) and directly to asset-service (8082).
#
# Usage: bench/registry-tree-curl.sh <projectId> <unitId of that project>   (against ./pms up)
set -euo pipefail
P=$1; U=$2
TOKEN=$(curl -sf localhost:8080/api/v1/auth/login -H 'Content-Type: application/json' -d '{"tenant":"demo","username":"admin","password":"Demo#2026"}' | python3 -c "import json,sys;print(json.load(sys.stdin)['accessToken'])")
pct() { sort -n | awk '{a[NR]=$1} END {printf "n=%d p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms\n", NR, a[int(NR*0.5+0.5)]*1000, a[int(NR*0.9+0.5)]*1000, a[int(NR*0.99+0.5)]*1000, a[NR]*1000}'; }
for base in http://localhost:8080 http://localhost:8082; do
  echo -n "$base cached: "
  for i in $(seq 1 200); do curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $TOKEN" $base/api/v1/projects/$P/tree; sleep 0.05; done | pct
  echo -n "$base cold:   "
  for i in $(seq 1 50); do s=$([ $((i%2)) = 0 ] && echo VACANT || echo RENTED)
    curl -s -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"status\":\"$s\"}" http://localhost:8082/api/v1/units/$U
    curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $TOKEN" $base/api/v1/projects/$P/tree; sleep 0.05; done | pct
done
