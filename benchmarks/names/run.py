"""Name and place benchmark: ``.venv/bin/python -m benchmarks.names.run [--split dev|test]``.

Prints, on the held-out split (``test``, the default) of ``benchmarks/names/data/``, for both
pair sets (``pairs_*``: attested Wikidata spellings; ``styles_*``: the styles of real lists,
romanisation systems, abbreviations, colloquial forms, order swaps, built by
``build_styles.py``; ``--set`` picks one):

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


def load(split: str, pair_set: str = "pairs") -> list[tuple[str, str, int, str]]:
    with (DATA / f"{pair_set}_{split}.csv").open(encoding="utf-8") as fh:
        return [(r["a"], r["b"], int(r["label"]), r["kind"]) for r in csv.DictReader(fh)]


def precision_recall(pred: list[bool], gold: list[int]) -> tuple[float, float, int, int]:
    tp = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
    fp = sum(1 for p, g in zip(pred, gold, strict=True) if p and not g)
    fn = sum(1 for p, g in zip(pred, gold, strict=True) if not p and g)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, fp, fn


def names_report(split: str, show_errors: int, pair_set: str = "pairs") -> None:
    from shomar.text import compare_names, skeleton

    pairs = load(split, pair_set)
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
        f"Name pairs {pair_set!r}, split {split!r}: {len(pairs)} ({n_pos} same, "
        f"{len(pairs) - n_pos} different)"
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


#: foreign places that must resolve to their own country (never to an Iranian town)
FOREIGN = (
    ("Paris", "FR"), ("پاریس", "FR"), ("France", "FR"), ("Iraq", "IQ"), ("عراق", "IQ"),
    ("Baghdad", "IQ"), ("Erbil", "IQ"), ("Sulaymaniyah", "IQ"), ("Camp Ashraf", "IQ"),
    ("Turkey", "TR"), ("ترکیه", "TR"), ("Istanbul", "TR"), ("Germany", "DE"),
    ("Deutschland", "DE"), ("آلمان", "DE"), ("Berlin", "DE"), ("Köln", "DE"), ("UK", "GB"),
    ("London", "GB"), ("انگلیس", "GB"), ("USA", "US"), ("آمریکا", "US"), ("Los Angeles", "US"),
    ("Canada", "CA"), ("Toronto", "CA"), ("Sweden", "SE"), ("Stockholm", "SE"),
    ("Göteborg", "SE"), ("Netherlands", "NL"), ("هلند", "NL"), ("Den Haag", "NL"),
    ("Afghanistan", "AF"), ("Kabul", "AF"), ("افغانستان", "AF"), ("Dubai", "AE"),
    ("Norway", "NO"), ("Oslo", "NO"), ("Austria", "AT"), ("Vienna", "AT"), ("Armenia", "AM"),
)  # fmt: skip
#: detention sites (and their province) that must resolve as such
SITES = (
    ("Evin", "IR-23"), ("زندان اوین", "IR-23"), ("Gohardasht", "IR-30"),
    ("Rajai Shahr Prison", "IR-30"), ("Qezel Hesar", "IR-30"), ("Ghezel Hesar", "IR-30"),
    ("Vakilabad", "IR-09"), ("Adelabad Prison", "IR-07"), ("Dastgerd Prison", "IR-10"),
    ("Lakan Prison", "IR-01"), ("Karun Prison", "IR-06"), ("Dizelabad", "IR-05"),
    ("Kahrizak detention centre", "IR-23"), ("Fashafouyeh", "IR-23"),
    ("Greater Tehran Central Penitentiary", "IR-23"), ("زندان قرچک", "IR-23"),
    ("زندان مرکزی تبریز", "IR-03"), ("Urmia Central Prison", "IR-04"),
)  # fmt: skip


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
    print("Place resolution: right province / wrong province / not resolved (no guess)")
    tot = [0, 0, 0, 0]
    for kind, items in cases.items():
        ok = wrong = none = 0
        for text, iso in items:
            got = resolve_place(text).province_iso
            ok += got == iso
            wrong += got is not None and got != iso
            none += got is None
        for k, v in enumerate((len(items), ok, wrong, none)):
            tot[k] += v
        print(
            f"  {kind:26} {ok:5d} / {wrong:4d} / {none:4d} of {len(items):5d}"
            f" = {ok / len(items):.4f}"
        )
    n, ok, wrong, none = tot
    print(f"  {'all':26} {ok:5d} / {wrong:4d} / {none:4d} of {n:5d} = {ok / n:.4f}")
    print(f"  precision of resolved names: {ok / max(1, ok + wrong):.4f}")
    foreign_ok = 0
    for text, country in FOREIGN:
        m = resolve_place(text)
        foreign_ok += getattr(m, "country", None) == country and m.province_iso is None
    print(f"  foreign places resolved to their country: {foreign_ok}/{len(FOREIGN)}")
    iranian = sum(1 for text, _ in FOREIGN if resolve_place(text).province_iso is not None)
    print(f"  foreign places given an Iranian province: {iranian}/{len(FOREIGN)}")
    sites_ok = 0
    for text, iso in SITES:
        m = resolve_place(text)
        sites_ok += getattr(m, "kind", None) in ("prison", "detention_centre") and (
            m.province_iso == iso
        )
    print(f"  detention sites resolved as such, right province: {sites_ok}/{len(SITES)}")


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
    pairs = load("dev") + load("test") + load("dev", "styles") + load("test", "styles")
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
    parser.add_argument("--set", default="both", choices=("pairs", "styles", "both"))
    parser.add_argument("--skip", nargs="*", default=(), choices=("names", "places", "speed"))
    args = parser.parse_args()
    if "names" not in args.skip:
        for pair_set in ("pairs", "styles"):
            if args.set in (pair_set, "both"):
                names_report(args.split, args.errors, pair_set)
    if "places" not in args.skip:
        places_report()
    if "speed" not in args.skip:
        speed_report()


if __name__ == "__main__":
    main()
