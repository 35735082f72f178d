"""Hand-made probe: ``python -m benchmarks.names.probe [--split dev|test] [--round 1|2]``
(``--errors`` prints the misjudged pairs).

Scores ``compare_names(a, b).decision == "match"`` on ``data/probe_handmade.tsv``: 354
hand-written pairs of synthetic Iranian names (common given and family names combined; no
real person is meant) in the styles real lists use, labeled ``same`` / ``different`` with a
``kind``. The ``split`` column (a CRC-32 of the pair, a third held out as ``test``) was fixed
before the probe was first run; tune on ``dev`` only.

Round 2 (``data/probe_round2.tsv``, hand-made, SYNTHETIC, 2026-12-02): 232 pairs in the styles
of Iran's Kurdish, Baluch, Ahwazi Arab, Azeri, Lur and Afghan/Dari lists, Arabic-style
transliteration, doubled letters, vowels, -i/-y/-ee endings, Mohammad- compounds and women's
endings, with 85 hard negatives; split by the same rule (CRC-32 of ``a + TAB + b``, remainder 0
of 3 is ``test``), fixed before its first run. Each round is scored on its own.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

ROUNDS = {
    "1": Path(__file__).resolve().parent / "data" / "probe_handmade.tsv",
    "2": Path(__file__).resolve().parent / "data" / "probe_round2.tsv",
}


def load(split: str, round_: str = "1") -> list[dict[str, str]]:
    with ROUNDS[round_].open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if split == "all" or r["split"] == split]


def main() -> None:
    from shomar.text import compare_names

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--round", choices=tuple(ROUNDS), default="1", dest="round_")
    ap.add_argument("--errors", action="store_true", help="print the misjudged pairs")
    args = ap.parse_args()
    rows = load(args.split, args.round_)
    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: list[str] = []
    for r in rows:
        c = compare_names(r["a"], r["b"])
        same = r["label"] == "same"
        match = c.decision == "match"
        tp += match and same
        fp += match and not same
        fn += same and not match
        by_kind[r["kind"]][0] += match == same
        by_kind[r["kind"]][1] += 1
        if match != same:
            line = f"{r['label']:9} {c.probability:.2f} {c.decision:9} {r['a']} | {r['b']}"
            errors.append("  " + line)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"probe round {args.round_} {args.split}: {len(rows)} pairs, precision {precision:.4f}"
        f" recall {recall:.4f}"
        f" FP {fp} FN {fn}, right {sum(k[0] for k in by_kind.values())}/{len(rows)}"
    )
    for kind, (right, n) in sorted(by_kind.items()):
        print(f"  {kind:20} {right}/{n}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
