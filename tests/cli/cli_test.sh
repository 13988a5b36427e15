#!/usr/bin/env bash
# The expected output has typographic quotes and markdown backticks, literally:
# shellcheck disable=SC1111,SC2016
# End-to-end tests of the gainsay binary: cli_test.sh GAINSAY CASE
#
# Each CASE is one function below, case_<name>, registered with CTest as
# cli.<name> by cases.cmake. It runs in a fresh temporary directory, on the
# small invented stories in ../fixtures (kessel-bridge.yaml, fence-line.yaml,
# tollen-light.yaml, hostile-text.yaml and the broken variants of fence-line
# in ../fixtures/bad/). A case fails by exiting non-zero with what was
# expected and what was got; it exits 77 (CTest's "skipped") when a tool it
# needs besides gainsay (Graphviz's dot, python3's networkx) is missing.
set -u

if [ $# -ne 2 ]; then
  echo "usage: cli_test.sh GAINSAY CASE" >&2
  exit 2
fi
gainsay=$1
case_name=$2
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
eq(r["filter"], {"story": None, "actor": None, "side": None, "as_of": None}, "filter")
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
  check_py 'eq(load()["filter"], {"story": "kessel-bridge", "actor": "Varga", "side": "carpane", "as_of": "2031-04"}, "filter")'
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

# ------------------------------------------------------------------------------------

if [ "$(type -t "case_$case_name")" != function ]; then
  echo "cli_test.sh: unknown case '$case_name'" >&2
  exit 2
fi
"case_$case_name"
