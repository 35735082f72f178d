"""``python -m benchmarks.web.search_million``: name search over 1,000,000 simulated records.

What it builds: a fresh SQLite workspace (migrations run as usual), one source, and
``--records`` SYNTHETIC rows inserted in bulk straight through SQLAlchemy core into ``records``
(given/family/full name drawn from a small vocabulary in Latin or Persian script) and into
``record_name_keys`` (the same ``word_key`` skeletons ``services/records.refresh_name_index``
would write, so the service's lazy indexing finds nothing left to do). It then times
``search_records(q=…)`` over ~50 queries in both scripts (one- and two-word) and, as the baseline
in the same run, a plain ``LIKE '%name%'`` scan over the same table.
Target (issue 11): <= 300 ms p95.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, or_, select

from shomar.domain.name_search import word_key as _word_key
from shomar.security.principal import Principal, Role
from shomar.services.records import search_records
from shomar.store.tables import Record, RecordNameKey, Source
from shomar.store.workspace import Workspace, open_workspace

TARGET_P95_MS = 300.0
GIVEN = [
    ("Mohammad", "محمد"), ("Ali", "علی"), ("Zahra", "زهرا"), ("Hossein", "حسین"),
    ("Maryam", "مریم"), ("Reza", "رضا"), ("Fatemeh", "فاطمه"), ("Mehdi", "مهدی"),
    ("Sara", "سارا"), ("Hamid", "حمید"), ("Leila", "لیلا"), ("Saeed", "سعید"),
    ("Nasrin", "نسرین"), ("Javad", "جواد"), ("Parisa", "پریسا"), ("Amir", "امیر"),
]  # fmt: skip
FAMILY = [
    ("Rezaei", "رضایی"), ("Karimi", "کریمی"), ("Ahmadi", "احمدی"), ("Moradi", "مرادی"),
    ("Jafari", "جعفری"), ("Hosseini", "حسینی"), ("Mohammadi", "محمدی"), ("Sadeghi", "صادقی"),
    ("Rahimi", "رحیمی"), ("Kazemi", "کاظمی"), ("Ebrahimi", "ابراهیمی"), ("Ghasemi", "قاسمی"),
]  # fmt: skip
#: a synthetic suffix so family names spread over many index keys, as real lists do
SUFFIXES = ["", "zadeh", "pour", "nia", "far", "vand", "lou", "abadi", "nejad", "rad"]
SUFFIXES_FA = ["", "زاده", "پور", "نیا", "فر", "وند", "لو", "آبادی", "نژاد", "راد"]
OWNER = Principal("bench", Role.ADMIN)


def _rows(n: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        g, f, s = rng.randrange(len(GIVEN)), rng.randrange(len(FAMILY)), rng.randrange(10)
        if rng.random() < 0.5:
            rows.append((GIVEN[g][0], FAMILY[f][0] + SUFFIXES[s]))
        else:
            rows.append((GIVEN[g][1], FAMILY[f][1] + SUFFIXES_FA[s]))
    return rows


def populate(ws: Workspace, n: int, *, seed: int = 5, chunk: int = 20_000) -> None:
    keys: dict[str, str] = {}

    def key(word: str) -> str:
        if word not in keys:
            keys[word] = _word_key(word)
        return keys[word]

    rows = _rows(n, seed)
    with ws.session() as session:
        source_id = session.scalar(
            insert(Source).values(name="Million (SYNTHETIC)", kind="other").returning(Source.id)
        )
        for start in range(0, n, chunk):
            part = rows[start : start + chunk]
            session.execute(
                insert(Record),
                [
                    {
                        "id": start + i + 1,
                        "uid": f"{source_id}:M{start + i}",
                        "version": 1,
                        "source_id": source_id,
                        "record_key": f"M{start + i}",
                        "full_name": f"{given} {family}",
                        "given_name": given,
                        "family_name": family,
                        "confidentiality": ("public", "restricted", "confidential")[i % 3],
                        "raw_row": [],
                        "notes": "SYNTHETIC",
                    }
                    for i, (given, family) in enumerate(part)
                ],
            )
            session.execute(
                insert(RecordNameKey),
                [
                    {"record_id": start + i + 1, "key": k}
                    for i, (given, family) in enumerate(part)
                    for k in sorted({key(given), key(family)} - {""})
                ],
            )


def queries(count: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    out = []
    for k in range(count):
        fa = k % 2
        g, f, s = rng.choice(GIVEN)[fa], rng.choice(FAMILY)[fa], rng.randrange(10)
        family = f + (SUFFIXES_FA if fa else SUFFIXES)[s]
        out.append(family if k % 5 == 4 else f"{g} {family}")
    return out


def _quantiles(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=100, method="inclusive")
    return q[49], q[94]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="shomar-search-million-") as tmp:
        ws = open_workspace(Path(tmp) / "ws", create=True, url=None)
        try:
            t0 = time.perf_counter()
            populate(ws, args.records)
            print(f"inserted {args.records:,} SYNTHETIC records and their name keys in "
                  f"{time.perf_counter() - t0:.0f} s", flush=True)  # fmt: skip
            qs = queries(args.queries)
            search_records(ws, principal=OWNER, q=qs[0])  # warm the caches once
            timings, hits = [], []
            for q in qs:
                t = time.perf_counter()
                page = search_records(ws, principal=OWNER, q=q)
                timings.append((time.perf_counter() - t) * 1000)
                hits.append(page.total)
            base = []
            with ws.session() as session:
                for q in qs:
                    t = time.perf_counter()
                    words = q.split()
                    stmt = select(Record.id, Record.full_name).where(
                        *[or_(Record.full_name.like(f"%{w}%")) for w in words]
                    )
                    session.execute(stmt.limit(50)).all()
                    session.execute(stmt.with_only_columns(Record.id)).all()  # the total
                    base.append((time.perf_counter() - t) * 1000)
        finally:
            ws.close()
    p50, p95 = _quantiles(timings)
    b50, b95 = _quantiles(base)
    print(f"search_records   p50={p50:7.1f} ms p95={p95:7.1f} ms over {len(qs)} queries "
          f"(Latin and Persian; median hits {statistics.median(hits):.0f})")  # fmt: skip
    print(f"LIKE '%name%'    p50={b50:7.1f} ms p95={b95:7.1f} ms (baseline, same table)")
    print(f"ratio p95 search/LIKE = {p95 / b95:.2f}; target p95 <= {TARGET_P95_MS:.0f} ms: "
          f"{'met' if p95 <= TARGET_P95_MS else 'NOT met'}")  # fmt: skip
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
