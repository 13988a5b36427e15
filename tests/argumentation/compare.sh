#!/usr/bin/env bash
# compare.sh APX_GROUNDED GAINSAY FRAMEWORKS_DIR STORY...
# gainsay's grounded labelling against grounded.py: on each hand-written
# framework in FRAMEWORKS_DIR, and on the framework that `gainsay graph
# --format apx` writes for each STORY (checked against `standing --format
# json` too). Prints "N passed, N failed".
set -u
tool=$1
gainsay=$2
frameworks=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
compare() {  # compare NAME APX
  if diff <("$tool" "$2") <(python3 "$here/grounded.py" "$2") >"$work/diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $1: gainsay and grounded.py disagree:"
    head -20 "$work/diff"
  fi
}
for apx in "$frameworks"/*.apx; do compare "$(basename "$apx")" "$apx"; done
for story in "$@"; do
  "$gainsay" graph "$story" --format apx >"$work/story.apx" || { failed=$((failed + 1)); continue; }
  compare "$(basename "$story") as apx" "$work/story.apx"
  # standing's own labels are the ones the apx framework gets.
  "$gainsay" standing "$story" --format json |
    python3 -c 'import json, sys
for a in sorted(json.load(sys.stdin)["arguments"], key=lambda a: a["name"]):
    print(a["name"], a["label"])' >"$work/standing.txt"
  if diff "$work/standing.txt" <(python3 "$here/grounded.py" "$work/story.apx") >"$work/diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $(basename "$story"): standing's labels differ from grounded.py on its apx:"
    head -20 "$work/diff"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
