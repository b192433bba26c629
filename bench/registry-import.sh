#!/usr/bin/env bash
# Registry import benchmark (issue 5, "Performance"); a benchmark, not a test.
#
# Against a running platform (./pms up), as the demo tenant's HQ admin, for each format in FORMATS
# (csv, xlsx): creates a fresh project, generates a buildings+units file of UNITS units (BUILDINGS
# buildings, 40 floors) and an owners file (one owner per unit, primary payer, and every 5th unit also
# a family member, each with a distinct mobile phone 136xxxxxxxx that the demo data does not use),
# then times from the client: units dry run, units commit, owners dry run, owners commit (people
# created in user-service, then linked), and the same two files again (every row unchanged: dry run
# and commit). Imports run in the background: an answer of 202 is followed by polling the import
# until it is no longer VALIDATING or COMMITTING, and the step's time runs to that point. Peak
# resident set size of asset-service and user-service is sampled from /proc every 0.2 s.
#
# Baseline in the same run: a further fresh project gets the same rows (buildings, units, people,
# occupancies) COPYed by the postgres superuser straight into asset-service's tables, in one
# transaction, timed; those rows are deleted again afterwards. The baseline writes no person in
# user-service, no outbox event, no import bookkeeping, and checks nothing the database does not.
#
# Usage: bench/registry-import.sh
#   env: GATEWAY=http://localhost:8080 UNITS=50000 BUILDINGS=50 FORMATS="csv xlsx" BASELINE=true
#        PMS_DEMO_PASSWORD=Demo#2026 PGHOST=localhost PGUSER=postgres ASSET_DB=pms_asset
set -euo pipefail

