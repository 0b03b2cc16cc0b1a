#!/usr/bin/env bash
# PostgreSQL + PostGIS from Debian's packages, for tests/test_postgis.py and `make demo-postgis`.
# Package names by release: the metapackage `postgresql` (the release's default version) and the virtual
# `postgresql-postgis` (provided by postgresql-<version>-postgis-3). No cluster is started here:
# scripts/postgis_cluster.py starts a throw-away one under build/postgis when a test needs it.
set -euo pipefail
have_postgis() {
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
if have_postgis && command -v psql >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: postgresql postgresql-postgis (for the PostGIS tests)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends postgresql postgresql-postgis >/dev/null 2>&1 || {
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql postgresql-postgis >/dev/null; }
else
  echo "PostgreSQL/PostGIS missing: sudo apt-get install postgresql postgresql-postgis" >&2
  exit 1
fi
have_postgis
