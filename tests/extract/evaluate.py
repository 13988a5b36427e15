#!/usr/bin/env python3
"""Score `gainsay extract` predictions against the gold attributions.

Usage:
    evaluate.py GOLD_DIR PREDICTIONS_DIR [--per-file] [--json]
    evaluate.py --self-test

Inputs
    GOLD_DIR/NAME.json         {"text": PATH, "attributions": [{"speaker": [s, e] | null,
                                 "cue": [s, e] | null, "content": [s, e] | null,
                                 "direct": bool, "resolves_to": "..."?}]}
    PREDICTIONS_DIR/NAME.json  {"attributions": [{"speaker": {"text", "start", "end"} | null,
                                 "cue": {...} | null, "content": {...} | null,
                                 "direct": bool, ...}]}
    Offsets are Unicode code point offsets, start inclusive, end exclusive. A missing
    prediction file counts as a file with no predictions (reported on stderr). Prediction
    files without a gold file are ignored (reported on stderr). If the gold "text" file
    can be found (PATH relative to the repository root), a predicted span whose "text"
    differs from text[start:end] is reported on stderr (it is still scored by offsets).

Method
    1. Pairing, per file. Gold and predicted attributions are paired one to one,
       greedily: every (gold, prediction) pair whose contents share at least one code
       point is a candidate, ranked by the number of shared code points (more first),
       then by the Jaccard ratio of the two contents (higher first, so a short
       prediction inside nested gold contents goes to the tighter one), then by
       gold order and prediction order. Candidates are taken in that order when both
       sides are still free. Then, for attributions left unpaired where the gold
       or the prediction has no content (e.g. "X declined to comment"), a second
       pass pairs them the same way by cue overlap.
    2. Components. For each component C in speaker, cue, content and each mode:
         exact    spans match when start and end are both equal;
         overlap  spans match when they share at least one code point.
       TP = pairs whose gold C and predicted C are both present and match.
       Precision = TP / (number of predicted attributions, paired or not, whose C
       is present); recall = TP / (number of gold attributions whose C is present).
       A null gold C paired with a null predicted C is neither TP, FP nor FN; a
       predicted C where the gold has null counts against precision only.
       F1 = 2PR / (P + R) (0 when P + R = 0; P or R with a zero denominator is
       reported as 0 and as null in --json).
    3. Also reported: "attribution" (TP = pairs, over all predicted and all gold
       attributions) and "direct" (pairs whose direct flag agrees, out of the pairs).
    4. Micro-average: TP and denominators are summed over all files before dividing.

Output: a table of micro-averaged P/R/F1 and per-file counts (gold, predicted,
paired); --per-file adds each file's P/R/F1; --json prints everything as one JSON
object instead. Exit status 0 (2 for bad usage or unreadable input).
"""
import json
import os
import sys

COMPONENTS = ("speaker", "cue", "content")
MODES = ("exact", "overlap")
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


class InputError(Exception):
    pass


# ------------------------------------------------------------------ reading

def gold_span(x, where):
    if x is None:
        return None
    if (isinstance(x, list) and len(x) == 2 and all(isinstance(v, int) for v in x)
            and 0 <= x[0] < x[1]):
        return (x[0], x[1])
    raise InputError(f"{where}: expected [start, end] or null, got {x!r}")


def pred_span(x, where):
    if x is None:
        return None, None
    if isinstance(x, dict) and isinstance(x.get("start"), int) and isinstance(x.get("end"), int):
        if 0 <= x["start"] <= x["end"]:
            if x["start"] == x["end"]:
                return None, None  # an empty span names nothing
            return (x["start"], x["end"]), x.get("text")
    # tolerate the gold form too
    if isinstance(x, list):
        return gold_span(x, where), None
    raise InputError(f"{where}: expected {{\"text\", \"start\", \"end\"}} or null, got {x!r}")


def load_gold(path):
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: {e}")
    out = []
    for i, a in enumerate(doc.get("attributions", [])):
        w = f"{path}: attribution {i}"
        row = {c: gold_span(a.get(c), f"{w} {c}") for c in COMPONENTS}
        row["direct"] = bool(a.get("direct"))
        out.append(row)
    return doc.get("text"), out


