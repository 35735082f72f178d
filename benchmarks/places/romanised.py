"""Romanised place probe: ``python -m benchmarks.places.romanised [--split dev|heldout|all]``.

Scores :func:`shomar.places.resolve_place` on ``tests/places/data/romanised_{dev,heldout}.csv``
(hand-written for Shomar, see that folder's README): each row is a Latin spelling of an
Iranian place and the place's Persian name, or ``unresolved``. A row passes when the spelling
resolves to what the Persian name resolves to (province, city and detention site), or, for
``unresolved``, when it does not resolve. A *wrong confident* row resolved to another place
(another province, city or site; the error that costs linkage most), a right province
without the city is only a miss. Tune on ``dev`` only; ``heldout`` was written before the
first change and is scored, never tuned on.
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass
from pathlib import Path

from shomar.places import PlaceMatch, resolve_place

DATA = Path(__file__).resolve().parents[2] / "tests" / "places" / "data"
SPLITS = ("dev", "heldout")
UNRESOLVED = "unresolved"


@dataclass(frozen=True)
class Outcome:
    text: str
    expected: str
    got: PlaceMatch
    passed: bool
    wrong_confident: bool


def load(split: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in SPLITS if split == "all" else (split,):
        with (DATA / f"romanised_{name}.csv").open(encoding="utf-8", newline="") as fh:
            rows += csv.DictReader(fh)
    return rows


def _where(m: PlaceMatch) -> tuple[str | None, str | None, str | None]:
    return (m.province_iso, m.city, m.site)


def score(row: dict[str, str]) -> Outcome:
    got = resolve_place(row["text"])
    if row["expected_fa"] == UNRESOLVED:
        return Outcome(row["text"], UNRESOLVED, got, not got.resolved, got.resolved)
    want = resolve_place(row["expected_fa"])
    if not want.resolved:
        raise ValueError(f"the reference {row['expected_fa']!r} does not resolve; fix the row")
    same = got.resolved and _where(got) == _where(want)
    return Outcome(row["text"], row["expected_fa"], got, same, _contradicts(got, want))


def _contradicts(got: PlaceMatch, want: PlaceMatch) -> bool:
    """Resolved to another place: another province, city or site (a right province without
    the city is a miss, not a wrong place)."""
    if not got.resolved:
        return False
    return got.province_iso != want.province_iso or any(
        g is not None and g != w for g, w in ((got.city, want.city), (got.site, want.site))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    args = parser.parse_args()
    outcomes = [score(r) for r in load(args.split)]
    passed = sum(o.passed for o in outcomes)
    wrong = sum(o.wrong_confident for o in outcomes)
    print(f"{args.split}: {passed}/{len(outcomes)} = {passed / len(outcomes):.3f}; "
          f"wrong confident {wrong}")  # fmt: skip
    for o in outcomes:
        if not o.passed:
            where = _where(o.got) if o.got.resolved else f"unresolved, candidate {o.got.candidate}"
            flag = "WRONG" if o.wrong_confident else "miss"
            print(f"  {flag:5} {o.text!r} -> {where} (want {o.expected})")


if __name__ == "__main__":
    main()
