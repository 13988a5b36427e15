#!/usr/bin/env bash
# The HTML report of the bundled story, rendered in headless Chromium:
#   report_in_chromium.sh GAINSAY STORY OUT_DIR
# Checks the DOM Chromium built (one <article> card per disputed claim, the
# graph's <svg>, section headings), that the browser logged no console
# message (a blocked resource or script would be one), and saves a
# screenshot at desktop and phone width in OUT_DIR. Exits 77 (CTest's
# "skipped") when Chromium is not installed.
set -u
gainsay=$1
story=$2
out_dir=$3
chromium=$(command -v chromium || command -v chromium-browser) || {
  echo "skipped: Chromium is not installed (Debian's chromium package)"
  exit 77
}
mkdir -p "$out_dir"
work=$(mktemp -d "${TMPDIR:-/tmp}/gainsay-browser.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL browser.report: $*" >&2
  exit 1
}

# Chromium as the issue asks (--headless --no-sandbox --disable-gpu, a fresh
# profile), kept off the network it would otherwise try to reach.
browse() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}

page="$work/report.html"
"$gainsay" report "$story" --html "$page" 2>"$work/gainsay.err" || fail "gainsay report failed: $(cat "$work/gainsay.err")"
disputed=$("$gainsay" disputed "$story" --format json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["claims"]))') ||
  fail "could not count the disputed claims"

browse --dump-dom "file://$page" >"$work/dom.html" 2>"$work/console.log" || fail "Chromium could not load the page"
cards=$(grep -o '<article class="claim"' "$work/dom.html" | wc -l)
[ "$cards" -eq "$disputed" ] || fail "expected $disputed claim cards, the DOM has $cards"
[ "$(grep -c '<svg' "$work/dom.html")" -ge 1 ] || fail "the graph's <svg> is not in the DOM"
for heading in "Disputed claims" "Claim graph" "Timeline" "Position shifts" "Contradictions" "Who answers whom" \
  "Sourcing warnings" "Sources"; do
  grep -q "<h2 id=\"h-[a-z]*\">$heading</h2>" "$work/dom.html" || fail "no <h2> '$heading' in the DOM"
done
if grep -q ':CONSOLE' "$work/console.log"; then
  fail "the browser console has messages: $(grep ':CONSOLE' "$work/console.log" | head -3)"
fi
grep -q '<script' "$work/dom.html" && fail "the page has a <script>"

browse --window-size=1280,2400 --screenshot="$out_dir/report-desktop.png" "file://$page" >/dev/null 2>&1 ||
  fail "no desktop screenshot"
browse --window-size=390,1800 --screenshot="$out_dir/report-phone.png" "file://$page" >/dev/null 2>&1 ||
  fail "no phone screenshot"
for shot in report-desktop.png report-phone.png; do
  [ "$(head -c 8 "$out_dir/$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$shot is not a PNG"
done
echo "ok: $cards cards, the graph, no console messages; screenshots in $out_dir"
