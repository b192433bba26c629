#!/usr/bin/env bash
# CI check of what cannot run here (no Docker engine, no container registry), proven offline:
#   1. docker-compose.yml is valid (Debian's docker-compose validates without an engine);
#   2. every *-service module assembles its Jib image from a local base (-Djib.from.image=scratch);
#   3. every pms/... image docker-compose.yml names is one the build defines, and every service's
#      image is in docker-compose.yml.
# Usage: deploy/check-packaging.sh      (from anywhere; about a minute after a build)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[packaging] %s\n' "$*"; }
fail() { printf '[packaging] FAIL: %s\n' "$*" >&2; exit 1; }
started=$SECONDS

# ---- 1. the compose file
if ! command -v docker-compose >/dev/null; then
  log "installing docker-compose (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq docker-compose >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq docker-compose >/dev/null; }
fi
docker-compose -f docker-compose.yml config -q || fail "docker-compose.yml does not validate"
log "docker-compose.yml is valid"

# ---- 2. the images
mapfile -t services < <(sed -n 's:^ *<module>\(.*-service\)</module>.*:\1:p' pom.xml)
[ ${#services[@]} -gt 0 ] || fail "no *-service modules in pom.xml"
t0=$SECONDS
for service in "${services[@]}"; do rm -f "$service/target/jib-image.tar"; done
./mvnw -B -q -Pjib -DskipTests -Dspotless.check.skip=true -Djib.from.image=scratch \
  package jib:buildTar -pl "$(IFS=,; echo "${services[*]}")" -am \
  || fail "the images do not assemble"
log "assembled ${#services[@]} images in $((SECONDS - t0)) s"

# ---- 3. names: what the build defines against what compose names
defined=()
for service in "${services[@]}"; do
  tar="$service/target/jib-image.tar"
  [ -f "$tar" ] || fail "$service: no $tar"
  mapfile -t -O "${#defined[@]}" defined < <(tar -xOf "$tar" manifest.json \
    | python3 -c 'import json,sys; [print(t) for m in json.load(sys.stdin) for t in m.get("RepoTags", [])]')
done
log "the build defines: ${defined[*]}"

mapfile -t named < <(docker-compose -f docker-compose.yml config | sed -n 's/^ *image: *["'\'']\{0,1\}\(pms\/[^"'\'' ]*\).*/\1/p')
[ ${#named[@]} -gt 0 ] || fail "docker-compose.yml names no pms/ image"
for image in "${named[@]}"; do
  [[ $image == *:* ]] || image="$image:latest"
  # a here-string, not a pipe: grep -q stops reading at the first match, and under pipefail the
  # writer's SIGPIPE would fail the check at random
  grep -qxF -- "$image" <<<"$(printf '%s\n' "${defined[@]}")" || fail "docker-compose.yml uses $image, which the build does not define"
done
for service in "${services[@]}"; do
  grep -q "^pms/$service\(:\|$\)" <<<"$(printf '%s\n' "${named[@]}")" || fail "docker-compose.yml does not run $service"
done
log "docker-compose.yml's ${#named[@]} pms/ images all match the build"
log "ok in $((SECONDS - started)) s"
