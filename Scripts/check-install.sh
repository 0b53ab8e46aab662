#!/usr/bin/env bash
# Checks the two ways to install without a toolchain end to end, on the static release build:
# install.sh into a temporary prefix, the installed program run from elsewhere with no
# toolchain on PATH, then build-deb.sh, the package's control file and contents, and its
# program run from the unpacked package. Prints each check and the time each step took;
# exits 1 at the first that fails.
#
#   Scripts/check-install.sh                 # builds the static release binary first (slow)
#   Scripts/check-install.sh --binary FILE   # checks an already built static binary
#
# Not part of `swift test`: the release build takes minutes (the test suite checks install.sh
# on the debug build instead, InstallScriptTests). Needs dpkg-dev (dpkg-shlibdeps) and man-db.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary=""
if [[ "${1:-}" == "--binary" ]]; then
  [[ -n "${2:-}" ]] || { echo "check-install.sh: --binary needs a file" >&2; exit 2; }
  binary="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
elif [[ $# -gt 0 ]]; then
  echo "check-install.sh: unknown option '$1'; see the comment at the top of Scripts/check-install.sh" >&2
  exit 2
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/peerconsult-check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
seconds() { echo "$(($(date +%s%N) - $1))" | awk '{printf "%.1f s", $1 / 1e9}'; }

if [[ -z "$binary" ]]; then
  started=$(date +%s%N)
  (cd "$root" && swift build -c release --static-swift-stdlib --product peerconsult)
  binary="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/peerconsult"
  pass "static release build ($(seconds "$started"))"
fi
! objdump -p "$binary" | grep -qE 'NEEDED +lib(swift|Foundation|dispatch)' \
  || fail "$binary loads the Swift runtime: build it with --static-swift-stdlib"
pass "the binary needs no Swift runtime ($(du -m "$binary" | cut -f1) MB before stripping)"

# install.sh, into a prefix, then used with only the system's folders on PATH.
prefix="$scratch/prefix"
started=$(date +%s%N)
"$root/Scripts/install.sh" --binary "$binary" --prefix "$prefix" >"$scratch/install.log" 2>&1 \
  || { cat "$scratch/install.log"; fail "install.sh"; }
pass "install.sh --prefix ($(seconds "$started"); $(du -m "$prefix/bin/peerconsult" | cut -f1) MB installed)"
elsewhere="$scratch/elsewhere"
mkdir -p "$elsewhere"
run() { env -i -C "$elsewhere" HOME="$elsewhere" LANG=C.UTF-8 PATH="$prefix/bin:/usr/bin:/bin" "$@"; }
[[ "$(run peerconsult --version)" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "peerconsult --version from the prefix"
pass "peerconsult --version from $prefix/bin: $(run peerconsult --version)"
run peerconsult --help | grep -q "^USAGE: peerconsult" || fail "peerconsult --help from the prefix"
pass "peerconsult --help from the prefix"
[[ "$(stat -c %a "$prefix/bin/peerconsult")" == 755 ]] || fail "the installed program is not 0755"
MANWIDTH=80 man -l "$prefix/share/man/man1/peerconsult.1.gz" 2>/dev/null | grep -q "peerconsult" \
  || fail "man -l of the installed page"
pass "man page renders"
for file in share/bash-completion/completions/peerconsult share/zsh/site-functions/_peerconsult \
  share/fish/vendor_completions.d/peerconsult.fish; do
  [[ -s "$prefix/$file" ]] || fail "no $file"
done
completed="$(bash -c 'source "$1"; COMP_WORDS=(peerconsult li); COMP_CWORD=1; COMP_LINE="peerconsult li"
  COMP_POINT=${#COMP_LINE}; _peerconsult peerconsult li peerconsult; echo "${COMPREPLY[*]}"' _ \
  "$prefix/share/bash-completion/completions/peerconsult")"
[[ "$completed" == list ]] || fail "bash completion of 'peerconsult li' gave '$completed'"
pass "completions installed; bash completes 'peerconsult li' to 'list'"
"$root/Scripts/install.sh" --uninstall --prefix "$prefix" >/dev/null
[[ -z "$(find "$prefix" -type f)" ]] || fail "--uninstall left $(find "$prefix" -type f | head -1)"
pass "install.sh --uninstall removes every file"

# build-deb.sh, and what dpkg-deb says of the package.
started=$(date +%s%N)
"$root/Scripts/build-deb.sh" --binary "$binary" --output "$scratch" >"$scratch/deb.log" 2>&1 \
  || { cat "$scratch/deb.log"; fail "build-deb.sh"; }
package="$(ls "$scratch"/peerconsult_*.deb)"
pass "build-deb.sh ($(seconds "$started"); $(du -m "$package" | cut -f1) MB package)"
info="$(dpkg-deb --info "$package")"
for field in "Package: peerconsult" "Version: " "Architecture: $(dpkg --print-architecture)" \
  "Maintainer: " "Depends: " "libncursesw6" "libtinfo6" "libsqlite3-0" "libyaml-0-2" "Description: "; do
  grep -qF "$field" <<<"$info" || fail "control file has no '$field'"
done
if objdump -p "$binary" | grep -qw GLIBC_ABI_DT_RELR; then
  grep -qF "libc6 (>= 2.36)" <<<"$info" || fail "the program's packed relocations need libc6 (>= 2.36)"
fi
pass "control: $(grep '^ Depends:' <<<"$info" | sed 's/^ //')"
contents="$(dpkg-deb --contents "$package")"
for entry in "-rwxr-xr-x root/root .* ./usr/bin/peerconsult$" \
  "-rw-r--r-- root/root .* ./usr/share/man/man1/peerconsult.1.gz$" \
  "-rw-r--r-- root/root .* ./usr/share/bash-completion/completions/peerconsult$" \
  "-rw-r--r-- root/root .* ./usr/share/zsh/vendor-completions/_peerconsult$" \
  "-rw-r--r-- root/root .* ./usr/share/fish/vendor_completions.d/peerconsult.fish$"; do
  grep -qE -- "$entry" <<<"$contents" || fail "package contents have no line matching '$entry'"
done
pass "contents: the program (0755, root), the manual page (gz) and three completions"
dpkg-deb -x "$package" "$scratch/unpacked"
[[ "$(env -i -C "$elsewhere" PATH=/usr/bin:/bin "$scratch/unpacked/usr/bin/peerconsult" --version)" \
  == "$(dpkg-deb -f "$package" Version)" ]] || fail "the packaged program's --version"
pass "the unpacked package's program runs and its --version is the package's version"
echo "All checks passed."
