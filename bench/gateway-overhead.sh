#!/usr/bin/env bash
# Gateway overhead benchmark (issue 4, "Performance"); a benchmark, not a test.
#
# Starts, on loopback only: a trivial downstream (Reactor Netty stub), the gateway with the token
# check and the Redis rate limiter on ("full"), and the gateway with both off ("plain", a permit-all
# security chain that exists only on the test classpath), and, to split the cost, the gateway with
# the token check only. Then measures with wrk, in one run:
#   (a) the stub directly, (b) through the full gateway, (c) through the plain gateway, (b′) token only
# on GET /api/v1/me (routed to the stub). Needs Redis on REDIS_HOST:REDIS_PORT (localhost:6379),
# wrk, and the project built offline. Stops everything it started on exit.
#
# Usage: bench/gateway-overhead.sh            (DURATION=10s THREADS=2 CONNECTIONS=16 WARMUP=5s)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC}
PATH_UNDER_TEST=/api/v1/me

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

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

echo "building gateway-service test classes and classpath (offline)..." >&2
./mvnw -B -q -o -pl gateway-service -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
CP="$ROOT/gateway-service/target/test-classes:$ROOT/gateway-service/target/classes:$(cat gateway-service/target/bench-classpath.txt)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
STUB_PORT=$(free_port)
FULL_PORT=$(free_port)
PLAIN_PORT=$(free_port)
TOKEN_PORT=$(free_port)
STUB="http://127.0.0.1:$STUB_PORT"

start() { # name, args...
    local name=$1
    shift
    # shellcheck disable=SC2086
    java $JAVA_OPTS -cp "$CP" com.propcloud.pms.gatewaybench.GatewayBench "$@" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
}
wait_for() { # url
    for _ in $(seq 1 240); do
        if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    echo "not up: $1" >&2
    tail -n 50 "$WORK"/*.log >&2
    exit 1
}

echo "starting stub :$STUB_PORT, gateway full :$FULL_PORT, gateway plain :$PLAIN_PORT..." >&2
start stub stub "$STUB_PORT"
start full full "$FULL_PORT" "$STUB" "$WORK/token"
start plain plain "$PLAIN_PORT" "$STUB"
start token token "$TOKEN_PORT" "$STUB" "$WORK/token-only"
wait_for "$STUB/health"
wait_for "http://127.0.0.1:$FULL_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$PLAIN_PORT/actuator/health/readiness"
wait_for "http://127.0.0.1:$TOKEN_PORT/actuator/health/readiness"
TOKEN=$(cat "$WORK/token")

# sanity: the full chain answers 200 with the token and 401 without it
code_with=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$FULL_PORT$PATH_UNDER_TEST")
code_without=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FULL_PORT$PATH_UNDER_TEST")
echo "full chain: $code_with with token, $code_without without" >&2
[ "$code_with" = 200 ] && [ "$code_without" = 401 ] || { echo "full chain misbehaves" >&2; exit 1; }

declare -A RPS P50 P99 ERRS
measure() { # label, url
    local label=$1 url=$2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
    echo "--- $label: $url" >&2
    echo "$out" >&2
    RPS[$label]=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    P50[$label]=$(awk '$1 == "50%" {print $2}' <<<"$out")
    P99[$label]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    ERRS[$label]=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print "socket errors"}' <<<"$out" | paste -sd' ')
}
to_ms() { # wrk latency (e.g. 850.00us, 1.20ms, 1.01s) -> ms
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

measure direct "$STUB$PATH_UNDER_TEST"
measure full "http://127.0.0.1:$FULL_PORT$PATH_UNDER_TEST"
measure plain "http://127.0.0.1:$PLAIN_PORT$PATH_UNDER_TEST"
TOKEN=$(cat "$WORK/token-only") measure token "http://127.0.0.1:$TOKEN_PORT$PATH_UNDER_TEST"

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up each), GET $PATH_UNDER_TEST, $(nproc) cores, $(java -version 2>&1 | head -1)"
echo
echo "| target | requests/s | p50 (ms) | p99 (ms) | throughput vs plain gateway | p99 added vs plain gateway (ms) | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
plain_rps=${RPS[plain]}
plain_p99=$(to_ms "${P99[plain]}")
for label in direct plain token full; do
    p50=$(to_ms "${P50[$label]}")
    p99=$(to_ms "${P99[$label]}")
    ratio=$(awk -v a="${RPS[$label]}" -v b="$plain_rps" 'BEGIN { printf "%.2f×", a / b }')
    added=$(awk -v a="$p99" -v b="$plain_p99" 'BEGIN { printf "%+.2f", a - b }')
    case $label in
        direct) name="(a) stub directly" ;;
        plain) name="(c) gateway, filters off" ;;
        token) name="(b′) gateway, token check only (limiter off)" ;;
        full) name="(b) gateway, token check + rate limiter" ;;
    esac
    echo "| $name | ${RPS[$label]} | $p50 | $p99 | $ratio | $added | ${ERRS[$label]:-0} |"
done
