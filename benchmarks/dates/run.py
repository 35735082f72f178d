"""Hand-made date probe: ``python -m benchmarks.dates.run [--split S] [--round 1|2|all]``.

Scores :func:`shomar.calendar.parse_partial_date` on ``tests/data/dates/probe.tsv`` and
``probe_round2.tsv`` (synthetic, hand-written strings, see that folder's README). A row
expecting a date passes when start, end, precision, calendar and qualifier all match; a row
expecting a refusal passes when
DateParseError is raised. Prints the score and the failing rows. Tune on ``dev`` only; the
``heldout`` third is scored once, after the fixes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

from shomar.calendar import parse_partial_date
from shomar.errors import DateParseError

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "dates"
#: the probe's rounds: 1 (``probe.tsv``, ids 1-361) and 2 (``probe_round2.tsv``, ids 401-),
#: each split by the same rule (every third id held out), fixed before its first run
ROUNDS = {"1": DATA / "probe.tsv", "2": DATA / "probe_round2.tsv"}


def load(split: str, round_: str = "all") -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name, path in ROUNDS.items():
        if round_ in ("all", name):
            with path.open(encoding="utf-8", newline="") as fh:
                rows += csv.DictReader(fh, delimiter="\t")
    return [r for r in rows if split == "all" or r["split"] == split]


def outcome(row: dict[str, str]) -> str:
    """What the parser did with the row, in the probe's columns (or ``refuse: MESSAGE``)."""
    hint = None
    if row["century_hint"]:
        year = int(row["century_hint"])
        hint = (dt.date(year, 1, 1), dt.date(year, 12, 31))
    try:
        got = parse_partial_date(row["text"], century_hint=hint)
    except DateParseError as exc:
        return f"refuse: {exc}"
    return "\t".join(
        (got.start.isoformat(), got.end.isoformat(), got.precision, got.calendar,
         got.qualifier or "")
    )  # fmt: skip


def expected(row: dict[str, str]) -> str:
    if row["expect"] == "refuse":
        return "refuse"
    return "\t".join(row[k] for k in ("start", "end", "precision", "calendar", "qualifier"))


def passes(row: dict[str, str], got: str) -> bool:
    if row["expect"] == "refuse":
        return got.startswith("refuse")
    return got == expected(row)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--round", choices=("1", "2", "all"), default="all", dest="round_")
    parser.add_argument("--show", type=int, default=400, help="failing rows to print")
    args = parser.parse_args(argv)
    rows = load(args.split, args.round_)
    failures = []
    for row in rows:
        got = outcome(row)
        if not passes(row, got):
            failures.append((row, got))
    accepted = [r for r in rows if r["expect"] == "ok"]
    refused = [r for r in rows if r["expect"] == "refuse"]
    bad_ok = sum(1 for r, _ in failures if r["expect"] == "ok")
    bad_refuse = len(failures) - bad_ok
    print(f"round {args.round_}, split {args.split}: "
          f"{len(rows) - len(failures)}/{len(rows)} rows right "
          f"({(len(rows) - len(failures)) / len(rows):.1%}); dates {len(accepted) - bad_ok}/"
          f"{len(accepted)}, refusals {len(refused) - bad_refuse}/{len(refused)}")  # fmt: skip
    for row, got in failures[: args.show]:
        print(f"#{row['id']} {row['text']!r}: expected {expected(row)!r}, got {got[:160]!r}")


if __name__ == "__main__":
    main()
