"""Build the labeled name-pair benchmark from ``shared/data/iran/`` (deterministic, seed 20261125).

Run ``.venv/bin/python -m benchmarks.names.build [SHARED_DIR]``; it writes
``benchmarks/names/data/pairs_dev.csv`` (train/dev: tune on this) and
``benchmarks/names/data/pairs_test.csv`` (held out: only read by ``run.py``).

Pairs are split by Persian name *group*: every pair built from a Persian name (or full name)
goes to the split that a hash of that name chooses, so the test split's names never appear in a
dev pair. Labels come from the data, not from Shomar's rules:

Positives
    ``lat-lat``: two different attested Latin spellings of one Persian name part
    (``names_ir_wikidata_units.csv``; both with count ≥ 2 and ≥ 3% of the name's mass, and
    consonant skeletons of equal length differing in at most one position, which drops most
    alignment mistakes such as حسینی → "Banisadr", احمدرضا → "Ahmad", حبیب‌الله → "Habib").
    ``fa-lat``: the Persian name (sometimes typed with Arabic ي/ك, ZWNJ variants) against one
    such spelling. ``fa-fa``: the Persian name against its Arabic-letter form. ``full``: a
    Persian full name against its Latin full name (``names_ir_wikidata_fullnames.csv``), and
    two Latin spellings of one Persian full name.

Hard negatives
    Different Persian names (both with total count ≥ 3) whose keys differ by one edit, or whose
    consonant skeletons are equal (محمد/محمود, حسن/حسین, زهرا/زهره, حمید/حامد), that share no
    attested spelling with count ≥ 2; affix and gender-ending pairs where both names are
    attested (امین/امینی, عباس/عباسی, مهدی/مهدیه, طاهر/طاهره, حسین/حسین‌زاده); each in the
    three script combinations. ``full``: a Persian full name against the Latin full name of a
    different person sharing one part.
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from shomar.text.normalize import latin_key, persian_key
from shomar.text.skeleton import skeleton

SEED = 20261125
HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
FIELDS = ("a", "b", "label", "kind", "group")
TEST_SHARE = 0.3
SUFFIXES_FA = ("ی", "ه", "یه", "زاده", "پور", "نژاد", "یان", "فر", "لو")


def _split_of(group: str) -> str:
    h = int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if h < TEST_SHARE else "dev"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _arabic_form(fa: str, rng: random.Random) -> str:
    out = fa.replace("ی", "ي").replace("ک", "ك")
    if rng.random() < 0.3:
        out = out.replace("\u200c", " ")
    return out


def build(shared: Path) -> dict[str, list[dict[str, object]]]:
    rng = random.Random(SEED)
    units = _read(shared / "names_ir_wikidata_units.csv")
    spell: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    display: dict[str, str] = {}
    for r in units:
        if not r["latin"].replace("-", "").replace(" ", "").isascii():
            continue
        fa = r["key_persian_letters"]
        k = persian_key(fa)
        spell[k][r["latin"]] += int(r["count"])
        display.setdefault(k, fa)
    total = {k: sum(v.values()) for k, v in spell.items()}

    def plausible(fa: str, latin: str) -> bool:
        # a guard against partial alignments (احمدرضا → "Ahmad", حبیب‌الله → "Habib"): the
        # consonant skeletons have the same length and differ in at most one position
        a, b = skeleton(fa), skeleton(latin)
        return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1

    def good(k: str) -> list[str]:
        t = total[k]
        return [
            s for s, n in spell[k].items() if n >= 2 and n / t >= 0.03 and plausible(display[k], s)
        ]

    rows: list[dict[str, object]] = []

    def add(a: str, b: str, label: int, kind: str, group: str) -> None:
        if rng.random() < 0.5:
            a, b = b, a
        rows.append({"a": a, "b": b, "label": label, "kind": kind, "group": group})

    # positives
    for k in sorted(spell):
        spellings = sorted(good(k), key=lambda s: -spell[k][s])
        if not spellings:
            continue
        fa = display[k]
        for s in spellings[:3]:
            add(_arabic_form(fa, rng) if rng.random() < 0.25 else fa, s, 1, "fa-lat", k)
        if len(spellings) >= 2:
            pairs = [(x, y) for i, x in enumerate(spellings) for y in spellings[i + 1 :]]
            pairs = [(x, y) for x, y in pairs if x.lower() != y.lower()]
            for x, y in rng.sample(pairs, min(3, len(pairs))):
                add(x, y, 1, "lat-lat", k)
        if ("ي" in fa or "ك" in fa or "ی" in fa or "ک" in fa) and rng.random() < 0.1:
            add(fa, _arabic_form(fa, rng), 1, "fa-fa", k)

    # hard negatives between attested names
    names = sorted(k for k in spell if total[k] >= 3 and good(k))
    by_skel: dict[str, list[str]] = defaultdict(list)
    for k in names:
        by_skel[skeleton(k)].append(k)
    shared_spelling = {k: {latin_key(s) for s, n in spell[k].items() if n >= 2} for k in names}
    neg_pairs: set[tuple[str, str, str]] = set()
    for group in by_skel.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if shared_spelling[x] & shared_spelling[y]:
                    continue
                if Levenshtein.distance(x, y) <= 2:
                    neg_pairs.add((x, y, "close"))
    name_set = set(names)
    for k in names:
        for suf in SUFFIXES_FA:
            if k + suf in name_set and not (shared_spelling[k] & shared_spelling[k + suf]):
                neg_pairs.add((k, k + suf, "affix"))
    for x, y, why in sorted(neg_pairs):
        first = min(x, y)
        sx = max(good(x), key=lambda s: spell[x][s])
        sy = max(good(y), key=lambda s: spell[y][s])
        add(display[x], display[y], 0, f"fa-fa-{why}", first)
        add(sx, sy, 0, f"lat-lat-{why}", first)
        add(display[x], sy, 0, f"fa-lat-{why}", first)
        add(sx, display[y], 0, f"fa-lat-{why}", first)

    # full names
    full = _read(shared / "names_ir_wikidata_fullnames.csv")
    by_fa: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for r in full:
        if r["latin"].replace("-", "").replace(" ", "").replace("'", "").isascii():
            by_fa[r["key_persian_letters"]].append((r["latin"], int(r["count"])))
    fa_names = sorted(k for k in by_fa if len(k.split()) >= 2)
    rng.shuffle(fa_names)
    by_part: dict[str, list[str]] = defaultdict(list)
    for k in fa_names:
        for part in k.split():
            by_part[persian_key(part)].append(k)
    for k in fa_names[:900]:
        latin = max(by_fa[k], key=lambda t: t[1])[0]
        add(k, latin, 1, "full", k)
        if len(by_fa[k]) >= 2:
            a2 = sorted(by_fa[k], key=lambda t: -t[1])
            if a2[0][0].lower() != a2[1][0].lower():
                add(a2[0][0], a2[1][0], 1, "full-lat-lat", k)
        # a different person sharing one part: same family, other given name, or vice versa
        parts = k.split()

        def rest_key(name: str, drop_last: bool) -> str:
            toks = name.split()
            return persian_key("".join(toks[:-1] if drop_last else toks[1:]))

        others = [
            o
            for o in by_part[persian_key(parts[-1])]
            if persian_key(o.split()[-1]) == persian_key(parts[-1])
            and rest_key(o, True) != rest_key(k, True)
        ]
        others += [
            o
            for o in by_part[persian_key(parts[0])]
            if persian_key(o.split()[0]) == persian_key(parts[0])
            and rest_key(o, False) != rest_key(k, False)
        ]
        if others:
            o = rng.choice(sorted(set(others)))
            o_latin = max(by_fa[o], key=lambda t: t[1])[0]
            add(k, o_latin, 0, "full-neg", k)

    splits: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    for row in rows:
        splits[_split_of(str(row["group"]))].append(row)
    return splits


def write(splits: dict[str, list[dict[str, object]]], out: Path = DATA) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        with (out / f"pairs_{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared/data/iran"
    splits = build(shared)
    write(splits)
    for name, rows in splits.items():
        kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in rows:
            kinds[str(r["kind"])][int(str(r["label"]))] += 1
        print(name, len(rows), dict(kinds))


if __name__ == "__main__":
    main()
