#!/usr/bin/env bash
# The shared store's figures (Docs/PERFORMANCE.md, "Syncing with a shared store"): the first
# sync of a programme of 1,000 sessions / 100,000 notes, a sync with nothing new, and a sync of
# one event, beside `psql \copy` of the same rows and a single INSERT round trip, in the same
# run, against a throwaway PostgreSQL cluster on 127.0.0.1 (stopped and removed at the end).
#
#   Benchmarks/store-sync.sh BINARY DATA
#
# BINARY: a release `peerconsult`; DATA: a data folder made by `pc-bench --prepare` (1,000
# sessions of 100 notes in ten programmes, all shared). The folder is copied; it is not changed.
set -euo pipefail
binary=$(realpath "$1")
source_data=$(realpath "$2")
source "$(dirname "$0")/throwaway-cluster.sh" store-bench
psql_su() { psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d bench "$@"; }

data="$scratch/data"
mkdir -m 700 "$data"
sqlite3 "$source_data/peerconsult.sqlite" ".backup $data/peerconsult.sqlite"
# Every programme in the folder is shared, so the sync sends all of its sessions (a folder of
# `pc-bench --prepare` holds ten programmes of 100 sessions).
programmes_sql=$(sqlite3 "$data/peerconsult.sqlite" \
  "SELECT group_concat('(''' || replace(programme, '''', '''''') || ''')', ', ')
   FROM (SELECT DISTINCT programme FROM sessions)")
export PGPASSWORD=bench-password HOME="$scratch"
run() { "$binary" "$@" --data-dir "$data"; }
run store init "postgres://postgres@127.0.0.1:$port/bench?sslmode=disable" >/dev/null
psql_su -q -c "CREATE ROLE facilitator LOGIN PASSWORD 'bench-password';
  GRANT peerconsult_facilitator TO facilitator;
  INSERT INTO peerconsult.programmes (name) VALUES $programmes_sql;
  INSERT INTO peerconsult.grants SELECT 'facilitator', id FROM peerconsult.programmes;"
run store add bench "postgres://facilitator@127.0.0.1:$port/bench?sslmode=disable" >/dev/null
sqlite3 "$data/peerconsult.sqlite" "SELECT DISTINCT programme FROM sessions" |
  while IFS= read -r programme; do run store attach bench "$programme" >/dev/null; done

timed() { /usr/bin/time -f "%e s, %M KB max resident" "$@" 2>&1 >/dev/null | tail -1; }
echo "load: $(uptime)"
echo "events: $(sqlite3 "$data/peerconsult.sqlite" 'SELECT count(*) FROM events'), notes: $(sqlite3 "$data/peerconsult.sqlite" 'SELECT count(*) FROM notes')"
echo "first sync (whole process):        $(timed "$binary" sync bench --data-dir "$data")"
echo "sync with nothing new:             $(timed "$binary" sync bench --data-dir "$data")"
# One event: the server loses a session's last event and the folder forgets it had sent it,
# so the next sync sends exactly that one event, as after a note written since.
session=$(sqlite3 "$data/peerconsult.sqlite" "SELECT id FROM sessions ORDER BY id LIMIT 1")
last=$(sqlite3 "$data/peerconsult.sqlite" "SELECT last_seq FROM sessions WHERE id = '$session'")
psql_su -q -c "DELETE FROM peerconsult.session_events WHERE session_id = '$session' AND seq = $last;
  UPDATE peerconsult.sessions SET last_seq = $last - 1 WHERE id = '$session';"
sqlite3 "$data/peerconsult.sqlite" \
  "UPDATE store_streams SET synced_seq = $last - 1 WHERE id = '$session'"
echo "sync of one event:                 $(timed "$binary" sync bench --data-dir "$data")"

# Baselines: the same rows through psql's \copy, and one INSERT.
sqlite3 -csv "$data/peerconsult.sqlite" \
  "SELECT session_id, seq, at, type, payload FROM events" >"$scratch/events.csv"
psql_su -q -c "CREATE TABLE copied (LIKE peerconsult.session_events INCLUDING DEFAULTS);
  CREATE TABLE inserted (LIKE peerconsult.session_events INCLUDING DEFAULTS);"
echo "psql \\copy of the same rows:       $(timed psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d bench \
  -c "\\copy copied (session_id, seq, at, type, payload) FROM '$scratch/events.csv' WITH (FORMAT csv)")"
echo "psql, one INSERT (whole process):  $(timed psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d bench \
  -c "INSERT INTO inserted (session_id, seq, at, type, payload) VALUES ('$session', 1, 0, 'noteAdded', '{}')")"
echo "rows on the server: $(psql_su -c 'SELECT count(*) FROM peerconsult.session_events'), copied: $(psql_su -c 'SELECT count(*) FROM copied')"
