#!/usr/bin/env bash
# The expected output has typographic quotes and markdown backticks, literally:
# shellcheck disable=SC1111,SC2016
# End-to-end tests of the gainsay binary: cli_test.sh GAINSAY CASE [ARG]
#
# Each CASE is one function below, case_<name>, registered with CTest as
# cli.<name> by cases.cmake. It runs in a fresh temporary directory, on the
# small invented stories in ../fixtures (kessel-bridge.yaml, fence-line.yaml,
# tollen-light.yaml, hostile-text.yaml and the broken variants of fence-line
# in ../fixtures/bad/). A case fails by exiting non-zero with what was
# expected and what was got; it exits 77 (CTest's "skipped") when a tool it
# needs besides gainsay (Graphviz's dot, python3's networkx) is missing.
set -u

if [ $# -ne 2 ] && [ $# -ne 3 ]; then
  echo "usage: cli_test.sh GAINSAY CASE [ARG]" >&2
  exit 2
fi
gainsay=$1
case_name=$2
case_arg=${3:-}
case "$gainsay" in /*) ;; *) gainsay="$PWD/$gainsay" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures"
story="$fixtures/kessel-bridge.yaml"  # 13 actors, 7 sources, 6 claims, 15 statements
fence="$fixtures/fence-line.yaml"     # 2 actors, 1 source, 1 claim, 2 statements
bad="$fixtures/bad"
tollen="$fixtures/tollen-light.yaml"  # 11 actors, 4 sources, 7 claims, 19 statements
hostile="$fixtures/hostile-text.yaml" # quotes, backslashes, <script> and ]] in every text

# The cases run with a clean environment of their own choosing.
unset GAINSAY_DB NO_COLOR

work=$(mktemp -d "${TMPDIR:-/tmp}/gainsay-cli.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
io="$work/io"  # captured output, kept out of the directory the binary runs in
mkdir "$io" "$work/cwd" && cd "$work/cwd" || exit 1
out="$io/stdout"
err="$io/stderr"
status=0
last_command="(none)"

# --- helpers ------------------------------------------------------------------

fail() {
  {
    printf 'FAIL cli.%s: %s\n' "$case_name" "$*"
    printf '  last command: %s\n  exit status: %s\n' "$last_command" "$status"
    if [ -s "$out" ]; then printf '  stdout (first lines):\n'; head -n 15 "$out" | sed 's/^/    | /'; fi
    if [ -s "$err" ]; then printf '  stderr (first lines):\n'; head -n 15 "$err" | sed 's/^/    | /'; fi
  } >&2
  exit 1
}

# Runs gainsay; stdout goes to $out, stderr to $err, the exit status to $status.
run() {
  last_command="gainsay $*"
  "$gainsay" "$@" >"$out" 2>"$err" </dev/null
  status=$?
}

# Runs gainsay on a pseudo-terminal (util-linux script); all output goes to $out.
run_on_tty() {
  last_command="(on a terminal) gainsay $*"
  local command
  command=$(printf '%q ' "$gainsay" "$@")
  script -qec "$command" /dev/null >"$out" 2>"$err" </dev/null
  status=$?
}

expect_status() {
  [ "$status" -eq "$1" ] || fail "expected exit status $1, got $status"
}

# The first line of stdout is exactly $1.
expect_first_line() {
  local first
  first=$(head -n 1 "$out")
  [ "$first" = "$1" ] || fail "expected the first line of stdout to be '$1', got '$first'"
}

expect_out_has() {
  grep -qF -- "$1" "$out" || fail "expected stdout to contain '$1'"
}
expect_out_lacks() {
  if grep -qF -- "$1" "$out"; then fail "expected stdout not to contain '$1'"; fi
}
expect_out_line() {
  grep -qxF -- "$1" "$out" || fail "expected a stdout line that is exactly '$1'"
}
expect_err_has() {
  grep -qF -- "$1" "$err" || fail "expected stderr to contain '$1'"
}
expect_out_empty() {
  [ ! -s "$out" ] || fail "expected nothing on stdout"
}

# Stdout with every run of spaces and newlines made one space, so that text
# wrapped at any width can be matched.
flat_out() { tr -s ' \n' '  ' <"$out"; }
expect_flat_has() {
  flat_out | grep -qF -- "$1" || fail "expected stdout (line breaks ignored) to contain '$1'"
}

expect_no_escape() {
  if grep -q $'\x1b' "$out"; then fail "expected no escape (ESC) byte on stdout: $1"; fi
}
expect_escape() {
  grep -q $'\x1b\\[' "$out" || fail "expected colour escapes (ESC [) on stdout: $1"
}

expect_file() { [ -f "$1" ] || fail "expected the file $1 to exist"; }
expect_no_file() { [ ! -e "$1" ] || fail "expected no file $1 to be created"; }

sha() { sha256sum "$1" | cut -d' ' -f1; }

# check_py CODE [ARG...]: runs a python3 check on the last stdout, whose path
# is sys.argv[1]. eq(got, want, what) fails it with both values.
check_py() {
  local code=$1
  shift
  python3 -c 'import csv, io, json, sys
def eq(got, want, what):
    if got != want:
        sys.exit(f"{what}: expected {want!r}, got {got!r}")
def load():
    return json.load(open(sys.argv[1], encoding="utf-8"))
def ids(items):
    return [item["id"] for item in items]
def csv_rows(path=None):
    return list(csv.DictReader(open(path or sys.argv[1], newline="", encoding="utf-8")))
def column(rows, name):
    return [row[name] for row in rows]
'"$code" "$out" "$@" 2>"$io/python" ||
    fail "python check on stdout: $(tail -n 3 "$io/python")"
}

# expect_claims WHAT AS_OF ID...: the JSON disputed report on stdout lists
# exactly these claims, in this order, and its filter.as_of is AS_OF ("-":
# not checked). The checks are kept and made in one python run by
# check_expected_claims, as python can be slow to start.
expected_claims=0
expect_claims() {
  local what=$1 as_of=$2
  shift 2
  expected_claims=$((expected_claims + 1))
  cp "$out" "$io/claims-$expected_claims.json"
  printf '%s\t%s\t%s\t%s\n' "$io/claims-$expected_claims.json" "$what" "$as_of" "$*" >>"$io/claims.tsv"
}
check_expected_claims() {
  check_py '
for line in open(sys.argv[2], encoding="utf-8"):
    path, what, as_of, want = line.rstrip("\n").split("\t")
    report = json.load(open(path, encoding="utf-8"))
    eq(report["report"], "disputed", "report of disputed " + what)
    if as_of != "-":
        eq(report["filter"]["as_of"], as_of, "filter.as_of of disputed " + what)
    eq(ids(report["claims"]), want.split(), "claims of disputed " + what)
' "$io/claims.tsv"
}

# Imports kessel-bridge.yaml into story.db (most cases start from that).
import_story() {
  run --db story.db import "$story"
  expect_status 0
}

# expect_diagnostic FILE LOCATION WORD...: stderr has a line starting
# "FILE:LOCATION: error: " that contains every WORD. LOCATION is LINE:COLUMN,
# "*" for any line and column, or empty for a problem with no place.
expect_diagnostic() {
  local file=$1 location=$2
  shift 2
  local prefix="$file:$location: error: "
  [ -n "$location" ] || prefix="$file: error: "
  local line
  if [ "$location" = "*" ]; then
    prefix="$file:LINE:COLUMN: error: "
    line=$(awk -v f="$file:" 'index($0, f) == 1 && substr($0, length(f) + 1) ~ /^[0-9]+:[0-9]+: error: / { print; exit }' "$err")
  else
    line=$(awk -v p="$prefix" 'index($0, p) == 1 { print; exit }' "$err")
  fi
  [ -n "$line" ] || fail "expected a stderr line starting '$prefix'"
  local word
  for word in "$@"; do
    case "$line" in
      *"$word"*) ;;
      *) fail "expected the diagnostic '$line' to contain '$word'" ;;
    esac
  done
}

# expect_rejected FILE LOCATION WORD...: a bad story file (copied here under
# its own name unless already here) is refused with exit status 2 and the
# diagnostic of expect_diagnostic, by import (leaving a database with a story
# in it byte-for-byte unchanged, and creating no new one) and by disputed
# given the file directly (with the same messages).
expect_rejected() {
  local file=$1 location=$2
  shift 2
  local name
  name=$(basename "$file")
  [ -e "$name" ] || cp "$file" "$name" || fail "cannot copy $file"
  import_story
  local before
  before=$(sha story.db)

  run --db story.db import "$name"
  expect_status 2
  expect_out_empty
  expect_diagnostic "$name" "$location" "$@"
  expect_err_has "gainsay: error: "
  [ "$(sha story.db)" = "$before" ] || fail "expected story.db unchanged by the refused import, but its sha256 changed"
  cp "$err" "$io/import-stderr"

  run --db new.db import "$name"
  expect_status 2
  expect_no_file new.db

  run disputed "$name"
  expect_status 2
  expect_out_empty
  expect_diagnostic "$name" "$location" "$@"
  cmp -s "$err" "$io/import-stderr" || fail "expected disputed to report the same as import: $(cat "$io/import-stderr")"
  expect_no_file gainsay.db
}

# --- import and stories -----------------------------------------------------------

case_smoke() {
  run --version
  expect_status 0
  grep -qE '^[0-9]+\.[0-9]+\.[0-9]+' "$out" || fail "expected a version number on stdout"
}

case_import_db_option() {
  run --db my.db import "$story"
  expect_status 0
  expect_out_line "imported kessel-bridge: 13 actors, 7 sources, 6 claims, 15 statements into my.db"
  expect_file my.db
  expect_no_file gainsay.db
  run --db my.db stories --format csv
  expect_status 0
  expect_out_has "kessel-bridge,Who brought down the Kessel bridge?,13,7,6,15,"
  # --quiet prints nothing.
  run --db quiet.db import --quiet "$fence"
  expect_status 0
  expect_out_empty
  expect_file quiet.db
}

case_import_env_db() {
  GAINSAY_DB=env.db run import "$story"
  expect_status 0
  expect_out_line "imported kessel-bridge: 13 actors, 7 sources, 6 claims, 15 statements into env.db"
  expect_file env.db
  expect_no_file gainsay.db
  GAINSAY_DB=env.db run stories --format csv
  expect_status 0
  expect_out_has "kessel-bridge,"
  # --db wins over GAINSAY_DB.
  GAINSAY_DB=env.db run --db flag.db import "$fence"
  expect_status 0
  expect_out_has "into flag.db"
  expect_file flag.db
  GAINSAY_DB=env.db run stories --format csv
  expect_out_lacks "fence-line"
}

case_import_default_db() {
  run import "$story"
  expect_status 0
  expect_out_line "imported kessel-bridge: 13 actors, 7 sources, 6 claims, 15 statements into gainsay.db"
  expect_file gainsay.db
  run stories --format csv
  expect_status 0
  expect_out_has "kessel-bridge,"
  run disputed --format csv
  expect_status 0
  expect_out_has "kessel-bridge,bridge-demolition,"
}

case_stories_formats() {
  import_story
  run --db story.db import "$fence"
  expect_status 0

  run --db story.db stories
  expect_status 0
  expect_no_escape "stories text, not on a terminal"
  local header
  header=$(head -n 1 "$out" | tr -s ' ')
  [ "$header" = "id title actors sources claims statements imported_at origin" ] ||
    fail "expected the stories table header, got '$header'"
  awk '$1 == "kessel-bridge" { found = 1; if (!($0 ~ / 13 +7 +6 +15 /)) exit 1 } END { exit !found }' "$out" ||
    fail "expected a kessel-bridge row with 13 actors, 7 sources, 6 claims, 15 statements"
  awk '$1 == "fence-line" { found = 1; if (!($0 ~ / 2 +1 +1 +2 /)) exit 1 } END { exit !found }' "$out" ||
    fail "expected a fence-line row with 2 actors, 1 source, 1 claim, 2 statements"

  run --db story.db stories --format json
  expect_status 0
  check_py '
rows = load()
eq(type(rows), list, "top level")
eq(sorted(r["id"] for r in rows), ["fence-line", "kessel-bridge"], "story ids")
by_id = {r["id"]: r for r in rows}
k = by_id["kessel-bridge"]
eq(k["title"], "Who brought down the Kessel bridge?", "title")
eq((k["actors"], k["sources"], k["claims"], k["statements"]), (13, 7, 6, 15), "kessel-bridge counts")
f = by_id["fence-line"]
eq((f["actors"], f["sources"], f["claims"], f["statements"]), (2, 1, 1, 2), "fence-line counts")
eq(k["origin"].endswith("kessel-bridge.yaml"), True, "origin names the file")
eq(set(k), {"id", "title", "actors", "sources", "claims", "statements", "imported_at", "origin"}, "keys")
'

  run --db story.db stories --format csv
  expect_status 0
  check_py '
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(len(rows), 2, "rows")
k = [r for r in rows if r["id"] == "kessel-bridge"][0]
eq((k["actors"], k["sources"], k["claims"], k["statements"]), ("13", "7", "6", "15"), "kessel-bridge counts")
'

  run --db story.db stories --format markdown
  expect_status 0
  expect_out_has "| id | title | actors | sources | claims | statements |"
  grep -qE '^\| kessel-bridge \| Who brought down the Kessel bridge\? \| 13 \| 7 \| 6 \| 15 \|' "$out" ||
    fail "expected a markdown row for kessel-bridge with its counts"
}

case_reimport_replaces() {
  import_story
  # The same story with one more statement: Kovic also denies the grain convoy.
  cp "$story" grown.yaml
  cat >>grown.yaml <<'EOF'
  - id: kovic-denies-grain
    by: dana-kovic
    claim: grain-convoy
    stance: denies
    date: 2031-04-07
    attribution: on-record
EOF
  run --db story.db import grown.yaml
  expect_status 0
  expect_out_line "imported kessel-bridge: 13 actors, 7 sources, 6 claims, 16 statements into story.db"
  run --db story.db stories --format json
  check_py '
rows = load()
eq(ids(rows), ["kessel-bridge"], "stories after re-import (no duplicate)")
eq(rows[0]["statements"], 16, "statements after re-import")
eq(rows[0]["origin"].endswith("grown.yaml"), True, "origin is the new file")
'
  run --db story.db disputed --format json
  check_py '
claims = load()["claims"]
eq(ids(claims), ["bridge-demolition", "reservoir-leak", "grain-convoy"], "disputed claims")
grain = claims[2]
eq(ids(grain["against"]["denies"]), ["officials-deny-grain", "kovic-denies-grain"], "denials of grain-convoy")
every = [s["id"] for c in claims for s in c["for"] + sum(c["against"].values(), [])]
eq(len(every), len(set(every)), "each statement once")
'
  # Importing the original again replaces, not merges: back to 15 statements.
  run --db story.db import "$story"
  expect_status 0
  expect_out_line "imported kessel-bridge: 13 actors, 7 sources, 6 claims, 15 statements into story.db"
  run --db story.db disputed --format csv
  expect_out_lacks "kovic-denies-grain"
  run --db story.db stories --format csv
  [ "$(grep -c '^kessel-bridge,' "$out")" -eq 1 ] || fail "expected one kessel-bridge row"
}

case_import_same_story_twice() {
  import_story
  local before
  before=$(sha story.db)
  cp "$fence" again.yaml
  run --db story.db import "$fence" again.yaml
  expect_status 2
  expect_err_has "again.yaml: error: story 'fence-line' is also in"
  [ "$(sha story.db)" = "$before" ] || fail "expected story.db unchanged"
}

# --- disputed ---------------------------------------------------------------------

case_disputed_text() {
  import_story
  run --db story.db disputed
  expect_status 0
  expect_no_escape "disputed text, not on a terminal"
  expect_first_line "Disputed claims: 3"
  expect_out_line "stories: kessel-bridge"
  expect_out_line "1. Ostravian sappers blew up the Kessel bridge on 3 March"
  expect_out_line "2. The Carpane reservoir leaked mine tailings into the Kessel"
  expect_out_line "3. Ostravia blocked a grain convoy at the Tarn crossing"
  expect_flat_has "[disputed] bridge-demolition · about: Republic of Ostravia · for: Kingdom of Velmora, Lindqvist Institute for Conflict Studies · against: Republic of Ostravia, Duchy of Carpane"
  expect_flat_has "[disputed] reservoir-leak · about: Duchy of Carpane · for: Lindqvist Institute for Conflict Studies · against: Duchy of Carpane"
  expect_flat_has "[disputed] grain-convoy · about: Republic of Ostravia · for: Kingdom of Velmora · against: Republic of Ostravia"
  [ "$(grep -cx '  For' "$out")" -eq 3 ] || fail "expected 3 'For' groups"
  [ "$(grep -cx '  Against' "$out")" -eq 3 ] || fail "expected 3 'Against' groups"
  expect_flat_has "asserts Tomas Reyl (Kingdom of Velmora) · 2031-03-04 · on-record"
  expect_flat_has "corroborates Lindqvist Institute for Conflict Studies · 2031-03-15 · official-statement"
  expect_flat_has "denies Gen. Dana Kovic (Republic of Ostravia) · 2031-03-05 · on-record · via Ostravian State Radio"
  expect_flat_has "dismisses unnamed Ostravian officials (Republic of Ostravia) · 2031-03-06 · anonymous"
  expect_flat_has "disputes Ilse Varga (Duchy of Carpane) · 2031-03-16 · on-record"
  expect_flat_has "“No Ostravian unit was anywhere near the Kessel”"
  expect_flat_has "note: called the accusation Velmoran propaganda"
  # The ESC in a note is shown, not sent.
  expect_flat_has 'inspected in February\x1b[31m'
  # Conceded and unanswered claims are not disputed.
  expect_out_lacks "seized an Ostravian ferry"
  expect_out_lacks "offered to resign"
  expect_out_lacks "spring flood"
}

case_disputed_markdown() {
  import_story
  run --db story.db disputed --format markdown
  expect_status 0
  expect_no_escape "markdown"
  expect_first_line "# Disputed claims: 3"
  expect_out_line "## 1. Ostravian sappers blew up the Kessel bridge on 3 March"
  expect_out_line "## 2. The Carpane reservoir leaked mine tailings into the Kessel"
  expect_out_line "## 3. Ostravia blocked a grain convoy at the Tarn crossing"
  [ "$(grep -cx '### For' "$out")" -eq 3 ] || fail "expected 3 '### For' headings"
  [ "$(grep -cx '### Against' "$out")" -eq 3 ] || fail "expected 3 '### Against' headings"
  [ "$(grep -c '^## ' "$out")" -eq 3 ] || fail "expected exactly 3 claim headings"
  expect_out_has 'Status: **disputed** · claim `bridge-demolition` · about: Republic of Ostravia'
  expect_out_has "- **asserts**: Tomas Reyl (Kingdom of Velmora), 2031-03-04, on-record; [The Harbour Courier, “Kessel bridge falls into the river”, 2031-03-04](https://example.org/courier/kessel-bridge)"
  expect_out_has "- **denies**: Gen. Dana Kovic (Republic of Ostravia), 2031-03-05, on-record, via Ostravian State Radio;"
  expect_out_lacks "seized an Ostravian ferry"
}

case_disputed_json() {
  import_story
  run --db story.db disputed --format json
  expect_status 0
  check_py '
r = load()
eq(r["report"], "disputed", "report")
eq(r["stories"], ["kessel-bridge"], "stories")
eq(r["filter"], {"story": None, "actor": None, "side": None, "since": None, "until": None, "as_of": None}, "filter")
claims = r["claims"]
eq(ids(claims), ["bridge-demolition", "reservoir-leak", "grain-convoy"], "claim ids, most sides against first")
eq([c["status"] for c in claims], ["disputed"] * 3, "statuses")
eq([len(c["sides_against"]) for c in claims], [2, 1, 1], "number of sides against")
b = claims[0]
eq(b["story"], "kessel-bridge", "story of the claim")
eq(b["text"], "Ostravian sappers blew up the Kessel bridge on 3 March", "text")
eq(ids(b["about"]), ["ostravia"], "about")
eq(ids(b["sides_for"]), ["velmora", "lindqvist-institute"], "sides_for")
eq(ids(b["sides_against"]), ["ostravia", "carpane"], "sides_against")
eq(b["first_date"], "2031-03-04", "first_date")
eq(type(b["for"]), list, "for is a list")
eq(ids(b["for"]), ["reyl-accuses-bridge", "lindqvist-corroborates"], "for")
eq(sorted(b["against"]), sorted(["denies", "dismisses", "disputes", "partially-admits"]), "against, by stance")
eq({k: ids(v) for k, v in b["against"].items()},
   {"denies": ["kovic-denies-bridge"], "dismisses": ["officials-dismiss-bridge"],
    "disputes": ["varga-disputes-bridge"], "partially-admits": []}, "against statements")
d = b["against"]["denies"][0]
eq(d["actor"], {"id": "dana-kovic", "name": "Gen. Dana Kovic"}, "actor")
eq(d["side"]["id"], "ostravia", "side")
eq((d["stance"], d["date"], d["attribution"]), ("denies", "2031-03-05", "on-record"), "stance, date, attribution")
eq(d["source"]["id"], "radio-0306", "source")
eq(d["source"]["published"], "2031-03-06", "source published")
eq(d["source"]["outlet"]["id"], "ostravian-radio", "outlet")
eq(d["via"]["id"], "ostravian-radio", "via")
eq(d["responds_to"], "reyl-accuses-bridge", "responds_to")
eq(d["quote"], "No Ostravian unit was anywhere near the Kessel", "quote")
v = b["against"]["disputes"][0]
eq(v["source"], None, "an unsourced statement")
eq(v["quote"], "=HYPERLINK(\"https://example.org/varga\",\"the photographs are staged\")", "quote kept verbatim in JSON")
leak = claims[1]["against"]["denies"][0]
eq(leak["note"], "says the tailings dam was inspected in February\x1b[31m", "note kept verbatim in JSON")
'
}

case_disputed_csv() {
  import_story
  run --db story.db disputed --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["story", "claim", "claim_text", "status", "sides_against", "counts_as", "stance", "statement",
             "actor", "actor_name", "side", "date", "attribution", "source", "source_title", "outlet", "via",
             "quote", "note"], "header")
records = [dict(zip(rows[0], row)) for row in rows[1:]]
eq(all(len(row) == len(rows[0]) for row in rows), True, "every row has every column")
per_claim = {}
for r in records:
    per_claim.setdefault(r["claim"], []).append(r["statement"])
eq(list(per_claim), ["bridge-demolition", "reservoir-leak", "grain-convoy"], "claims, in report order")
eq(sorted(per_claim["bridge-demolition"]), sorted(["reyl-accuses-bridge", "lindqvist-corroborates",
   "kovic-denies-bridge", "officials-dismiss-bridge", "varga-disputes-bridge"]), "rows of bridge-demolition")
eq(sorted(per_claim["reservoir-leak"]), ["lindqvist-leak", "varga-denies-leak"], "rows of reservoir-leak")
eq(sorted(per_claim["grain-convoy"]), ["officials-deny-grain", "reyl-grain"], "rows of grain-convoy")
by_id = {r["statement"]: r for r in records}
eq(by_id["kovic-denies-bridge"]["counts_as"], "against", "counts_as")
eq(by_id["kovic-denies-bridge"]["sides_against"], "2", "sides_against")
eq(by_id["kovic-denies-bridge"]["side"], "ostravia", "side")
eq(by_id["kovic-denies-bridge"]["via"], "Ostravian State Radio", "via")
eq(by_id["lindqvist-corroborates"]["counts_as"], "for", "counts_as")
eq(by_id["officials-deny-grain"]["source_title"], "No convoy was stopped, says ministry", "a title with a comma")
eq(by_id["varga-disputes-bridge"]["quote"],
   "\x27=HYPERLINK(\"https://example.org/varga\",\"the photographs are staged\")", "a formula-looking quote, defused")
for r in records:
    for column, cell in r.items():
        if cell[:1] in ("=", "+", "-", "@"):
            sys.exit("cell " + column + " of " + r["statement"] + " starts like a formula: " + repr(cell))
'
}

# Every format from the story file given directly equals the one from the
# database, and reading the file creates no database.
case_disputed_from_files() {
  import_story
  local format
  for format in text markdown json csv; do
    run --db story.db disputed --format "$format"
    expect_status 0
    cp "$out" "$io/from-db.$format"
    run disputed --format "$format" "$story"
    expect_status 0
    cmp -s "$out" "$io/from-db.$format" || fail "expected disputed --format $format from the file to equal the report from the database"
    expect_no_file gainsay.db
  done
  local extra
  extra=$(find . -mindepth 1 ! -name story.db)
  [ -z "$extra" ] || fail "expected no new file in the directory, found: $extra"
  # With a gainsay.db present, files given still take its place, untouched.
  run import "$fence"
  expect_status 0
  local before
  before=$(sha gainsay.db)
  run disputed --format json "$story"
  expect_status 0
  check_py 'eq(load()["stories"], ["kessel-bridge"], "stories read")'
  [ "$(sha gainsay.db)" = "$before" ] || fail "expected gainsay.db unchanged by a report on files"
  # Several files: both stories, and the text names each claim's story.
  run disputed "$story" "$fence"
  expect_status 0
  expect_out_line "stories: fence-line, kessel-bridge"
  expect_flat_has "[disputed] fence-moved in fence-line"
}

case_disputed_as_of() {
  import_story
  # claims_as_of DATE ID...: the disputed claims as of DATE, the same from
  # the database and from the file.
  claims_as_of() {
    local date=$1
    shift
    run --db story.db disputed --as-of "$date" --format json
    expect_status 0
    expect_claims "--as-of $date" "$date" "$@"
    cp "$out" "$io/as-of-db.json"
    run disputed --as-of "$date" --format json "$story"
    expect_status 0
    cmp -s "$out" "$io/as-of-db.json" || fail "expected the same report as of $date from the file as from the database"
  }
  # Nothing is answered yet: the denial of 5 March was published on 6 March.
  claims_as_of 2031-03-05
  claims_as_of 2031-03-06 bridge-demolition
  # Reyl's denial of the ferry seizure makes it disputed...
  claims_as_of 2031-03-31 bridge-demolition ferry-seized reservoir-leak
  # ... the grain denial, made on 5 April, is known only from 6 April ...
  claims_as_of 2031-04-05 bridge-demolition ferry-seized reservoir-leak
  claims_as_of 2031-04-06 bridge-demolition ferry-seized reservoir-leak grain-convoy
  # ... and Reyl's confirmation (published 21 April) ends the ferry dispute.
  claims_as_of 2031-04-20 bridge-demolition ferry-seized reservoir-leak grain-convoy
  claims_as_of 2031-04-21 bridge-demolition reservoir-leak grain-convoy
  claims_as_of 2031 bridge-demolition reservoir-leak grain-convoy
  check_expected_claims

  run --db story.db disputed --as-of 2031-03-31 --format json
  check_py '
ferry = [c for c in load()["claims"] if c["id"] == "ferry-seized"][0]
eq(ferry["status"], "disputed", "status of ferry-seized as of 2031-03-31")
eq(ids(ferry["against"]["denies"]), ["reyl-denies-ferry"], "its denial")
eq(ids(ferry["for"]), ["kovic-ferry"], "for it")
'
  run --db story.db disputed --as-of 2031-03-05
  expect_status 0
  expect_first_line "Disputed claims: 0"
  expect_out_has "stories: kessel-bridge · as of 2031-03-05"
  expect_out_has "No claim has both an actor for it and an actor of another side against it."
}

case_disputed_filters() {
  import_story
  run --db story.db import "$fence"
  expect_status 0
  # disputed_ids ARGS... -- ID...: the claims disputed --format json ARGS reports.
  disputed_ids() {
    local args=()
    while [ "$1" != "--" ]; do args+=("$1"); shift; done
    shift
    run --db story.db disputed --format json "${args[@]}"
    expect_status 0
    expect_claims "${args[*]}" - "$@"
  }
  # Most sides against first, then the earliest first statement.
  disputed_ids -- bridge-demolition fence-moved reservoir-leak grain-convoy
  disputed_ids --story kessel-bridge -- bridge-demolition reservoir-leak grain-convoy
  disputed_ids --story fence-line -- fence-moved
  # An actor by id, name or alias stands for its side.
  disputed_ids --actor ilse-varga -- bridge-demolition reservoir-leak
  disputed_ids --actor Varga -- bridge-demolition reservoir-leak
  disputed_ids --actor "Tomas Reyl" -- bridge-demolition grain-convoy
  disputed_ids --actor sudmark -- fence-moved
  disputed_ids --side lindqvist-institute -- bridge-demolition reservoir-leak
  disputed_ids --side Velmora -- bridge-demolition grain-convoy
  disputed_ids --side carpane --story kessel-bridge -- bridge-demolition reservoir-leak
  disputed_ids --actor Reyl --side carpane --
  check_expected_claims
  run --db story.db disputed --format json --story kessel-bridge --actor Varga --side carpane --as-of 2031-04
  check_py 'eq(load()["filter"], {"story": "kessel-bridge", "actor": "Varga", "side": "carpane", "since": None, "until": None,
    "as_of": "2031-04"}, "filter")'
  # The text heading names the filters.
  run --db story.db disputed --story kessel-bridge --side Velmora
  expect_status 0
  expect_out_has "story: kessel-bridge"
  expect_out_has "side: Velmora"
}

case_disputed_unknown_filter() {
  import_story
  local source
  for source in db file; do
    local input=()
    if [ "$source" = db ]; then input=(--db story.db disputed); else input=(disputed "$story"); fi
    run "${input[@]}" --story no-such-story
    expect_status 2
    expect_out_empty
    expect_err_has "'no-such-story'"
    run "${input[@]}" --actor "Nobody Atall"
    expect_status 2
    expect_out_empty
    expect_err_has "--actor 'Nobody Atall'"
    run "${input[@]}" --side atlantis
    expect_status 2
    expect_out_empty
    expect_err_has "--side 'atlantis'"
  done
}

case_import_progress() {
  # A bar on stderr only when it is a terminal, and never with --quiet.
  run_on_tty --db story.db import "$story"
  expect_status 0
  grep -q "writing statements \[" "$err" || grep -q "writing statements \[" "$out" || fail "no progress bar on a terminal"
  run --db story.db import "$story"
  expect_status 0
  grep -q "writing statements" "$err" && fail "a progress bar when stderr is not a terminal"
  run_on_tty --db story.db import --quiet "$story"
  expect_status 0
  expect_out_empty
}

case_inputs_from_pipes() {
  # Articles and sheets may come through pipes, which have no size.
  run extract --format json <(printf 'The minister said: "We will rebuild the bridge by May."\n')
  expect_status 0
  expect_out_has '"We will rebuild the bridge by May."'
  mkfifo sheet.csv
  printf 'id,by,claim,stance,claim_text\ns1,port-office,c1,asserts,The port reopened\n' >sheet.csv &
  run --db pipe.db import sheet.csv
  expect_status 0
  expect_out_has "1 statements"
  wait
}

case_search() {
  import_story
  run --db story.db search "blew it" --format json
  expect_status 0
  check_py '
r = load()
eq([(h["kind"], h["claim"], h["statement"]) for h in r], [("statement", "bridge-demolition", "reyl-accuses-bridge")], "hits")
eq(r[0]["speaker"], "Tomas Reyl", "speaker")
eq(r[0]["text"], "Ostravian sappers mined the bridge and [blew it] at dawn", "snippet")
'
  # The same from the story file, with a report filter; a formula stays inert in CSV.
  run search staged --file "$story" --format csv
  expect_status 0
  expect_out_has "'=HYPERLINK"
  run search reyl --file "$story" --since 2031-04-20 --format json
  expect_status 0
  check_py '
eq(sorted({h["statement"] for h in load()}), ["reyl-confirms-ferry"], "statements since then")
'
  run --db story.db search "no such words here"
  expect_status 0
  expect_out_has "(none)"
  run --db story.db search
  expect_status 2
  run --db story.db search bridge --story no-such-story
  expect_status 2
  expect_err_has "'no-such-story'"
}

case_disputed_colour() {
  import_story
  local format
  for format in text markdown; do
    run --db story.db disputed --format "$format"
    expect_status 0
    expect_no_escape "disputed --format $format to a file"
  done
  run --db story.db stories
  expect_no_escape "stories to a file"
  if ! command -v script >/dev/null 2>&1; then
    echo "cli.$case_name: no 'script' command: the terminal half of this case is skipped"
    return 0
  fi
  TERM=xterm run_on_tty --db story.db disputed
  expect_status 0
  expect_out_has "Disputed claims: 3"
  expect_escape "disputed on a terminal"
  # The ESC from the story text stays inert even on a terminal.
  if grep -q $'February\x1b' "$out"; then fail "expected the ESC from the story's note to be shown as \\x1b, not sent"; fi
  expect_out_has 'February\x1b[31m'
  TERM=xterm run_on_tty --db story.db stories
  expect_escape "stories on a terminal"
  TERM=xterm NO_COLOR=1 run_on_tty --db story.db disputed
  expect_status 0
  expect_out_has "Disputed claims: 3"
  expect_no_escape "disputed on a terminal with NO_COLOR=1"
  TERM=xterm NO_COLOR=1 run_on_tty --db story.db stories
  expect_no_escape "stories on a terminal with NO_COLOR=1"
  TERM=dumb run_on_tty --db story.db disputed
  expect_no_escape "disputed on a terminal with TERM=dumb"
}

# --- bad input: one problem per file ------------------------------------------

case_bad_malformed_yaml() { expect_rejected "$bad/malformed-yaml.yaml" 9:4 "malformed YAML"; }
# yaml-cpp reads an unterminated quoted scalar to the end of the file; the
# whole story after it must not be swallowed into the title.
case_bad_unterminated_quote() { expect_rejected "$bad/unterminated-quote.yaml" "*" "malformed YAML"; }
case_bad_format_2() { expect_rejected "$bad/format-2.yaml" 2:9 "unsupported format '2'" "format 1"; }
case_bad_missing_key() { expect_rejected "$bad/missing-key.yaml" 10:5 "missing required key 'kind'" "actor"; }
case_bad_unknown_key() {
  expect_rejected "$bad/unknown-key.yaml" 32:5 "unknown key 'stanse'" "did you mean 'stance'"
  expect_diagnostic unknown-key.yaml 29:5 "missing required key 'stance'"
}
case_bad_duplicate_id() {
  expect_rejected "$bad/duplicate-id.yaml" 21:9 "duplicate claim id 'fence-moved'" "first defined at line 18"
}
case_bad_unknown_actor() { expect_rejected "$bad/unknown-actor.yaml" 30:9 "unknown actor 'westmark'" "'by'"; }
case_bad_unknown_claim() { expect_rejected "$bad/unknown-claim.yaml" 31:12 "unknown claim 'fence-removed'"; }
case_bad_unknown_source() { expect_rejected "$bad/unknown-source.yaml" 27:13 "unknown source 'herald'"; }
case_bad_unknown_statement() {
  expect_rejected "$bad/unknown-statement.yaml" 33:18 "unknown statement 'sudmark-claims'" "'responds_to'"
}
case_bad_unknown_stance() { expect_rejected "$bad/unknown-stance.yaml" 32:13 "unknown stance 'deny'" "denies"; }
case_bad_unknown_attribution() {
  expect_rejected "$bad/unknown-attribution.yaml" 28:18 "unknown attribution 'off-record'" "did you mean 'on-record'"
}
case_bad_invalid_date() {
  expect_rejected "$bad/invalid-date.yaml" 34:11 "invalid date '2022-13'" "month must be 01 to 12"
}
case_bad_impossible_date() {
  expect_rejected "$bad/impossible-date.yaml" 34:11 "invalid date '2022-02-30'" "February 2022 has 28 days"
}
case_bad_member_of_cycle() {
  expect_rejected "$bad/member-of-cycle.yaml" 10:16 "member_of cycle" "norland -> sudmark -> norland"
}
case_bad_responds_to_itself() {
  expect_rejected "$bad/responds-to-itself.yaml" 33:18 "'norland-denies' responds to itself"
}
case_bad_empty_claim_text() { expect_rejected "$bad/empty-claim-text.yaml" 19:11 "empty text of claim 'fence-moved'"; }
case_bad_invalid_utf8() { expect_rejected "$bad/invalid-utf8.yaml" 11:31 "invalid UTF-8" "0xe9"; }
case_bad_nul_byte() { expect_rejected "$bad/nul-byte.yaml" 15:23 "NUL byte"; }
case_bad_deep_nesting() {
  # No crash, and a message that says what is wrong (not yaml-cpp's "bad file").
  expect_rejected "$bad/deep-nesting.yaml" "*" "malformed YAML"
  grep -qE '^deep-nesting\.yaml:10:[0-9]+: error: .*(nest|deep)' "$err" ||
    fail "expected a diagnostic at line 10 saying the YAML is nested too deeply"
}
case_bad_huge_file() {
  # One byte over the 64 MiB limit, made here: a valid story and a long comment.
  local limit=$((64 * 1024 * 1024))
  local size
  size=$(wc -c <"$fence")
  { cat "$fence"; printf '#'; head -c $((limit - size - 1)) /dev/zero | tr '\0' x; printf '\n'; } >huge.yaml
  [ "$(wc -c <huge.yaml)" -eq $((limit + 1)) ] || fail "could not make a file of 64 MiB + 1 byte"
  expect_rejected huge.yaml "" "limited to 64 MiB"
  # The message must not say the file is as large as the limit it exceeds.
  if grep -qF "file is 64 MiB;" "$err"; then
    fail "expected the size of a file over the limit to read as more than 64 MiB, got: $(head -n 1 "$err")"
  fi
}
case_bad_several_problems() {
  expect_rejected "$bad/several-problems.yaml" 25:13 "unknown stance 'claims'"
  expect_diagnostic several-problems.yaml 30:9 "unknown actor 'westmark'"
  expect_diagnostic several-problems.yaml 34:11 "invalid date '2030-04-31'" "April 2030 has 30 days"
  expect_err_has "gainsay: error: 3 errors in the story files"
}
# The census of bad inputs: one case for each line "FIXTURE<tab>LINE:COLUMN<tab>
# MESSAGE" of ../fixtures/bad/cases.txt (registered as cli.bad_input.FIXTURE):
# the fixture is refused as expect_rejected says, and the exact diagnostic
# "FIXTURE:LINE:COLUMN: error: MESSAGE" is a line of stderr.
case_bad_listed() {
  local fixture=$case_arg location message
  IFS=$'\t' read -r _ location message < <(awk -F '\t' -v f="$fixture" '$1 == f { print; exit }' "$bad/cases.txt")
  [ -n "$message" ] || fail "no line for '$fixture' in $bad/cases.txt"
  expect_rejected "$bad/$fixture" "$location" "$message"
  local want="$fixture:$location: error: $message"
  grep -qxF -- "$want" "$io/import-stderr" ||
    fail "expected the exact diagnostic '$want', got: $(head -n 3 "$io/import-stderr")"
}

# Paths that are not story files: a missing file and a directory.
case_bad_not_a_file() {
  import_story
  local before
  before=$(sha story.db)
  run --db story.db import missing.yaml
  expect_status 2
  expect_diagnostic missing.yaml "" "cannot read file"
  mkdir stories
  run --db story.db import stories
  expect_status 2
  expect_diagnostic stories "" "directory"
  if grep -qF "MiB" "$err"; then fail "expected a directory to be reported as a directory, not by its size"; fi
  [ "$(sha story.db)" = "$before" ] || fail "expected story.db unchanged"
  run disputed stories
  expect_status 2
  expect_err_has "directory"
}

# A good file and a bad one together import nothing, not even the good one.
case_bad_with_good() {
  import_story
  local before
  before=$(sha story.db)
  cp "$bad/unknown-actor.yaml" .
  run --db story.db import "$fence" unknown-actor.yaml
  expect_status 2
  expect_diagnostic unknown-actor.yaml 30:9 "unknown actor 'westmark'"
  [ "$(sha story.db)" = "$before" ] || fail "expected story.db unchanged"
  run --db story.db stories --format csv
  expect_out_lacks "fence-line"
  # Also when the good file would replace a story already there.
  cp "$story" grown.yaml
  printf '  - id: extra\n    by: ilse-varga\n    claim: grain-convoy\n    stance: denies\n' >>grown.yaml
  run --db story.db import grown.yaml unknown-actor.yaml
  expect_status 2
  [ "$(sha story.db)" = "$before" ] || fail "expected story.db unchanged"
  # And into no database at all: none is created.
  run --db new.db import "$fence" unknown-actor.yaml
  expect_status 2
  expect_no_file new.db
}

# --- the other reports: show, actor, timeline, shifts, contradictions, matrix,
# --- claims, actors (on tollen-light.yaml; its header says what they rely on)

# skip WHY: the case cannot run here; CTest reports it as skipped.
skip() {
  echo "SKIP cli.$case_name: $*" >&2
  exit 77
}
need_dot() { command -v dot >/dev/null 2>&1 || skip "Graphviz's dot is not on PATH"; }
need_networkx() { python3 -c 'import networkx' 2>/dev/null || skip "python3 cannot import networkx"; }

expect_err_lacks() {
  if grep -qF -- "$1" "$err"; then fail "expected stderr not to contain '$1'"; fi
}

# Like expect_flat_has, with the tree drawing (│ ├─ └─) at the start of each
# line taken away first, so that a wrapped statement in show reads as one.
expect_tree_has() {
  sed -E 's/^((│|├─|└─) *)+//' "$out" | tr -s ' \n' '  ' | grep -qF -- "$1" ||
    fail "expected stdout (tree and line breaks ignored) to contain '$1'"
}

# Imports tollen-light.yaml into tollen.db.
import_tollen() {
  run --db tollen.db import "$tollen"
  expect_status 0
}

# expect_column HOW COLUMN WHAT VALUE...: the CSV table on stdout has in
# COLUMN exactly these VALUEs (HOW "all": one per row, in order; "distinct":
# each distinct value once, in order of first appearance). Like
# expect_claims, the checks are kept and made in one python run by
# check_columns.
expected_columns=0
expect_column() {
  local how=$1 name=$2 what=$3
  shift 3
  expected_columns=$((expected_columns + 1))
  cp "$out" "$io/column-$expected_columns.csv"
  printf '%s\t%s\t%s\t%s\t%s\n' "$io/column-$expected_columns.csv" "$how" "$name" "$what" "$*" >>"$io/columns.tsv"
}
check_columns() {
  check_py '
for line in open(sys.argv[2], encoding="utf-8"):
    path, how, name, what, want = line.rstrip("\n").split("\t")
    got = column(csv_rows(path), name)
    if how == "distinct":
        got = list(dict.fromkeys(got))
    eq(got, want.split(), what)
' "$io/columns.tsv"
}

case_show_text() {
  run show lights-off "$tollen"
  expect_status 0
  expect_no_escape "show text, not on a terminal"
  expect_first_line "Brevonian agents switched off the Tollen lighthouse"
  expect_flat_has "[partially-conceded] lights-off in tollen-light · disputed · about: Kingdom of Brevonia · for: Harbour Watch, Republic of Askar · against: Kingdom of Brevonia, maritime analysts"
  expect_flat_has "contradicts: A storm knocked out the lighthouse's power (storm-damage)"
  expect_tree_has "in The Tollen Post, “Lighthouse dark, ships warned”, 2032-05-02"
  expect_tree_has "“No Brevonian set foot on Tollen”"
  expect_tree_has "concedes: concede that a Brevonian crew was on the island that night"
  expect_tree_has "2032-05-01 · asserts · Cdr. Jon Ferro (Republic of Askar) · on-record · via Askari Navy in The Tollen Post, “Buoys, bans and a correction”, 2032-05-10"
  expect_flat_has "Position shifts Kingdom of Brevonia (side): denies (2032-05-02, Anna Quell) → partially-admits (2032-05-20, unnamed Brevonian officials)"
  # The tree: each statement at its depth (an answer under what it answers),
  # in date order, the partial month first and the undated last.
  check_py '
import re
tree = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^((?:[│ ]  )*)([├└])─ (\S+) · (\S+)", line)
    if m:
        tree.append((len(m.group(1)) // 3, m.group(3), m.group(4), m.group(2)))
eq([t[:3] for t in tree], [(0, "2032-05", "corroborates"), (0, "2032-05-01", "asserts"), (1, "2032-05-02", "denies"),
    (0, "2032-05-01", "asserts"), (0, "2032-05-20", "partially-admits"), (0, "undated", "disputes")], "the tree of lights-off")
eq([t[3] for t in tree if t[0] == 0][-1], "└", "the last root branch")
'
  run show lights-off "$tollen" --format markdown
  expect_status 0
  expect_no_escape "show markdown"
  expect_first_line "# Brevonian agents switched off the Tollen lighthouse"
  expect_out_has 'Status: **partially-conceded** · claim `lights-off`'
  expect_out_line "## Thread"
  expect_out_has "- **asserts**: Cdr. Jon Ferro (Republic of Askar), 2032-05-01, on-record; [The Tollen Post, “Lighthouse dark, ships warned”, 2032-05-02](https://example.org/post/lighthouse)"
  # The answer is a nested list item.
  expect_out_has "  - **denies**: Anna Quell (Kingdom of Brevonia), 2032-05-02, on-record;"
  expect_out_has "- **disputes**: maritime analysts, undated, via-media"
}

case_show_json_csv() {
  import_tollen
  run --db tollen.db show lights-off --format json
  expect_status 0
  check_py '
r = load()
eq(r["report"], "show", "report")
eq(r["story"], "tollen-light", "story")
eq(r["claim"], {"id": "lights-off", "text": "Brevonian agents switched off the Tollen lighthouse"}, "claim")
eq(r["status"], "partially-conceded", "status")
eq(r["disputed"], True, "disputed (a JSON boolean)")
eq(ids(r["about"]), ["brevonia"], "about")
eq(ids(r["sides_for"]), ["harbour-watch", "askar"], "sides_for")
eq(ids(r["sides_against"]), ["brevonia", "analysts"], "sides_against")
eq(r["contradicts"], ["storm-damage"], "contradicts")
thread = r["thread"]
eq(ids(thread), ["watch-lights", "ferro-accuses", "ferro-repeated", "sources-admit-lights", "analysts-lights"], "roots of the thread")
by_id = {s["id"]: s for s in thread}
eq(ids(by_id["ferro-accuses"]["answers"]), ["quell-denies"], "answers to ferro-accuses")
denial = by_id["ferro-accuses"]["answers"][0]
eq((denial["stance"], denial["date"], denial["responds_to"]), ("denies", "2032-05-02", "ferro-accuses"), "the denial")
eq(denial["actor"], {"id": "anna-quell", "name": "Anna Quell"}, "its actor")
eq(denial["side"]["id"], "brevonia", "its side")
eq(denial["answers"], [], "answers to the denial")
eq(denial["quote"], "No Brevonian set foot on Tollen", "its quote")
rep = by_id["ferro-repeated"]
eq((rep["repeats"], rep["via"]["id"], rep["source"]["id"]), ("ferro-accuses", "askar-navy", "post-0510"), "the repeat")
eq(by_id["watch-lights"]["date"], "2032-05", "a partial date")
eq(by_id["analysts-lights"]["date"], None, "an undated statement")
eq(by_id["analysts-lights"]["source"], None, "an unsourced statement")
eq(by_id["sources-admit-lights"]["note"], "concede that a Brevonian crew was on the island that night", "the note")
eq(len(r["shifts"]), 1, "shifts")
shift = r["shifts"][0]
eq((shift["who"]["id"], shift["level"]), ("brevonia", "side"), "who shifted")
eq([(s["statement"], s["stance"], s["counts_as"], s["order_uncertain"]) for s in shift["steps"]],
   [("quell-denies", "denies", "against", False), ("sources-admit-lights", "partially-admits", "partial", False)], "steps")
eq(shift["undated"], [], "undated steps")
'
  run --db tollen.db show lights-off --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["depth", "statement", "responds_to", "claim", "date", "stance", "actor", "actor_name", "side", "attribution",
             "source", "via", "quote", "note"], "header")
eq(all(len(row) == len(rows[0]) for row in rows), True, "every row has every column")
records = [dict(zip(rows[0], row)) for row in rows[1:]]
eq([(r["depth"], r["statement"]) for r in records],
   [("0", "watch-lights"), ("0", "ferro-accuses"), ("1", "quell-denies"), ("0", "ferro-repeated"),
    ("0", "sources-admit-lights"), ("0", "analysts-lights")], "depth and statement of each row")
by_id = {r["statement"]: r for r in records}
eq(by_id["quell-denies"]["responds_to"], "ferro-accuses", "responds_to")
eq((by_id["ferro-repeated"]["via"], by_id["ferro-repeated"]["source"]), ("askar-navy", "post-0510"), "via and source")
eq((by_id["analysts-lights"]["date"], by_id["analysts-lights"]["side"]), ("", "analysts"), "the undated row")
eq(set(r["claim"] for r in records), {"lights-off"}, "claim column")
'
}

# As of a date, show the thread a reader could have known then; --since
# keeps an answer whose question it drops, at the top.
case_show_as_of() {
  run show lights-off "$tollen" --as-of 2032-05-31 --format json
  expect_status 0
  check_py '
r = load()
eq(r["status"], "disputed", "status as of 2032-05-31")
eq(ids(r["thread"]), ["watch-lights", "ferro-accuses", "ferro-repeated"], "roots as of 2032-05-31")
eq(ids(r["thread"][1]["answers"]), ["quell-denies"], "answers as of 2032-05-31")
eq(r["shifts"], [], "no shift yet")
'
  run show lights-off "$tollen" --as-of 2032-06-01 --format json
  expect_status 0
  check_py '
r = load()
eq(r["status"], "partially-conceded", "status as of 2032-06-01")
eq(ids(r["thread"]), ["watch-lights", "ferro-accuses", "ferro-repeated", "sources-admit-lights"], "roots as of 2032-06-01")
eq([s["who"]["id"] for s in r["shifts"]], ["brevonia"], "the shift, once the admission is published")
'
  run show lights-off "$tollen" --as-of 2032-05-01
  expect_status 0
  expect_out_has "[unasserted] lights-off"
  expect_out_has "No statements on this claim."
  run show lights-off "$tollen" --since 2032-05-02 --format csv
  expect_status 0
  check_py '
rows = csv_rows()
eq([(r["depth"], r["statement"]) for r in rows], [("0", "watch-lights"), ("0", "quell-denies"), ("0", "sources-admit-lights")],
   "rows since 2032-05-02 (the partial month may fall in it; the undated cannot)")
'
}

# A verdict given on 2032-06-10 was not there to read on 2032-05-31.
case_show_verdict_as_of() {
  run show lights-off "$tollen"
  expect_status 0
  expect_flat_has "verdict: Mostly true (2032-06-10) — The island log shows the lamp was switched off by hand."
  run show lights-off "$tollen" --as-of 2032-06-10
  expect_status 0
  expect_out_has "verdict: Mostly true"
  run show lights-off "$tollen" --as-of 2032-05-31
  expect_status 0
  expect_out_has "lights-off"
  expect_out_lacks "Mostly true"
}

case_show_unknown_claim() {
  import_tollen
  run --db tollen.db import "$story"
  expect_status 0
  local input
  for input in db file; do
    local args=(show no-such-claim "$tollen")
    [ "$input" = db ] && args=(--db tollen.db show no-such-claim)
    run "${args[@]}"
    expect_status 2
    expect_out_empty
    expect_err_has "'no-such-claim'"
    args=(timeline no-such-claim "$tollen")
    [ "$input" = db ] && args=(--db tollen.db timeline no-such-claim)
    run "${args[@]}" --format csv
    expect_status 2
    expect_out_empty
    expect_err_has "'no-such-claim'"
  done
  # A claim of another story than the one chosen is not there either.
  run --db tollen.db show lights-off --story kessel-bridge
  expect_status 2
  expect_err_has "'lights-off'"
  run --db tollen.db show lights-off --story tollen-light --format csv
  expect_status 0
  # The same claim id in two stories: --story chooses.
  sed 's/^  id: tollen-light$/  id: tollen-copy/' "$tollen" >copy.yaml
  run --db tollen.db import copy.yaml
  expect_status 0
  run --db tollen.db show lights-off
  expect_status 2
  expect_out_empty
  expect_err_has "'lights-off'"
  expect_err_has "--story"
  run --db tollen.db show lights-off --story tollen-copy --format json
  expect_status 0
  check_py 'eq(load()["story"], "tollen-copy", "story of the claim shown")'
}

case_actor_text() {
  run actor Ferro "$tollen"
  expect_status 0
  expect_no_escape "actor text, not on a terminal"
  expect_first_line "Cdr. Jon Ferro"
  expect_flat_has "person, navy spokesperson · id jon-ferro in tollen-light · side: Republic of Askar · member of: askar-navy · also: Ferro"
  expect_flat_has "5 statements on 4 claims for: lights-off, radar-jammed, buoys-moved against: fishing-ban evasive on: none"
  expect_flat_has "Askar banned Brevonian boats from the Tollen banks [contested-within-side] fishing-ban denies Cdr. Jon Ferro (Republic of Askar) · 2032-05-03 · on-record no source given “There is no ban, the banks are open”"
  expect_out_lacks "Anna Quell"
  # Claims in the order of the actor's first statement on them.
  check_py '
text = open(sys.argv[1], encoding="utf-8").read()
heads = ["Brevonian agents switched off", "Askar banned Brevonian boats", "Brevonian boats moved the channel", "Brevonia jammed the Askari"]
eq(sorted(heads, key=text.find), heads, "order of the claims")
eq(all(text.find(h) > 0 for h in heads), True, "every claim shown")
'
  run actor askar --with-members "$tollen"
  expect_status 0
  expect_first_line "Republic of Askar and 3 under it"
  expect_flat_has "7 statements on 5 claims for: lights-off, storm-damage, fishing-ban, radar-jammed, buoys-moved against: fishing-ban"
  expect_flat_has "Position shifts fishing-ban: Republic of Askar (side): denies (2032-05-03, Cdr. Jon Ferro) → confirms (2032-05-09, Prime Minister Lene Ostby)"
  expect_flat_has "Contradictions Republic of Askar (side) is both for and against fishing-ban Republic of Askar (side) is for both lights-off and storm-damage, which contradict each other"
  # Without --with-members the government itself said nothing.
  run actor askar "$tollen"
  expect_status 0
  expect_flat_has "0 statements on 0 claims"
  run actor askar --with-members "$tollen" --format markdown
  expect_status 0
  expect_first_line "# Republic of Askar"
  expect_out_line "## Askar banned Brevonian boats from the Tollen banks"
  expect_out_has 'Status: **contested-within-side** · claim `fishing-ban`'
}

case_actor_json_csv() {
  import_tollen
  run --db tollen.db actor askar --with-members --format json
  expect_status 0
  check_py '
r = load()
eq(r["report"], "actor", "report")
eq(r["story"], "tollen-light", "story")
eq(r["actor"], {"id": "askar", "name": "Republic of Askar", "kind": "government", "role": None, "aliases": ["Askar"]}, "actor")
eq(r["side"], {"id": "askar", "name": "Republic of Askar"}, "side")
eq(sorted(ids(r["members"])), ["askar", "askar-navy", "jon-ferro", "lene-ostby"], "members")
eq(r["for"], ["lights-off", "storm-damage", "fishing-ban", "radar-jammed", "buoys-moved"], "for")
eq((r["against"], r["evasive"]), (["fishing-ban"], []), "against, evasive")
eq([(c["id"], c["status"], ids(c["statements"])) for c in r["claims"]],
   [("lights-off", "partially-conceded", ["ferro-accuses", "ferro-repeated"]), ("storm-damage", "unanswered", ["ostby-storm"]),
    ("fishing-ban", "contested-within-side", ["ferro-fishing", "ostby-fishing"]), ("buoys-moved", "disputed", ["ferro-buoys"]),
    ("radar-jammed", "evaded", ["ferro-radar"])], "claims and statements")
eq([(c["kind"], c["who"]["id"], c["level"], c["claim"], c["other_claim"]) for c in r["contradictions"]],
   [("for-and-against", "askar", "side", "fishing-ban", None), ("contradicting-claims", "askar", "side", "lights-off", "storm-damage")],
   "contradictions")
eq([ids(c["first"]) + ["|"] + ids(c["second"]) for c in r["contradictions"]],
   [["ostby-fishing", "|", "ferro-fishing"], ["ferro-accuses", "ferro-repeated", "|", "ostby-storm"]], "their statements")
eq([(s["claim"], s["who"]["id"], s["level"], [t["statement"] for t in s["steps"]]) for s in r["shifts"]],
   [("fishing-ban", "askar", "side", ["ferro-fishing", "ostby-fishing"])], "shifts")
'
  run --db tollen.db actor Quell --format json
  expect_status 0
  check_py '
r = load()
eq(r["actor"]["id"], "anna-quell", "an actor by alias")
eq(r["actor"]["role"], "foreign ministry spokesperson", "role")
eq(ids(r["members"]), ["anna-quell"], "members without --with-members")
eq(r["side"]["id"], "brevonia", "side")
eq((r["for"], r["against"], r["evasive"]), (["fishing-ban"], ["lights-off", "buoys-moved"], []), "for, against, evasive")
'
  run --db tollen.db actor brevonia --with-members --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["claim", "claim_status", "statement", "actor", "date", "stance", "attribution", "source", "quote", "note"], "header")
records = [dict(zip(rows[0], row)) for row in rows[1:]]
eq([(r["claim"], r["statement"], r["actor"]) for r in records],
   [("lights-off", "quell-denies", "anna-quell"), ("lights-off", "sources-admit-lights", "brev-sources"),
    ("fishing-ban", "quell-fishing", "anna-quell"), ("buoys-moved", "quell-buoys", "anna-quell"),
    ("radar-jammed", "mfa-declines-radar", "brev-mfa"), ("radar-jammed", "sources-deflect-radar", "brev-sources")], "rows")
by_id = {r["statement"]: r for r in records}
eq(by_id["sources-admit-lights"]["claim_status"], "partially-conceded", "claim_status")
eq((by_id["sources-deflect-radar"]["date"], by_id["sources-deflect-radar"]["source"]), ("", "post-0601"), "an undated row")
eq(by_id["quell-buoys"]["note"], "called it a sailor\x27s tale", "note")
'
}

case_actor_unknown() {
  import_tollen
  run --db tollen.db actor "Nobody Atall"
  expect_status 2
  expect_out_empty
  expect_err_has "'Nobody Atall'"
  run actor nobody-here "$tollen" --format json
  expect_status 2
  expect_out_empty
  expect_err_has "'nobody-here'"
  # An alias in two stories names two actors: an id with --story chooses.
  sed 's/^  id: tollen-light$/  id: tollen-copy/' "$tollen" >copy.yaml
  run actor Ferro "$tollen" copy.yaml
  expect_status 2
  expect_out_empty
  expect_err_has "'Ferro'"
  expect_err_has "--story"
  run actor Ferro "$tollen" copy.yaml --story tollen-copy --format json
  expect_status 0
  check_py 'eq((load()["story"], load()["actor"]["id"]), ("tollen-copy", "jon-ferro"), "the actor in the story chosen")'
}

# Dated statements in date order, a partial date before the days inside it,
# ties in the file's order; the undated apart, after them all.
case_timeline() {
  local order="analysts-mined watch-lights ferro-accuses ferro-repeated quell-denies ostby-storm quell-fishing post-pilot
    ferro-fishing ferro-buoys quell-buoys ferro-radar mfa-declines-radar ostby-fishing post-retracts-pilot sources-admit-lights
    analysts-lights sources-deflect-radar analysts-doubt-mines"
  run timeline "$tollen"
  expect_status 0
  expect_no_escape "timeline text, not on a terminal"
  [ "$(head -n 1 "$out" | tr -s ' ')" = "date claim actor stance words" ] ||
    fail "expected the timeline header 'date claim actor stance words'"
  check_py '
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
rows = [l.split()[:2] for l in lines[1:] if l[:4] == "2032"]
eq([r[0] for r in rows], ["2032", "2032-05", "2032-05-01", "2032-05-01"] + ["2032-05-02"] * 4 +
   ["2032-05-03", "2032-05-04", "2032-05-04", "2032-05-05", "2032-05-06", "2032-05-09", "2032-05-10", "2032-05-20"], "dates")
eq([r[1] for r in rows[4:8]], ["lights-off", "storm-damage", "fishing-ban", "pilot-arrested"], "the 2032-05-02 tie, in file order")
breaks = [i for i, l in enumerate(lines) if l == "Undated: these cannot be placed in time"]
eq(len(breaks), 1, "one undated heading")
last_dated = max(i for i, l in enumerate(lines) if l[:4] == "2032")
eq(breaks[0] > last_dated, True, "the undated heading after every dated row")
undated = [l.split()[:2] for l in lines[breaks[0] + 1:] if l[:12] == " " * 12 and l.strip() and l[12] != " "]
eq(undated, [["lights-off", "maritime"], ["radar-jammed", "unnamed"], ["harbour-mined", "maritime"]], "the undated rows")
'
  run timeline "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["date", "precision", "story", "claim", "statement", "actor", "side", "stance", "attribution", "source", "words"], "header")
records = [dict(zip(rows[0], row)) for row in rows[1:]]
eq(column(records, "statement"), sys.argv[2].split(), "statements in timeline order")
eq(column(records, "precision"), ["year", "month"] + ["day"] * 14 + ["none"] * 3, "precision")
eq([r["date"] for r in records[-3:]], ["", "", ""], "undated dates")
by_id = {r["statement"]: r for r in records}
eq(by_id["quell-denies"]["words"], "“No Brevonian set foot on Tollen”", "words: the quote")
eq(by_id["quell-buoys"]["words"], "called it a sailor\x27s tale", "words: the note")
eq(by_id["quell-denies"]["source"], "The Tollen Post 2032-05-02", "source")
eq((by_id["ferro-fishing"]["actor"], by_id["ferro-fishing"]["side"], by_id["ferro-fishing"]["attribution"]),
   ("Cdr. Jon Ferro", "askar", "on-record"), "actor, side, attribution")
' "$order"
  run timeline "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(type(rows), list, "top level")
eq([r["statement"] for r in rows], sys.argv[2].split(), "statements in timeline order")
eq([r["date"] or None for r in rows[:2]], ["2032", "2032-05"], "partial dates")
eq([r["date"] or None for r in rows[-3:]], [None, None, None], "undated dates (empty or null)")
eq(set(rows[0]), {"date", "precision", "story", "claim", "statement", "actor", "side", "stance", "attribution", "source", "words"}, "keys")
' "$order"
  run timeline "$tollen" --format markdown
  expect_status 0
  expect_first_line "| date | precision | story | claim | statement | actor | side | stance | attribution | source | words |"
  expect_out_line "**Undated: these cannot be placed in time**"
  expect_out_has "| 2032-05 | month | tollen-light | lights-off | watch-lights | Harbour Watch |"
  # One claim: a first argument that is not a file; from the database too.
  import_tollen
  local input
  for input in file db; do
    if [ "$input" = file ]; then run timeline lights-off "$tollen" --format csv; else run --db tollen.db timeline lights-off --format csv; fi
    expect_status 0
    check_py 'eq(column(csv_rows(), "statement"), ["watch-lights", "ferro-accuses", "ferro-repeated", "quell-denies",
    "sources-admit-lights", "analysts-lights"], "the timeline of lights-off")'
  done
  # --since and --until keep what may fall in the span, and drop the undated.
  run --db tollen.db timeline --since 2032-05-02 --until 2032-05-04 --format csv
  expect_status 0
  check_py 'eq(column(csv_rows(), "statement"), ["analysts-mined", "watch-lights", "quell-denies", "ostby-storm", "quell-fishing",
    "post-pilot", "ferro-fishing", "ferro-buoys", "quell-buoys"], "the timeline from 2032-05-02 to 2032-05-04")'
  # --actor keeps the claims its side speaks on or is accused in (pilot-arrested).
  run --db tollen.db timeline --actor Ostby --format csv
  expect_status 0
  check_py 'eq(sorted(set(column(csv_rows(), "claim"))), ["buoys-moved", "fishing-ban", "lights-off", "pilot-arrested", "radar-jammed", "storm-damage"],
    "claims in the timeline of the side of Ostby")'
}

case_shifts() {
  run shifts "$tollen"
  expect_status 0
  expect_no_escape "shifts text, not on a terminal"
  expect_flat_has "Kingdom of Brevonia (side) on “Brevonian agents switched off the Tollen lighthouse”: denies → partially-admits"
  expect_flat_has "Republic of Askar (side) on “Askar banned Brevonian boats from the Tollen banks”: denies → confirms"
  expect_flat_has "The Tollen Post on “Askar arrested a Brevonian harbour pilot”: asserts → retracts"
  expect_flat_has "maritime analysts on “Someone laid mines at the Tollen harbour entrance”: asserts; undated, cannot be ordered: disputes"
  expect_flat_has "2 2032-05-20 partially-admits unnamed Brevonian officials The Tollen Post 2032-06-01"
  expect_flat_has "undated disputes maritime analysts"
  run shifts "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["claim", "who", "level", "step", "date", "stance", "counts_as", "actor", "source", "statement"], "header")
eq([tuple(r[i] for i in (0, 1, 2, 3, 5, 6, 9)) for r in rows[1:]], [
    ("lights-off", "brevonia", "side", "1", "denies", "against", "quell-denies"),
    ("lights-off", "brevonia", "side", "2", "partially-admits", "partial", "sources-admit-lights"),
    ("fishing-ban", "askar", "side", "1", "denies", "against", "ferro-fishing"),
    ("fishing-ban", "askar", "side", "2", "confirms", "for", "ostby-fishing"),
    ("pilot-arrested", "tollen-post", "actor", "1", "asserts", "for", "post-pilot"),
    ("pilot-arrested", "tollen-post", "actor", "2", "retracts", "withdrawn", "post-retracts-pilot"),
    ("harbour-mined", "analysts", "actor", "1", "asserts", "for", "analysts-mined"),
    ("harbour-mined", "analysts", "actor", "undated", "disputes", "against", "analysts-doubt-mines")], "shift rows")
eq([r[4] for r in rows[1:]], ["2032-05-02", "2032-05-20", "2032-05-03", "2032-05-09", "2032-05-02", "2032-05-10", "2032", ""], "dates")
'
  run shifts "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(len(rows), 8, "rows")
eq([(r["claim"], r["who"], r["statement"]) for r in rows[:2]],
   [("lights-off", "brevonia", "quell-denies"), ("lights-off", "brevonia", "sources-admit-lights")], "first shift")
eq(str(rows[1]["step"]), "2", "step")
'
  # Before and after an answer: as of 2032-05-09 nothing has shifted in
  # print; the prime minister's confirmation (published 2032-05-10) and the
  # retraction shift Askar and the Post; the admission (published 2032-06-01)
  # shifts Brevonia. The analysts (dated only 2032) are certain only at its end.
  shift_claims() {
    local date=$1
    shift
    run shifts "$tollen" --as-of "$date" --format csv
    expect_status 0
    expect_column distinct claim "claims shifted as of $date" "$@"
  }
  shift_claims 2032-05-09
  shift_claims 2032-05-10 fishing-ban pilot-arrested
  shift_claims 2032-05-31 fishing-ban pilot-arrested
  shift_claims 2032-06-01 lights-off fishing-ban pilot-arrested
  shift_claims 2032-12-31 lights-off fishing-ban pilot-arrested
  shift_claims 2033 lights-off fishing-ban pilot-arrested
  check_columns
  run shifts "$tollen" --as-of 2032-05-09
  expect_status 0
  expect_out_line "(none)"
}

case_contradictions() {
  run contradictions "$tollen"
  expect_status 0
  expect_no_escape "contradictions text, not on a terminal"
  expect_flat_has "Republic of Askar (side) is both for and against “Askar banned Brevonian boats from the Tollen banks”"
  expect_flat_has "fishing-ban 2032-05-09 confirms Prime Minister Lene Ostby “The banks are closed to them until further notice” fishing-ban 2032-05-03 denies Cdr. Jon Ferro “There is no ban, the banks are open”"
  expect_flat_has "maritime analysts is both for and against “Someone laid mines at the Tollen harbour entrance”"
  expect_flat_has "Republic of Askar (side) is for two claims that contradict each other: “Brevonian agents switched off the Tollen lighthouse” and “A storm knocked out the lighthouse's power”"
  run contradictions "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["kind", "who", "level", "claim", "role", "date", "stance", "actor", "statement", "source", "words"], "header")
eq([tuple(r[i] for i in (0, 1, 2, 3, 4, 8)) for r in rows[1:]], [
    ("for-and-against", "askar", "side", "fishing-ban", "for", "ostby-fishing"),
    ("for-and-against", "askar", "side", "fishing-ban", "against", "ferro-fishing"),
    ("for-and-against", "analysts", "actor", "harbour-mined", "for", "analysts-mined"),
    ("for-and-against", "analysts", "actor", "harbour-mined", "against", "analysts-doubt-mines"),
    ("contradicting-claims", "askar", "side", "lights-off", "for", "ferro-accuses"),
    ("contradicting-claims", "askar", "side", "lights-off", "for", "ferro-repeated"),
    ("contradicting-claims", "askar", "side", "storm-damage", "for", "ostby-storm")], "contradiction rows")
'
  run contradictions "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(len(rows), 7, "rows")
eq((rows[1]["kind"], rows[1]["level"], rows[1]["role"], rows[1]["stance"], rows[1]["date"]),
   ("for-and-against", "side", "against", "denies", "2032-05-03"), "the side against itself")
eq(rows[1]["words"], "“There is no ban, the banks are open”", "words")
'
  # Before the prime minister's confirmation is published, Askar's side has
  # not contradicted itself on the ban; the analysts' doubt is undated.
  run contradictions "$tollen" --as-of 2032-05-09 --format csv
  expect_status 0
  check_py 'eq([(r["kind"], r["claim"], r["statement"]) for r in csv_rows()],
    [("contradicting-claims", "lights-off", "ferro-accuses"), ("contradicting-claims", "storm-damage", "ostby-storm")],
    "contradictions as of 2032-05-09")'
  # An actor against its own earlier word (kessel-bridge: Reyl on the ferry).
  run contradictions "$story" --format csv
  expect_status 0
  check_py 'eq([(r["who"], r["level"], r["role"], r["statement"]) for r in csv_rows()],
    [("tomas-reyl", "actor", "for", "reyl-confirms-ferry"), ("tomas-reyl", "actor", "against", "reyl-denies-ferry")],
    "contradictions of kessel-bridge")'
}

case_matrix() {
  run matrix "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows, [
    ["claimant_side", "answering_side", "claims_against", "denies", "dismisses", "disputes", "partially-admits", "deflects", "declines", "counter-accuses"],
    ["Republic of Askar", "maritime analysts", "1", "0", "0", "1", "0", "0", "0", "0"],
    ["Republic of Askar", "Kingdom of Brevonia", "2", "1", "1", "0", "1", "1", "1", "0"],
    ["Kingdom of Brevonia", "Republic of Askar", "1", "1", "0", "0", "0", "0", "0", "0"],
    ["Harbour Watch", "maritime analysts", "1", "0", "0", "1", "0", "0", "0", "0"],
    ["Harbour Watch", "Kingdom of Brevonia", "1", "1", "0", "0", "1", "0", "0", "0"]], "matrix rows")
'
  run matrix "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(len(rows), 5, "rows")
r = rows[1]
eq((r["claimant_side"], r["answering_side"]), ("Republic of Askar", "Kingdom of Brevonia"), "sides")
eq([r[k] for k in ("claims_against", "denies", "dismisses", "disputes", "partially-admits", "deflects", "declines", "counter-accuses")],
   [2, 1, 1, 0, 1, 1, 1, 0], "counts, as JSON numbers")
'
  run matrix "$tollen"
  expect_status 0
  [ "$(head -n 1 "$out" | tr -s ' ')" = "claimant_side answering_side claims_against denies dismisses disputes partially-admits deflects declines counter-accuses" ] ||
    fail "expected the matrix header"
  grep -qE '^Republic of Askar +Kingdom of Brevonia +2 +1 +1 +0 +1 +1 +1 +0$' "$out" || fail "expected the Askar-Brevonia row"
  # As of 2032-05-09 only the lighthouse accusation and the ban are in print
  # with an answer (the radar accusation and the buoys come out 2032-05-10).
  run matrix "$tollen" --as-of 2032-05-09 --format csv
  expect_status 0
  check_py 'eq([(r["claimant_side"], r["answering_side"], r["claims_against"], r["denies"], r["dismisses"], r["declines"]) for r in csv_rows()],
    [("Republic of Askar", "Kingdom of Brevonia", "1", "1", "0", "0"), ("Kingdom of Brevonia", "Republic of Askar", "1", "1", "0", "0")],
    "matrix as of 2032-05-09")'
}

case_claims() {
  run claims "$tollen"
  expect_status 0
  expect_no_escape "claims text, not on a terminal"
  [ "$(head -n 1 "$out" | tr -s ' ')" = "id status for against statements text" ] || fail "expected the claims header"
  grep -qE '^fishing-ban +contested-within-side +brevonia, askar +askar +3 +Askar banned' "$out" || fail "expected the fishing-ban row"
  grep -qE '^pilot-arrested +retracted +2 +Askar arrested a Brevonian harbour pilot$' "$out" || fail "expected the pilot-arrested row"
  run claims "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["story", "id", "status", "disputed", "for", "against", "statements", "first", "last", "text"], "header")
records = [dict(zip(rows[0], row)) for row in rows[1:]]
eq([(r["id"], r["status"], r["disputed"]) for r in records], [
    ("lights-off", "partially-conceded", "yes"), ("storm-damage", "unanswered", "no"),
    ("fishing-ban", "contested-within-side", "yes"), ("pilot-arrested", "retracted", "no"),
    ("radar-jammed", "evaded", "no"), ("buoys-moved", "disputed", "yes"),
    ("harbour-mined", "contested-within-side", "no")], "claims in file order, with their status")
l = records[0]
eq((l["for"], l["against"], l["statements"], l["first"], l["last"]),
   ("harbour-watch, askar", "brevonia, analysts", "6", "2032-05", "2032-05-20"), "lights-off")
eq(l["text"], "Brevonian agents switched off the Tollen lighthouse", "text")
eq((records[3]["for"], records[3]["against"]), ("", ""), "a retracted claim has nobody for or against it")
'
  run claims "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(len(rows), 7, "rows")
eq((rows[0]["statements"], rows[0]["story"]), (6, "tollen-light"), "a count as a JSON number")
'
  # claim_ids ARGS... -- ID...: the claims listed by claims --format csv ARGS.
  claim_ids() {
    local args=()
    while [ "$1" != "--" ]; do args+=("$1"); shift; done
    shift
    run claims "$tollen" --format csv "${args[@]}"
    expect_status 0
    expect_column all id "claims ${args[*]}" "$@"
  }
  claim_ids --status disputed -- buoys-moved
  claim_ids --status contested-within-side -- fishing-ban harbour-mined
  claim_ids --status retracted --status evaded -- pilot-arrested radar-jammed
  claim_ids --status conceded --
  # Before and after an answer: the admission (published 2032-06-01) makes
  # lights-off partially conceded; Ostby's confirmation (2032-05-10) turns
  # the ban from disputed to contested within Askar's side.
  claim_ids --status disputed --as-of 2032-05-09 -- lights-off fishing-ban
  claim_ids --status disputed --as-of 2032-05-10 -- lights-off buoys-moved
  claim_ids --status disputed --as-of 2032-05-31 -- lights-off buoys-moved
  claim_ids --status disputed --as-of 2032-06-01 -- buoys-moved
  claim_ids --status partially-conceded --as-of 2032-06-01 -- lights-off
  claim_ids --status unasserted --as-of 2032-05-09 -- radar-jammed buoys-moved harbour-mined
  claim_ids --side Brevonia --status disputed -- buoys-moved
  claim_ids --actor "Harbour Watch" -- lights-off
  check_columns
  run claims "$tollen" --status bogus
  expect_status 2
  expect_out_empty
  expect_err_has "bogus"
}

case_actors() {
  run actors "$tollen"
  expect_status 0
  expect_no_escape "actors text, not on a terminal"
  [ "$(head -n 1 "$out" | tr -s ' ')" = "id kind side statements for against evasive name" ] || fail "expected the actors header"
  grep -qE '^anna-quell +person +brevonia +3 +1 +2 +0 +Anna Quell$' "$out" || fail "expected Anna Quell's row"
  run actors "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
eq(rows[0], ["story", "id", "name", "kind", "side", "member_of", "statements", "claims", "for", "against", "evasive"], "header")
records = {r[1]: dict(zip(rows[0], r)) for r in rows[1:]}
eq(list(records), ["askar", "askar-navy", "jon-ferro", "lene-ostby", "brevonia", "brev-mfa", "anna-quell", "brev-sources",
                   "harbour-watch", "tollen-post", "analysts"], "actors in file order")
f = records["jon-ferro"]
eq((f["kind"], f["side"], f["member_of"], f["statements"], f["claims"], f["for"], f["against"], f["evasive"]),
   ("person", "askar", "askar-navy", "5", "4", "3", "1", "0"), "jon-ferro")
eq([records["brev-sources"][k] for k in ("statements", "claims", "for", "against", "evasive")], ["2", "2", "0", "1", "1"], "brev-sources")
eq([records["analysts"][k] for k in ("statements", "claims", "for", "against")], ["3", "2", "1", "2"], "analysts")
eq(records["askar"]["member_of"], "", "a root has no member_of")
'
  run actors "$tollen" --format json
  expect_status 0
  check_py '
rows = load()
eq(len(rows), 11, "rows")
eq((rows[2]["id"], rows[2]["statements"], rows[2]["for"]), ("jon-ferro", 5, 3), "counts as JSON numbers")
'
  actor_ids() {
    local args=()
    while [ "$1" != "--" ]; do args+=("$1"); shift; done
    shift
    run actors "$tollen" --format csv "${args[@]}"
    expect_status 0
    expect_column all id "actors ${args[*]}" "$@"
  }
  actor_ids --kind person -- jon-ferro lene-ostby anna-quell
  actor_ids --kind person --kind outlet -- jon-ferro lene-ostby anna-quell tollen-post
  actor_ids --kind anonymous -- brev-sources
  actor_ids --kind party --
  actor_ids --side Brevonia -- brevonia brev-mfa anna-quell brev-sources
  actor_ids --side Brevonia --kind person -- anna-quell
  check_columns
  run actors "$tollen" --kind wizard
  expect_status 2
  expect_out_empty
  expect_err_has "wizard"
}

# Every new report reads the database and story files alike, and reading
# files creates no database.
case_reports_from_files() {
  import_tollen
  local report format
  local reports=("show lights-off" "actor askar --with-members" "timeline" "timeline lights-off" "shifts" "contradictions"
                 "matrix" "claims" "actors")
  for report in "${reports[@]}"; do
    local words
    read -r -a words <<<"$report"
    for format in text markdown json csv; do
      run --db tollen.db "${words[@]}" --format "$format"
      expect_status 0
      [ -s "$out" ] || fail "expected output from $report --format $format"
      cp "$out" "$io/from-db"
      run "${words[@]}" "$tollen" --format "$format"
      expect_status 0
      cmp -s "$out" "$io/from-db" || fail "expected $report --format $format from the file to equal the report from the database"
    done
  done
  for format in dot graphml json; do
    run --db tollen.db graph --format "$format"
    expect_status 0
    cp "$out" "$io/from-db"
    run graph "$tollen" --format "$format"
    expect_status 0
    cmp -s "$out" "$io/from-db" || fail "expected graph --format $format from the file to equal the graph from the database"
  done
  expect_no_file gainsay.db
}

case_usage_help_reports() {
  run --help
  expect_status 0
  local command
  for command in show actor timeline shifts contradictions matrix claims actors graph export; do
    grep -qE "^ +$command( |$)" "$out" || fail "expected --help to list the subcommand '$command'"
  done
  for command in show actor timeline shifts contradictions matrix claims actors graph; do
    run "$command" --help
    expect_status 0
    local option
    for option in --story --actor --side --since --until --as-of --format; do expect_out_has "$option"; done
  done
  run actor --help
  expect_out_has "--with-members"
  run claims --help
  expect_out_has "--status"
  run actors --help
  expect_out_has "--kind"
  run graph --help
  expect_out_has "--claim"
  expect_out_has "--render"
  run export --help
  expect_out_has "--out"
  expect_out_has "--story"
}

# --- graph ------------------------------------------------------------------------

# check_svg_labels SVG [SIDE...]: every node of the last graph --format json
# on stdout is drawn in SVG (made by dot) with its label as its text (the
# lines of a wrapped label joined by spaces): a claim's with its status
# after it, a statement's as its stance and date; and each SIDE's name is
# the label of a cluster.
check_svg_labels() {
  check_py '
import xml.etree.ElementTree as ET
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
graph = load()
drawn = {}
for g in ET.parse(sys.argv[2]).iter(SVG + "g"):
    if g.get("class") != "node":
        continue
    link = g.find(".//" + SVG + "a")
    gid = link.get(XLINK + "title") if link is not None else None
    drawn[gid] = " ".join(t.text or "" for t in g.iter(SVG + "text"))
eq(sorted(drawn), sorted(n["id"] for n in graph["nodes"]), "the nodes drawn (by tooltip)")
for n in graph["nodes"]:
    want = n["label"] + (" [" + n["status"] + "]" if n["kind"] == "claim" else "")
    if n["kind"] == "statement":
        want = n["stance"] + " " + n.get("date", "undated")
    eq(drawn[n["id"]], want, "the text drawn for " + n["id"])
clusters = [" ".join(t.text or "" for t in g.iter(SVG + "text"))
            for g in ET.parse(sys.argv[2]).iter(SVG + "g") if g.get("class") == "cluster"]
for side in sys.argv[3:]:
    eq(side in clusters, True, "a cluster labelled " + repr(side) + " among " + repr(clusters))
' "$@"
}

case_graph_dot_render() {
  need_dot
  run graph "$tollen"
  expect_status 0
  expect_first_line "digraph G {"
  expect_out_has 'label="Republic of Askar"; style=rounded'
  expect_out_has 'label="Kingdom of Brevonia"; style=rounded'
  cp "$out" graph.dot
  # Piped straight into Graphviz.
  last_command="gainsay graph tollen-light.yaml | dot -Tsvg"
  "$gainsay" graph "$tollen" </dev/null 2>"$err" | dot -Tsvg >graph.svg 2>"$io/dot-stderr"
  local statuses=("${PIPESTATUS[@]}")
  [ "${statuses[0]}" -eq 0 ] || fail "expected gainsay graph to exit 0 in the pipe, got ${statuses[0]}"
  [ "${statuses[1]}" -eq 0 ] || fail "expected dot -Tsvg to exit 0, got ${statuses[1]}: $(head -n 3 "$io/dot-stderr")"
  [ ! -s "$io/dot-stderr" ] || fail "expected dot to say nothing, got: $(head -n 3 "$io/dot-stderr")"
  grep -q '<svg' graph.svg || fail "expected an SVG from dot"
  run graph "$tollen" --format json
  expect_status 0
  check_svg_labels graph.svg "Republic of Askar" "Kingdom of Brevonia"
}

case_graph_render() {
  need_dot
  run graph "$tollen" --render out.svg
  expect_status 0
  expect_out_empty
  expect_err_has "out.svg"
  expect_file out.svg
  grep -q '<svg' out.svg || fail "expected out.svg to be an SVG"
  run graph "$tollen" --format json
  check_svg_labels out.svg
  run graph "$tollen" --claim buoys-moved --render out.png
  expect_status 0
  expect_file out.png
  [ "$(head -c 8 out.png | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "expected out.png to start with the PNG signature"
  run graph "$tollen" --claim buoys-moved --render out.pdf
  expect_status 0
  [ "$(head -c 5 out.pdf)" = "%PDF-" ] || fail "expected out.pdf to start with %PDF-"
  # Only .svg, .png and .pdf.
  run graph "$tollen" --render out.txt
  expect_status 2
  expect_out_empty
  expect_err_has "out.txt"
  expect_no_file out.txt
  # Without Graphviz on PATH.
  PATH=/nonexistent run graph "$tollen" --render nodot.svg
  expect_status 2
  expect_out_empty
  expect_err_has "Graphviz is not installed"
  expect_no_file nodot.svg
  # A dot that fails.
  mkdir fakebin
  printf '#!/bin/sh\necho "dot: broken" >&2\nexit 3\n' >fakebin/dot
  chmod +x fakebin/dot
  PATH="$PWD/fakebin:$PATH" run graph "$tollen" --render broken.svg
  expect_status 2
  expect_err_has "broken.svg"
  # Into a folder that is not there.
  run graph "$tollen" --render no-such-dir/out.svg
  expect_status 2
  expect_err_has "no-such-dir/out.svg"
}

# The DOT for --render goes through a temporary file: one at a predictable
# name (TMPDIR/gainsay-PID.dot) lets anyone who plants a symlink there make
# gainsay overwrite the file it points to.
case_graph_render_temp_file() {
  need_dot
  mkdir tmp
  printf 'precious\n' >victim.txt
  last_command="(TMPDIR=tmp, with tmp/gainsay-PID.dot -> victim.txt) gainsay graph tollen-light.yaml --claim buoys-moved --render out.svg"
  TMPDIR="$PWD/tmp" bash -c 'ln -s "$1" "$TMPDIR/gainsay-$$.dot" && exec "$2" graph "$3" --claim buoys-moved --render out.svg' \
    _ "$PWD/victim.txt" "$gainsay" "$tollen" >"$out" 2>"$err" </dev/null
  status=$?
  [ "$(cat victim.txt)" = precious ] ||
    fail "expected victim.txt unchanged, but gainsay wrote through the symlink at TMPDIR/gainsay-PID.dot: it now starts '$(head -c 40 victim.txt)'"
}

case_graph_graphml_networkx() {
  need_networkx
  run graph "$tollen" --format json
  expect_status 0
  cp "$out" graph.json
  run graph "$tollen" --format graphml
  expect_status 0
  expect_first_line '<?xml version="1.0" encoding="UTF-8"?>'
  cp "$out" graph.graphml
  check_py "$(cat <<'PY'
import collections
import networkx as nx
data = json.load(open(sys.argv[2], encoding="utf-8"))
g = nx.read_graphml(sys.argv[1])
eq((data["directed"], data["multigraph"]), (True, True), "directed, multigraph")
eq((len(data["nodes"]), len(data["links"])), (41, 72), "nodes and links of the node-link JSON")
eq(g.number_of_nodes(), len(data["nodes"]), "GraphML nodes")
eq(g.number_of_edges(), len(data["links"]), "GraphML edges")
eq(g.is_directed(), True, "GraphML directed")
for n, d in g.nodes(data=True):
    for key in ("kind", "label", "gid"):
        eq(type(d.get(key)), str, "type of " + key + " of " + n)
    eq(type(d.get("disputed")), bool, "type of disputed of " + d["gid"])
eq(collections.Counter(d["kind"] for n, d in g.nodes(data=True)),
   collections.Counter({"statement": 19, "actor": 11, "claim": 7, "source": 4}), "kinds of node")
node = {d["gid"]: n for n, d in g.nodes(data=True)}
eq(sorted(node), sorted(n["id"] for n in data["nodes"]), "node ids (gid) against the JSON")
attrs = lambda gid: g.nodes[node[gid]]
lights = attrs("claim:lights-off")
eq((lights["label"], lights["status"], lights["disputed"]),
   ("Brevonian agents switched off the Tollen lighthouse", "partially-conceded", True), "claim:lights-off")
eq((attrs("claim:storm-damage")["disputed"], attrs("claim:storm-damage")["status"]), (False, "unanswered"), "claim:storm-damage")
denial = attrs("statement:quell-denies")
eq((denial["stance"], denial["counts_as"], denial["date"], denial["attribution"], denial["side"], denial["quote"]),
   ("denies", "against", "2032-05-02", "on-record", "brevonia", "No Brevonian set foot on Tollen"), "statement:quell-denies")
eq((attrs("actor:jon-ferro")["actor_kind"], attrs("actor:jon-ferro")["role"], attrs("actor:jon-ferro")["side"]),
   ("person", "navy spokesperson", "askar"), "actor:jon-ferro")
eq((attrs("source:post-0502")["url"], attrs("source:post-0502")["date"]), ("https://example.org/post/lighthouse", "2032-05-02"), "source")
for u, v, d in g.edges(data=True):
    eq(type(d.get("relation")), str, "relation of an edge")
between = lambda a, b: [d for u, v, d in g.edges(data=True) if u == node[a] and v == node[b]]
eq([(d["relation"], d["edge_stance"]) for d in between("statement:quell-denies", "claim:lights-off")], [("stance", "denies")],
   "the edge statement:quell-denies -> claim:lights-off")
eq([d["relation"] for d in between("statement:quell-denies", "statement:ferro-accuses")], ["responds_to"], "an answer")
eq([d["relation"] for d in between("statement:ferro-repeated", "statement:ferro-accuses")], ["repeats"], "a repeat")
eq([d["relation"] for d in between("statement:ferro-repeated", "actor:askar-navy")], ["via"], "via")
eq([d["relation"] for d in between("claim:lights-off", "actor:brevonia")], ["about"], "about")
eq(len(between("claim:storm-damage", "claim:lights-off")) + len(between("claim:lights-off", "claim:storm-damage")), 1, "contradicts")
eq(collections.Counter(d["relation"] for u, v, d in g.edges(data=True)),
   collections.Counter(l["relation"] for l in data["links"]), "relations, GraphML against JSON")
# The node-link JSON: NetworkX 3.4 and later name the edge list with edges=.
try:
    h = nx.node_link_graph(data, edges="links")
except TypeError:
    h = nx.node_link_graph(data)
eq((h.number_of_nodes(), h.number_of_edges()), (41, 72), "nodes and edges through node_link_graph")
eq((h.is_directed(), h.is_multigraph()), (True, True), "directed multigraph")
eq((h.nodes["claim:lights-off"]["disputed"], h.nodes["claim:lights-off"]["kind"]), (True, "claim"), "claim:lights-off")
eq([(d["relation"], d.get("stance")) for d in h.get_edge_data("statement:quell-denies", "claim:lights-off").values()],
   [("stance", "denies")], "the stance edge through node_link_graph")
PY
)" graph.json

  # --claim: that claim's part only, the same in both formats.
  run graph "$tollen" --claim buoys-moved --format json
  expect_status 0
  cp "$out" part.json
  run graph "$tollen" --claim buoys-moved --format graphml
  expect_status 0
  check_py "$(cat <<'PY'
import networkx as nx
data = json.load(open(sys.argv[2], encoding="utf-8"))
g = nx.read_graphml(sys.argv[1])
ids_of = lambda kind: sorted(n["id"] for n in data["nodes"] if n["kind"] == kind)
eq(ids_of("claim"), ["claim:buoys-moved"], "claims in the part")
eq(ids_of("statement"), ["statement:ferro-buoys", "statement:quell-buoys"], "statements in the part")
gids = set(n["id"] for n in data["nodes"])
for must in ("actor:jon-ferro", "actor:anna-quell", "actor:brevonia", "source:post-0510"):
    eq(must in gids, True, must + " in the part")
for not_there in ("actor:harbour-watch", "actor:analysts", "claim:lights-off", "source:watch-report"):
    eq(not_there in gids, False, not_there + " in the part")
eq(all(l["source"] in gids and l["target"] in gids for l in data["links"]), True, "every link between nodes of the part")
eq(len(data["nodes"]) < 41 and len(data["links"]) < 72, True, "a smaller graph")
eq((g.number_of_nodes(), g.number_of_edges()), (len(data["nodes"]), len(data["links"])), "GraphML part against JSON part")
eq(sorted(d["gid"] for n, d in g.nodes(data=True)), sorted(gids), "GraphML part nodes")
PY
)" part.json
  run graph "$tollen" --claim no-such-claim
  expect_status 2
  expect_out_empty
  expect_err_has "'no-such-claim'"
}

# Quotes, backslashes (one ending a label), <script>, ]] and & in every
# text: the DOT renders and shows each text as written, and GraphML gives
# each back exactly.
case_graph_hostile_text() {
  need_dot
  run graph "$hostile"
  expect_status 0
  cp "$out" hostile.dot
  last_command="dot -Tsvg hostile.dot"
  dot -Tsvg hostile.dot >hostile.svg 2>"$io/dot-stderr" || fail "expected dot to render the DOT of hostile-text.yaml: $(head -n 3 "$io/dot-stderr")"
  [ ! -s "$io/dot-stderr" ] || fail "expected dot to say nothing, got: $(head -n 3 "$io/dot-stderr")"
  run graph "$hostile" --format json
  expect_status 0
  check_svg_labels hostile.svg "C:\\Archive\\" '<script>alert("gotcha")</script> & Sons ]]>'
  check_py "$(cat <<'PY'
nodes = {n["id"]: n for n in load()["nodes"]}
want = {
    "actor:quoter": 'Dr. "Mad" Quoter \\ the Second',
    "actor:backslash-org": 'C:\\Archive\\',
    "actor:scripter": '<script>alert("gotcha")</script> & Sons ]]>',
    "source:weird-source": 'Report {left|right} [ok]] "quoted" \\n not a newline',
    "claim:quoted-claim": 'He said "stop" \\ then <b>left</b> ]; now ends in a backslash \\',
    "claim:escape-claim": 'A literal \\n, \\t, \\N, \\G, \\l, \\\\ and \\" stay as typed',
}
for gid, text in want.items():
    eq(nodes[gid]["label"], text, "JSON label of " + gid)
PY
)"
  run graph "$hostile" --render hostile-rendered.svg
  expect_status 0
  expect_file hostile-rendered.svg
  need_networkx
  run graph "$hostile" --format graphml
  expect_status 0
  check_py "$(cat <<'PY'
import networkx as nx
g = nx.read_graphml(sys.argv[1])
by_gid = {d["gid"]: d for n, d in g.nodes(data=True)}
want = {
    ("actor:quoter", "label"): 'Dr. "Mad" Quoter \\ the Second',
    ("actor:backslash-org", "label"): 'C:\\Archive\\',
    ("actor:scripter", "label"): '<script>alert("gotcha")</script> & Sons ]]>',
    ("source:weird-source", "label"): 'Report {left|right} [ok]] "quoted" \\n not a newline',
    ("source:weird-source", "url"): 'https://example.org/a?b=1&c="2"',
    ("claim:quoted-claim", "label"): 'He said "stop" \\ then <b>left</b> ]; now ends in a backslash \\',
    ("claim:escape-claim", "label"): 'A literal \\n, \\t, \\N, \\G, \\l, \\\\ and \\" stay as typed',
    ("statement:quoter-asserts", "note"): 'trailing backslash \\',
    ("statement:scripter-denies", "note"): '&lt; is not < and \\x1b is not an escape',
    ("statement:quoter-escape", "quote"): '\\"}" -> "{\\',
}
for (gid, key), text in want.items():
    eq(by_gid[gid][key], text, "GraphML " + key + " of " + gid)
eq((g.number_of_nodes(), g.number_of_edges()), (9, 11), "nodes and edges")
PY
)"
}

# A quote with a line break in it: the node-link JSON keeps the line break;
# GraphML (XML carries line breaks) should give the same text back.
case_graph_graphml_line_break() {
  need_networkx
  run graph "$hostile" --format json
  expect_status 0
  check_py '
quote = [n for n in load()["nodes"] if n["id"] == "statement:quoter-asserts"][0]["quote"]
eq(quote, "first line\nsecond \"line\" \\ with ]] and <script>", "JSON quote of statement:quoter-asserts")
'
  run graph "$hostile" --format graphml
  expect_status 0
  check_py '
import networkx as nx
g = nx.read_graphml(sys.argv[1])
quote = [d for n, d in g.nodes(data=True) if d["gid"] == "statement:quoter-asserts"][0]["quote"]
eq(quote, "first line\nsecond \"line\" \\ with ]] and <script>", "GraphML quote of statement:quoter-asserts")
'
}

# --- export -------------------------------------------------------------------------

# expect_same_stories DB1 DB2: stories --format json of both databases agree
# on every story's id, title and counts.
# files_in DIR: the names in DIR, sorted, each followed by a space.
files_in() { (cd "$1" && printf '%s ' *); }

expect_same_stories() {
  run --db "$1" stories --format json
  expect_status 0
  cp "$out" "$io/stories-1.json"
  run --db "$2" stories --format json
  expect_status 0
  check_py '
keys = ("id", "title", "actors", "sources", "claims", "statements")
counts = lambda rows: sorted(tuple(r[k] for k in keys) for r in rows)
eq(counts(load()), counts(json.load(open(sys.argv[2], encoding="utf-8"))), "stories of " + sys.argv[3] + " against " + sys.argv[4])
' "$io/stories-1.json" "$2" "$1"
}

# export_round_trip FORMAT: each story of first.db, exported, imported into
# second.db and exported again, is the same byte for byte, and reports the same.
export_round_trip() {
  local format=$1 id
  run --db first.db import "$tollen" "$hostile" "$story"
  expect_status 0
  for id in tollen-light hostile-text kessel-bridge; do
    run --db first.db export --story "$id" --format "$format"
    expect_status 0
    cp "$out" "$id.$format"
    run --db second.db import "$id.$format"
    expect_status 0
  done
  expect_same_stories first.db second.db
  for id in tollen-light hostile-text kessel-bridge; do
    run --db second.db export --story "$id" --format "$format"
    expect_status 0
    cmp -s "$out" "$id.$format" || fail "expected export --story $id --format $format of second.db to equal that of first.db"
  done
  local report
  for report in disputed claims timeline shifts contradictions matrix actors; do
    run --db first.db "$report" --format json
    expect_status 0
    cp "$out" "$io/first.json"
    run --db second.db "$report" --format json
    expect_status 0
    cmp -s "$out" "$io/first.json" || fail "expected $report --format json of the re-imported stories to equal the original's"
  done
  run --db second.db graph --format graphml --story tollen-light
  cp "$out" "$io/second.graphml"
  run graph "$tollen" --format graphml
  cmp -s "$out" "$io/second.graphml" || fail "expected the graph of the re-imported tollen-light to equal the original's"
}

case_export_yaml_round_trip() {
  export_round_trip yaml
  head -n 1 tollen-light.yaml | grep -qx "format: 1" || fail "expected the YAML export to start 'format: 1'"
  # The original file and its export read the same.
  run export "$tollen"
  expect_status 0
  cmp -s "$out" tollen-light.yaml || fail "expected export of the file to equal export of the database"
  expect_out_has "    repeats: ferro-accuses"
  expect_out_has "      rating: Mostly true"
}

case_export_json_round_trip() {
  export_round_trip json
  run export "$tollen" --format json
  expect_status 0
  check_py '
s = load()
eq(s["format"], 1, "format")
eq(s["story"], {"id": "tollen-light", "title": "Who switched off the Tollen lighthouse?",
                "description": "Askar and Brevonia argue over a dark lighthouse and a fishing ban."}, "story")
eq([len(s[k]) for k in ("actors", "sources", "claims", "statements")], [11, 4, 7, 19], "counts")
eq(ids(s["statements"])[:3], ["analysts-mined", "ferro-accuses", "quell-denies"], "statements in file order")
st = {x["id"]: x for x in s["statements"]}
eq(st["ferro-repeated"]["repeats"], "ferro-accuses", "repeats")
eq(st["ferro-repeated"]["via"], "askar-navy", "via")
eq(st["watch-lights"]["date"], "2032-05", "a partial date")
eq("date" in st["analysts-lights"], False, "an undated statement has no date key")
c = {x["id"]: x for x in s["claims"]}
eq(c["lights-off"]["verdict"]["rating"], "Mostly true", "verdict")
eq(c["storm-damage"]["contradicts"], ["lights-off"], "contradicts")
a = {x["id"]: x for x in s["actors"]}
eq((a["jon-ferro"]["member_of"], a["jon-ferro"]["aliases"], a["jon-ferro"]["role"]), ("askar-navy", ["Ferro"], "navy spokesperson"), "an actor")
'
  run export "$hostile" --format json
  expect_status 0
  check_py '
s = load()
st = {x["id"]: x for x in s["statements"]}
eq(st["quoter-asserts"]["quote"], "first line\nsecond \"line\" \\ with ]] and <script>", "a quote with a line break")
eq(s["story"]["title"], "The \"quoted\" <script>alert(1)</script> story \\", "a title ending in a backslash")
'
}

case_export_csv() {
  run export "$tollen" --format csv
  expect_status 0
  check_py '
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
header = ["story", "id", "by", "claim", "stance", "date", "source", "attribution", "quote", "note", "responds_to",
          "repeats", "via", "claim_text", "actor_name", "source_url", "actor_kind", "actor_member_of", "claim_about"]
eq(rows[0], header, "header")
eq(all(len(row) == len(header) for row in rows), True, "every row has every column")
records = [dict(zip(header, row)) for row in rows[1:]]
eq(len(records), 19, "one row per statement")
eq(column(records, "id")[:4], ["analysts-mined", "ferro-accuses", "quell-denies", "ostby-storm"], "statements in file order")
eq(set(column(records, "story")), {"tollen-light"}, "story column")
r = {x["id"]: x for x in records}
q = r["quell-denies"]
eq((q["by"], q["claim"], q["stance"], q["date"], q["source"], q["attribution"], q["quote"], q["responds_to"]),
   ("anna-quell", "lights-off", "denies", "2032-05-02", "post-0502", "on-record", "No Brevonian set foot on Tollen", "ferro-accuses"),
   "quell-denies")
eq((q["claim_text"], q["actor_name"], q["source_url"]),
   ("Brevonian agents switched off the Tollen lighthouse", "Anna Quell", "https://example.org/post/lighthouse"), "the added columns")
eq((r["ferro-repeated"]["repeats"], r["ferro-repeated"]["via"], r["ferro-repeated"]["source_url"]), ("ferro-accuses", "askar-navy", ""), "a repeat")
eq((r["analysts-lights"]["date"], r["analysts-lights"]["source"], r["analysts-lights"]["note"]),
   ("", "", "doubt that anyone could reach the lamp unseen"), "an undated, unsourced statement")
eq(r["watch-lights"]["date"], "2032-05", "a partial date")
eq(r["quell-buoys"]["note"], "called it a sailor\x27s tale", "a note")
'
  run export "$hostile" --format csv
  expect_status 0
  check_py '
records = csv_rows()
eq(len(records), 3, "rows")
eq(records[0]["quote"], "first line\nsecond \"line\" \\ with ]] and <script>", "a quote with a line break, quoted in CSV")
eq(records[0]["actor_name"], "Dr. \"Mad\" Quoter \\ the Second", "a name with quotes and a backslash")
eq(records[2]["claim_text"], "A literal \\n, \\t, \\N, \\G, \\l, \\\\ and \\\" stay as typed", "claim text")
'
  # Two stories make one sheet, with the story column telling them apart.
  run export "$tollen" "$fence" --format csv
  expect_status 0
  check_py '
records = csv_rows()
eq(len(records), 21, "rows of two stories")
eq(sorted(set(column(records, "story"))), ["fence-line", "tollen-light"], "stories")
for r in records:
    for name, cell in r.items():
        if cell[:1] in ("=", "+", "-", "@"):
            sys.exit("cell " + name + " of " + r["id"] + " starts like a formula: " + repr(cell))
'
}

case_export_several_stories() {
  import_tollen
  run --db tollen.db import "$story"
  expect_status 0
  local format
  for format in yaml json; do
    run --db tollen.db export --format "$format"
    expect_status 2
    expect_out_empty
    expect_err_has "2 stories"
    expect_err_has "--story"
    expect_err_has "--out"
  done
  run export "$tollen" "$story"
  expect_status 2
  expect_out_empty
  expect_err_has "--story"
  run --db tollen.db export --story kessel-bridge
  expect_status 0
  expect_out_line "  id: kessel-bridge"
  expect_out_lacks "tollen"
  cp "$out" "$io/kessel.yaml"
  run --db tollen.db export --story tollen-light
  expect_status 0
  cp "$out" "$io/tollen.yaml"
  run --db tollen.db export --story no-such-story
  expect_status 2
  expect_out_empty
  expect_err_has "'no-such-story'"
  # --out DIR: one file per story, named after it.
  run --db tollen.db export --out stories
  expect_status 0
  expect_out_empty
  [ "$(files_in stories)" = "kessel-bridge.yaml tollen-light.yaml " ] ||
    fail "expected stories/ to hold kessel-bridge.yaml and tollen-light.yaml, got: $(files_in stories)"
  cmp -s stories/kessel-bridge.yaml "$io/kessel.yaml" || fail "expected stories/kessel-bridge.yaml to equal export --story kessel-bridge"
  cmp -s stories/tollen-light.yaml "$io/tollen.yaml" || fail "expected stories/tollen-light.yaml to equal export --story tollen-light"
  run --db tollen.db export --out json-stories --format json
  expect_status 0
  [ "$(files_in json-stories)" = "kessel-bridge.json tollen-light.json " ] ||
    fail "expected json-stories/ to hold kessel-bridge.json and tollen-light.json, got: $(files_in json-stories)"
  # The files written import back as the two stories.
  run --db again.db import stories/kessel-bridge.yaml json-stories/tollen-light.json
  expect_status 0
  expect_same_stories tollen.db again.db
}

# --out DIR "writes one file per story" (export --help); a CSV sheet is one
# story, named after its file (design: the story's id is the file's name).
case_export_csv_out_per_story() {
  import_tollen
  run --db tollen.db import "$story"
  expect_status 0
  run --db tollen.db export --out sheets --format csv
  expect_status 0
  [ "$(files_in sheets)" = "kessel-bridge.csv tollen-light.csv " ] ||
    fail "expected sheets/ to hold kessel-bridge.csv and tollen-light.csv, got: $(files_in sheets)"
}

# --out naming a file that is there and not a folder is bad usage, said so.
case_export_out_not_a_directory() {
  printf 'notes\n' >taken
  run export "$tollen" --out taken
  expect_status 2
  expect_out_empty
  expect_err_has "taken"
  expect_err_lacks "internal error"
  [ "$(cat taken)" = notes ] || fail "expected the file 'taken' unchanged"
}

# --- usage ------------------------------------------------------------------------

case_usage_no_subcommand() {
  run
  expect_status 2
  expect_out_empty
  expect_err_has "subcommand"
  run --db x.db
  expect_status 2
  expect_no_file x.db
}

case_usage_unknown_subcommand() {
  run frobnicate
  expect_status 2
  expect_out_empty
  expect_err_has "frobnicate"
}

case_usage_unknown_option() {
  run --frobnicate stories
  expect_status 2
  expect_err_has "--frobnicate"
  import_story
  run --db story.db disputed --colour
  expect_status 2
  expect_out_empty
  expect_err_has "--colour"
}

case_usage_bad_format() {
  import_story
  run --db story.db disputed --format xml
  expect_status 2
  expect_out_empty
  expect_err_has "xml"
  run --db story.db stories --format yaml
  expect_status 2
  expect_err_has "yaml"
}

case_usage_bad_as_of() {
  import_story
  run --db story.db disputed --as-of 2031-13
  expect_status 2
  expect_out_empty
  expect_err_has "--as-of"
  expect_err_has "month must be 01 to 12"
  run disputed --as-of 2031-02-30 "$story"
  expect_status 2
  expect_err_has "February 2031 has 28 days"
  run disputed --as-of yesterday "$story"
  expect_status 2
  expect_err_has "'yesterday'"
}

case_usage_no_database() {
  run disputed
  expect_status 2
  expect_out_empty
  expect_err_has "import"
  expect_no_file gainsay.db
  run --db elsewhere.db disputed --format json
  expect_status 2
  expect_err_has "elsewhere.db"
  expect_err_has "import"
  expect_no_file elsewhere.db
  run stories
  expect_status 2
  expect_err_has "import"
  expect_no_file gainsay.db
}

case_usage_unusable_database() {
  printf 'this is not a database\n' >notes.db
  local before
  before=$(sha notes.db)
  run --db notes.db stories
  expect_status 2
  expect_err_has "notes.db"
  run --db notes.db import "$story"
  expect_status 2
  expect_err_has "notes.db"
  [ "$(sha notes.db)" = "$before" ] || fail "expected notes.db unchanged"
}

case_usage_help() {
  run --help
  expect_status 0
  expect_out_has "Usage:"
  local command
  for command in import stories disputed; do
    grep -qE "^ +$command( |$)" "$out" || fail "expected --help to list the subcommand '$command'"
  done
  expect_out_has "Exit status"
  run disputed --help
  expect_status 0
  local option
  for option in --story --actor --side --as-of --format; do expect_out_has "$option"; done
}


# --- check ---------------------------------------------------------------------

harbour="$fixtures/quotes/harbour.yaml"  # its text, harbour-article.txt, beside it
misquoted="$fixtures/quotes/harbour-misquoted.yaml"

# Every quote found (exactly, normalised, with a gap), no warning: exit 0.
case_check_clean() {
  run check "$harbour"
  expect_status 0
  expect_out_has "Quotes: 3 checked · 1 exact · 1 normalised · 1 with-gaps · 0 not-found · 0"
  expect_flat_has "exact authority-denies (Velport Port Authority) at $fixtures/quotes/harbour-article.txt:5:51"
  expect_flat_has "normalised marr-neglect (Ilo Marr) at $fixtures/quotes/harbour-article.txt:6:46"
  expect_flat_has "with-gaps authority-gap (Velport Port Authority)"
  expect_out_has "Sourcing: 0 warnings on 0 claims"
  expect_out_has "No problems found."
}

# A quote not in the text: exit 1, with the closest passage and its place.
case_check_not_found() {
  run check "$misquoted" --only quotes
  expect_status 1
  expect_flat_has "not-found authority-denies (Velport Port Authority) quote: “was inspected in April and found safe”"
  expect_flat_has "closest (81% alike) at $fixtures/quotes/harbour-article.txt:5:51: “was inspected in March and found sound”"
  expect_out_has "1 problem found."
  run check "$misquoted" --only quotes --format json
  expect_status 1
  check_py '
r = load()
assert r["report"] == "check" and r["problems"] == 1, r["problems"]
q = {x["statement"]: x for x in r["quotes"]}
assert q["authority-denies"]["match"] == "not-found" and q["authority-denies"]["problem"] is True
assert (q["authority-denies"]["line"], q["authority-denies"]["column"]) == (5, 51)
assert q["marr-neglect"]["match"] == "normalised" and q["authority-gap"]["match"] == "with-gaps"
assert r["sourcing"] is None and r["integrity"] is None
'
}

# --texts points elsewhere; a text that cannot be read is a problem, a source
# without a text is only unverifiable.
case_check_texts_dir() {
  mkdir texts
  printf 'Nothing here.\n' > texts/harbour-article.txt
  run check "$harbour" --only quotes --texts texts
  expect_status 1
  expect_out_has "3 not-found"
  run check "$harbour" --only quotes --texts /
  expect_status 1
  expect_flat_has "unverifiable marr-neglect (Ilo Marr)"
  expect_out_has "cannot be read"
  run check "$fence" --only quotes
  expect_status 0
  run check "$harbour" --texts no-such-dir
  expect_status 2
}

# Sourcing warnings are problems; --only chooses the checks.
case_check_sourcing() {
  run check "$story" --only sourcing
  expect_status 1
  expect_out_has "Sourcing:"
  expect_out_lacks "Quotes:"
  run check "$story" --only sourcing --format json
  check_py '
r = load()
flags = {w["flag"] for w in r["sourcing"]}
assert flags <= {"only-anonymous", "single-source", "only-interested-outlets", "accused-unanswered",
                 "repeated-origin", "undated", "unsourced"}, flags
assert r["problems"] == len(r["sourcing"]) > 0
assert r["quotes"] is None
'
}

# With a database, check also runs SQLite's integrity and foreign-key checks.
case_check_database() {
  run --db g.db import "$harbour"
  expect_status 0
  run --db g.db check --texts "$fixtures/quotes"
  expect_status 0
  expect_out_has "Database: integrity_check ok · foreign_key_check ok"
  run --db g.db check --only integrity --format json
  expect_status 0
  check_py '
r = load()
assert r["integrity"] == {"ok": True, "problems": []}, r["integrity"]
'
  run --db none.db check
  expect_status 2
  expect_no_file none.db
}

# Bad input to check is bad input: exit 2, the file's place, nothing else.
case_check_bad_input() {
  run check "$bad/unknown-key.yaml"
  expect_status 2
  expect_err_has "unknown-key.yaml:"
  expect_out_empty
}

# --- report --------------------------------------------------------------------

# The HTML page: one card per disputed claim, to a file or stdout.
case_report_html() {
  run report "$story" --html page.html
  expect_status 0
  expect_file page.html
  expect_err_has "wrote page.html"
  run disputed "$story" --format json
  local disputed
  disputed=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["claims"]))' "$out")
  [ "$(grep -o '<article class="claim"' page.html | wc -l)" -eq "$disputed" ] || fail "expected $disputed cards"
  grep -q '<script' page.html && fail "the page has a <script>"
  run report "$story" --html -
  expect_status 0
  expect_first_line "<!DOCTYPE html>"
  run report "$story"
  expect_status 2
  run report "$story" --html no-such-dir/page.html
  expect_status 2
  expect_err_has "cannot write no-such-dir/page.html"
}

# Story text cannot become markup or script in the page.
case_report_hostile() {
  run report "$hostile" --html -
  expect_status 0
  expect_out_lacks "<script"
  expect_out_lacks "]]>"
  expect_out_has "&lt;script&gt;"
}

# The filters apply: before any answer, nothing is disputed.
case_report_as_of() {
  run report "$tollen" --html - --as-of 2032-05-01
  expect_status 0
  expect_out_has "No claim is disputed here."
  expect_out_has "as a reader could know it on <time datetime=\"2032-05-01\">"
  run report "$tollen" --html -
  expect_out_lacks "No claim is disputed here."
}

# --- interchange ---------------------------------------------------------------

reviews="$fixtures/interchange/reviews.jsonld"  # two ClaimReviews with every field gainsay keeps

# ClaimReview JSON-LD imports as a story and exports back the same.
case_claimreview_round_trip() {
  run --db g.db import "$reviews"
  expect_status 0
  expect_out_has "imported reviews: 4 actors, 2 sources, 2 claims, 3 statements"
  run --db g.db export --format claimreview
  expect_status 0
  check_py '
want = json.load(open(sys.argv[2], encoding="utf-8"))
eq(load(), want, "ClaimReview after the round trip")
' "$reviews"
  run export "$story" --format claimreview
  expect_status 0
  expect_err_has "have no verdict and no ClaimReview"
  printf '[{"@type": "ClaimReview", "claimReviewed": }]' > broken.jsonld
  run --db g.db import broken.jsonld
  expect_status 2
  expect_err_has "broken.jsonld:1:44: error: malformed JSON"
}

# AIF: every edge joins nodes that exist; every L-node has a locution.
case_aif_export() {
  run export "$tollen" --format aif
  expect_status 0
  check_py '
aif = load()
ids = {n["nodeID"]: n["type"] for n in aif["nodes"]}
assert all(e["fromID"] in ids and e["toID"] in ids for e in aif["edges"]), "dangling edge"
assert {ids[l["nodeID"]] for l in aif["locutions"]} == {"L"}
assert sum(1 for t in ids.values() if t == "L") == 19 == len(aif["locutions"])
assert {"I", "L", "YA", "CA", "TA"} <= set(ids.values()), set(ids.values())
people = {p["participantID"] for p in aif["participants"]}
assert all(l["personID"] in people for l in aif["locutions"])
'
}

# Argdown that the Argdown parser itself accepts, hostile text included.
case_argdown_parses() {
  local argdown_dir=${GAINSAY_ARGDOWN_DIR:-${HOME:-/tmp}/.cache/gainsay-argdown}
  if [ ! -x "$argdown_dir/node_modules/.bin/argdown" ]; then
    command -v npm >/dev/null || { echo "skipped: npm is not installed"; exit 77; }
    mkdir -p "$argdown_dir"
    (cd "$argdown_dir" && timeout 300 npm install --no-audit --no-fund --silent @argdown/cli >/dev/null 2>&1) ||
      { echo "skipped: @argdown/cli does not install here"; exit 77; }
  fi
  local file
  for file in "$tollen" "$hostile"; do
    run export "$file" --format argdown
    expect_status 0
    cp "$out" story.argdown
    rm -f story.json
    "$argdown_dir/node_modules/.bin/argdown" json story.argdown . >argdown.log 2>&1
    [ -f story.json ] || fail "the Argdown parser rejected the export of $file: $(tail -5 argdown.log)"
  done
  check_py '
doc = json.load(open("story.json", encoding="utf-8"))
data = [a.get("data", {}) for a in doc["arguments"].values()]
assert any(d.get("actor", "").startswith("<script>alert") for d in data), data
' 
  run export "$tollen" --format argdown
  cp "$out" story.argdown
  rm -f story.json
  "$argdown_dir/node_modules/.bin/argdown" json story.argdown . >argdown.log 2>&1
  check_py '
from collections import Counter
doc = json.load(open("story.json", encoding="utf-8"))
eq(len(doc["statements"]), 7, "statements (claims)")
kinds = Counter(r["relationType"] for r in doc["relations"])
eq(kinds["contradictory"], 1, "contradictions")
assert kinds["support"] > 0 and kinds["attack"] > 0, kinds
'
}

# standing and its apx, through the binary.
case_standing() {
  run standing "$tollen"
  expect_status 0
  expect_out_has "Standing of 7 claims"
  # Askar's side backs both lights-off and storm-damage, which contradict
  # each other: trusting Askar cannot settle them. Harbour Watch backs one.
  run standing "$tollen" --format json --trust askar
  expect_status 0
  check_py '
labels = {c["claim"]: c["label"] for c in load()["claims"]}
eq((labels["lights-off"], labels["storm-damage"]), ("undecided", "undecided"), "trusting Askar")
'
  run standing "$tollen" --format json --trust "Harbour Watch"
  expect_status 0
  check_py '
labels = {c["claim"]: c["label"] for c in load()["claims"]}
eq((labels["lights-off"], labels["storm-damage"]), ("in", "out"), "trusting Harbour Watch")
'
  run standing "$tollen" --trust atlantis
  expect_status 2
  expect_err_has "--trust 'atlantis'"
  run graph "$tollen" --format apx
  expect_status 0
  expect_out_has "arg(c_lights_off)."
}

# The story in the README's example is a valid story, disputed as it says.
case_readme_example() {
  python3 -c 'import sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.index("```yaml\nformat: 1") + len("```yaml\n")
open("readme.yaml", "w", encoding="utf-8").write(text[start:text.index("```", start)])' "$here/../../README.md" ||
    fail "no story example in the README"
  run disputed readme.yaml
  expect_status 0
  expect_out_has "Disputed claims: 1"
  expect_out_has "Freedonian artillery shelled the dam"
}

# ------------------------------------------------------------------------------------

if [ "$(type -t "case_$case_name")" != function ]; then
  echo "cli_test.sh: unknown case '$case_name'" >&2
  exit 2
fi
"case_$case_name"
