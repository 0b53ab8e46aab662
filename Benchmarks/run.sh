#!/usr/bin/env bash
# Runs every benchmark and prints one table: figure, ours, baseline, ratio, goal.
#
#   Benchmarks/run.sh            # the figures in Docs/PERFORMANCE.md (about 5 minutes once built)
#   Benchmarks/run.sh --quick    # fewer repetitions, for a look
#   Benchmarks/run.sh --long     # adds timer accuracy over 10 minutes
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
echo "== synthetic data (generated once, then kept)" >&2
"$bench" --prepare --binary "$binary" --data "$data" --results "$results"

echo "== in-process benchmarks (package-benchmark)" >&2
rm -f "$results"/*.jmh
PEERCONSULT_BENCH_DATA="$data" swift package --allow-writing-to-package-directory benchmark \
  --format jmh --path "$results" --no-progress >&2

echo "== whole-process benchmarks" >&2
"$bench" --binary "$binary" --data "$data" --results "$results" "$@"