def load_pred(path, text):
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: {e}")
    atts = doc.get("attributions", []) if isinstance(doc, dict) else None
    if not isinstance(atts, list):
        raise InputError(f"{path}: no \"attributions\" list")
    out = []
    for i, a in enumerate(atts):
        w = f"{path}: attribution {i}"
        row = {"direct": bool(a.get("direct"))}
        for c in COMPONENTS:
            s, t = pred_span(a.get(c), f"{w} {c}")
            row[c] = s
            if s is not None and text is not None:
                if s[1] > len(text):
                    print(f"{w} {c}: span {list(s)} beyond the end of the text "
                          f"({len(text)} code points)", file=sys.stderr)
                elif t is not None and t != text[s[0]:s[1]]:
                    print(f"{w} {c}: \"text\" {t!r} is not text[{s[0]}:{s[1]}] "
                          f"{text[s[0]:s[1]]!r}", file=sys.stderr)
        out.append(row)
    return out


# ------------------------------------------------------------------ scoring

def overlap(a, b):
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matches(g, p, mode):
    if mode == "exact":
        return g == p
    return overlap(g, p) > 0


def pair(gold, pred):
    """Greedy one-to-one pairing; returns a list of (gold index, pred index)."""
    pairs = []
    used_g, used_p = set(), set()

    def greedy(key, eligible):
        cands = []
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(pred):
                if pi in used_p or not eligible(g, p):
                    continue
                ov = overlap(g[key], p[key])
                if ov <= 0:
                    continue
                union = (max(g[key][1], p[key][1]) - min(g[key][0], p[key][0]))
                cands.append((-ov, -ov / union, gi, pi))
        for _, _, gi, pi in sorted(cands):
            if gi not in used_g and pi not in used_p:
                used_g.add(gi)
                used_p.add(pi)
                pairs.append((gi, pi))

    greedy("content", lambda g, p: True)
    greedy("cue", lambda g, p: g["content"] is None or p["content"] is None)
    return sorted(pairs)


def new_counts():
    c = {f"{comp}.{mode}": {"tp": 0, "pred": 0, "gold": 0}
         for comp in COMPONENTS for mode in MODES}
    c["attribution"] = {"tp": 0, "pred": 0, "gold": 0}
    c["direct"] = {"agree": 0, "pairs": 0}
    return c


def score_file(gold, pred):
    counts = new_counts()
    pairs = pair(gold, pred)
    for comp in COMPONENTS:
        for mode in MODES:
            k = counts[f"{comp}.{mode}"]
            k["pred"] = sum(1 for p in pred if p[comp] is not None)
            k["gold"] = sum(1 for g in gold if g[comp] is not None)
            k["tp"] = sum(1 for gi, pi in pairs
                          if gold[gi][comp] is not None and pred[pi][comp] is not None
                          and matches(gold[gi][comp], pred[pi][comp], mode))
    counts["attribution"] = {"tp": len(pairs), "pred": len(pred), "gold": len(gold)}
    counts["direct"] = {"pairs": len(pairs),
                        "agree": sum(1 for gi, pi in pairs
                                     if gold[gi]["direct"] == pred[pi]["direct"])}
    return counts, pairs


def add(total, counts):
    for k, v in counts.items():
        for kk, vv in v.items():
            total[k][kk] += vv


def prf(k):
    p = k["tp"] / k["pred"] if k["pred"] else None
    r = k["tp"] / k["gold"] if k["gold"] else None
    pp, rr = p or 0.0, r or 0.0
    f = 2 * pp * rr / (pp + rr) if pp + rr else 0.0
    return p, r, f


def metrics(counts):
    out = {}
    for k, v in counts.items():
        if k == "direct":
            out[k] = dict(v, accuracy=(v["agree"] / v["pairs"] if v["pairs"] else None))
        else:
            p, r, f = prf(v)
            out[k] = dict(v, precision=p, recall=r, f1=f)
    return out


# ------------------------------------------------------------------ driver

def text_for(gold_text_path):
    if not gold_text_path:
        return None
    path = os.path.join(REPO, gold_text_path)
    try:
        return open(path, encoding="utf-8").read()
    except OSError:
        return None


