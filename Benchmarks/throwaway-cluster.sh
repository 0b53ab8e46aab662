# Sourced by the store's benchmark scripts: starts a throwaway PostgreSQL cluster on 127.0.0.1
# (the newest installed, run as `postgres` when the script runs as root) with an empty database
# `bench`, in a new folder under /tmp that is stopped and removed when the script exits.
#
#   source "$(dirname "$0")/throwaway-cluster.sh" NAME   # sets bin, scratch, port, as_pg
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
scratch=$(mktemp -d "/tmp/pc-$1-XXXXXX")
port=$((20000 + RANDOM % 20000))
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$bin/pg_ctl" -D "$scratch/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$scratch"
as_pg "$bin/initdb" -D "$scratch/pg" -U postgres --auth=trust -E UTF8 >/dev/null
printf 'host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' \
  >"$scratch/pg/pg_hba.conf"
as_pg "$bin/pg_ctl" -D "$scratch/pg" -l "$scratch/pg.log" -w -o \
  "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$scratch" start >/dev/null
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "CREATE DATABASE bench"
