"""`shomar claims extract --add`, `claims correct --claimant`, `claims list`, the JSON-LD author."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shomar.cli.main import app
from shomar.errors import InputError

ARTICLE = (
    "Amnesty: 41 killed in Zahedan\n\n"
    "At least 41 people were killed in Zahedan, Amnesty International said on 5 October 2022. "
    "Two officials told Reuters that 19 people had died.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.output


def ledger(ws: Path) -> list[dict[str, object]]:
    code, out = run("claims", "list", "--workspace", str(ws), "--json")
    assert code == 0, out
    data: list[dict[str, object]] = json.loads(out)
    return data


def test_extract_lists_one_candidate_per_claim_with_its_spans(article: Path) -> None:
    code, out = run("claims", "extract", str(article), "--json")
    assert code == 0, out
    data = json.loads(out)
    amnesty = [c for c in data if c["claimant_id"] == "amnesty"]
    assert len(amnesty) == 1 and len(amnesty[0]["spans"]) == 2
    assert {c["claimant"] for c in data} >= {"Reuters", "Two officials"}


def test_add_non_interactive_with_corrections(article: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    code, out = run(
        "claims", "extract", str(article), "--add", "--yes", "--workspace", str(ws),
        "--pick", "1,2", "--claimant", "2=Reuters news agency", "--counted", "1=killed",
    )  # fmt: skip
    assert code == 0, out
    rows = ledger(ws)
    assert [r["claimant"] for r in rows] == ["Amnesty International", "Reuters"]
    assert rows[1]["cites"] == ["Two officials"]
    assert all(len(str(r["uid"])) == 12 for r in rows)  # whole uids: C- and ten hex digits


def test_add_asks_per_candidate_when_interactive(article: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    # candidate 1: keep it, claimant corrected, counted kept; 2: skip; 3: add, counted fixed
    answers = "y\nعفو بین‌الملل\n\nn\ny\n\nbogus\ninjured\n"
    code, out = run(
        "claims", "extract", str(article), "--add", "--ask", "--workspace", str(ws), input=answers
    )
    assert code == 0, out
    assert "Use one of" in out
    rows = ledger(ws)
    assert [(r["claimant"], r["counted"]) for r in rows] == [
        ("Amnesty International", "killed"),  # the Persian name resolves to the registry entry
        ("Two officials", "injured"),
    ]


def test_bad_numbered_option_is_an_input_error(article: Path, tmp_path: Path) -> None:
    args = ["claims", "extract", str(article), "--add", "--yes", "--claimant", "9=X"]
    result = CliRunner().invoke(app, [*args, "--workspace", str(tmp_path / "ws")])
    assert isinstance(result.exception, InputError)
    assert "no candidate 9" in str(result.exception)
    assert not (tmp_path / "ws").exists()  # nothing was added


def test_correct_claimant_and_export_author(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = tmp_path / "ws"
    run("claims", "extract", str(article), "--add", "--yes", "--pick", "3", "--workspace", str(ws))
    (row,) = ledger(ws)
    code, out = run(
        "claims", "correct", str(row["uid"]), "--claimant", "Iranian officials",
        "--reason", "the officials, not Reuters, gave this figure", "--workspace", str(ws),
    )  # fmt: skip
    assert code == 0, out
    (new,) = ledger(ws)
    assert new["claimant"] == "Iranian officials" and new["version"] == 2
    code, out = run("claims", "list", "--workspace", str(ws))
    assert str(row["uid"]) in out  # the table shows the whole uid
    monkeypatch.setenv("SHOMAR_ORGANISATION", "Example Documentation Centre")
    out_file = tmp_path / "claims.jsonld"
    code, out = run("claims", "export", str(out_file), "--format", "jsonld", "--workspace", str(ws))
    assert code == 0, out
    doc = json.loads(out_file.read_text(encoding="utf-8"))
    assert "Example Documentation Centre" in json.dumps(doc, ensure_ascii=False)
    assert '"Shomar"' not in json.dumps(doc)


def test_manual_add_groups_a_persian_name_with_the_english_one(tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    for name in ("عفو بین‌الملل", "Amnesty"):
        code, out = run(
            "claims", "add", "--claimant", name, "--counted", "killed", "--value", "7",
            "--workspace", ws,
        )  # fmt: skip
        assert code == 0, out
    rows = ledger(Path(ws))
    assert {r["claimant"] for r in rows} == {"Amnesty International"}
    assert {r["claimant_kind"] for r in rows} == {"ngo"}
