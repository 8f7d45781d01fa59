#!/usr/bin/env bash
# Install what the project needs on a fresh machine: npm packages always; with --with-browser also
# Debian's chromium and CJK fonts for the browser tests, and faketime for the date matrix
# (tools/date-matrix.sh) (root, or sudo, needed for apt).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--with-browser" ]]; then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
  command -v faketime >/dev/null || missing+=(faketime)
  if ((${#missing[@]})); then
    sudo=''
    [[ $(id -u) == 0 ]] || sudo='sudo'
    echo "installing ${missing[*]} with apt"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  # npm ci refuses this lock over optional platform packages npm 11 records without versions;
  # npm install honours the lock all the same.
  npm install --no-audit --no-fund --loglevel=error
fi
