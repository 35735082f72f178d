"""Generate, link through the command line, score: ``PYTHONPATH=src .venv/bin/python -m
benchmarks.linkage.independent [--seeds 1 2 3] [--dir DIR] [--examples 3] [--json]``.

For each seed: write the four lists into ``DIR/seed-N`` (kept, so a run can be inspected or
re-scored with ``score``), run ``python -m shomar link … --out DIR/seed-N/linked.csv`` in a
child process (one at a time), then print the per-seed table and the missed pairs and false
merges by noise class over all seeds, with example pairs.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.linkage.independent import score
from benchmarks.linkage.independent.generate import generate
from benchmarks.linkage.independent.lists import LISTS


def link(data: Path) -> float:
    """Run the public ``shomar link`` on the four lists; returns its wall-clock seconds."""
    files = [str(data / f"{name}.csv") for name, *_ in LISTS]
    cmd = [sys.executable, "-m", "shomar", "link", *files, "--out", str(data / "linked.csv")]
    start = time.perf_counter()
    with (data / "link.json").open("w") as out:
        subprocess.run([*cmd, "--json"], check=True, stdout=out)
    seconds = time.perf_counter() - start
    (data / "wall_seconds.txt").write_text(f"{seconds:.1f}\n")
    return seconds


def table(results: dict[int, score.Score], seconds: dict[int, float]) -> str:
    """The per-seed Markdown table, then siblings and namesakes merged by how they were built."""
    lines = [
        "| seed | records | persons (true / found) | P | R | F1 | within-list dup. found "
        "| siblings merged | namesakes merged | s |",
        "|---|---:|---|---|---|---|---|---|---|---:|",
    ]
    for seed, r in results.items():
        lines.append(
            f"| {seed} | {r.records} | {r.persons_true} / {r.persons_pred} | "
            f"{r.precision:.4f} | {r.recall:.4f} | **{r.f1:.4f}** | "
            f"{r.within_list_found:.3f} | {r.share('sibling')} | {r.share('namesake')} | "
            f"{seconds[seed]:.0f} |"
        )
    kinds = sorted({k for r in results.values() for k in r.relations if ":" in k})
    lines += ["", "| seed | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for seed, r in results.items():
        lines.append(f"| {seed} | " + " | ".join(r.share(k) for k in kinds) + " |")
    return "\n".join(lines)


def breakdown(results: dict[int, score.Score], top: int, examples: int) -> str:
    """Missed pairs and false merges by class, summed over the seeds, with examples."""
    missed: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for r in results.values():
        for c, v in r.missed_by_class.items():
            missed[c] += int(v["missed"])
            pairs[c] += int(v["pairs"])
        false.update(r.false_by_class)
    true_pairs = sum(r.true_pairs for r in results.values())
    lost = true_pairs - sum(r.tp for r in results.values())
    rate = lost / true_pairs if true_pairs else 0.0
    # Ranked by misses above what the overall rate predicts for that many pairs: a class
    # that rides along with every pair (a list's date style) ranks low, a cause ranks high.
    excess = Counter({c: n - pairs[c] * rate for c, n in missed.items()})
    out = [
        f"Missed true pairs: {lost} of {true_pairs} (rate {rate:.4f}).",
        "",
        "| class | missed | true pairs with it | miss rate | lift | excess misses |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for c, extra in excess.most_common(top):
        n, share = missed[c], missed[c] / pairs[c]
        out.append(f"| {c} | {n} | {pairs[c]} | {share:.3f} | {share / rate:.2f} | {extra:.0f} |")
    clean = pairs["names_clean"]
    out += [
        "",
        f"Pairs with no noise on either name (names_clean): {missed['names_clean']} of {clean} "
        f"missed (rate {missed['names_clean'] / clean if clean else 0:.4f}).",
    ]
    wrong = sum(r.pred_pairs - r.tp for r in results.values())
    rel = ", ".join(f"{c[4:]} {n}" for c, n in false.most_common() if c.startswith("rel:"))
    out += ["", f"False merges (wrong pairs): {wrong}; by relation: {rel}."]
    out += ["", "| class | false pairs |", "|---|---:|"]
    out += [f"| {c} | {n} |" for c, n in false.most_common(top)]
    for title, counts, pick in (
        ("missed", excess, lambda r: r.missed_examples),
        ("false merge", false, lambda r: r.false_examples),
    ):
        out.append("")
        for c, _ in counts.most_common(top):
            shown = [e for r in results.values() for e in pick(r).get(c, [])][:examples]
            out.append(f"{title} · {c}:")
            out += [f"    {e}" for e in shown]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/shomar-independent"))
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--rescore", action="store_true", help="reuse DIR/seed-N/linked.csv if it is there"
    )
    args = parser.parse_args(argv)
    results: dict[int, score.Score] = {}
    seconds: dict[int, float] = {}
    for seed in args.seeds:
        data = args.dir / f"seed-{seed}"
        counts = generate(seed, data)
        linked = data / "linked.csv"
        if args.rescore and linked.exists():
            wall = data / "wall_seconds.txt"
            seconds[seed] = float(wall.read_text()) if wall.exists() else float("nan")
        else:
            seconds[seed] = link(data)
        results[seed] = score.score(score.load_truth(data), score.load_pred(data / "linked.csv"))
        print(f"seed {seed}: {counts} · {score.summary(results[seed])}", file=sys.stderr)
    if args.json:
        payload = {seed: dataclasses.asdict(r) for seed, r in results.items()}
        print(json.dumps({"results": payload, "seconds": seconds}, ensure_ascii=False, indent=1))
        return
    print(table(results, seconds))
    print()
    print(breakdown(results, args.top, args.examples))


if __name__ == "__main__":
    main()
