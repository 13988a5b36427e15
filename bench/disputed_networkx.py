#!/usr/bin/env python3
"""The disputed set of design.md computed with NetworkX from the CSV sheet:
actors and their member_of edges give sides (the root each chain reaches),
statements hang off their claims as edges, and each claim's current for and
against sides are compared. Prints the disputed claim ids, one a line."""
import csv
import datetime
import sys

import networkx as nx

FOR = {"asserts", "corroborates", "confirms"}
AGAINST = {"denies", "dismisses", "disputes", "partially-admits"}


def span(date):
    if not date:
        return None
    if len(date) == 4:
        y = int(date)
        return datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 31).toordinal()
    if len(date) == 7:
        y, m = int(date[:4]), int(date[5:7])
        first = datetime.date(y, m, 1)
        last = (datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1))
        return first.toordinal(), last.toordinal()
    d = datetime.date.fromisoformat(date).toordinal()
    return d, d


def main(path):
    actors = nx.DiGraph()   # actor -> the actor it is a member of
    claims = nx.MultiDiGraph()  # statement edges: actor -> claim
    with open(path, newline="", encoding="utf-8-sig") as sheet:
        for row in csv.DictReader(sheet):
            actors.add_node(row["by"])
            if row["actor_member_of"]:
                actors.add_edge(row["by"], row["actor_member_of"])
            claims.add_edge(row["by"], ("claim", row["claim"]), stance=row["stance"], span=span(row["date"]))
    side = {}
    for actor in actors.nodes:
        root = actor
        for _, parent in nx.dfs_edges(actors, actor):
            root = parent
        side[actor] = root if actors.out_degree(actor) else actor
    disputed = []
    for node in claims.nodes:
        if not isinstance(node, tuple):
            continue
        edges = list(claims.in_edges(node, data=True))
        latest = {}
        for by, _, data in edges:
            if data["span"]:
                latest[by] = max(latest.get(by, data["span"][0]), data["span"][0])
        for_sides, against_sides = set(), set()
        for by, _, data in edges:
            if data["span"] and latest[by] > data["span"][1]:
                continue  # superseded by the actor's own later statement
            if data["stance"] in FOR:
                for_sides.add(side[by])
            elif data["stance"] in AGAINST:
                against_sides.add(side[by])
        if any(f != a for f in for_sides for a in against_sides):
            disputed.append(node[1])
    for claim in sorted(disputed):
        print(claim)


if __name__ == "__main__":
    main(sys.argv[1])
