#!/usr/bin/env bash
# quality.sh GAINSAY REPO: runs gainsay extract on every gold text there is
# (the seeds only when ../shared/seeds exists), scores it, and fails if the
# overlap F1 of speaker or content falls below what the extractor reached
# when this guard was set (a regression guard, not the target).
set -u
gainsay=$1
repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/gold" "$work/pred"
for gold in "$repo"/tests/extract/gold/*.json; do
  text=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["text"])' "$gold")
  [ -f "$repo/$text" ] || continue
  cp "$gold" "$work/gold/"
  (cd "$repo" && "$gainsay" extract "$text" --format json) > "$work/pred/$(basename "$gold")" || exit 1
done
(cd "$repo" && python3 tests/extract/evaluate.py "$work/gold" "$work/pred" --json) > "$work/score.json" || exit 1
python3 - "$work/score.json" <<'PY'
import json, sys
score = json.load(open(sys.argv[1]))
def f1(component):
    return score["micro"][component]["f1"]
content, speaker = f1("content.overlap"), f1("speaker.overlap")
print(f"content overlap F1 {content:.3f}, speaker overlap F1 {speaker:.3f}")
ok = content >= 0.95 and speaker >= 0.95
print("1 passed, 0 failed" if ok else "0 passed, 1 failed")
sys.exit(0 if ok else 1)
PY
