#!/usr/bin/env bash
# --- perfscore: headless Chromium for the HTML report test (issue 5) -------------------------
# For the lead: .ci/run may hold only the README's two commands (tests/test_docs.py), and
# scripts/setup-tests.sh already installs `chromium`; this block adds the CJK font, without
# which the browser test still passes but its screenshot (docs/report.png) shows empty boxes
# for every Chinese character. Paste it over the apt-get line of scripts/setup-tests.sh.
# Tested on Debian 12 (bookworm) as root: chromium 156, fonts-noto-cjk 20220127.
set -euo pipefail
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null
fi
# Not for CI: scripts/xlsx_recalc.py (the XLSX formulas recomputed by LibreOffice) needs
#   apt-get install -y --no-install-recommends libreoffice-calc
# --- end of the perfscore Chromium block -------------------------------------------------------
