"""Why separable relatives were merged: the pattern behind each merged pair, with examples.

Run: ``.venv/bin/python -m benchmarks.linkage.relatives --from DIR [--style messy]
[--seeds 1 2 3] [--relation namesake|sibling] [--examples 5]`` on lists written with
``simulated --keep DIR``.

A relative pair counted by ``metrics.relatives_separable`` as separable but merged is one of

- **despite evidence**: two records, one of each person, that carry separating evidence
  (``metrics.separating_evidence``: fathers, births, dates, names) sit in one predicted
  person; "model blind" when the clustering's conflict test
  (:class:`shomar.linkage.conflicts.RecordConflicts`) does not call any of those pairs a
  conflict (the metric's month against the test's margins, a father's name the test cannot
  tell from a misspelling);
- **through a record without evidence**: the records that carry the evidence are in
  different persons, and a record of one relative that carries none (no father, no age)
  sits in the other's person; tagged by its best link to its own relative's other records
  (scored ≥ 0.5: the ambiguity test found the other person clearly closer; below 0.5 or not
  scored: nothing tied it to its own).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from benchmarks.linkage.metrics import evidence_table, separating_evidence
from benchmarks.linkage.simulated import load_lists
from shomar.linkage.conflicts import RecordConflicts
from shomar.linkage.standalone import LinkOutcome, link_records

SHOWN = ("source", "given_name", "family_name", "full_name", "father_name", "age", "date", "place")


def _pattern(
    a: list[int],
    b: list[int],
    apart: list[tuple[int, int, str]],
    outcome: LinkOutcome,
    best: dict[tuple[int, int], float],
) -> str:
    """The pattern (see module) of one merged pair of relatives ``a``, ``b`` (record
    positions), ``apart`` their record pairs that carry separating evidence."""
    labels = outcome.labels
    despite = [(i, j, kind) for i, j, kind in apart if labels[i] == labels[j]]
    if despite:
        left = np.array([i for i, _, _ in despite])
        right = np.array([j for _, j, _ in despite])
        seen = RecordConflicts(outcome.features).disagree(left, right).any()
        kinds = ",".join(sorted({kind for _, _, kind in despite}))
        return f"despite evidence ({kinds}), model {'sees it' if seen else 'blind'}"
    shared = next(iter(set(labels[a]) & set(labels[b])))
    here_a = [i for i in a if labels[i] == shared]
    here_b = [j for j in b if labels[j] == shared]
    strays, owner = (here_a, a) if len(here_a) <= len(here_b) else (here_b, b)
    home = [k for k in owner if labels[k] != shared]
    link = max((best.get((s, h), 0.0) for s in strays for h in home), default=0.0)
    if not home:
        return "through a record without evidence, all of one relative in the other's person"
    if link >= 0.5:
        return "through a record without evidence, linked to its own at >= 0.5"
    return "through a record without evidence, " + ("weakly linked" if link else "unlinked")


def diagnose(folder: Path, relation: str, examples: int) -> Counter[str]:
    """Link the lists in ``folder``; count (and print ``examples`` of) the patterns."""
    records, truth_list, relatives = load_lists(folder)
    if relatives is None:
        return Counter()
    outcome = link_records(records)
    truth = np.array(truth_list, dtype=object)
    labels = outcome.labels
    table = evidence_table(outcome.features, records["age"].tolist())
    pairs = outcome.pairs
    best: dict[tuple[int, int], float] = {}
    scored = zip(
        pairs["unique_id_l"], pairs["unique_id_r"], pairs["match_probability"], strict=True
    )
    for x, y, p in scored:
        best[(int(x), int(y))] = best[(int(y), int(x))] = float(p)
    rows = pd.Series(range(len(truth))).groupby(truth).indices
    rel = pd.read_csv(relatives, dtype=str)
    counts: Counter[str] = Counter()
    mine = rel[rel["relation"] == relation]
    for pa, pb in zip(mine["person_a"], mine["person_b"], strict=True):
        if pa not in rows or pb not in rows:
            continue
        a, b = [int(i) for i in rows[pa]], [int(j) for j in rows[pb]]
        if not set(labels[a]) & set(labels[b]):
            continue
        apart = [
            (i, j, kind)
            for i in a
            for j in b
            if (kind := separating_evidence(table.iloc[i], table.iloc[j], relation))
        ]
        if not apart:
            continue
        pattern = _pattern(a, b, apart, outcome, best)
        counts[pattern] += 1
        if sum(counts.values()) <= examples:
            print(f"\n{pa} / {pb}: {pattern}")
            for i in a + b:
                cells = " | ".join(str(records.at[i, c]) for c in SHOWN if c in records)
                print(f"  {truth[i][-5:]} #{i} person {labels[i]}: {cells}")
            members = sorted(set(a + b))
            for x in members:
                for y in members:
                    if x < y and (x, y) in best:
                        print(f"    {x}-{y} p={best[(x, y)]:.4f}")
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, required=True)
    parser.add_argument("--style", default="messy")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--relation", choices=("namesake", "sibling"), default="namesake")
    parser.add_argument("--examples", type=int, default=5, help="examples printed per seed")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    for seed in args.seeds:
        counts = diagnose(args.source / f"{args.style}-{seed}", args.relation, args.examples)
        print(f"\n{args.style} seed {seed}: {dict(counts)}")
        total += counts
    print(f"\nall seeds: {dict(total)}")


if __name__ == "__main__":
    main()
