#!/usr/bin/env bash
# ./yardstick containers [--replicas] [--keep]
#
# The suite in containers, end to end: builds the images that are missing or out of date
# (deploy/images/build.sh), loads them into the machine's engine, starts docker-compose.yml with the
# local identity provider (profile local; with --replicas, a second replica of each service too),
# waits until every container is healthy, runs `./yardstick demo` against the stack, reads every
# rendition and the open data over HTTP, checks that the data survives `down` and `up`, tears it all
# down (--keep leaves it running) and prints a summary.
#
# The engine: Docker when one answers; otherwise rootful podman (4.3 on Debian bookworm) through its
# Docker-compatible API socket. What podman on a machine like CI's needs, each done here, only for
# this command (nothing is written outside the cache, .images/):
#   - runc, not crun: crun refuses this machine's hybrid cgroups (v1 with a v2 mount).   [containers.conf]
#   - cgroupfs, not systemd, as the cgroup manager, and events to a file: there is no systemd. [containers.conf]
#   - default_ulimits nofile=20000, nproc=32768: without them the JVMs and PostgreSQL start with podman's
#     low defaults and fail under load.                                                   [containers.conf]
#   - `podman system service` serves the Docker API on a socket of ours, and DOCKER_HOST names it for
#     docker-compose only, in this process: the tests (Testcontainers) never see an engine and keep using
#     embedded PostgreSQL.
#   - docker-compose 1.29 (Debian's), not podman-compose: podman-compose ignores
#     `condition: service_healthy`, so services would start before their database.
#   - Health checks: podman runs them from systemd timers, and there is no systemd; a loop here runs
#     `podman healthcheck run` on every container of the stack every few seconds instead.
#
# Host ports are the compose file's variables (CASE_SERVICE_HOST_PORT ... YARDSTICK_IDP_PORT);
# set them when the defaults are taken (by ./yardstick up, say).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${YARDSTICK_IMAGE_CACHE:-$root/.images}
project=${YARDSTICK_COMPOSE_PROJECT:-yardstick}
replicas=false
keep=false
for argument in "$@"; do
  case $argument in
    --replicas) replicas=true ;;
    --keep) keep=true ;;
    *) echo "usage: ./yardstick containers [--replicas] [--keep]" >&2; exit 2 ;;
  esac
done

export CASE_SERVICE_HOST_PORT=${CASE_SERVICE_HOST_PORT:-50051}
export RATING_SERVICE_HOST_PORT=${RATING_SERVICE_HOST_PORT:-50052}
export REPORT_SERVICE_HOST_PORT=${REPORT_SERVICE_HOST_PORT:-50053}
export REPORT_SERVICE_HTTP_HOST_PORT=${REPORT_SERVICE_HTTP_HOST_PORT:-8080}
export YARDSTICK_IDP_PORT=${YARDSTICK_IDP_PORT:-8090}
export CASE_SERVICE_METRICS_HOST_PORT=${CASE_SERVICE_METRICS_HOST_PORT:-9191}
export RATING_SERVICE_METRICS_HOST_PORT=${RATING_SERVICE_METRICS_HOST_PORT:-9192}
export REPORT_SERVICE_METRICS_HOST_PORT=${REPORT_SERVICE_METRICS_HOST_PORT:-9193}
export YARDSTICK_SECRETS=${YARDSTICK_SECRETS:-$root/secrets}
# The services trust the local provider in its container, reached by its network name.
export YARDSTICK_OIDC_ISSUER=http://identity:8090/yardstick
export YARDSTICK_OIDC_JWKS_URL=http://identity:8090/yardstick/jwks
export YARDSTICK_OIDC_TOKEN_URL=http://identity:8090/yardstick/token
portal="http://localhost:$REPORT_SERVICE_HTTP_HOST_PORT"
# Seconds to wait for every container to be healthy: about a minute on an idle machine, six on one
# whose two cores run eight builds (seen here with --replicas).
patience=${YARDSTICK_HEALTHY_PATIENCE:-600}

