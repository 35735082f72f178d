"""Precision and recall of claim extraction on the dev and held-out articles, with a baseline.

Run ``python -m benchmarks.claims.run``. A proposed claim matches a labeled one when its value,
lower and upper bounds and counted category are all equal (one-to-one, greedy, preferring a
proposal whose claimant also agrees). Claimant accuracy is over matched claims: the proposed
claimant equals, contains or is contained in one of the labeled spellings (``null`` must stay
``None``). Date accuracy is over matched claims whose label has a date.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.claims.baseline import baseline_claims
from shomar.claims import ClaimCandidate, extract_claims

ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "articles"
SPLITS = ("dev", "heldout")


@dataclass
class Score:
    gold: int = 0
    proposed: int = 0
    matched: int = 0
    claimant_ok: int = 0
    dated: int = 0
    date_ok: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        p = self.matched / self.proposed if self.proposed else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ca = self.claimant_ok / self.matched if self.matched else 0.0
        da = f"{self.date_ok / self.dated:.2f}" if self.dated else "  - "
        return (
            f"{name:<28} {self.gold:>4} {self.proposed:>5} {self.matched:>5}  "
            f"{p:5.2f} {r:5.2f} {f:5.2f}   {ca:5.2f}   {da}"
        )


def _norm(name: str) -> str:
    name = name.replace("’", "'").replace("\u200c", " ").casefold()
    name = re.sub(r"[^\w' ]+", " ", name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def claimant_agrees(proposed: str | None, labeled: list[str] | None) -> bool:
    if not labeled:
        return proposed is None
    if proposed is None:
        return False
    p = _norm(proposed)
    return any(p and (_norm(a) in p or p in _norm(a)) for a in labeled)


def _key(q: dict[str, Any]) -> tuple[Any, ...]:
    return (q["value"], q["lower"], q["upper"])


def score_article(proposed: list[ClaimCandidate], gold: list[dict[str, Any]]) -> Score:
    score = Score(gold=len(gold), proposed=len(proposed))
    free = list(proposed)
    for label in gold:
        same = [
            c
            for c in free
            if _key(c.quantity.to_dict()) == _key(label) and c.counted == label["counted"]
        ]
        if not same:
            continue
        best = next((c for c in same if claimant_agrees(c.claimant, label["claimant"])), same[0])
        free.remove(best)
        score.matched += 1
        score.claimant_ok += claimant_agrees(best.claimant, label["claimant"])
        if label.get("date_stated"):
            score.dated += 1
            score.date_ok += best.date_stated == label["date_stated"]
    return score


def run_split(split: str, extractor: Callable[[str], list[ClaimCandidate]]) -> Score:
    total = Score()
    for text_file in sorted((ARTICLES / split).glob("*.txt")):
        labels = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
        total.add(score_article(extractor(text_file.read_text(encoding="utf-8")), labels["claims"]))
    return total


def main(argv: list[str] | None = None) -> int:
    """Print the table; ``-v`` adds per-article details for dev (``-v --heldout``: held-out too,
    which spoils it as a held-out set for whoever reads them)."""
    args = argv if argv is not None else sys.argv[1:]
    print(f"{'set / extractor':<28} gold  prop match   prec   rec    F1   claimant  date")
    for split in SPLITS:
        for name, extractor in (("shomar rules", extract_claims), ("baseline", baseline_claims)):
            print(run_split(split, extractor).row(f"{split:<8} {name}"))
    if "-v" in args:
        for split in SPLITS if "--heldout" in args else ("dev",):
            _details(split)
    return 0


def _details(split: str) -> None:
    for text_file in sorted((ARTICLES / split).glob("*.txt")):
        labels = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
        got = extract_claims(text_file.read_text(encoding="utf-8"))
        print(f"\n{split}/{text_file.stem}: {score_article(got, labels['claims'])}")
        for c in got:
            q = c.quantity
            print(
                f"  + {q.value} [{q.lower},{q.upper}] {c.counted}"
                f" | {c.claimant} | cites {c.cites} | {c.date_stated}"
            )
        for g in labels["claims"]:
            print(
                f"  - {g['value']} [{g['lower']},{g['upper']}] {g['counted']}"
                f" | {g['claimant']} | {g['date_stated']}"
            )


if __name__ == "__main__":
    raise SystemExit(main())