def evaluate(gold_dir, pred_dir):
    names = sorted(f[:-5] for f in os.listdir(gold_dir) if f.endswith(".json"))
    if not names:
        raise InputError(f"{gold_dir}: no gold *.json files")
    if os.path.isdir(pred_dir):
        extra = sorted(set(f[:-5] for f in os.listdir(pred_dir) if f.endswith(".json"))
                       - set(names))
        for n in extra:
            print(f"{pred_dir}/{n}.json: no gold file, ignored", file=sys.stderr)
    else:
        raise InputError(f"{pred_dir}: not a directory")
    total = new_counts()
    files = {}
    for n in names:
        tpath, gold = load_gold(os.path.join(gold_dir, n + ".json"))
        ppath = os.path.join(pred_dir, n + ".json")
        if os.path.exists(ppath):
            pred = load_pred(ppath, text_for(tpath))
        else:
            print(f"{ppath}: missing, scored as no predictions", file=sys.stderr)
            pred = []
        counts, pairs = score_file(gold, pred)
        add(total, counts)
        files[n] = {"text": tpath, "pairs": [list(x) for x in pairs], **metrics(counts)}
    return {"micro": metrics(total), "files": files}


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def print_table(m, indent=""):
    print(f"{indent}{'':18} {'P':>6} {'R':>6} {'F1':>6}   {'TP':>4} {'pred':>4} {'gold':>4}")
    for comp in COMPONENTS:
        for mode in MODES:
            v = m[f"{comp}.{mode}"]
            print(f"{indent}{comp + ' ' + mode:18} {fmt(v['precision'])} {fmt(v['recall'])} "
                  f"{fmt(v['f1'])}   {v['tp']:4} {v['pred']:4} {v['gold']:4}")
    v = m["attribution"]
    print(f"{indent}{'attribution':18} {fmt(v['precision'])} {fmt(v['recall'])} "
          f"{fmt(v['f1'])}   {v['tp']:4} {v['pred']:4} {v['gold']:4}")
    v = m["direct"]
    print(f"{indent}{'direct flag':18} accuracy {fmt(v['accuracy'])} "
          f"({v['agree']} of {v['pairs']} pairs)")


def report(result, per_file):
    print("Micro-averaged over all files (exact = same start and end; "
          "overlap = at least one shared code point)")
    print_table(result["micro"])
    print()
    print(f"{'file':32} {'gold':>5} {'pred':>5} {'paired':>6}")
    for n, f in result["files"].items():
        a = f["attribution"]
        print(f"{n:32} {a['gold']:5} {a['pred']:5} {a['tp']:6}")
    if per_file:
        for n, f in result["files"].items():
            print()
            print(f"== {n}  ({f['text']})")
            print_table(f, "  ")


# ------------------------------------------------------------------ self-test

