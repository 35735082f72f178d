"""Score ``shomar link`` output against the truth: ``python -m
benchmarks.linkage.independent.score --data DIR --pred LINKED.csv [--json]``.

Pairwise precision/recall/F1 over every pair of records (within and across lists); the share
of within-list duplicate pairs found; the share of constructed sibling and namesake person
pairs merged (any record of one in a predicted person with any record of the other); and the
missed pairs and false merges broken down by the noise classes of their two rows, each class
with its *lift* (its miss rate over the overall miss rate), so a class that merely co-occurs
with misses does not look like their cause.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PERSIAN_LISTS = frozenset({"register", "testimony"})
# Noise on the name itself; a pair whose rows have none of it is tagged ``names_clean`` (its
# misses are the linker's reading of scripts, orders and sparse evidence, not of bad names).
NAME_NOISE = frozenset(
    {"typo", "colloquial", "abbreviation", "initial_only", "compound_short", "father_in_family",
     "family_missing", "swapped_columns", "zwnj_space", "zwnj_joined", "honorific_kept",
     "honorific_dropped", "name_alt", "arabic_letters"}
)  # fmt: skip
_SHOWN = ("full_name", "given_name", "family_name", "father_name", "age", "date", "place")

Key = tuple[str, str]


@dataclass
class Truth:
    """One seed's truth: record → person and noise, rows, relations, people."""

    person: dict[Key, str]
    noise: dict[Key, frozenset[str]]
    rows: dict[Key, dict[str, str]]
    relations: list[tuple[str, str, str, str]]
    people: dict[str, dict[str, str]] = field(default_factory=dict)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_truth(data: Path) -> Truth:
    """Read ``truth.csv``, ``relations.csv``, ``persons.csv`` and the lists from ``data``."""
    person: dict[Key, str] = {}
    noise: dict[Key, frozenset[str]] = {}
    for r in _read(data / "truth.csv"):
        key = (r["source"], r["record_id"])
        person[key] = r["person_id"]
        noise[key] = frozenset(t for t in r["noise"].split(";") if t)
    rows: dict[Key, dict[str, str]] = {}
    for source in {s for s, _ in person}:
        for r in _read(data / f"{source}.csv"):
            rows[(source, r["record_id"])] = r
    relations = [
        (r["kind"], r["person_a"], r["person_b"], r["detail"])
        for r in _read(data / "relations.csv")
    ]
    people = {r["person_id"]: r for r in _read(data / "persons.csv")}
    return Truth(person, noise, rows, relations, people)


def load_pred(path: Path) -> dict[Key, str]:
    """``shomar link --out`` rows: ``source, record_id, person_id, …``."""
    return {(r["source"], r["record_id"]): r["person_id"] for r in _read(path)}


