"""Write one seed's four lists and the truth: ``python -m benchmarks.linkage.independent.generate
--seed 1 --out DIR``.

``DIR/{register,ngo,testimony,annex}.csv`` carry Shomar's canonical columns and nothing that
gives the truth away; ``DIR/truth.csv`` maps each ``(source, record_id)`` to its person and the
noise classes its row got; ``DIR/relations.csv`` lists the constructed siblings and namesakes
and ``DIR/persons.csv`` the people themselves (to classify false merges).
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from benchmarks.linkage.independent.lists import COLUMNS, LISTS
from benchmarks.linkage.independent.persons import population

PERSONS = 2500


def generate(seed: int, out: Path, persons: int = PERSONS) -> dict[str, int]:
    """Write the lists for ``seed`` into ``out``; returns the number of rows per list."""
    rng = random.Random(seed)
    people, relations = population(rng, persons)
    out.mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, str, str, str]] = []
    counts: dict[str, int] = {}
    for name, writer, capture, dup_rate, prefix in LISTS:
        rows: list[tuple[dict[str, str], str, list[str]]] = []
        for p in people:
            if rng.random() >= capture * (0.5 + p.visibility):
                continue
            copies = 2 if rng.random() < dup_rate else 1
            for _ in range(copies):
                tags: list[str] = []
                rows.append((writer(p, rng, tags), p.pid, tags))
        rng.shuffle(rows)
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            for i, (row, pid, tags) in enumerate(rows):
                row["record_id"] = f"{prefix}{seed}-{i:05d}"
                w.writerow(row)
                truth.append((name, row["record_id"], pid, ";".join(sorted(set(tags)))))
        counts[name] = len(rows)
    with (out / "truth.csv").open("w", newline="", encoding="utf-8") as fh:
        w2 = csv.writer(fh)
        w2.writerow(("source", "record_id", "person_id", "noise"))
        w2.writerows(truth)
    with (out / "relations.csv").open("w", newline="", encoding="utf-8") as fh:
        w2 = csv.writer(fh)
        w2.writerow(("kind", "person_a", "person_b", "detail"))
        w2.writerows((r.kind, r.a, r.b, r.detail) for r in relations)
    with (out / "persons.csv").open("w", newline="", encoding="utf-8") as fh:
        w2 = csv.writer(fh)
        w2.writerow(("person_id", "sex", "given", "family", "father", "age", "date", "city"))
        w2.writerows(
            (p.pid, p.sex, p.given.fa, p.family.fa, p.father.fa, p.age, p.date, p.city.fa)
            for p in people
        )
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--persons", type=int, default=PERSONS)
    args = parser.parse_args(argv)
    counts = generate(args.seed, args.out, args.persons)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), "->", args.out)


if __name__ == "__main__":
    main()
