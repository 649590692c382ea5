#!/usr/bin/env bash
# Installs and starts the services the tests talk to: a PostgreSQL server on loopback, and Debian's Chromium (with a
# Korean font for readable screenshots) for the portal's browser test.
# Idempotent: safe to run on a machine that already has them.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq
  # debconf's "delaying package configuration, since apt-utils is not installed" is noise on every fresh machine.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2> >(grep -v '^debconf: ' >&2)
fi

# The portal's browser test drives Debian's Chromium through Playwright (never Playwright's own browser download).
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi nanum; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null 2> >(grep -v '^debconf: ' >&2)
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -q && break
  sleep 1
done

# A role and database for the tests; the password is for this loopback-only test server.
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='blindspot'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE blindspot LOGIN SUPERUSER PASSWORD 'blindspot'\""
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='blindspot_test'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE DATABASE blindspot_test OWNER blindspot\""
echo "postgresql $version running on 127.0.0.1:5432 (database blindspot_test)"
