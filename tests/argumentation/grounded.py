#!/usr/bin/env python3
"""An independent grounded labelling, to check gainsay's against.

Reads an ICCMA .apx file and prints one "name label" line per argument,
sorted by name. It computes the grounded extension as the least fixed point
of the characteristic function F(S) = {a | every attacker of a is attacked
by S}, iterated from the empty set (Dung 1995), a different method from
gainsay's, which propagates labels from the unattacked arguments.
"""
import re
import sys


def read_apx(path):
    args, attacks = [], set()
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("%"):
            continue
        m = re.fullmatch(r"arg\((\w+)\)\.", line)
        if m:
            args.append(m.group(1))
            continue
        m = re.fullmatch(r"att\((\w+),(\w+)\)\.", line)
        if m:
            attacks.add((m.group(1), m.group(2)))
            continue
        sys.exit(f"{path}:{number}: not apx: {line}")
    return args, attacks


def grounded(args, attacks):
    attackers = {a: {x for (x, y) in attacks if y == a} for a in args}
    extension = set()
    while True:
        defeated = {y for (x, y) in attacks if x in extension}
        nxt = {a for a in args if attackers[a] <= defeated}
        if nxt == extension:
            break
        extension = nxt
    out = {y for (x, y) in attacks if x in extension}
    return {a: "in" if a in extension else "out" if a in out else "undecided" for a in args}


if __name__ == "__main__":
    args, attacks = read_apx(sys.argv[1])
    for name, label in sorted(grounded(args, attacks).items()):
        print(name, label)
