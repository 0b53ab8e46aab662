#!/usr/bin/env bash
# Runs every benchmark and prints one table: figure, ours, baseline, ratio, goal.
#
#   Benchmarks/run.sh            # the figures in Docs/PERFORMANCE.md (about 5 minutes once built)
#   Benchmarks/run.sh --quick    # fewer repetitions, for a look
#   Benchmarks/run.sh --long     # adds timer accuracy over 10 minutes
#   Benchmarks/run.sh --scale 1000 [--before OTHER-PEERCONSULT] [--quick] [--search]
#                                # list, search, show, check, review and home at 1,000
#                                # sessions, each beside an empty data folder (and beside
#                                # another build of peerconsult, to compare), then eight
#                                # searches in both orders beside grep -ri over the Markdown
#                                # export (--search: those alone); --scale 10000 for a million
#                                # notes (Zipf vocabulary, CJK; about 35 minutes to generate)
#
# Builds release binaries in Benchmarks/.build; generated data is kept in
# Benchmarks/.build/bench-data (delete it to generate again). Not part of CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/.build/bench-data"
results="$here/.build/bench-results"
mkdir -p "$data" "$results"
cd "$here"

echo "== building (release)" >&2
swift build -c release --product peerconsult >&2
swift build -c release --product pc-bench >&2
binary="$(swift build -c release --show-bin-path)/peerconsult"

bench="$(swift build -c release --show-bin-path)/pc-bench"
if [[ "${1:-}" == "--scale" ]]; then
  echo "== synthetic data for $2 sessions (generated once, then kept)" >&2
  "$bench" --prepare --scale "$2" --binary "$binary" --data "$data" --results "$results"
  echo "== whole-process figures at $2 sessions" >&2
  "$bench" --binary "$binary" --data "$data" --results "$results" "$@"
  exit 0
fi
echo "== synthetic data (generated once, then kept)" >&2
"$bench" --prepare --binary "$binary" --data "$data" --results "$results"

echo "== in-process benchmarks (package-benchmark)" >&2
rm -f "$results"/*.jmh
PEERCONSULT_BENCH_DATA="$data" swift package --allow-writing-to-package-directory benchmark \
  --format jmh --path "$results" --no-progress >&2

echo "== whole-process benchmarks" >&2
"$bench" --binary "$binary" --data "$data" --results "$results" "$@"
