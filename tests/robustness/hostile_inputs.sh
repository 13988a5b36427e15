#!/usr/bin/env bash
# Hostile inputs through the real binary: hostile_inputs.sh GAINSAY
#
# Deep nesting, huge scalars, invalid UTF-8, NUL bytes and a 100 MB single
# line, as story files (YAML and JSON), CSV sheets and ClaimReview JSON-LD
# given to `gainsay import`, and as articles given to `gainsay extract`.
# Each must end within its time limit with a clean result or a clear error
# (exit status 2 and a diagnostic naming the file and the place), never a
# crash (a signal, or a sanitizer's report) and never a hang; a refused
# import leaves the database as it was. The inputs are made here, in a
# temporary directory, and removed afterwards.
set -u

if [ $# -ne 1 ]; then
  echo "usage: hostile_inputs.sh GAINSAY" >&2
  exit 2
fi
gainsay=$1
case "$gainsay" in /*) ;; *) gainsay="$PWD/$gainsay" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
story="$here/../fixtures/fence-line.yaml"

work=$(mktemp -d "${TMPDIR:-/tmp}/gainsay-hostile.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
checks=0

# A command's limit in seconds: generous for a sanitizer build on a busy
# machine, yet far below what a loop or a quadratic pass would take.
limit=${GAINSAY_HOSTILE_LIMIT:-120}

fail() {
  echo "FAIL $*" >&2
  failures=$((failures + 1))
}

# Runs gainsay with a time limit; sets status, and keeps stdout and stderr.
run() {
  timeout "$limit" "$gainsay" "$@" >out 2>err </dev/null
  status=$?
}

# crashed WHAT: a signal (128+), a timeout (124) or a sanitizer's report.
crashed() {
  if [ "$status" -eq 124 ]; then
    fail "$1: no answer within ${limit}s (a hang?)"
  elif [ "$status" -gt 128 ]; then
    fail "$1: killed by signal $((status - 128))"
  elif grep -qE '^(==[0-9]+==ERROR|SUMMARY: .*Sanitizer)|runtime error:' err; then
    fail "$1: a sanitizer report: $(grep -m 1 -E 'ERROR|runtime error' err)"
  else
    return 1
  fi
}

# refused FILE PATTERN: import exits 2 with a diagnostic matching PATTERN (an
# extended regular expression after "FILE:"), and the database is unchanged.
refused() {
  local file=$1 pattern=$2
  checks=$((checks + 1))
  local before
  before=$(sha256sum story.db)
  run --db story.db import "$file"
  crashed "import $file" && return
  [ "$status" -eq 2 ] || { fail "import $file: expected exit status 2, got $status"; return; }
  grep -qE "^$file:$pattern" err || fail "import $file: expected a diagnostic '$file:$pattern', got: $(head -c 300 err)"
  [ "$(wc -c <err)" -lt 4096 ] || fail "import $file: expected a short message, got $(wc -c <err) bytes on stderr"
  [ "$(sha256sum story.db)" = "$before" ] || fail "import $file: the database changed"
}

# imported FILE: import succeeds, with nothing reported as an error.
imported() {
  checks=$((checks + 1))
  run --db scratch.db import --quiet "$1"
  crashed "import $1" && return
  [ "$status" -eq 0 ] || fail "import $1: expected exit status 0, got $status: $(head -c 300 err)"
}

# extracted FILE: extract answers with exit status 0 or a clear error (2).
extracted() {
  checks=$((checks + 1))
  run extract --format json "$1"
  crashed "extract $1" && return
  if [ "$status" -eq 0 ]; then
    python3 -c 'import json, sys; json.load(open(sys.argv[1]))' out 2>/dev/null ||
      fail "extract $1: exit status 0 but stdout is not JSON"
  elif [ "$status" -eq 2 ]; then
    grep -q "$1" err || fail "extract $1: exit status 2 without naming the file: $(head -c 300 err)"
  else
    fail "extract $1: expected exit status 0 or 2, got $status"
  fi
}

# repeat N TEXT: TEXT N times, without a line break.
repeat() { head -c "$1" /dev/zero | tr '\0' "$2"; }
mb100=$((100 * 1024 * 1024))

"$gainsay" --db story.db import --quiet "$story" || { echo "FAIL cannot import $story" >&2; exit 1; }

# Deep nesting: 100k brackets.
{ printf 'format: 1\nstory: '; repeat 100000 '['; repeat 100000 ']'; printf '\n'; } >deep.yaml
refused deep.yaml '2:[0-9]+: error: malformed YAML: nested more than'
{ printf '{"format": 1, "story": '; repeat 100000 '['; repeat 100000 ']'; printf '}\n'; } >deep.json
refused deep.json '[0-9]+:[0-9]+: error: malformed JSON: nested more than'
{ printf '{"@type": "ClaimReview", "claimReviewed": "x", "deep": '; repeat 100000 '['; repeat 100000 ']'; printf '}\n'; } >deep.jsonld
refused deep.jsonld '1:1: error: review 1: the reviewRating has no alternateName'
{ printf '[{"@type": "ClaimReview", "claimReviewed": '; repeat 100000 '{'; printf '\n'; } >open.jsonld
refused open.jsonld '1:[0-9]+: error: malformed JSON'
{ printf 'id,by,claim,stance,claim_text\ns,a,c,asserts,"'; repeat 100000 '['; printf '"\n'; } >brackets.csv
imported brackets.csv
{ repeat 100000 '"'; printf '\n'; } >quotes.txt
extracted quotes.txt
{ repeat 100000 '('; repeat 100000 '['; } >brackets.txt
extracted brackets.txt

# Huge scalars: a 50 MB title (under the 64 MiB limit), a 50 MB unknown key,
# a 50 MB claim text in a sheet, a 50 MB quote in an article.
{ printf 'format: 1\nstory: {id: big, title: '; repeat $((50 * 1024 * 1024)) x; printf '}\n'; } >big-title.yaml
imported big-title.yaml
{ printf 'format: 1\nstory: {id: big, title: T}\n? '; repeat $((50 * 1024 * 1024)) k; printf '\n: 1\n'; } >big-key.yaml
refused big-key.yaml "3:3: error: unknown key 'k{80}\\.\\.\\. \\(52428800 bytes\\)'"
{ printf 'id,by,claim,stance,claim_text\ns,a,c,asserts,'; repeat $((50 * 1024 * 1024)) x; printf '\n'; } >big-text.csv
imported big-text.csv
{ printf 'She said: "'; repeat $((50 * 1024 * 1024)) x; printf '"\n'; } >big-quote.txt
extracted big-quote.txt

# Invalid UTF-8 and NUL bytes, in every kind of input.
printf 'format: 1\nstory: {id: x, title: "caf\xe9"}\n' >latin1.yaml
refused latin1.yaml '2:[0-9]+: error: invalid UTF-8'
printf '{"format": 1, "story": {"id": "x", "title": "a\0b"}}\n' >nul.json
refused nul.json '1:[0-9]+: error: NUL byte'
printf 'id,by,claim,stance,claim_text\ns,a,c,asserts,caf\xe9\n' >latin1.csv
refused latin1.csv '2:[0-9]+: error: invalid UTF-8'
printf 'id,by,claim,stance,claim_text\ns,a,c,asserts,a\0b\n' >nul.csv
refused nul.csv '2:[0-9]+: error: NUL byte'
printf '[{"@type": "ClaimReview", "claimReviewed": "caf\xe9"}]\n' >latin1.jsonld
refused latin1.jsonld '1:[0-9]+: error: malformed JSON'
printf '[{"@type": "ClaimReview", "claimReviewed": "a\0b"}]\n' >nul.jsonld
refused nul.jsonld '1:[0-9]+: error: malformed JSON'
printf 'He said: "caf\xe9 \xff\xfe and \0 too," officials said.\n' >bytes.txt
extracted bytes.txt

# A 100 MB single line: over the story files' limit; a sheet has none, and
# an article none.
{ printf 'format: 1 # '; repeat $mb100 x; } >line.yaml
refused line.yaml ' error: file is [0-9]+ bytes; story files are limited to 64 MiB'
repeat $mb100 x >header.csv
refused header.csv "1:1: error: unknown column 'x+"
{ printf 'id,by,claim,stance,claim_text\n'; repeat $mb100 x; } >line.csv
refused line.csv '2:1: error: row 2 has 1 fields; the header has 5'
{ printf 'id,by,claim,stance,claim_text\ns,a,c,asserts,"'; repeat $mb100 x; } >open-line.csv
refused open-line.csv '2:15: error: malformed CSV: a quoted field opened here is never closed'
{ printf '[{"@type": "ClaimReview", "claimReviewed": "'; repeat $mb100 x; printf '"}]'; } >line.jsonld
refused line.jsonld ' error: file is [0-9]+ bytes; story files are limited to 64 MiB'
repeat $mb100 x >line.txt
extracted line.txt
# Dense speech, every few words an attribution: 10 MB, as each one found
# takes some 150 bytes of memory until the report is written.
yes 'He said: "x." Ansel said that' | head -c $((mb100 / 10)) >said.txt
extracted said.txt

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
