#!/usr/bin/env bash
# A live note's commit with the shared store's background push on and off (Docs/PERFORMANCE.md,
# "The live session's background push"), against a throwaway PostgreSQL cluster on 127.0.0.1
# (stopped and removed at the end). In process: `pc-bench --live-push`.
#
#   Benchmarks/live-push.sh BINARY PC-BENCH [--quick]
#
# BINARY: a release `peerconsult` (sets up the store); PC-BENCH: the release `pc-bench`.
set -euo pipefail
binary=$(realpath "$1")
bench=$(realpath "$2")
shift 2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
scratch=$(mktemp -d /tmp/pc-live-push-XXXXXX)
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
export PGPASSWORD=bench-password HOME="$scratch"
mkdir -m 700 "$scratch/on" "$scratch/off"
"$binary" store init "postgres://postgres@127.0.0.1:$port/bench?sslmode=disable" \
  --data-dir "$scratch/on" >/dev/null
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d bench -c "
  CREATE ROLE facilitator LOGIN PASSWORD 'bench-password';
  GRANT peerconsult_facilitator TO facilitator;
  INSERT INTO peerconsult.programmes (name) VALUES ('Alcohol Plan');
  INSERT INTO peerconsult.grants SELECT 'facilitator', id FROM peerconsult.programmes;"
"$binary" store add bench "postgres://facilitator@127.0.0.1:$port/bench?sslmode=disable" \
  --data-dir "$scratch/on" >/dev/null
"$binary" store attach bench "Alcohol Plan" --data-dir "$scratch/on" >/dev/null
"$binary" list --data-dir "$scratch/off" >/dev/null 2>&1 || true
echo "load before: $(uptime)"
"$bench" --binary "$binary" --data "$scratch" --results "$scratch" \
  --live-push "$scratch/on" --live-push-off "$scratch/off" "$@"
echo "load after: $(uptime)"
echo "events on the server: $(psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d bench \
  -c 'SELECT count(*) FROM peerconsult.session_events')"
