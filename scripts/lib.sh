# Shared by the quick-start scripts: install the Debian packages that are
# missing (through sudo when not root), and configure and build.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What gainsay builds against (design.md's list; pkg-config finds utf8proc).
build_packages=(g++ cmake make pkg-config libboost-graph-dev libsqlitecpp-dev libsqlite3-dev
  libcli11-dev doctest-dev libyaml-cpp-dev nlohmann-json3-dev libutf8proc-dev)
# What the end-to-end tests use besides: python3 parses JSON and CSV output,
# NetworkX reads the GraphML, Graphviz renders the DOT, headless Chromium
# renders the HTML report.
test_packages=(python3 python3-networkx graphviz chromium fonts-liberation2)

install_missing() {
  local missing=()
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "error: these packages are missing and installing them needs root: run this script as root," >&2
      echo "or install them yourself: apt-get install ${missing[*]}" >&2
      exit 2
    fi
    sudo=(sudo)
  fi
  # apt's progress goes to a log, shown only if the install fails.
  local log
  log=$(mktemp)
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" \
      apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "error: could not install ${missing[*]}" >&2
    exit 2
  fi
  rm -f "$log"
}

build() {
  cmake -S "$top" -B "$top/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAINSAY_WERROR=ON "$@" >&2
  cmake --build "$top/build" -j "$(nproc)" >&2
}