say() { printf '[containers] %s\n' "$*"; }
fail() { printf '[containers] FAILED: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }
started=$(now)

# --- the engine ---------------------------------------------------------------------------------
background=()
stop_background() {
  for pid in "${background[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_background EXIT

if docker info >/dev/null 2>&1; then
  engine=docker
  compose_command=(docker-compose)
  docker compose version >/dev/null 2>&1 && compose_command=(docker compose)
elif command -v podman >/dev/null; then
  engine=podman
  [ "$(id -u)" = 0 ] || fail "podman here must be rootful (run as root), or start a Docker engine"
  command -v docker-compose >/dev/null || fail "docker-compose is needed (Debian: apt-get install docker-compose)"
  mkdir -p "$cache/podman"
  cat > "$cache/podman/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_CONF="$cache/podman/containers.conf"
  socket="$cache/podman/podman.sock"
  rm -f "$socket"
  podman system service --time=0 "unix://$socket" > "$cache/podman/service.log" 2>&1 &
  background+=($!)
  for _ in $(seq 50); do [ -S "$socket" ] && break; sleep 0.2; done
  [ -S "$socket" ] || fail "podman system service did not open $socket (see $cache/podman/service.log)"
  compose_command=(env DOCKER_HOST="unix://$socket" docker-compose)
else
  fail "no container engine: start Docker, or install podman, runc and docker-compose (Debian packages)"
fi

profiles=(--profile local)
$replicas && profiles+=(--profile replicas)
compose() { "${compose_command[@]}" -p "$project" -f "$root/docker-compose.yml" "${profiles[@]}" "$@"; }
stack_containers() { $engine ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}}'; }

if [ "$engine" = podman ]; then
  # No systemd to run the health checks: run them here for the life of this command, every 5 s for a
  # container not yet healthy, every 30 s once it is (each service's check starts a JVM: 2 cores are few).
  (
    declare -A last
    while true; do
      for container in $(podman ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}}'); do
        status=$(podman inspect --format '{{.State.Health.Status}}' "$container" 2>/dev/null || true)
        if [ "$status" != healthy ] || [ $(( $(now) - ${last[$container]:-0} )) -ge 30 ]; then
          # Side by side: one slow check (a JVM on a busy machine) must not hold up the others.
          podman healthcheck run "$container" >/dev/null 2>&1 &
          last[$container]=$(now)
        fi
      done
      wait
      sleep 5
    done
  ) &
  background+=($!)
fi

