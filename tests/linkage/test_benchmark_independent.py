"""The independent cross-script benchmark: its calendar, its romanisations, its scorer."""

from __future__ import annotations

import ast
import csv
import datetime as dt
import random
from pathlib import Path

from benchmarks.linkage.independent import jalali, score
from benchmarks.linkage.independent.generate import generate
from benchmarks.linkage.independent.romanise import romanise

PACKAGE = Path(__file__).parents[2] / "benchmarks" / "linkage" / "independent"


def test_jalali_dates_of_known_days() -> None:
    # 8 Mordad 1367, 22 Bahman 1357, 1 Farvardin 1403 (published calendar tables).
    assert jalali.to_jalali(dt.date(1988, 7, 30)) == (1367, 5, 8)
    assert jalali.to_jalali(dt.date(1979, 2, 11)) == (1357, 11, 22)
    assert jalali.to_jalali(dt.date(2024, 3, 20)) == (1403, 1, 1)


def test_systems_spell_one_name_their_own_way() -> None:
    rng = random.Random(0)
    assert romanise("javAd", "french", rng) == "Djavad"
    assert romanise("javAd", "german", rng) == "Dschawad"
    assert romanise("$Ahrox", "ala", rng) == "Shāhrukh"
    assert romanise("'ali", "ala", rng) == "ʻAlī"
    assert romanise("'ali", "ala_plain", rng) == "Ali"


def test_the_generator_never_imports_shomar() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("shomar") for a in node.names), path
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("shomar"), path


def test_the_truth_scores_perfectly_and_singletons_score_zero_recall(tmp_path: Path) -> None:
    counts = generate(5, tmp_path, persons=150)
    assert set(counts) == {"register", "ngo", "testimony", "annex"}
    truth = score.load_truth(tmp_path)
    perfect = score.score(truth, dict(truth.person))
    assert (perfect.precision, perfect.recall, perfect.within_list_found) == (1.0, 1.0, 1.0)
    assert perfect.relations["sibling"]["merged"] == 0
    alone = score.score(truth, {k: f"{k[0]}/{k[1]}" for k in truth.person})
    assert alone.recall == 0.0
    assert alone.missed_by_class["cross_script"]["missed"] > 0


def test_lists_carry_no_truth(tmp_path: Path) -> None:
    generate(6, tmp_path, persons=50)
    with (tmp_path / "ngo.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "person_id" not in header
    assert "noise" not in header
