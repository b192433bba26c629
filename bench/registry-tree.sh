#!/usr/bin/env bash
# Project tree benchmark (issue 5, "Performance"); a benchmark, not a test.
#
# Against a running platform (./pms up), as the demo tenant's HQ admin: creates a fresh project of
# UNITS units (BUILDINGS buildings) through the units import (dry run, commit), then times
# GET /api/v1/projects/{id}/tree one request at a time over a kept-alive connection:
#   cached: CACHED requests in a row (after WARMUP untimed ones), the tree served from Redis;
#   cold:   COLD requests, each right after a PATCH of one unit's status (VACANT <-> RENTED, in turn),
#           which bumps the project's tree generation after its commit, so the GET builds the tree
#           from the database again; only the GET is timed.
# Both through the gateway and directly against asset-service (same bearer token), so the gateway's
# share shows. Percentiles are nearest-rank over the samples.
#
# Usage: bench/registry-tree.sh
#   env: GATEWAY=http://localhost:8080 ASSET=http://localhost:8082 UNITS=10000 BUILDINGS=20
#        WARMUP=20 CACHED=300 COLD=60 PMS_DEMO_PASSWORD=Demo#2026
set -euo pipefail

GATEWAY=${GATEWAY:-http://localhost:8080}
ASSET=${ASSET:-http://localhost:8082}
UNITS=${UNITS:-10000}
BUILDINGS=${BUILDINGS:-20}
WARMUP=${WARMUP:-20}
CACHED=${CACHED:-300}
COLD=${COLD:-60}
PASSWORD=${PMS_DEMO_PASSWORD:-Demo#2026}
HERE=$(cd "$(dirname "$0")" && pwd)

command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

TOKEN=$(curl -sf "$GATEWAY/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | json "['accessToken']")
AUTH="Authorization: Bearer $TOKEN"
PROJECT=$(curl -sf "$GATEWAY/api/v1/projects" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"code\":\"tree-$(date +%s%N)\",\"name\":\"Tree bench\",\"type\":\"RESIDENTIAL\"}" | json "['id']")

python3 "$HERE/registry_files.py" units "$WORK/units.csv" "$UNITS" "$BUILDINGS"

# upload or commit, following a 202 until the import no longer runs; prints the final summary
import_step() {
    local code body id
    if [[ "$1" == upload ]]; then
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$GATEWAY/api/v1/units/imports?projectId=$PROJECT" \
            -H "$AUTH" -F "file=@$WORK/units.csv;type=text/csv")
    else
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST "$GATEWAY/api/v1/units/imports/$2/commit" \
            -H "$AUTH" -H 'Content-Type: application/json')
    fi
    body=$(cat "$WORK/body")
    [[ "$code" =~ ^20[012]$ ]] || { echo "import: HTTP $code $body" >&2; exit 1; }
    id=$(echo "$body" | json "['id']")
    while [[ "$(echo "$body" | json "['status']")" =~ ^(VALIDATING|COMMITTING)$ ]]; do
        sleep 0.5
        body=$(curl -sf "$GATEWAY/api/v1/units/imports/$id" -H "$AUTH")
    done
    echo "$body"
}

DRY=$(import_step upload)
COMMITTED=$(import_step commit "$(echo "$DRY" | json "['id']")")
[[ "$(echo "$COMMITTED" | json "['status']")" == COMMITTED ]] || { echo "import: $COMMITTED" >&2; exit 1; }
UNIT=$(curl -sf "$GATEWAY/api/v1/units?projectId=$PROJECT&size=1" -H "$AUTH" | json "['content'][0]['id']")
echo "project $PROJECT: $UNITS units in $BUILDINGS buildings; unit $UNIT is the one patched;" \
    "load before: $(uptime | sed 's/.*load average: //')"

python3 - "$GATEWAY" "$ASSET" "$TOKEN" "$PROJECT" "$UNIT" "$WARMUP" "$CACHED" "$COLD" <<'PY'
import http.client, json, sys, time, urllib.parse

gateway, asset, token, project, unit = sys.argv[1:6]
warmup, cached, cold = map(int, sys.argv[6:9])
PACE = 0.08
headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=60)


last = 0.0


def request(conn, method, path, body=None):
    # the gateway allows a user 20 requests a second: stay well below, so that none is refused
    global last
    time.sleep(max(0.0, last + PACE - time.perf_counter()))
    last = time.perf_counter()
    h = dict(headers)
    if body is not None:
        h["Content-Type"] = "application/json"
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=h)
    response = conn.getresponse()
    data = response.read()
    if response.status != 200:
        sys.exit(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    return data


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]


def report(label, samples, size):
    print(f"{label:<22} n={len(samples):<4} p50 {percentile(samples, 50):7.1f} ms  p90 {percentile(samples, 90):7.1f} ms"
          f"  p99 {percentile(samples, 99):7.1f} ms  max {max(samples):7.1f} ms  ({size / 1024:.0f} KiB)")
    return percentile(samples, 50), percentile(samples, 99)


tree = f"/api/v1/projects/{project}/tree"
status = ["RENTED", "VACANT"]
results = {}
for name, base in (("gateway", gateway), ("asset-service", asset)):
    conn = connect(base)
    size = len(request(conn, "GET", tree))
    for _ in range(warmup):
        request(conn, "GET", tree)
    samples = []
    for _ in range(cached):
        t0 = time.perf_counter()
        request(conn, "GET", tree)
        samples.append((time.perf_counter() - t0) * 1000)
    results[(name, "cached")] = report(f"{name} cached", samples, size)
    samples = []
    for i in range(cold):
        request(conn, "PATCH", f"/api/v1/units/{unit}", {"status": status[i % 2]})
        t0 = time.perf_counter()
        request(conn, "GET", tree)
        samples.append((time.perf_counter() - t0) * 1000)
    results[(name, "cold")] = report(f"{name} cold", samples, size)
    conn.close()
for kind in ("cached", "cold"):
    g, a = results[("gateway", kind)], results[("asset-service", kind)]
    print(f"gateway share, {kind}: p50 +{g[0] - a[0]:.1f} ms, p99 +{g[1] - a[1]:.1f} ms")
PY
