#!/usr/bin/env bash
# Builds a Debian package of peerconsult (the static release build, its manual page and shell
# completions) with dpkg-deb, for machines without a Swift toolchain:
#
#   Scripts/build-deb.sh                  # writes peerconsult_VERSION_ARCH.deb here
#   Scripts/build-deb.sh --output DIR     # into DIR
#   Scripts/build-deb.sh --binary FILE    # packages FILE instead of building (tests)
#
# Then, on the facilitator's machine: sudo apt install ./peerconsult_VERSION_ARCH.deb
# (apt fetches the few system libraries it depends on); sudo apt remove peerconsult removes it.
#
# Depends is computed from the libraries the binary actually loads (objdump -p's NEEDED
# entries) by dpkg-shlibdeps, as Debian's own packages do (apt-get install dpkg-dev).
# Maintainer: $DEBFULLNAME <$DEBEMAIL> if set, else git's user.name and user.email.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

output="$PWD"
binary_option=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output)
      [[ $# -ge 2 && -n "$2" ]] || { echo "build-deb.sh: --output needs a folder" >&2; exit 2; }
      output="$2"; shift 2 ;;
    --binary)
      [[ $# -ge 2 && -n "$2" ]] || { echo "build-deb.sh: --binary needs a built peerconsult" >&2; exit 2; }
      binary_option=(--binary "$2"); shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb.sh: unknown option '$1'; see Scripts/build-deb.sh --help" >&2; exit 2 ;;
  esac
done
[[ -d "$output" ]] || { echo "build-deb.sh: $output is not a folder; create it or choose another with --output" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "build-deb.sh: $tool is missing: apt-get install dpkg-dev" >&2
    exit 1
  }
done

maintainer_name="${DEBFULLNAME:-$(git -C "$root" config user.name || true)}"
maintainer_email="${DEBEMAIL:-$(git -C "$root" config user.email || true)}"
[[ -n "$maintainer_name" && -n "$maintainer_email" ]] || {
  echo "build-deb.sh: no maintainer: set DEBFULLNAME and DEBEMAIL (or git's user.name and user.email)" >&2
  exit 1
}

# The package is for machines without Swift: a binary that loads the Swift runtime from a
# toolchain (a debug build, or a release build without --static-swift-stdlib) would not start.
refuse_swift_runtime() {
  local runtime
  [[ -f "$1" ]] || { echo "build-deb.sh: $1 is not a file; give a built peerconsult to --binary" >&2; exit 1; }
  runtime="$(objdump -p "$1" | awk '$1 == "NEEDED" && $2 ~ /^libswift|^libFoundation|^libdispatch/ {print $2}' | head -1)"
  [[ -z "$runtime" ]] || {
    echo "build-deb.sh: this peerconsult needs the Swift runtime ($runtime): build it with swift build -c release --static-swift-stdlib, or leave out --binary" >&2
    exit 1
  }
}
# A given binary is checked before anything is staged, so the refusal is the only line.
[[ ${#binary_option[@]} -eq 0 ]] || refuse_swift_runtime "${binary_option[1]}"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/peerconsult-deb.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
stage="$scratch/root"

# The package goes to other machines, whose C library may be older than this one's: the program
# is built without the packed relocations that would need this machine's glibc 2.36
# (Package.swift), and one given with --binary that has them gets that glibc in Depends (below).
export PEERCONSULT_PORTABLE_BUILD=1
# The same files install.sh puts in ~/.local, under /usr, where Debian's tools look.
"$root/Scripts/install.sh" --prefix "$stage/usr" "${binary_option[@]}" >"$scratch/install.log" || {
  cat "$scratch/install.log" >&2
  exit 1
}
refuse_swift_runtime "$stage/usr/bin/peerconsult"
# Debian's zsh reads packaged completions from vendor-completions, not site-functions.
mkdir -p "$stage/usr/share/zsh/vendor-completions"
mv "$stage/usr/share/zsh/site-functions/_peerconsult" "$stage/usr/share/zsh/vendor-completions/"
rmdir "$stage/usr/share/zsh/site-functions"
[[ -f "$stage/usr/share/man/man1/peerconsult.1.gz" ]] || {
  echo "build-deb.sh: no manual page was made (see above); a package ships one" >&2
  exit 1
}

version="$("$stage/usr/bin/peerconsult" --version | head -1)"
architecture="$(dpkg --print-architecture)"

# dpkg-shlibdeps reads a debian/control of the source; a minimal one in the scratch folder.
mkdir -p "$scratch/src/debian"
printf 'Source: peerconsult\n\nPackage: peerconsult\nArchitecture: any\n' >"$scratch/src/debian/control"
depends="$(cd "$scratch/src" && dpkg-shlibdeps -O "$stage/usr/bin/peerconsult" 2>"$scratch/shlibdeps.log" \
  | sed -n 's/^shlibs:Depends=//p')" || {
  cat "$scratch/shlibdeps.log" >&2
  exit 1
}
[[ -n "$depends" ]] || { echo "build-deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# dpkg-shlibdeps reads the versions of the symbols the program uses, and GLIBC_ABI_DT_RELR names
# no symbol: a program whose relocations are packed (a build for its own machine, Package.swift)
# needs glibc 2.36 without dpkg-shlibdeps saying so, and would not start on an older one.
if objdump -p "$stage/usr/bin/peerconsult" | grep -qw GLIBC_ABI_DT_RELR; then
  floor="$(sed -n -E 's/.*libc6 \(>= ([^)]+)\).*/\1/p' <<<"$depends")"
  if [[ -z "$floor" ]]; then
    depends="libc6 (>= 2.36), $depends"
  elif dpkg --compare-versions "$floor" lt 2.36; then
    depends="$(sed -E 's/libc6 \(>= [^)]+\)/libc6 (>= 2.36)/' <<<"$depends")"
  fi
fi

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<EOF
Package: peerconsult
Version: $version
Architecture: $architecture
Maintainer: $maintainer_name <$maintainer_email>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Section: utils
Priority: optional
Description: facilitate peer-consulting sessions in the terminal
 PeerConsult walks a facilitator through a live peer-consulting session
 (presentation, powerful questions, sense-making, feedback), keeps a
 transcript that cannot be lost, and lets the group review, search and
 share what was learned. Run "peerconsult" to open the home screen.
EOF
find "$stage" -type d -exec chmod 0755 {} +

package="$(cd "$output" && pwd)/peerconsult_${version}_${architecture}.deb"
# Files owned by root in the package, whoever builds it (no fakeroot needed). gzip rather than
# dpkg-deb's default xz: xz took minutes of CPU for the 66 MB program on a busy machine, gzip
# seconds, for a package a few megabytes larger that every dpkg can read.
dpkg-deb --build --root-owner-group -Zgzip "$stage" "$package" >/dev/null
echo "Built $package"
echo "Install it with: sudo apt install $package   (remove with: sudo apt remove peerconsult)"
