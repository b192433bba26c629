#!/usr/bin/env bash
# Gateway overhead benchmark (issue 4, "Performance"); a benchmark, not a test.
#
# Starts, on loopback only: a trivial downstream (Reactor Netty stub), the gateway with the token
# check and the Redis rate limiter on ("full"), the gateway with both off ("plain", a permit-all
# security chain that exists only on the test classpath), and, to split the cost, the gateway with
# the token check only. Then measures with wrk, in one run and alternating between the targets:
#   (a) the stub directly, (c) the plain gateway, (b′) token only, (b) the full gateway with one
#   user's token, (b″) the full gateway with USERS users' tokens in turn
# on each path in PATHS (all routed to the stub). (b) is a single busy user, whose budget the rate
# limiter's leases serve mostly locally; (b″) spreads the same load over many users, each quiet
# enough that their own bucket often needs a Redis call. Every target gets WARMUP_ROUNDS warm-up passes of
# WARMUP each (C2 needs minutes of CPU on a shared 2-core box before the reactive stack is compiled),
# then ROUNDS measured passes of DURATION; the table shows the median of the passes, and the
# gateway's own CPU time per request (its threads except the JIT compilers, from /proc), which
# contention on a shared machine distorts far less than requests/s.
#
# Gateway JVMs run with production-like flags (BENCH_JAVA_OPTS, default: C2 on, the JVM's default
# collector, a 512 MB heap), not with ./pms's -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, which trade
# steady-state speed for a quick local start.
#
# Needs Redis on localhost:6379, wrk (apt-get install -y wrk) and python3; builds gateway-service's
# test classes (offline if it can). Stops everything it started on exit.
#
# Usage: bench/gateway-overhead.sh
#   env: DURATION=10s WARMUP=20s WARMUP_ROUNDS=2 ROUNDS=3 THREADS=2 CONNECTIONS=16 USERS=1000
#        PATHS="/api/v1/me /api/v1/buildings/bench" TARGETS="direct plain token full many"
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-2}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms256m -Xmx512m}
PATHS=${PATHS:-/api/v1/me /api/v1/buildings/bench}
TARGETS=${TARGETS:-direct plain token full many}
USERS=${USERS:-1000}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "building gateway-service test classes and classpath..." >&2
build() {
    ./mvnw -B -q "$@" -pl gateway-service -am -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
}
build -o || build
CP="$ROOT/gateway-service/target/test-classes:$ROOT/gateway-service/target/classes:$(cat gateway-service/target/bench-classpath.txt)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
declare -A PORT PID TOKEN
STUB_PORT=$(free_port)
STUB="http://127.0.0.1:$STUB_PORT"