def self_test():
    def P(s, e):
        return {"text": "", "start": s, "end": e}

    def G(sp, cue, ct, direct=True):
        return {"speaker": sp, "cue": cue, "content": ct, "direct": direct}

    def Pr(sp, cue, ct, direct=True):
        return {"speaker": P(*sp) if sp else None, "cue": P(*cue) if cue else None,
                "content": P(*ct) if ct else None, "direct": direct}

    def run(gold, pred):
        g = [dict({c: (tuple(a[c]) if a[c] else None) for c in COMPONENTS},
                  direct=a["direct"]) for a in gold]
        p = load_pred_rows(pred)
        counts, pairs = score_file(g, p)
        return metrics(counts), pairs

    def load_pred_rows(rows):
        out = []
        for a in rows:
            row = {"direct": bool(a.get("direct"))}
            for c in COMPONENTS:
                row[c] = pred_span(a.get(c), "self-test")[0]
            out.append(row)
        return out

    failures = []

    def check(name, got, want):
        if isinstance(want, float):
            ok = got is not None and abs(got - want) < 1e-9
        else:
            ok = got == want
        if not ok:
            failures.append(f"{name}: got {got!r}, want {want!r}")

    gold = [G((0, 4), (5, 9), (12, 40)), G((50, 55), (56, 60), (62, 90), False),
            G(None, None, (100, 120))]
    perfect = [Pr((0, 4), (5, 9), (12, 40)), Pr((50, 55), (56, 60), (62, 90), False),
               Pr(None, None, (100, 120))]

    # 1. perfect match: everything 1.0; null speaker/cue pairs count nowhere
    m, _ = run(gold, perfect)
    for c in COMPONENTS:
        for mode in MODES:
            for k in ("precision", "recall", "f1"):
                check(f"perfect {c}.{mode}.{k}", m[f"{c}.{mode}"][k], 1.0)
    check("perfect speaker gold count", m["speaker.exact"]["gold"], 2)
    check("perfect direct accuracy", m["direct"]["accuracy"], 1.0)

    # 2. a shifted span counts for overlap but not exact
    shifted = [Pr((0, 4), (5, 9), (14, 42)), perfect[1], perfect[2]]
    m, pairs = run(gold, shifted)
    check("shifted pairs", pairs, [(0, 0), (1, 1), (2, 2)])
    check("shifted content.exact.tp", m["content.exact"]["tp"], 2)
    check("shifted content.exact.precision", m["content.exact"]["precision"], 2 / 3)
    check("shifted content.overlap.f1", m["content.overlap"]["f1"], 1.0)
    check("shifted speaker.exact.f1", m["speaker.exact"]["f1"], 1.0)

    # 3. an extra prediction lowers precision only
    extra = perfect + [Pr((200, 203), (204, 208), (210, 230))]
    m, _ = run(gold, extra)
    check("extra content.exact.precision", m["content.exact"]["precision"], 3 / 4)
    check("extra content.exact.recall", m["content.exact"]["recall"], 1.0)
    check("extra speaker.exact.precision", m["speaker.exact"]["precision"], 2 / 3)
    check("extra attribution.precision", m["attribution"]["precision"], 3 / 4)

    # 4. a missed attribution lowers recall only
    missed = perfect[:1] + perfect[2:]
    m, _ = run(gold, missed)
    check("missed content.exact.recall", m["content.exact"]["recall"], 2 / 3)
    check("missed content.exact.precision", m["content.exact"]["precision"], 1.0)
    check("missed cue.overlap.recall", m["cue.overlap"]["recall"], 1 / 2)
    check("missed attribution.recall", m["attribution"]["recall"], 2 / 3)

    # 5. a speaker predicted where the gold has none counts against precision only
    m, _ = run(gold, perfect[:2] + [Pr((95, 99), None, (100, 120))])
    check("spurious speaker precision", m["speaker.exact"]["precision"], 2 / 3)
    check("spurious speaker recall", m["speaker.exact"]["recall"], 1.0)

    # 6. one-to-one: two predictions on one gold quote, only one is paired
    m, pairs = run(gold[:1], [Pr((0, 4), (5, 9), (12, 40)), Pr((0, 4), (5, 9), (20, 30))])
    check("one-to-one pairs", pairs, [(0, 0)])
    check("one-to-one content.overlap.precision", m["content.overlap"]["precision"], 1 / 2)

    # 7. nested gold contents: a short prediction goes to the tighter gold content
    nested = [G((0, 3), (4, 8), (10, 60), False), G((30, 32), (33, 40), (41, 60), False)]
    _, pairs = run(nested, [Pr((30, 32), (33, 40), (45, 60), False)])
    check("nested pairing", pairs, [(1, 0)])

    # 8. no content ("declined to comment"): paired by cue
    nocontent = [G((0, 10), (11, 30), None, False)]
    m, pairs = run(nocontent, [Pr((0, 10), (11, 30), None, False)])
    check("no-content pairs", pairs, [(0, 0)])
    check("no-content cue.exact.f1", m["cue.exact"]["f1"], 1.0)
    check("no-content content.exact.pred", m["content.exact"]["pred"], 0)

    # 9. direct flag disagreement is reported, spans still match
    m, _ = run(gold[:1], [Pr((0, 4), (5, 9), (12, 40), False)])
    check("direct accuracy", m["direct"]["accuracy"], 0.0)
    check("direct content.exact.f1", m["content.exact"]["f1"], 1.0)

    # 10. nothing predicted: zero, not a crash
    m, _ = run(gold, [])
    check("empty precision is None", m["content.exact"]["precision"], None)
    check("empty f1", m["content.exact"]["f1"], 0.0)

    if failures:
        for f in failures:
            print("FAIL", f)
        print(f"self-test: {len(failures)} failure(s)")
        return 1
    print("self-test: all checks passed")
    return 0


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = [a for a in argv if a.startswith("--")]
    known = {"--per-file", "--json", "--self-test", "--help", "-h"}
    if "--help" in opts or "-h" in argv:
        print(__doc__)
        return 0
    bad = [o for o in opts if o not in known]
    if bad:
        print(f"evaluate.py: unknown option {bad[0]}", file=sys.stderr)
        return 2
    if "--self-test" in opts:
        return self_test()
    if len(args) != 2:
        print("usage: evaluate.py GOLD_DIR PREDICTIONS_DIR [--per-file] [--json]\n"
              "       evaluate.py --self-test", file=sys.stderr)
        return 2
    try:
        result = evaluate(args[0], args[1])
    except InputError as e:
        print(f"evaluate.py: {e}", file=sys.stderr)
        return 2
    if "--json" in opts:  # always complete: micro and per-file
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        report(result, "--per-file" in opts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
