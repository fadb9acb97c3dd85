#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine:
# a virtual environment with perfscore (editable) and its test dependencies,
# and, where it can be installed, a headless Chromium for the HTML report test
# (that one test is skipped, with its reason shown, where no browser exists).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[dev]'

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "setup-tests: chromium found"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  # fonts-noto-cjk: without it the browser test passes but its screenshot shows boxes for Chinese.
  echo "setup-tests: installing Debian's chromium (and a CJK font) for the HTML report test"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null; }; then
    echo "setup-tests: chromium could not be installed; the browser test will be skipped"
  fi
else
  echo "setup-tests: no chromium and no root to install it; the browser test will be skipped"
fi