def _pairs(groups: dict[str, list[Key]]) -> int:
    return sum(len(g) * (len(g) - 1) // 2 for g in groups.values())


def _group(mapping: dict[Key, str]) -> dict[str, list[Key]]:
    groups: dict[str, list[Key]] = defaultdict(list)
    for key, gid in mapping.items():
        groups[gid].append(key)
    return groups


def pair_classes(truth: Truth, a: Key, b: Key) -> frozenset[str]:
    """The two rows' noise classes plus what the pair itself is (cross-script, one list)."""
    extra = {"same_list"} if a[0] == b[0] else set()
    if (a[0] in PERSIAN_LISTS) != (b[0] in PERSIAN_LISTS):
        extra.add("cross_script")
    extra.add("lists:" + "+".join(sorted((a[0], b[0]))))
    noise = truth.noise[a] | truth.noise[b]
    if not noise & NAME_NOISE:
        extra.add("names_clean")
    return noise | extra


def _relation(truth: Truth, pa: str, pb: str, kinds: dict[frozenset[str], str]) -> str:
    if kind := kinds.get(frozenset((pa, pb))):
        return kind
    x, y = truth.people[pa], truth.people[pb]
    if x["given"] == y["given"] and x["family"] == y["family"]:
        return "same_full_name"
    if x["family"] == y["family"]:
        return "same_family"
    if x["given"] == y["given"]:
        return "same_given"
    return "unrelated"


@dataclass
class Score:
    """One seed's measures; ``missed_by_class`` holds ``missed``, ``pairs`` and ``lift``."""

    records: int
    persons_true: int
    persons_pred: int
    true_pairs: int
    pred_pairs: int
    tp: int
    precision: float
    recall: float
    f1: float
    within_list_pairs: int
    within_list_found: float
    relations: dict[str, dict[str, int]]
    missed_by_class: dict[str, dict[str, float]]
    false_by_class: dict[str, int]
    missed_examples: dict[str, list[str]]
    false_examples: dict[str, list[str]]

    def share(self, kind: str) -> str:
        """``merged/pairs`` of one relation kind (``sibling``, ``namesake:same_town``)."""
        s = self.relations.get(kind, {"pairs": 0, "merged": 0})
        rate = s["merged"] / s["pairs"] if s["pairs"] else 0.0
        return f"{rate:.3f} ({s['merged']}/{s['pairs']})"


def score(truth: Truth, pred: dict[Key, str], examples: int = 3) -> Score:
    """Every measure of one seed, with per-class breakdowns and example pairs."""
    missing = set(truth.person) - set(pred)
    if missing:
        raise SystemExit(f"{len(missing)} records have no predicted person, e.g. {min(missing)}")
    true_groups, pred_groups = _group(truth.person), _group(pred)
    cells: Counter[tuple[str, str]] = Counter((truth.person[k], pred[k]) for k in truth.person)
    tp = sum(n * (n - 1) // 2 for n in cells.values())
    true_pairs, pred_pairs = _pairs(true_groups), _pairs(pred_groups)
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    seen: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    missed_examples: dict[str, list[tuple[int, Key, Key]]] = defaultdict(list)
    dup_total = dup_found = 0
    for keys in true_groups.values():
        for a, b in itertools.combinations(sorted(keys), 2):
            classes = pair_classes(truth, a, b)
            seen.update(classes)
            hit = pred[a] == pred[b]
            if a[0] == b[0]:
                dup_total += 1
                dup_found += hit
            if not hit:
                missed.update(classes)
                for c in classes:
                    missed_examples[c].append((len(classes), a, b))

    kinds = {frozenset((pa, pb)): kind for kind, pa, pb, _ in truth.relations}
    false_by: Counter[str] = Counter()
    false_examples: dict[str, list[tuple[int, Key, Key]]] = defaultdict(list)
    for keys in pred_groups.values():
        for a, b in itertools.combinations(sorted(keys), 2):
            pa, pb = truth.person[a], truth.person[b]
            if pa == pb:
                continue
            classes = pair_classes(truth, a, b) | {"rel:" + _relation(truth, pa, pb, kinds)}
            false_by.update(classes)
            for c in classes:
                false_examples[c].append((len(classes), a, b))

    rel_rates: dict[str, dict[str, int]] = {}
    persons_of: dict[str, set[str]] = defaultdict(set)
    for key, pid in truth.person.items():
        persons_of[pid].add(pred[key])
    for kind, pa, pb, detail in truth.relations:
        if pa not in persons_of or pb not in persons_of:
            continue
        merged = bool(persons_of[pa] & persons_of[pb])
        for name in (kind, f"{kind}:{detail}"):
            stats = rel_rates.setdefault(name, {"pairs": 0, "merged": 0})
            stats["pairs"] += 1
            stats["merged"] += merged

    miss_rate = (true_pairs - tp) / true_pairs if true_pairs else 0.0
    return Score(
        records=len(truth.person),
        persons_true=len(true_groups),
        persons_pred=len(pred_groups),
        true_pairs=true_pairs,
        pred_pairs=pred_pairs,
        tp=tp,
        precision=precision,
        recall=recall,
        f1=f1,
        within_list_pairs=dup_total,
        within_list_found=dup_found / dup_total if dup_total else 1.0,
        relations=rel_rates,
        missed_by_class={
            c: {
                "missed": missed[c],
                "pairs": seen[c],
                "lift": (missed[c] / seen[c]) / miss_rate if miss_rate else 0.0,
            }
            for c in seen
        },
        false_by_class=dict(false_by),
        missed_examples=_examples(truth, missed_examples, examples),
        false_examples=_examples(truth, false_examples, examples),
    )


def _examples(
    truth: Truth, found: dict[str, list[tuple[int, Key, Key]]], n: int
) -> dict[str, list[str]]:
    """Per class, the ``n`` pairs with the fewest other classes (they show the class best)."""
    return {
        c: [f"{show(truth, a)}  ~  {show(truth, b)}" for _, a, b in sorted(v)[:n]]
        for c, v in found.items()
    }


def show(truth: Truth, key: Key) -> str:
    """A row in one line: list, id, the name and evidence fields that are filled."""
    row = truth.rows[key]
    fields = " | ".join(f"{f}={row[f]}" for f in _SHOWN if row.get(f))
    return f"[{key[0]} {key[1]}] {fields}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--pred", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = score(load_truth(args.data), load_pred(args.pred))
    if args.json:
        print(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=1))
        return
    print(summary(result))


def summary(r: Score) -> str:
    """The headline measures of one seed in one line."""
    return (
        f"records {r.records}  P {r.precision:.4f}  R {r.recall:.4f}  F1 {r.f1:.4f}  "
        f"within-list found {r.within_list_found:.4f}  siblings merged {r.share('sibling')}  "
        f"namesakes merged {r.share('namesake')}"
    )


if __name__ == "__main__":
    main()
