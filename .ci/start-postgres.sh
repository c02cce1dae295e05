#!/usr/bin/env bash
# Starts the PostgreSQL 15 cluster that the tests use, listening on 127.0.0.1 and the Unix
# socket only, and creates the role and database of FSD_TEST_POSTGRES (see .ci/run). Run as
# root on Debian 12 after packaging/install-dependencies.sh --tests.
set -euo pipefail

version=15
cluster=main
role=fsd_test
database=fsd_test
# A throwaway password for a server that only loopback clients reach.
password=fsd_test

# The Debian package creates the cluster on installation, except where its configuration
# (create_main_cluster) turns that off.
if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "$version $cluster"; then
    pg_createcluster "$version" "$cluster"
fi

conf_dir="/etc/postgresql/$version/$cluster/conf.d"
mkdir -p "$conf_dir"
# The cluster contains only the tests' scratch schemas, so it skips flushing to disk. With
# fsync on, every commit waited for the disk: tst_eventerrors took 152 s instead of 59 s on
# PostgreSQL on a loaded 2-core VM.
cat > "$conf_dir/fsdirector-tests.conf" <<'CONF'
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

if pg_lsclusters --no-header | awk '{print $1, $2, $4}' | grep -qx "$version $cluster online"; then
    pg_ctlcluster "$version" "$cluster" restart -- --timeout=600
else
    pg_ctlcluster "$version" "$cluster" start
fi

as_postgres() {
    runuser -u postgres -- "$@"
}

if [[ -z "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]]; then
    as_postgres psql -v ON_ERROR_STOP=1 -c "CREATE ROLE $role LOGIN PASSWORD '$password'"
fi
if [[ -z "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]]; then
    as_postgres createdb -O "$role" "$database"
fi
echo "PostgreSQL $version/$cluster is running on 127.0.0.1:5432 with database $database."
