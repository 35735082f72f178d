"""User text through the CLI (SYNTHETIC): printed exactly, never as Rich markup or emoji.

Runs the command in-process (``shomar.cli.main.run``) so the printing paths themselves are
tested: a source, header, sheet or event name like ``[/b]`` once crashed *after* the commit.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from shomar.cli import output
from shomar.store.workspace import open_workspace
from support.store_snapshot import snapshot
from support.workbooks import xlsx

MARKUP = "[/b]Src [red]x :smile:"


def _run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    from shomar.cli.main import run

    monkeypatch.setattr(sys, "argv", ["shomar", *args])
    monkeypatch.setattr(output.console, "width", 2000)
    monkeypatch.setattr(output.err_console, "width", 2000)
    code = 0
    try:
        run()
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_markup_in_source_header_event_and_values_prints_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m[bold].csv"
    path.write_text(
        "full_name,event,[bold]extra[/bold]\nAli,[/b] :smile: night,1\n", encoding="utf-8"
    )
    code, out, err = _run(
        ["import", str(path), "--source", MARKUP, "-w", str(tmp_path / "ws")], capsys, monkeypatch
    )
    assert code == 0, err
    assert "Traceback" not in out + err
    assert f"source {MARKUP!r}" in out
    assert "m[bold].csv" in out and "[bold]extra[/bold]" in out
    assert "'[/b] :smile: night'" in out and "😄" not in out
    ws = open_workspace(tmp_path / "ws")
    try:
        assert snapshot(ws)["records"] == 1
    finally:
        ws.close()


def test_markup_in_a_refused_value_prints_exactly_and_nothing_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws_dir = tmp_path / "ws"
    _run(["init", str(ws_dir)], capsys, monkeypatch)
    ws = open_workspace(ws_dir)
    before = snapshot(ws)
    path = tmp_path / "bad.csv"
    path.write_text("full_name,age\nAli,[bold]:smile:[/]\n", encoding="utf-8")
    code, out, err = _run(
        ["import", str(path), "--source", MARKUP, "-w", str(ws_dir)], capsys, monkeypatch
    )
    assert code == 1
    assert "bad.csv, row 2, column 'age'" in err and "'[bold]:smile:[/]'" in err
    assert "Traceback" not in err and "😄" not in err
    code, out, _ = _run(
        ["import", str(path), "--source", MARKUP, "-w", str(ws_dir), "--json"],
        capsys,
        monkeypatch,
    )
    assert code == 1 and json.loads(out)["problems"][0]["value"] == "[bold]:smile:[/]"
    assert snapshot(ws) == before
    ws.close()


def test_a_sheet_option_with_markup_prints_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Excel and LibreOffice forbid [ ] : in sheet names, so the markup comes from --sheet)
    path = xlsx(tmp_path / "s.xlsx", {"Victims": [["full_name"], ["Ali"]]})
    code, _, err = _run(
        ["import", str(path), "--source", "S", "--sheet", "[red]:smile:", "-w", str(tmp_path)],
        capsys,
        monkeypatch,
    )
    assert code == 1 and "no sheet '[red]:smile:'" in err and "'Victims'" in err
    code, out, err = _run(
        ["import", str(path), "--source", "S", "--sheet", "victims", "-w", str(tmp_path / "w")],
        capsys,
        monkeypatch,
    )
    assert code == 0, err
    assert "sheet 'Victims'" in out


def test_options_errors_exit_1_with_the_option_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "l.csv"
    path.write_text("full_name\nAli\n", encoding="utf-8")
    ws_dir = tmp_path / "ws"
    code, _, err = _run(
        ["import", str(path), "--source", "S", "--encoding", "rot13", "-w", str(ws_dir)],
        capsys,
        monkeypatch,
    )
    assert code == 1 and "'rot13' (--encoding) is not a text encoding" in err
    code, _, err = _run(
        ["import", str(tmp_path), "--source", "S", "-w", str(ws_dir)], capsys, monkeypatch
    )
    assert code == 1 and "is a folder" in err and "Traceback" not in err
    ws = open_workspace(ws_dir)
    try:
        assert snapshot(ws)["records"] == 0 and snapshot(ws)["blobs"] == 0
    finally:
        ws.close()


def _corpus_case(kind: str, tmp_path: Path) -> tuple[Path, list[str], str]:
    """One SYNTHETIC hostile file per class: (file, extra options, expected message part)."""
    from support.workbooks import damaged, inline, row, sheet_xml

    if kind == "encoding":
        path = tmp_path / "mixed.csv"
        path.write_bytes("full_name\nعلی\n".encode() + "علي\n".encode("cp1256"))
        return path, [], "mixed.csv, line 3: the file switches encoding"
    if kind == "structure":
        path = tmp_path / "titled.csv"
        path.write_text("SYNTHETIC list\n\nfull_name,age\nAli,20\n", encoding="utf-8")
        return path, [], "the header looks like row 3; use --header-row 3"
    if kind == "json":
        path = tmp_path / "dup.json"
        path.write_text('[{"full_name": "A"}, {"full_name": "B", "full_name": "C"}]')
        return path, [], "dup.json, record 2: the key 'full_name' appears twice"
    if kind == "xlsx":
        sheet = sheet_xml(
            [
                row(1, inline("A1", "full_name"), inline("B1", "age")),
                row(2, inline("A2", "Ali"), '<c r="B2"><f>1+1</f></c>'),
            ]
        )
        return damaged(tmp_path / "f.xlsx", sheet), [], "f.xlsx, sheet 'Data', cell B2"
    if kind == "markup":
        path = tmp_path / "m.csv"
        path.write_text("full_name,age\nAli,[bold]:smile:\n", encoding="utf-8")
        return path, [], "m.csv, row 2, column 'age'"
    if kind == "dates":
        path = tmp_path / "d.csv"
        path.write_text("full_name,date,birth_date\nAli,1367,1999\n", encoding="utf-8")
        return path, [], "d.csv, row 2, column 'birth_date': the birth date is after"
    if kind == "options":
        path = tmp_path / "o.csv"
        path.write_text("full_name\nAli\n", encoding="utf-8")
        return path, ["--encoding", "hex"], "'hex' (--encoding) is not a text encoding"
    fifo = tmp_path / "pipe.csv"  # environment
    os.mkfifo(fifo)
    return fifo, [], "pipe.csv: this is a named pipe (FIFO), not a file"


@pytest.mark.parametrize(
    "kind",
    ["encoding", "structure", "json", "xlsx", "markup", "dates", "options", "environment"],
)
def test_corpus_one_case_per_class_exits_1_names_the_place_and_changes_nothing(
    kind: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws_dir = tmp_path / "ws"
    _run(["init", str(ws_dir)], capsys, monkeypatch)
    path, options, expected = _corpus_case(kind, tmp_path)
    ws = open_workspace(ws_dir)
    try:
        before = snapshot(ws)
        code, out, err = _run(
            ["import", str(path), "--source", "Corpus", "-w", str(ws_dir), *options],
            capsys,
            monkeypatch,
        )
        assert code == 1, out + err
        assert expected in err, err
        assert "Traceback" not in err and "😄" not in err
        assert snapshot(ws) == before
    finally:
        ws.close()