GATEWAY=${GATEWAY:-http://localhost:8080}
UNITS=${UNITS:-50000}
BUILDINGS=${BUILDINGS:-50}
FORMATS=${FORMATS-csv xlsx}
BASELINE=${BASELINE:-true}
PASSWORD=${PMS_DEMO_PASSWORD:-Demo#2026}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
ASSET_DB=${ASSET_DB:-pms_asset}
HERE=$(cd "$(dirname "$0")" && pwd)

command -v curl >/dev/null || { echo "curl is missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }
if [[ "$BASELINE" == true ]]; then command -v psql >/dev/null || { echo "psql is missing" >&2; exit 1; }; fi

WORK=$(mktemp -d)
SAMPLERS=()
cleanup() { for s in "${SAMPLERS[@]}"; do kill "$s" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# access tokens live 15 minutes and the gateway allows 10 logins a minute: a new one after 10 minutes
LOGGED_IN=0
login() {
    [[ $(( $(date +%s) - LOGGED_IN )) -lt 600 ]] && return 0
    LOGGED_IN=$(date +%s)
    TOKEN=$(curl -sf "$GATEWAY/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | json "['accessToken']")
    AUTH="Authorization: Bearer $TOKEN"
}

new_project() {
    curl -sf "$GATEWAY/api/v1/projects" -H "$AUTH" -H 'Content-Type: application/json' \
        -d "{\"code\":\"bench-$1-$(date +%s%N)\",\"name\":\"Import bench $1\",\"type\":\"RESIDENTIAL\"}" | json "['id']"
}

# peak VmRSS (KiB) of a service's JVM, sampled into $WORK/peak-<service>
sample() {
    local service=$1 pid
    pid=$(pgrep -f "$service.*\.jar" | head -1 || true)
    [[ -z "$pid" ]] && return 0
    echo 0 > "$WORK/peak-$service"
    awk '/VmRSS/ {print $2}' "/proc/$pid/status" > "$WORK/start-$service"
    (while kill -0 "$pid" 2>/dev/null; do
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [[ "$rss" -gt "$(cat "$WORK/peak-$service")" ]] && echo "$rss" > "$WORK/peak-$service"
        sleep 0.2
    done) &
    SAMPLERS+=($!)
}

# follows an import until it is no longer running; prints its final summary
follow() {
    local sheet=$1 id=$2 body status
    while true; do
        body=$(curl -sf "$GATEWAY/api/v1/$sheet/imports/$id" -H "$AUTH")
        status=$(echo "$body" | json "['status']")
        [[ "$status" != VALIDATING && "$status" != COMMITTING ]] && { echo "$body"; return; }
        sleep 0.5
    done
}

# one import step: prints "label: seconds, http code, status, counts" and sets LAST_ID
step() {
    local label=$1 sheet=$2 kind=$3 arg=$4 code body t0 t1
    login
    t0=$(now)
    if [[ "$kind" == upload ]]; then
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$GATEWAY/api/v1/$sheet/imports?projectId=$PROJECT" \
            -H "$AUTH" -F "file=@$arg")
    else
        code=$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST "$GATEWAY/api/v1/$sheet/imports/$arg/commit" \
            -H "$AUTH" -H 'Content-Type: application/json')
    fi
    body=$(cat "$WORK/body")
    if [[ "$code" == 202 ]]; then
        body=$(follow "$sheet" "$(echo "$body" | json "['id']")")
    elif [[ "$code" != 200 && "$code" != 201 ]]; then
        echo "$label: HTTP $code $body" >&2
        exit 1
    fi
    t1=$(now)
    LAST_ID=$(echo "$body" | json "['id']")
    LAST_STATUS=$(echo "$body" | json "['status']")
    STEP_SECONDS=$(elapsed "$t0" "$t1")
    printf '%-28s %8s s  HTTP %s  %-10s %s\n' "$label:" "$STEP_SECONDS" "$code" "$LAST_STATUS" \
        "$(echo "$body" | json "['counts']")"
}

# units, then owners, then both again; $1 is the format, $2 the first phone number
run_format() {
    local format=$1 phone=$2 units_file="$WORK/units.$1" owners_file="$WORK/owners.$1"
    python3 "$HERE/registry_files.py" units "$units_file" "$UNITS" "$BUILDINGS"
    python3 "$HERE/registry_files.py" owners "$owners_file" "$UNITS" "$BUILDINGS" "$phone"
    login
    PROJECT=$(new_project "$format")
    echo "== $format: units file $(du -h "$units_file" | cut -f1), owners file $(du -h "$owners_file" | cut -f1)," \
        "project $PROJECT, phones from $phone"
    local total=0
    step "$format units dry run" units upload "$units_file"
    total=$(elapsed 0 "$total + $STEP_SECONDS")
    step "$format units commit" units commit "$LAST_ID"
    total=$(elapsed 0 "$total + $STEP_SECONDS")
    step "$format owners dry run" occupants upload "$owners_file"
    total=$(elapsed 0 "$total + $STEP_SECONDS")
    step "$format owners commit" occupants commit "$LAST_ID"
    total=$(elapsed 0 "$total + $STEP_SECONDS")
    # the four steps' own times, without the client's work between them
    echo "$format import total:          $total s" | tee "$WORK/total-$format"
    step "$format units again" units upload "$units_file"
    [[ "$LAST_STATUS" == VALIDATED ]] && step "$format units again commit" units commit "$LAST_ID"
    step "$format owners again" occupants upload "$owners_file"
    [[ "$LAST_STATUS" == VALIDATED ]] && step "$format owners again commit" occupants commit "$LAST_ID"
    return 0
}

baseline() {
    login
    local project tenant t0 t1
    project=$(new_project copy)
    tenant=$(psql -d "$ASSET_DB" -Atc "select tenant_id from project where id = '$project'")
    mkdir -p "$WORK/copy"
    # phones of the baseline only reach asset-service's masked projection, never user-service
    python3 "$HERE/registry_files.py" copy "$WORK/copy" "$UNITS" "$BUILDINGS" 13699000000 "$tenant" "$project"
    t0=$(now)
    psql -d "$ASSET_DB" -q -v ON_ERROR_STOP=1 <<SQL
begin;
\copy building (id, version, tenant_id, project_id, code, name, floors_above, floors_below, elevator_count, created_at, updated_at) from '$WORK/copy/building.tsv'
\copy unit (id, version, tenant_id, project_id, building_id, number, floor, entrance, type, gross_area, inner_area, status, handover_date, created_at, updated_at) from '$WORK/copy/unit.tsv'
\copy person (id, tenant_id, display_name, phone_masked, category, status, source_updated_at, received_at) from '$WORK/copy/person.tsv'
\copy occupancy (id, version, tenant_id, project_id, unit_id, person_id, role, primary_payer, move_in, move_out, created_at, updated_at) from '$WORK/copy/occupancy.tsv'
commit;
SQL
    t1=$(now)
    echo "== baseline: project $project"
    echo "COPY (one transaction):      $(elapsed "$t0" "$t1") s  $(wc -l < "$WORK/copy/building.tsv") buildings," \
        "$(wc -l < "$WORK/copy/unit.tsv") units, $(wc -l < "$WORK/copy/person.tsv") people and occupancies" \
        | tee "$WORK/total-copy"
    psql -d "$ASSET_DB" -q -v ON_ERROR_STOP=1 <<SQL
begin;
with gone as (delete from occupancy where project_id = '$project' returning person_id)
delete from person where id in (select person_id from gone);
delete from unit where project_id = '$project';
delete from building where project_id = '$project';
delete from project where id = '$project';
commit;
SQL
    echo "baseline rows deleted again"
}

echo "UNITS=$UNITS BUILDINGS=$BUILDINGS FORMATS=\"$FORMATS\"; load before: $(uptime | sed 's/.*load average: //')"
sample asset-service
sample user-service
# a block of 100,000 phones per format, moved on with every run so that no run matches an earlier one's people
block=$(( $(date +%s) / 10 % 400 * 2 ))
for format in $FORMATS; do
    run_format "$format" $(( 13600000000 + block * 100000 ))
    block=$((block + 1))
done
[[ "$BASELINE" == true ]] && baseline

echo "== summary"
for service in asset-service user-service; do
    [[ -f "$WORK/peak-$service" ]] && echo "$service RSS: $(( $(cat "$WORK/start-$service") / 1024 )) MiB at start," \
        "peak $(( $(cat "$WORK/peak-$service") / 1024 )) MiB"
done
if [[ -f "$WORK/total-copy" ]]; then
    copy=$(awk '{print $4}' "$WORK/total-copy")
    for format in $FORMATS; do
        total=$(awk '{print $4}' "$WORK/total-$format")
        echo "$format import / COPY: $(python3 -c "print(f'{$total / $copy:.1f}')")x ($total s / $copy s)"
    done
fi
