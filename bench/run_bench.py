#!/usr/bin/env python3
"""gainsay against its peers on synthetic stories of N statements.

  bench/run_bench.py [--sizes 10000,100000,1000000] [--runs 5] [--build build] [--work /tmp/gainsay-bench]

For each N it generates the sheet (bench/generate.cpp, seed 1). It then
measures in --runs rounds, each of which runs every program once at every
size, so that the shared machine's other work weighs on all alike, and takes
the medians: gainsay's import of the sheet (time, peak RSS, database size)
against the sqlite3 shell's own .import of the same CSV;
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
    sizes = [int(s) for s in args.sizes.split(",")]
    for n in sizes:
        prefix = os.path.join(args.work, f"story-{n}")
        if not os.path.exists(prefix + ".csv"):
            subprocess.run([generate, str(n), "1", prefix], check=True, stderr=subprocess.DEVNULL)

    # Each round runs every program once at every size, so that whatever
    # else the shared machine is doing weighs on gainsay, its peers and the
    # sizes alike, rather than on whichever happened to run then.
    samples = {n: {} for n in sizes}  # name -> [(seconds, peak RSS in MiB)]
    sizes_mb = {}

    def sample(n, name, argv, out=None):
        # What the program before wrote (778 MB of JSON at a million) is
        # flushed to the disk first, not while this one runs.
        os.sync()
        stdout = open(out, "w") if out else subprocess.DEVNULL
        samples[n].setdefault(name, []).append(measure(argv, stdout=stdout))
        if out:
            stdout.close()

    for round_ in range(args.runs):
        for n in sizes:
            prefix = os.path.join(args.work, f"story-{n}")
            sheet = prefix + ".csv"
            db, peer_db = prefix + ".db", prefix + "-sqlite.db"
            remove(db)
            sample(n, "import", [gainsay, "--db", db, "import", "--quiet", sheet])
            sizes_mb[n] = os.path.getsize(db) / 2**20  # before the search index is built
            remove(peer_db)
            sample(n, "sqlite_import", ["sqlite3", peer_db, "-cmd", ".mode csv", f".import {sheet} sheet"])
            sample(n, "disputed", [gainsay, "--db", db, "disputed", "--format", "json"], prefix + "-disputed.json")
            sample(n, "sql", ["sqlite3", peer_db, query], prefix + "-disputed-sql.txt")
            sample(n, "networkx", [sys.executable, os.path.join(here, "disputed_networkx.py"), sheet],
                   prefix + "-disputed-nx.txt")
            sample(n, "graphml", [gainsay, "--db", db, "graph", "--format", "graphml"])
            # search: the first after an import builds the full-text index;
            # the later ones only read it. The words are ones the generator uses.
            subprocess.run(["sqlite3", db, "UPDATE state SET value = -1 WHERE name = 'search_index_of'"], check=True)
            sample(n, "search_first", [gainsay, "--db", db, "search", "convoy", "--format", "json"])
            sample(n, "search", [gainsay, "--db", db, "search", "convoy", "treaty", "--format", "json"])
        print(f"round {round_ + 1} of {args.runs}: done", file=sys.stderr)

    rows = []
    for n in sizes:
        prefix = os.path.join(args.work, f"story-{n}")
        r = {"n": n}
        for name, runs in samples[n].items():
            r[name] = statistics.median(t for t, _ in runs)
            r[name + "_rss"] = statistics.median(m for _, m in runs)
        r["db_mb"] = sizes_mb[n]
        r["sqlite_db_mb"] = os.path.getsize(prefix + "-sqlite.db") / 2**20
        # The three must agree: claim ids at the claims' own indentation in the JSON.
        ours = sorted(m.group(1) for m in re.finditer(r'^      "id": "([^"]+)"', open(prefix + "-disputed.json").read(), re.M))
        sql = open(prefix + "-disputed-sql.txt").read().split()
        nx_ids = open(prefix + "-disputed-nx.txt").read().split()
        r["agree"] = ours == sorted(sql) == sorted(nx_ids)
        r["disputed_claims"] = len(ours)
        if not r["agree"]:
            print(f"N={n}: DISAGREE: gainsay {len(ours)}, SQL {len(sql)}, NetworkX {len(nx_ids)}", file=sys.stderr)
        rows.append(r)

    print(f"Medians of {args.runs} rounds; times in seconds, sizes in MiB (2**20 bytes).\n")
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