# --- images ---------------------------------------------------------------------------------------
say "images ..."
"$root/deploy/images/build.sh"
# The tag and image id (its configuration's digest) an image tarball holds.
tarball_image() {
  python3 - "$1" <<'EOF'
import hashlib, json, sys, tarfile
with tarfile.open(sys.argv[1]) as archive:
    manifest = json.load(archive.extractfile("manifest.json"))[0]
    print(manifest["RepoTags"][0], hashlib.sha256(archive.extractfile(manifest["Config"]).read()).hexdigest())
EOF
}
for image in "$cache"/*.tar; do
  read -r reference id < <(tarball_image "$image")
  loaded=$($engine image inspect --format '{{.Id}}' "$reference" 2>/dev/null || true)
  # Loading takes a minute on a busy machine: only what the engine does not hold already.
  [ "${loaded#sha256:}" = "$id" ] || $engine load -q -i "$image" >/dev/null
done

# --- secrets (local mode: random, made once, kept with the checkout) --------------------------------
mkdir -p "$YARDSTICK_SECRETS"
chmod 700 "$YARDSTICK_SECRETS"
for secret in case-db-password rating-db-password report-db-password \
              case-service-audit-key rating-service-audit-key report-service-audit-key \
              case-service-client-secret rating-service-client-secret report-service-client-secret; do
  if [ ! -s "$YARDSTICK_SECRETS/$secret" ]; then
    head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$YARDSTICK_SECRETS/$secret"
  fi
  chmod 644 "$YARDSTICK_SECRETS/$secret"  # read inside the containers by their own users
done

# --- up, and wait until healthy -----------------------------------------------------------------
await_healthy() {
  local deadline=$(( $(now) + ${1:-300} )) healthy
  while true; do
    healthy=$($engine ps --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.Status}}' | grep -c '(healthy)' || true)
    [ "$healthy" -ge "$expected" ] && return 0
    if [ "$(now)" -ge "$deadline" ]; then
      $engine ps -a --filter "label=com.docker.compose.project=$project" --format '{{.Names}} {{.Status}}' >&2
      for container in $(stack_containers); do
        echo "--- $container" >&2
        $engine logs --tail 30 "$container" >&2 2>&1 || true
      done
      return 1
    fi
    sleep 2
  done
}

teardown() {
  $keep && { say "left running (--keep): ${compose_command[*]} -p $project ${profiles[*]} down -v stops it"; return; }
  compose down -v --remove-orphans >/dev/null 2>&1 || true
}

say "up ($engine) ..."
compose down -v --remove-orphans >/dev/null 2>&1 || true   # a stack left over from an interrupted run
up_started=$(now)
compose up -d
# Every container of the active profiles exists once `up -d` returns (it waits for service_healthy).
expected=$(stack_containers | wc -l)
await_healthy "$patience" || { teardown; fail "not every container became healthy within $patience s"; }
to_healthy=$(( $(now) - up_started ))
say "all $expected containers healthy ${to_healthy} s after up"

# --- the demo through the stack --------------------------------------------------------------------
demo_log="$cache/demo.log"
say "./yardstick demo ..."
if ! CASE_SERVICE_PORT=$CASE_SERVICE_HOST_PORT RATING_SERVICE_PORT=$RATING_SERVICE_HOST_PORT \
     REPORT_SERVICE_PORT=$REPORT_SERVICE_HOST_PORT REPORT_SERVICE_HTTP_PORT=$REPORT_SERVICE_HTTP_HOST_PORT \
     "$root/yardstick" demo > "$demo_log" 2>&1; then
  cat "$demo_log" >&2
  teardown
  fail "./yardstick demo failed through the containers"
fi
report=$(grep -o 'api/v1/reports/[^/]*/html' "$demo_log" | head -n 1 | cut -d/ -f4)
[ -n "$report" ] || { cat "$demo_log" >&2; teardown; fail "the demo printed no published report"; }
demo_result=$(grep -E 'Done in' "$demo_log" | head -n 1 | sed 's/^ *//; s/\. The published report:/, Kent published/')
ratings=$(grep -iE '[0-9]+/36' "$demo_log" | tail -n 1 | sed 's/^ *//')

# --- every rendition and the open data over HTTP ------------------------------------------------------
checks=0
fetch() { # URL TYPE-PREFIX FILE: the body to FILE, failing unless 200 with that content type
  local answer
  answer=$(curl -sS -o "$3" -w '%{http_code} %{content_type}' "$1") || fail "GET $1: no answer"
  case $answer in
    "200 $2"*) checks=$((checks + 1)) ;;
    *) teardown; fail "GET $1 answered '$answer', not 200 $2" ;;
  esac
}
body="$cache/http"
mkdir -p "$body"
read_everything() { # DIRECTORY: every rendition and the open data, checked, kept in DIRECTORY
  local into=$1
  mkdir -p "$into"
  fetch "$portal/api/v1/reports/$report/html" text/html "$into/report.html"
  grep -q '</html>' "$into/report.html" || fail "the HTML rendition is not a whole page"
  fetch "$portal/api/v1/reports/$report/pdf" application/pdf "$into/report.pdf"
  [ "$(head -c 5 "$into/report.pdf")" = "%PDF-" ] || fail "the PDF rendition is not a PDF"
  fetch "$portal/api/v1/reports/$report/md" text/markdown "$into/report.md"
  grep -q '^# ' "$into/report.md" || fail "the Markdown rendition has no heading"
  fetch "$portal/api/v1/reports/$report/json" application/json "$into/report.json"
  python3 -m json.tool "$into/report.json" >/dev/null || fail "the JSON rendition does not parse"
  for format in html pdf md json; do
    fetch "$portal/api/v1/reports/$report/plan/$format" "" "$into/plan.$format"
  done
  fetch "$portal/api/v1/ratings.csv" text/csv "$into/ratings.csv"
  grep -q "$report\|Kent" "$into/ratings.csv" || fail "ratings.csv does not hold the published report"
  fetch "$portal/api/v1/ratings.json" application/json "$into/ratings.json"
  python3 -m json.tool "$into/ratings.json" >/dev/null || fail "ratings.json does not parse"
  fetch "$portal/" text/html "$into/index.html"
  grep -q "$report" "$into/index.html" || fail "the portal's page does not list the published report"
}
read_everything "$body/before"

