#!/usr/bin/env bash
# Builds peerconsult as one self-contained program (release, Swift runtime linked statically)
# and installs it for the current user, with its manual page and shell completions, so that
# it runs without a Swift toolchain and without `swift run`.
#
#   Scripts/install.sh                   # into ~/.local (bin, share/man, completions)
#   Scripts/install.sh --prefix DIR      # into DIR/bin, DIR/share/...
#   Scripts/install.sh --uninstall       # removes what an install put there (never your data)
#   Scripts/install.sh --binary FILE     # installs FILE instead of building (tests, packaging)
#
# Installed, under PREFIX:
#   bin/peerconsult                                      the program (0755)
#   share/man/man1/peerconsult.1.gz                      `man peerconsult`
#   share/bash-completion/completions/peerconsult        bash (bash-completion reads it)
#   share/zsh/site-functions/_peerconsult                zsh (add the folder to fpath)
#   share/fish/vendor_completions.d/peerconsult.fish     fish
#
# The manual page comes from swift-argument-parser's generate-manual tool, built from the
# package's own checkout (no network once the package is resolved; Scripts/generate-manual.sh);
# with --binary the tool is only used if already built, else the page is left out with a note. The completions come from the program itself
# (`peerconsult --generate-completion-script SHELL`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

prefix="$HOME/.local"
binary=""
uninstall=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix)
      [[ $# -ge 2 && -n "$2" ]] || { echo "install.sh: --prefix needs a folder, e.g. --prefix ~/.local" >&2; exit 2; }
      prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --binary)
      [[ $# -ge 2 && -n "$2" ]] || { echo "install.sh: --binary needs a built peerconsult, e.g. --binary .build/release/peerconsult" >&2; exit 2; }
      binary="$2"; shift 2 ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1'; see Scripts/install.sh --help" >&2; exit 2 ;;
  esac
done
[[ -n "$prefix" ]] || { echo "install.sh: --prefix is empty; give a folder" >&2; exit 2; }
prefix="${prefix%/}"

# Every file an install puts under the prefix, relative to it.
program=bin/peerconsult
manual=share/man/man1/peerconsult.1.gz
bash_completion=share/bash-completion/completions/peerconsult
zsh_completion=share/zsh/site-functions/_peerconsult
fish_completion=share/fish/vendor_completions.d/peerconsult.fish

if $uninstall; then
  removed=0
  for file in "$program" "$manual" "$bash_completion" "$zsh_completion" "$fish_completion"; do
    if [[ -e "$prefix/$file" || -L "$prefix/$file" ]]; then
      rm -f "$prefix/$file" && removed=$((removed + 1))
    fi
  done
  echo "Removed $removed file(s) of peerconsult from $prefix."
  echo "Your sessions stay in \${XDG_DATA_HOME:-~/.local/share}/peerconsult; delete that folder yourself to erase them."
  exit 0
fi

# Everything is made in a private scratch folder first, so a failed step installs nothing.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/peerconsult-install.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# With a binary given, nothing is built (not even the manual's tool): it may be installed where
# there is no toolchain, or from inside `swift test`.
manual_build=()
[[ -n "$binary" ]] && manual_build=(--no-build)
if [[ -z "$binary" ]]; then
  command -v swift >/dev/null 2>&1 || {
    echo "install.sh: no Swift toolchain found (swift is not on PATH): install Swift 6.1 or later, or install the .deb (README, Install)" >&2
    exit 1
  }
  echo "Building peerconsult (release, Swift runtime linked statically; several minutes the first time)..."
  (cd "$root" && swift build -c release --static-swift-stdlib --product peerconsult)
  binary="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/peerconsult"
fi
[[ -f "$binary" && -x "$binary" ]] || { echo "install.sh: $binary is not an executable file" >&2; exit 1; }
# The program must start here before anything is installed (a missing shared library shows now).
"$binary" --version >/dev/null || {
  echo "install.sh: $binary does not run on this machine (see the message above); nothing was installed" >&2
  exit 1
}

# Without its symbol table and debugging information: a third of the size (106 MB to 68 MB for
# the static release build) and a slightly faster start; Debian's packages are stripped too.
cp "$binary" "$scratch/peerconsult"
if command -v strip >/dev/null 2>&1; then
  strip "$scratch/peerconsult"
fi
binary="$scratch/peerconsult"

mkdir -p "$scratch/man"
if "$root/Scripts/generate-manual.sh" "$binary" "$scratch/man" "${manual_build[@]}"; then
  gzip -9n "$scratch/man/peerconsult.1"
else
  echo "install.sh: no manual page (the line above says why); installing the program without it" >&2
fi
"$binary" --generate-completion-script bash >"$scratch/bash"
"$binary" --generate-completion-script zsh >"$scratch/zsh"
"$binary" --generate-completion-script fish >"$scratch/fish"

install -d -m 0755 "$prefix/bin" "$(dirname "$prefix/$bash_completion")" \
  "$(dirname "$prefix/$zsh_completion")" "$(dirname "$prefix/$fish_completion")"
# Through a temporary name and a rename, so a running peerconsult is never overwritten in place.
install -m 0755 "$binary" "$prefix/$program.new"
mv -f "$prefix/$program.new" "$prefix/$program"
if [[ -f "$scratch/man/peerconsult.1.gz" ]]; then
  install -d -m 0755 "$(dirname "$prefix/$manual")"
  install -m 0644 "$scratch/man/peerconsult.1.gz" "$prefix/$manual"
fi
install -m 0644 "$scratch/bash" "$prefix/$bash_completion"
install -m 0644 "$scratch/zsh" "$prefix/$zsh_completion"
install -m 0644 "$scratch/fish" "$prefix/$fish_completion"

echo "Installed $("$prefix/$program" --version | head -1 | sed 's/^/peerconsult /') in $prefix/bin."
case ":$PATH:" in
  *":$prefix/bin:"*) echo "Start it with: peerconsult" ;;
  *) echo "$prefix/bin is not on your PATH: add it (e.g. to ~/.profile: export PATH=\"$prefix/bin:\$PATH\") or start $prefix/$program" ;;
esac
