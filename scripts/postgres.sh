#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite: its own data directory, a Unix socket only
# (no TCP port), stopped and removed when the calling shell exits. Source this file, then call
# `start_test_postgres`; it exports KEUZEHULP_TEST_POSTGRES_URL for tests/conftest.py.
# Installs Debian's postgresql package when no server binaries are found.

_pg_bin() {
  local map
  for map in /usr/lib/postgresql/*/bin; do
    if [ -x "$map/initdb" ] && [ -x "$map/pg_ctl" ]; then
      echo "$map"
    fi
  done | sort -V | tail -n 1
}

_pg_installeer() {
  echo "PostgreSQL-server installeren (Debian-pakket postgresql) voor de tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  else
    echo "De tests hebben een PostgreSQL-server nodig. Installeer eerst (als beheerder):" \
      "apt-get install postgresql" >&2
    return 1
  fi
}

start_test_postgres() {
  local bin map eigenaar als
  bin="$(_pg_bin)"
  if [ -z "$bin" ]; then
    _pg_installeer || return 1
    bin="$(_pg_bin)"
  fi
  if [ -z "$bin" ]; then
    echo "Geen PostgreSQL-server gevonden, ook niet na installatie (/usr/lib/postgresql/*/bin)." >&2
    return 1
  fi
  # PostgreSQL refuses to run as root: as root the server runs as the 'postgres' user that
  # Debian's package creates.
  als=()
  eigenaar="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "Gebruiker 'postgres' ontbreekt; installeer het Debian-pakket postgresql." >&2
      return 1
    fi
    als=(runuser -u postgres --)
    eigenaar=postgres
  fi
  map="$(mktemp -d /tmp/keuzehulp-pg.XXXXXX)"
  chmod 755 "$map"
  [ "$eigenaar" = postgres ] && chown postgres: "$map"
  KEUZEHULP_PG_MAP="$map"
  KEUZEHULP_PG_BIN="$bin"
  KEUZEHULP_PG_ALS=("${als[@]}")
  trap stop_test_postgres EXIT
  if ! "${als[@]}" "$bin/initdb" -D "$map/data" -U keuzehulp_test -A trust -E UTF8 \
      --locale=C.UTF-8 >"$map/initdb.log" 2>&1; then
    echo "PostgreSQL: initdb mislukt, zie $map/initdb.log:" >&2
    tail -n 20 "$map/initdb.log" >&2
    return 1
  fi
  # No TCP at all; speed over durability (the data is thrown away).
  if ! "${als[@]}" "$bin/pg_ctl" -D "$map/data" -l "$map/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k $map -c fsync=off -c synchronous_commit=off \
          -c full_page_writes=off -c max_connections=200" start >/dev/null; then
    echo "PostgreSQL: de testserver start niet, zie $map/server.log:" >&2
    tail -n 20 "$map/server.log" >&2
    return 1
  fi
  export KEUZEHULP_TEST_POSTGRES_URL="postgresql+psycopg://keuzehulp_test@/postgres?host=$map"
  echo "PostgreSQL-testserver draait ($("$bin/postgres" --version)), socket in $map"
}

stop_test_postgres() {
  if [ -n "${KEUZEHULP_PG_MAP:-}" ] && [ -d "$KEUZEHULP_PG_MAP/data" ]; then
    "${KEUZEHULP_PG_ALS[@]}" "$KEUZEHULP_PG_BIN/pg_ctl" -D "$KEUZEHULP_PG_MAP/data" -m immediate \
      stop >/dev/null 2>&1 || true
  fi
  [ -n "${KEUZEHULP_PG_MAP:-}" ] && rm -rf "$KEUZEHULP_PG_MAP"
  KEUZEHULP_PG_MAP=""
}
