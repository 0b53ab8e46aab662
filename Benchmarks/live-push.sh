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
source "$(dirname "$0")/throwaway-cluster.sh" live-push
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
