#!/usr/bin/env bash
# Checks the self-contained HTML page of `ilrg audit --html` in a real headless browser (Debian's chromium):
# the page is audited from a committed fixture, rendered with every network path switched off, its DOM is dumped and
# checked (verdict, counts table, chart, certificate, checksums), and a screenshot is written.
#
#   apt-get install -y chromium          # not part of CI; the test that needs it is inconclusive without it
#   docs/audit-html-check.sh [ILRG_COMMAND] [OUT_DIR]
#
# ILRG_COMMAND: how to run the CLI (default: the Release build's apphost). OUT_DIR: where audit.html, audit.json,
# dom.html and audit-html.png go (default: a new temporary folder). Exit 0 when every check passes, 1 otherwise,
# 3 when chromium is not installed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ilrg="${1:-$repo/src/ILrg.Cli/bin/Release/net10.0/ILrg.Cli}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "audit-html-check: chromium is not installed (apt-get install -y chromium)" >&2
  exit 3
fi

fixtures="$repo/tests/fixtures/interop/cnn"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
$ilrg audit --model-state "$fixtures/model.pt" --after "$fixtures/fedavg-after.pt" --local-lr 0.05 \
  --local-steps 3 --batch-size 20..28 --html "$out/audit.html" --report "$out/audit.json" > "$out/audit.txt"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-default-apps --disable-extensions
  --user-data-dir="$profile")
"$browser" "${flags[@]}" --dump-dom "file://$out/audit.html" > "$out/dom.html" 2> "$out/chromium.log"
"$browser" "${flags[@]}" --hide-scrollbars --window-size=1280,2200 --screenshot="$out/audit-html.png" \
  "file://$out/audit.html" >> "$out/chromium.log" 2>&1

failed=0
check() { # check DESCRIPTION PATTERN: the rendered DOM must contain PATTERN
  if grep -q -- "$2" "$out/dom.html"; then echo "ok   $1"; else echo "FAIL $1" >&2; failed=1; fi
}
check "the verdict is shown" 'id="verdict"'
check "the counts table is there" 'id="counts"'
check "the certificate table is there" 'id="certificate"'
check "the batch-size scan is there" 'id="scan"'
check "the chart rendered as SVG" '<svg'
check "the inputs' SHA-256 are listed" "$(sha256sum "$fixtures/model.pt" | cut -c1-64)"
check "the approximation is named" 'FedAvg, approximated'
if [[ -s "$out/audit-html.png" ]] && [[ "$(head -c 8 "$out/audit-html.png" | od -An -tx1 | tr -d ' \n')" == \
  "89504e470d0a1a0a" ]]; then
  echo "ok   screenshot $out/audit-html.png ($(stat -c %s "$out/audit-html.png") bytes)"
else
  echo "FAIL no screenshot (see $out/chromium.log)" >&2
  failed=1
fi
exit "$failed"
