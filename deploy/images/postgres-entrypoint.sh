#!/bin/sh
# PostgreSQL 17 in Yardstick's own image (deploy/images/build.sh): the server binaries the build
# takes from Maven Central (zonky), Debian's client 15 for pg_isready. Honours what the official
# image does that compose files rely on: POSTGRES_USER (postgres), POSTGRES_PASSWORD (required:
# no default), POSTGRES_DB (the user's name), PGDATA, and each as *_FILE, a file holding the value.
set -eu

from_file() {
  eval "file=\${${1}_FILE:-}"
  if [ -n "$file" ]; then
    eval "$1=\$(cat \"\$file\")"
    export "$1"
  fi
}
from_file POSTGRES_USER
from_file POSTGRES_PASSWORD
from_file POSTGRES_DB
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
PGDATA=${PGDATA:-/var/lib/postgresql/data}
export PGDATA

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) must be set: the database has no default password" >&2
    exit 1
  fi
  case "$POSTGRES_DB" in
    *[!A-Za-z0-9_]*) echo "POSTGRES_DB must be letters, digits and _ only" >&2; exit 1 ;;
  esac
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  password_file=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  # Over the socket inside the container, trust (as the official image); over the network, a password.
  initdb --username="$POSTGRES_USER" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    # Single-user mode: no server listens before the database exists, so no health check passes early.
    echo "CREATE DATABASE \"$POSTGRES_DB\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "PostgreSQL initialised in $PGDATA: user $POSTGRES_USER, database $POSTGRES_DB"
fi
unset POSTGRES_PASSWORD
# Debian's client looks for the socket in /var/run/postgresql; the zonky server's default is /tmp.
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