start() { # name, java args...
    local name=$1
    shift
    # shellcheck disable=SC2086
    java $JAVA_OPTS -cp "$CP" com.propcloud.pms.gatewaybench.GatewayBench "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    PID[$name]=$!
}
wait_for() { # url
    for _ in $(seq 1 360); do
        if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    echo "not up: $1" >&2
    tail -n 50 "$WORK"/*.log >&2
    exit 1
}

start direct stub "$STUB_PORT"
PORT[direct]=$STUB_PORT
: >"$WORK/token-direct"
for target in plain token full; do
    PORT[$target]=$(free_port)
done
start plain plain "${PORT[plain]}" "$STUB"
: >"$WORK/token-plain"
start token token "${PORT[token]}" "$STUB" "$WORK/token-token"
start full full "${PORT[full]}" "$STUB" "$WORK/tokens-full" "$USERS"
echo "stub :$STUB_PORT, gateway plain :${PORT[plain]}, token only :${PORT[token]}, full :${PORT[full]}" >&2
wait_for "$STUB/health"
for target in plain token full; do
    wait_for "http://127.0.0.1:${PORT[$target]}/actuator/health/readiness"
done
for target in direct plain token; do
    TOKEN[$target]=$(cat "$WORK/token-$target")
done
TOKEN[full]=$(head -n 1 "$WORK/tokens-full")
# (b″): the full gateway, every request with the next of USERS tokens
PORT[many]=${PORT[full]}
PID[many]=${PID[full]}
TOKEN[many]=
cat >"$WORK/many.lua" <<EOF
local tokens, i = {}, 0
for line in io.lines("$WORK/tokens-full") do tokens[#tokens + 1] = "Bearer " .. line end
request = function()
  i = i % #tokens + 1
  wrk.headers["Authorization"] = tokens[i]
  return wrk.format()
end
EOF

# sanity: the full chain answers 200 with its token and 401 without one
first_path=${PATHS%% *}
code_with=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN[full]}" \
    "http://127.0.0.1:${PORT[full]}$first_path")
code_without=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[full]}$first_path")
echo "full chain: $code_with with token, $code_without without" >&2
[ "$code_with" = 200 ] && [ "$code_without" = 401 ] || { echo "full chain misbehaves" >&2; exit 1; }

REDIS_PID=$(pgrep -x redis-server | head -1 || true)
cpu_ticks() { # pid -> CPU ticks of its threads except the JIT compilers
    python3 - "$1" <<'EOF'
import os, sys
pid, total = sys.argv[1], 0
for tid in os.listdir(f"/proc/{pid}/task"):
    try:
        stat = open(f"/proc/{pid}/task/{tid}/stat").read()
    except OSError:
        continue
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    if "Compiler" not in name:
        total += int(fields[11]) + int(fields[12])
print(total)
EOF
}
HZ=$(getconf CLK_TCK)

RESULTS="$WORK/results"
: >"$RESULTS"
measure() { # target, path, duration, record?
    local target=$1 path=$2 duration=$3 record=$4 before after redis_before=0 redis_after=0 out
    local header=()
    [ -n "${TOKEN[$target]}" ] && header=(-H "Authorization: Bearer ${TOKEN[$target]}")
    [ "$target" = many ] && header=(-s "$WORK/many.lua")
    before=$(cpu_ticks "${PID[$target]}")
    [ -n "$REDIS_PID" ] && redis_before=$(cpu_ticks "$REDIS_PID")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "${header[@]}" "http://127.0.0.1:${PORT[$target]}$path")
    after=$(cpu_ticks "${PID[$target]}")
    [ -n "$REDIS_PID" ] && redis_after=$(cpu_ticks "$REDIS_PID")
    [ "$record" = yes ] || return 0
    echo "--- $target $path" >&2
    echo "$out" >&2
    awk -v t="$target" -v p="$path" -v cpu=$((after - before)) -v rcpu=$((redis_after - redis_before)) -v hz="$HZ" '
        function ms(v) { n = v + 0; if (v ~ /us$/) return n / 1000; if (v ~ /ms$/) return n; if (v ~ /s$/) return n * 1000; return n }
        / requests in / { requests = $1 }
        /^Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { errors += $NF }
        /Socket errors/ { errors += 1 }
        END { printf "%s %s %s %.2f %.2f %.0f %.0f %d\n", t, p, rps, p50, p99, cpu / hz * 1e6 / requests, rcpu / hz * 1e6 / requests, errors }
    ' <<<"$out" >>"$RESULTS"
}

for round in $(seq 1 "$WARMUP_ROUNDS"); do
    for path in $PATHS; do
        for target in $TARGETS; do
            echo "warm-up $round/$WARMUP_ROUNDS: $target $path" >&2
            measure "$target" "$path" "$WARMUP" no
        done
    done
done
for round in $(seq 1 "$ROUNDS"); do
    for path in $PATHS; do
        for target in $TARGETS; do
            measure "$target" "$path" "$DURATION" yes
        done
    done
done

echo
echo "$(date -u +%F), wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, medians of $ROUNDS alternating passes after" \
    "$WARMUP_ROUNDS × $WARMUP warm-up each; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$(java $JAVA_OPTS -version 2>&1 | head -1); gateway JVM flags: $JAVA_OPTS"
echo
echo "| path | target | requests/s | p50 (ms) | p99 (ms) | throughput vs plain gateway | p99 added vs plain gateway (ms) | gateway CPU per request (µs) | Redis CPU per request (µs) | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
python3 - "$RESULTS" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    t, p, rps, p50, p99, cpu, rcpu, errors = line.split()
    rows.setdefault((p, t), []).append((float(rps), float(p50), float(p99), float(cpu), float(rcpu), int(errors)))
names = {
    "direct": "(a) stub directly",
    "plain": "(c) gateway, filters off",
    "token": "(b′) gateway, token check only",
    "full": "(b) gateway, token check + rate limiter, one user",
    "many": "(b″) gateway, token check + rate limiter, many users",
}
def med(values, i):
    return statistics.median(v[i] for v in values)
for path in dict.fromkeys(p for p, _ in rows):
    plain = rows.get((path, "plain"))
    for target in ("direct", "plain", "token", "full", "many"):
        values = rows.get((path, target))
        if not values:
            continue
        rps, p50, p99 = med(values, 0), med(values, 1), med(values, 2)
        ratio = f"{rps / med(plain, 0):.2f}×" if plain else "-"
        added = f"{p99 - med(plain, 2):+.2f}" if plain else "-"
        cpu = "-" if target == "direct" else f"{med(values, 3):.0f}"
        rcpu = f"{med(values, 4):.0f}" if target in ("full", "many") else "-"
        errors = sum(v[5] for v in values)
        print(f"| `{path}` | {names[target]} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {ratio} | {added} | {cpu} | {rcpu} | {errors} |")
EOF
