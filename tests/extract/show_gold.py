#!/usr/bin/env python3
"""Print every span of gold (or prediction) files as text, for review, and lint them.

    python3 tests/extract/show_gold.py                  # all of tests/extract/gold/
    python3 tests/extract/show_gold.py gold/002_*.json  # some files
    python3 tests/extract/show_gold.py --lint           # only the problems; exit 1 if any

Each attribution is printed as
    #n [direct|indirect]  speaker=[s,e] 'text'  (-> resolves_to)
                          cue=[s,e] 'text'
                          content=[s,e] 'text'
Lint checks: spans inside the text, start < end, no span starting or ending in
whitespace, a direct content sits right inside quotation marks, an indirect
content does not end in a period outside quotation marks, no two attributions
with the same content.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OPEN = "\"\u201c\u201e\u00ab'\u2018"
CLOSE = "\"\u201d\u00bb'\u2019"


def span(x):
    if x is None:
        return None
    if isinstance(x, dict):
        return [x["start"], x["end"]]
    return list(x)


def lint_one(text, a, i):
    probs = []
    for k in ("speaker", "cue", "content"):
        s = span(a.get(k))
        if s is None:
            continue
        b, e = s
        if not (0 <= b < e <= len(text)):
            probs.append(f"#{i} {k} {s} out of range or empty")
            continue
        t = text[b:e]
        if t != t.strip():
            probs.append(f"#{i} {k} {t!r} starts or ends in whitespace")
    c = span(a.get("content"))
    if c is not None:
        b, e = c
        if a.get("direct"):
            if b == 0 or text[b - 1] not in OPEN:
                probs.append(f"#{i} direct content not preceded by a quotation mark")
            if e >= len(text) or text[e] not in CLOSE:
                # news style: a paragraph-final quote that continues has no closing mark
                if not (e < len(text) and text[e] == "\n"):
                    probs.append(f"#{i} direct content not followed by a quotation mark")
        else:
            if text[e - 1] == ".":
                probs.append(f"#{i} indirect content ends in a period")
    if a.get("speaker") is None and a.get("resolves_to"):
        probs.append(f"#{i} resolves_to without a speaker")
    return probs


def show(path, lint_only):
    doc = json.load(open(path, encoding="utf-8"))
    tpath = os.path.join(REPO, doc["text"])
    text = open(tpath, encoding="utf-8").read()
    atts = doc["attributions"]
    probs = []
    seen = {}
    for i, a in enumerate(atts):
        probs += lint_one(text, a, i)
        c = span(a.get("content"))
        if c is not None:
            if tuple(c) in seen:
                probs.append(f"#{i} same content as #{seen[tuple(c)]}")
            seen[tuple(c)] = i
    if not lint_only:
        print(f"=== {os.path.relpath(path)}  ({doc['text']}, {len(text)} code points, "
              f"{len(atts)} attributions)")
        for i, a in enumerate(atts):
            kind = "direct" if a.get("direct") else "indirect"
            first = True
            for k in ("speaker", "cue", "content"):
                s = span(a.get(k))
                shown = "null" if s is None else f"{s} {text[s[0]:s[1]]!r}"
                extra = ""
                if k == "speaker" and a.get("resolves_to"):
                    extra = f"  (-> {a['resolves_to']})"
                head = f"#{i:<2} [{kind:8}]" if first else " " * 14
                print(f"{head} {k:7}= {shown}{extra}")
                first = False
        print()
    for p in probs:
        print(f"{os.path.relpath(path)}: {p}")
    return len(probs)


def main(argv):
    lint_only = "--lint" in argv
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(glob.glob(os.path.join(HERE, "gold", "*.json")))
    n = sum(show(f, lint_only) for f in files)
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
