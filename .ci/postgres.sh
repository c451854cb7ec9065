#!/usr/bin/env bash
# Makes a local PostgreSQL available to the tests of @relais/server and prints its URL on stdout (everything else
# goes to stderr). Idempotent: installs Debian's `postgresql` only when missing, creates a cluster only when none
# exists, starts it only when down, creates the role and database only when absent. Needs root (or sudo).
#   export RELAIS_TEST_DATABASE_URL="$(.ci/postgres.sh)"
set -euo pipefail
ROLE=relais_test
DB=relais_test
PASSWORD=relais_test
PORT=${RELAIS_TEST_PG_PORT:-5432}
log() { echo "[postgres] $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    log "ni root ni sudo : PostgreSQL n'est pas installé ni démarré (les tests du serveur tournent sur PGlite seul)"; exit 1
  fi
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installation du paquet Debian postgresql"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
CLUSTER=$(pg_lsclusters -h 2>/dev/null | awk -v v="$VERSION" '$1 == v { print $2; exit }')
if [ -z "$CLUSTER" ]; then
  CLUSTER=main
  log "création du cluster $VERSION/$CLUSTER"
  $SUDO pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }' | grep -q online; then
  log "démarrage du cluster $VERSION/$CLUSTER (port $PORT)"
  $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

cd /
psql_admin() { $SUDO su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -tAq -c \"$1\"" ; }
for i in $(seq 1 30); do psql_admin 'select 1' >/dev/null 2>&1 && break; sleep 1; done
if [ "$(psql_admin "select 1 from pg_roles where rolname = '$ROLE'")" != 1 ]; then
  log "création du rôle $ROLE"
  psql_admin "create role $ROLE login createdb password '$PASSWORD'" >&2
fi
if [ "$(psql_admin "select 1 from pg_database where datname = '$DB'")" != 1 ]; then
  log "création de la base $DB"
  psql_admin "create database $DB owner $ROLE" >&2
fi
# earthdistance is not a "trusted" extension: a superuser creates the four search extensions once, in the database and
# in template1 (so that the fresh databases the tests create have them too); the migrations then find them there.
for d in template1 "$DB"; do
  su_sql="create extension if not exists unaccent; create extension if not exists pg_trgm; create extension if not exists cube; create extension if not exists earthdistance;"
  $SUDO su postgres -c "psql -p $PORT -d $d -v ON_ERROR_STOP=1 -tAq -c '$su_sql'" >&2
done
echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
