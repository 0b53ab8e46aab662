#!/usr/bin/env bash
# Writes peerconsult's manual page, peerconsult.1, into FOLDER, generated from the program's own
# help by swift-argument-parser's generate-manual tool (the tool behind its GenerateManual
# plugin), so the page always lists the commands and options the binary has.
#
#   Scripts/generate-manual.sh BINARY FOLDER [--no-build]
#
# The tool is built once through the plugin (`swift package generate-manual --help`, from the
# package's checkout of swift-argument-parser, no network) and then reused from .build. The
# plugin's own `swift package generate-manual` would also rebuild every product in release
# mode without the static Swift runtime, replacing the binary install.sh just built, which is
# why the tool is run here on the binary given. With --no-build (installing a binary without
# a toolchain), a tool not already built is reported and the page is not made (status 1).
# The page is dated from the last commit, so the same sources give the same page.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[[ $# -ge 2 ]] || { echo "usage: Scripts/generate-manual.sh BINARY FOLDER [--no-build]" >&2; exit 2; }
binary="$1"; folder="$2"; build=true
[[ "${3:-}" == "--no-build" ]] && build=false

find_tool() { find "$root/.build" -maxdepth 3 -path '*/debug/generate-manual-tool' -type f -perm -u+x 2>/dev/null | head -1; }
tool="$(find_tool)"
if [[ -z "$tool" ]] && $build && command -v swift >/dev/null 2>&1; then
  (cd "$root" && swift package generate-manual --help >/dev/null)
  tool="$(find_tool)"
fi
[[ -n "$tool" ]] || {
  echo "generate-manual.sh: swift-argument-parser's generate-manual tool is not built; build it with: swift package generate-manual --help" >&2
  exit 1
}
date="$(git -C "$root" log -1 --format=%cs 2>/dev/null || date -u +%F)"
"$tool" "$binary" --date "$date" --output-directory "$folder"
[[ -s "$folder/peerconsult.1" ]] || { echo "generate-manual.sh: the tool wrote no peerconsult.1 into $folder" >&2; exit 1; }
