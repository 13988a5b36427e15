#!/usr/bin/env python3
"""gainsay against its peers on synthetic stories of N statements.

  bench/run_bench.py [--sizes 10000,100000,1000000] [--runs 5] [--build build] [--work /tmp/gainsay-bench]

For each N: generates the sheet (bench/generate.cpp, seed 1), then measures,
taking the median of --runs runs: gainsay's import of the sheet (time, peak
RSS, database size) against the sqlite3 shell's own .import of the same CSV;
`gainsay disputed --format json` (time, peak RSS) against one SQL query over
that import (bench/disputed.sql) and against a NetworkX program
(bench/disputed_networkx.py); `gainsay graph --format graphml`; and
`gainsay search`, both the first search after an import (which builds the
full-text index) and a later one. It checks
that the three agree on the disputed set, and prints a table with ratios and
the growth from the second size to the third.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))


def measure(argv, stdout=subprocess.DEVNULL, stdin=None):
    """Runs argv; returns (seconds, peak RSS in MB) of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{error}")
    return seconds, usage.ru_maxrss / 1024


def median_of(runs, argv_for, stdout_for=lambda i: subprocess.DEVNULL, before=lambda i: None):
    times, rss = [], []
    for i in range(runs):
        before(i)
        out = stdout_for(i)
        t, m = measure(argv_for(i), stdout=out)
        if out not in (subprocess.DEVNULL, None):
            out.close()
        times.append(t)
        rss.append(m)
    return statistics.median(times), statistics.median(rss)


def remove(*paths):
    for path in paths:
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", default=os.path.join(here, "..", "build"))
    parser.add_argument("--work", default="/tmp/gainsay-bench")
    args = parser.parse_args()
    gainsay = os.path.join(args.build, "cli", "gainsay")
    generate = os.path.join(args.build, "bench", "gainsay_generate")
    os.makedirs(args.work, exist_ok=True)
    query = ".read " + os.path.join(here, "disputed.sql")
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        prefix = os.path.join(args.work, f"story-{n}")
        if not os.path.exists(prefix + ".csv"):
            subprocess.run([generate, str(n), "1", prefix], check=True, stderr=subprocess.DEVNULL)
        sheet = prefix + ".csv"
        db, peer_db = prefix + ".db", prefix + "-sqlite.db"
        r = {"n": n}
        r["import"], r["import_rss"] = median_of(
            args.runs, lambda i: [gainsay, "--db", db, "import", "--quiet", sheet], before=lambda i: remove(db))
        r["db_mb"] = os.path.getsize(db) / 2**20
        r["sqlite_import"], _ = median_of(
            args.runs, lambda i: ["sqlite3", peer_db, "-cmd", ".mode csv", f".import {sheet} sheet"],
            before=lambda i: remove(peer_db))
        r["sqlite_db_mb"] = os.path.getsize(peer_db) / 2**20
        out_json = prefix + "-disputed.json"
        r["disputed"], r["disputed_rss"] = median_of(
            args.runs, lambda i: [gainsay, "--db", db, "disputed", "--format", "json"],
            stdout_for=lambda i: open(out_json, "w"))
        out_sql = prefix + "-disputed-sql.txt"
        r["sql"], _ = median_of(args.runs, lambda i: ["sqlite3", peer_db, query], stdout_for=lambda i: open(out_sql, "w"))
        out_nx = prefix + "-disputed-nx.txt"
        r["networkx"], r["networkx_rss"] = median_of(
            args.runs, lambda i: [sys.executable, os.path.join(here, "disputed_networkx.py"), sheet],
            stdout_for=lambda i: open(out_nx, "w"))
        r["graphml"], _ = median_of(args.runs, lambda i: [gainsay, "--db", db, "graph", "--format", "graphml"])
        # search: the first after an import builds the full-text index; the
        # later ones only read it. The words are ones the generator uses.
        r["search_first"], _ = median_of(
            args.runs, lambda i: [gainsay, "--db", db, "search", "convoy", "--format", "json"],
            before=lambda i: subprocess.run(["sqlite3", db, "UPDATE state SET value = -1 WHERE name = 'search_index_of'"],
                                            check=True))
        r["search"], _ = median_of(args.runs, lambda i: [gainsay, "--db", db, "search", "convoy", "treaty", "--format", "json"])
        # The three must agree: claim ids at the claims' own indentation in the JSON.
        ours = sorted(m.group(1) for m in re.finditer(r'^      "id": "([^"]+)"', open(out_json).read(), re.M))
        sql = open(out_sql).read().split()
        nx_ids = open(out_nx).read().split()
        r["agree"] = ours == sorted(sql) == sorted(nx_ids)
        r["disputed_claims"] = len(ours)
        if not r["agree"]:
            print(f"N={n}: DISAGREE: gainsay {len(ours)}, SQL {len(sql)}, NetworkX {len(nx_ids)}", file=sys.stderr)
        rows.append(r)
        print(f"N={n}: done", file=sys.stderr)

    print(f"Medians of {args.runs} runs; times in seconds, sizes in MiB (2**20 bytes).\n")
    print("| N | import | sqlite3 .import | ratio | db MiB (sqlite3) | import RSS | disputed json | SQL query | "
          "ratio | NetworkX | ratio | disputed RSS | graphml | search (first) | disputed claims | agree |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(f"| {r['n']:,} | {r['import']:.2f} | {r['sqlite_import']:.2f} | {r['import'] / r['sqlite_import']:.1f}x | "
              f"{r['db_mb']:.0f} ({r['sqlite_db_mb']:.0f}) | {r['import_rss']:.0f} | {r['disputed']:.2f} | {r['sql']:.2f} | "
              f"{r['disputed'] / r['sql']:.2f}x | {r['networkx']:.2f} | {r['networkx'] / r['disputed']:.1f}x faster | "
              f"{r['disputed_rss']:.0f} | {r['graphml']:.2f} | {r['search']:.2f} ({r['search_first']:.2f}) | "
              f"{r['disputed_claims']:,} | {'yes' if r['agree'] else 'NO'} |")
    if len(rows) >= 3:
        a, b = rows[1], rows[2]
        print(f"\nGrowth from N={a['n']:,} to N={b['n']:,}: import {b['import'] / a['import']:.1f}x, "
              f"disputed {b['disputed'] / a['disputed']:.1f}x, graphml {b['graphml'] / a['graphml']:.1f}x "
              f"(data {b['n'] / a['n']:.0f}x).")
    if rows:
        last = rows[-1]
        print(f"Peak RSS of disputed at N={last['n']:,}: {last['disputed_rss']:.0f} MiB, "
              f"{last['disputed_rss'] * 1.048576:.0f} MB (10**6 bytes).")


if __name__ == "__main__":
    main()
