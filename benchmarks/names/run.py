"""Name and place benchmark: ``.venv/bin/python -m benchmarks.names.run [--split dev|test]``.

Prints, on the held-out split (``test``, the default) of ``benchmarks/names/data/``:

- precision and recall of ``compare_names(a, b).decision == "match"``, next to two baselines
  on the same pairs: rapidfuzz Jaro-Winkler ≥ 0.9 on lower-cased raw strings, and equality of
  the bare consonant skeleton (:func:`shomar.text.skeleton`); also per pair kind;
- place resolution accuracy: the share of the gazetteer's names (province Latin variants and
  Persian names, county and city names in both scripts) that resolve to the right province;
- speed: 100,000 name-pair comparisons (pairs drawn at random from the benchmark's names,
  mixing scripts, caches cleared first) against plain Jaro-Winkler on the same pairs.

Tune on ``--split dev`` only. The pairs are built by ``python -m benchmarks.names.build``.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

DATA = Path(__file__).resolve().parent / "data"
N_SPEED = 100_000


def load(split: str) -> list[tuple[str, str, int, str]]:
    with (DATA / f"pairs_{split}.csv").open(encoding="utf-8") as fh:
        return [(r["a"], r["b"], int(r["label"]), r["kind"]) for r in csv.DictReader(fh)]


def precision_recall(pred: list[bool], gold: list[int]) -> tuple[float, float, int, int]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if not p and g)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def names_report(split: str, show_errors: int) -> None:
    from shomar.text import compare_names, skeleton

    pairs = load(split)
    gold = [g for _, _, g, _ in pairs]
    results = [compare_names(a, b) for a, b, _, _ in pairs]
    methods: dict[str, list[bool]] = {
        "shomar compare_names == match": [r.decision == "match" for r in results],
        "baseline Jaro-Winkler >= 0.9": [
            JaroWinkler.normalized_similarity(a.lower(), b.lower()) >= 0.9 for a, b, _, _ in pairs
        ],
        "baseline consonant skeleton ==": [skeleton(a) == skeleton(b) for a, b, _, _ in pairs],
    }
    n_pos = sum(gold)
    print(
        f"Name pairs, split {split!r}: {len(pairs)} ({n_pos} same, {len(pairs) - n_pos} different)"
    )
    print(f"  {'method':34} {'precision':>9} {'recall':>7} {'FP':>5} {'FN':>5}")
    for name, pred in methods.items():
        p, r, fp, fn = precision_recall(pred, gold)
        print(f"  {name:34} {p:9.4f} {r:7.4f} {fp:5d} {fn:5d}")
    uncertain = sum(1 for r in results if r.decision == "uncertain")
    print(f"  shomar 'uncertain' decisions: {uncertain}")
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, _, kind) in enumerate(pairs):
        by_kind[kind].append(i)
    print(
        "  by kind (shomar): kind, n, share decided correctly (match for same, not for different)"
    )
    ours = methods["shomar compare_names == match"]
    for kind, idx in sorted(by_kind.items()):
        ok = sum(1 for i in idx if ours[i] == bool(gold[i]))
        print(f"    {kind:16} {len(idx):5d} {ok / len(idx):.4f}")
    if show_errors:
        errors = [i for i in range(len(pairs)) if ours[i] != bool(gold[i])]
        for i in errors[:show_errors]:
            a, b, g, kind = pairs[i]
            print(f"    ERR {kind} gold={g} p={results[i].probability:.3f} {a!r} ~ {b!r}")


def places_report() -> None:
    from shomar.places import resolve_place
    from shomar.places.gazetteer import _latin_names, _read

    cases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read("provinces_osm.csv"):
        iso = r["iso_3166_2"]
        cases["province Latin variants"].extend(
            (v, iso) for v in _latin_names(r["osm_latin_names"])
        )
        cases["province Latin variants"].append((r["name_en"], iso))
        cases["province Persian names"].extend([(r["name_fa"], iso), (r["osm_name"], iso)])
    for r in _read("counties_osm.csv"):
        iso = r["province_iso"]
        if r["name_en"]:
            cases["county Latin names"].append((r["name_en"], iso))
        cases["county Latin names"].extend((v, iso) for v in _latin_names(r["osm_latin_names"]))
        cases["county Persian names"].append((r["name_fa"], iso))
    for r in _read("cities_amyrmahdy.csv"):
        iso = r["province_iso"]
        cases["city Latin names"].append((r["city_en"].replace("-", " "), iso))
        cases["city Persian names"].append((r["city_fa"], iso))
    print("Place resolution (right province):")
    total = ok_total = 0
    for kind, items in cases.items():
        ok = sum(1 for text, iso in items if resolve_place(text).province_iso == iso)
        total += len(items)
        ok_total += ok
        print(f"  {kind:26} {ok:5d}/{len(items):5d} = {ok / len(items):.4f}")
    print(f"  {'all':26} {ok_total:5d}/{total:5d} = {ok_total / total:.4f}")


def _clear_caches() -> None:
    from shomar.text import compare, normalize, parse, skeleton

    for module in (compare, normalize, skeleton, parse):
        for obj in vars(module).values():
            clear: Callable[[], None] | None = getattr(obj, "cache_clear", None)
            if clear is not None and getattr(obj, "__module__", "") == module.__name__:
                clear()


def speed_report() -> None:
    from shomar.text import compare_names

    rng = random.Random(7)
    pairs = load("dev") + load("test")
    pool_a = [a for a, _, _, _ in pairs]
    pool_b = [b for _, b, _, _ in pairs]
    sample = [(a, b) for a, b, _, _ in pairs]
    while len(sample) < N_SPEED:
        sample.append((rng.choice(pool_a), rng.choice(pool_b)))
    sample = sample[:N_SPEED]
    rng.shuffle(sample)
    compare_names("محمد", "Mohammad")  # load the data files outside the timing
    _clear_caches()
    t0 = time.perf_counter()
    for a, b in sample:
        compare_names(a, b)
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a, b in sample:
        JaroWinkler.normalized_similarity(a.lower(), b.lower())
    jw = time.perf_counter() - t0
    distinct = len(set(sample))
    print(f"Speed: {N_SPEED:,} name pairs ({distinct:,} distinct), one core, caches cleared first")
    print(f"  shomar compare_names   {ours:7.3f} s  ({ours / N_SPEED * 1e6:6.1f} µs/pair)")
    print(f"  plain Jaro-Winkler     {jw:7.3f} s  ({jw / N_SPEED * 1e6:6.1f} µs/pair)")
    print(f"  ratio                  {ours / jw:7.1f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--errors", type=int, default=0, help="print this many misjudged pairs")
    parser.add_argument("--skip", nargs="*", default=(), choices=("names", "places", "speed"))
    args = parser.parse_args()
    if "names" not in args.skip:
        names_report(args.split, args.errors)
    if "places" not in args.skip:
        places_report()
    if "speed" not in args.skip:
        speed_report()


if __name__ == "__main__":
    main()
