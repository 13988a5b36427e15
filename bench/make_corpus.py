#!/usr/bin/env python3
"""Builds an extraction corpus by repeating article bodies (each cut at its
first page-furniture line, so every byte is article text) up to SIZE MB.
Articles are separated by a form feed on a line of its own, so that the
speed benchmark can extract them one by one, as `gainsay extract` does.

  bench/make_corpus.py OUT SIZE_MB TEXT...
"""
import sys

FURNITURE = {"related", "related articles", "comments", "related people", "share your story", "back to top button"}
out, size = sys.argv[1], float(sys.argv[2])
bodies = []
for path in sys.argv[3:]:
    lines = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.strip().lower() in FURNITURE:
            break
        lines.append(line)
    bodies.append("\n".join(lines))
body = "".join(b + "\n\f\n" for b in bodies)
copies = int(size * 2**20 // len(body.encode("utf-8"))) + 1
with open(out, "w", encoding="utf-8") as f:
    f.write(body * copies)
