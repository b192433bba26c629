#!/usr/bin/env bash
# Makes sure the servers the platform and its tests need are installed and running on this machine:
# PostgreSQL, RabbitMQ, Redis and Mosquitto, from the OS packages (Debian/Ubuntu).
#
#   deploy/local/infra.sh ensure [--install]   start what is stopped; --install adds what is missing
#   deploy/local/infra.sh status               one line per server
#   deploy/local/infra.sh stop                 stop all four (only for `./pms down --all`)
set -euo pipefail

ADMIN_PASSWORD="${PMS_DB_ADMIN_PASSWORD:-pms-admin-local}"
PACKAGES=(postgresql rabbitmq-server redis-server mosquitto mosquitto-clients)

log() { printf '[infra] %s\n' "$*"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port name seconds
  local i
  for ((i = 0; i < $3 * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  log "$2 did not open port $1 within $3 s"; return 1
}

missing_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v mosquitto >/dev/null || missing+=(mosquitto mosquitto-clients)
  echo "${missing[@]:-}"
}

install_missing() {
  local missing; missing=$(missing_packages)
  [ -z "$missing" ] && return 0
  log "installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing "${PACKAGES[@]}" >/dev/null
}

# The default of 100 connections is tight for a running platform (about 35) beside a test run's service
# JVMs; raise it where nothing else sets it. Written only before a start: a running server is never restarted.
configure_postgres() { # version
  local dir="/etc/postgresql/$1/main/conf.d"
  [ -d "$dir" ] || return 0
  grep -Eqs '^[[:space:]]*max_connections' "$dir"/*.conf && return 0
  log "setting max_connections = 200 ($dir/80-pms.conf)"
  echo "max_connections = 200" >"$dir/80-pms.conf"
}

start_postgres() {
  port_open 5432 && return 0
  local version; version=$(ls /etc/postgresql | sort -V | tail -1)
  configure_postgres "$version"
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  wait_port 5432 PostgreSQL 30
}

# A fresh Debian PostgreSQL asks TCP clients for a password: give the admin role the one the
# platform's bootstrap and the tests use. Where TCP logins are trusted (our CI machines) nothing changes.
ensure_postgres_admin() {
  if PGPASSWORD="$ADMIN_PASSWORD" psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    return 0
  fi
  log "setting the postgres role's password for TCP logins"
  runuser -u postgres -- psql -qc "alter role postgres with password '${ADMIN_PASSWORD//\'/\'\'}'" >/dev/null
}

start_rabbitmq() {
  if ! port_open 5672; then
    log "starting RabbitMQ"
    rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  rabbitmqctl -q await_startup --timeout 90 >/dev/null
}

start_redis() {
  port_open 6379 && return 0
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_port 6379 Redis 15
}

start_mosquitto() {
  port_open 1883 && return 0
  log "starting Mosquitto"
  mosquitto -d -c /etc/mosquitto/mosquitto.conf
  wait_port 1883 Mosquitto 15
}

ensure() {
  [ "${1:-}" = "--install" ] && install_missing
  local missing; missing=$(missing_packages)
  if [ -n "$missing" ]; then
    log "not installed: $missing (run with --install, or: apt-get install -y ${PACKAGES[*]})"
    exit 1
  fi
  start_postgres; ensure_postgres_admin
  start_rabbitmq
  start_redis
  start_mosquitto
  log "PostgreSQL, RabbitMQ, Redis and Mosquitto are up"
}

status() {
  local entry
  for entry in "PostgreSQL:5432" "RabbitMQ:5672" "Redis:6379" "Mosquitto:1883"; do
    if port_open "${entry#*:}"; then echo "${entry%%:*} up (:${entry#*:})"; else echo "${entry%%:*} down (:${entry#*:})"; fi
  done
}

stop() {
  pkill -x mosquitto || true
  redis-cli -p 6379 shutdown nosave >/dev/null 2>&1 || true
  rabbitmqctl -q stop >/dev/null 2>&1 || true
  local version; version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main stop || true
}

case "${1:-}" in
  ensure) shift; ensure "$@" ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 ensure [--install] | status | stop" >&2; exit 2 ;;
esac
