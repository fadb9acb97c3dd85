#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh machine:
# a virtual environment with perfscore (editable) and its test dependencies (the dev extra,
# which brings the xlsx and docx extras), and, where they can be installed, a headless
# Chromium for the HTML report test and headless LibreOffice for the Word/XLSX print tests
# (those tests are skipped, with their reason shown, where the program does not exist).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[dev]'

# The suite is meant to run on the compiled core (setup.py, docs/performance.md "The compiled
# core"). pip hides the build's output, so a build that fell back to plain Python would go
# unseen: where a C compiler is at hand and plain Python was not asked for, that is a failure.
if [ -z "${PERFSCORE_PURE:-}" ] && { command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; }; then
  if ! .venv/bin/perfscore --version | grep -q 'compiled: yes'; then
    echo "setup-tests: the compiled core was not built (see: .venv/bin/pip install -v -e .);" \
      "PERFSCORE_PURE=1 bash scripts/setup-tests.sh sets up plain Python instead" >&2
    exit 1
  fi
fi

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then apt-get update -qq && apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "setup-tests: chromium found"
elif can_apt; then
  # fonts-noto-cjk: without it the browser test passes but its screenshot shows boxes for Chinese.
  echo "setup-tests: installing Debian's chromium (and a CJK font) for the HTML report test"
  if ! { apt_install chromium && apt_install --no-install-recommends fonts-noto-cjk; }; then
    echo "setup-tests: chromium could not be installed; the browser test will be skipped"
  fi
else
  echo "setup-tests: no chromium and no root to install it; the browser test will be skipped"
fi

# LibreOffice prints the .docx and .xlsx reports to PDF (tests/test_render_libreoffice.py,
# scripts/office_to_pdf.py); pdftotext and pdftoppm (poppler-utils) read and picture the PDF.
# fonts-crosextra-carlito is the metric twin of Excel's Calibri, which sets the XLSX column
# unit: without it LibreOffice lays the columns out a quarter wider and row heights no
# longer match; fonts-noto-cjk draws the Chinese.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  echo "setup-tests: libreoffice and poppler found"
elif can_apt; then
  echo "setup-tests: installing headless LibreOffice, poppler-utils and fonts for the print tests"
  if ! apt_install --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils \
         fonts-crosextra-carlito fonts-noto-cjk; then
    echo "setup-tests: LibreOffice could not be installed; the print tests will be skipped"
  fi
else
  echo "setup-tests: no LibreOffice and no root to install it; the print tests will be skipped"
fi