# --- each service's metrics after the demo: its calls by method and status --------------------------
scraped=""
scrape() { # SERVICE PORT METHOD: the scrape kept, failing unless it counts METHOD's successful calls
  curl -sS -o "$body/metrics-$1.txt" "http://127.0.0.1:$2/metrics" || { teardown; fail "$1's metrics: no answer"; }
  local line
  line=$(grep "^grpc_server_processing_duration_seconds_count{method=\"$3\"" "$body/metrics-$1.txt" | grep 'statusCode="OK"' | head -n 1)
  [ -n "$line" ] || { teardown; fail "$1's metrics count no successful $3"; }
  scraped+="                  $1: ${line#grpc_server_processing_duration_seconds_count}"$'\n'
}
scrape case-service "$CASE_SERVICE_METRICS_HOST_PORT" UpdateCaseJudgements
scrape rating-service "$RATING_SERVICE_METRICS_HOST_PORT" ComputeRatings
scrape report-service "$REPORT_SERVICE_METRICS_HOST_PORT" PublishReport
say "each service's metrics count the demo's calls"
say "every rendition (HTML, PDF, Markdown, JSON), the plan's, ratings.csv/.json and the portal page answer ($checks checks)"

# --- the data survives down and up --------------------------------------------------------------------
say "down and up ..."
compose down >/dev/null 2>&1
compose up -d >/dev/null 2>&1
await_healthy "$patience" || { teardown; fail "not healthy again after down and up"; }
read_everything "$body/after"
for kept in report.html report.md report.json report.pdf ratings.csv; do
  cmp -s "$body/before/$kept" "$body/after/$kept" || { teardown; fail "$kept changed across down and up"; }
done
say "after down and up the published report and the open data are the same, byte for byte"

# --- sizes, then tear down ----------------------------------------------------------------------------
sizes=$(for name in jre:17 postgres:17 case-service rating-service report-service local-identity; do
  reference="yardstick/$name"; [[ $name == *:* ]] || reference="yardstick/$name:${YARDSTICK_IMAGE_TAG:-latest}"
  bytes=$($engine image inspect --format '{{.Size}}' "$reference" 2>/dev/null || echo 0)
  printf '    %-34s %4d MB\n' "$reference" $(( bytes / 1000000 ))
done)
teardown
trap - EXIT
stop_background

cat <<EOF

== ./yardstick containers: summary ($engine$($replicas && echo ", two replicas of each service"))
  healthy:        all $expected containers ${to_healthy} s after up
  demo:           $demo_result
                  $ratings
                  report $report, through the containers
  over HTTP:      HTML, PDF, Markdown and JSON renditions of the report and of the plan, ratings.csv,
                  ratings.json and the portal page: $checks checks passed (before and after down and up)
  down and up:    the published report and the open data unchanged
  metrics:        calls counted by method and status (Prometheus, loopback ports $CASE_SERVICE_METRICS_HOST_PORT-$REPORT_SERVICE_METRICS_HOST_PORT):
${scraped%$'\n'}
  images:
$sizes
  total:          $(( $(now) - started )) s
EOF
