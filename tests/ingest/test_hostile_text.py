"""Hostile CSV/text input (SYNTHETIC): encodings, structure, options, environment.

Each case is refused with the file and row/line named and the store unchanged, or imported
exactly.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.ingest.readers import open_table
from shomar.services.imports import import_file
from shomar.store.tables import Document, Record
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN
from support.store_snapshot import HEADER, ROWS, snapshot

PERSIAN = "علي رضايي"  # Arabic yeh: the letters Windows-1256 has


# --- encoding -------------------------------------------------------------------------------


def test_cp1256_rows_after_line_1500_are_detected(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    lines = ["record_id,full_name"] + [f"{i},Synthetic Person {i}" for i in range(1, 1601)]
    lines += [f"{i},{PERSIAN} {i}" for i in range(1601, 1611)]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1256"))
    report = import_file(sqlite_workspace, path, "Late", principal=ADMIN)
    assert report.encoding == "cp1256" and report.records_added == 1610
    with sqlite_workspace.session() as session:
        names = session.scalars(select(Record.full_name).where(Record.row_number == 1611)).all()
    assert names == [f"{PERSIAN} 1610"]


def test_utf8_then_cp1256_is_refused_at_the_first_line_that_switches(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        f"record_id,full_name\n1,{PERSIAN}\n2,Sara\n".encode()
        + f"3,{PERSIAN}\n4,{PERSIAN}\n".encode("cp1256")
    )
    refused(workspace, path, "mixed.csv, line 4", "switches encoding", "line 2")


def test_cp1256_then_utf8_is_refused_at_the_first_utf8_line(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "mixed2.csv"
    path.write_bytes(
        f"record_id,full_name\n1,{PERSIAN}\n2,Sara\n".encode("cp1256") + f"3,{PERSIAN}\n".encode()
    )
    refused(sqlite_workspace, path, "mixed2.csv, line 4", "switches encoding", "line 2")


def test_utf16_with_an_odd_byte_count_is_a_clear_error(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes((HEADER + ROWS).encode("utf-16")[:-1])
    refused(sqlite_workspace, path, "odd.csv", "odd number of bytes")


def test_one_nul_byte_in_utf8_is_reported_as_a_nul_at_its_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "nul.csv"
    path.write_bytes(b"record_id,full_name,notes\n1,Ali,ok\n2,Sara,bro\x00ken\n")
    refused(workspace, path, "nul.csv, row 3, column 'notes'", "NUL")


@pytest.mark.parametrize("codec", ["hex", "base64", "rot13", "zlib"])
def test_an_encoding_that_is_not_a_text_codec_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "l.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    refused(sqlite_workspace, path, repr(codec), "not a text encoding", encoding=codec)
    mapping = tmp_path / "m.toml"
    mapping.write_text(f'encoding = "{codec}"\n', encoding="utf-8")
    refused(sqlite_workspace, path, "mapping", "not a text encoding", mapping_path=mapping)


def test_a_mapping_file_that_is_not_utf8_names_its_encoding(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "l.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_bytes('[columns]\n"نام خانوادگي" = "family_name"\n'.encode("cp1256"))
    refused(sqlite_workspace, path, "not UTF-8", "Windows-1256", mapping_path=mapping)
    mapping.write_bytes('[columns]\n"نام" = "given_name"\n'.encode("utf-16"))
    refused(sqlite_workspace, path, "not UTF-8", "UTF-16", mapping_path=mapping)


# --- structure ------------------------------------------------------------------------------


def test_title_rows_above_the_header_name_the_header_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        "SYNTHETIC list of a fictional event,,\nCompiled by a test,,\n"
        "record_id,full_name,age\n1,Ali,20\n2,Sara,200\n",
        encoding="utf-8",
    )
    refused(
        workspace,
        path,
        "the header looks like row 3; use --header-row 3",
        error=ImportValidationError,
    )
    with pytest.raises(ImportValidationError) as info:
        import_file(workspace, path, "Titled", header_row=3, principal=ADMIN)
    assert [(p.row, p.column) for p in info.value.problems] == [(5, "age")]  # type: ignore[attr-defined]
    path.write_text(path.read_text().replace(",200", ",30"))
    assert import_file(workspace, path, "Titled", header_row=3, principal=ADMIN).records_added == 2


def test_a_quoted_newline_in_a_header_cell_does_not_shift_row_numbers(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "nl.csv"
    path.write_text('record_id,full_name,"age\n(years)"\n1,Ali,x\n', encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\n"age\\n(years)" = "age"\n', encoding="utf-8")
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, path, "NL", mapping_path=mapping, principal=ADMIN)
    assert [p.row for p in info.value.problems] == [2]  # type: ignore[attr-defined]


def test_a_ten_megabyte_line_of_tiny_cells_is_refused_in_bounded_memory(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(b"record_id,full_name\n1," + b"a," * (5 * 1024 * 1024) + b"\n")
    tracemalloc.start()
    started = time.perf_counter()
    try:
        table = open_table(path, "csv", "utf-8", None)
        with pytest.raises(Exception, match=r"wide.csv, line 2: the line has more than"):
            list(table.rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 20
    assert peak < 150 * 1024 * 1024, f"peak {peak / 2**20:.0f} MiB"
    refused(sqlite_workspace, path, "line 2", "cells")


def test_a_huge_header_cell_and_100000_columns_are_refused_quickly(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    started = time.perf_counter()
    long_name = tmp_path / "longname.csv"
    long_name.write_text("full_name," + "x" * (10 * 1024 * 1024) + "\nAli,1\n", encoding="utf-8")
    refused(sqlite_workspace, long_name, "row 1, column 2", "column name holds")
    wide = tmp_path / "columns.csv"
    wide.write_text(",".join(["name"] * 100_000) + "\n" + "Ali\n", encoding="utf-8")
    refused(sqlite_workspace, wide, "columns.csv, line 1", "cells")
    assert time.perf_counter() - started < 20


def test_a_header_wider_than_the_column_limit_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOMAR_MAX_COLUMNS", "10")
    path = tmp_path / "c.csv"
    path.write_text(",".join(f"c{i}" for i in range(12)) + "\n1\n", encoding="utf-8")
    refused(sqlite_workspace, path, "row 1", "12 columns", "at most 10")


# --- options --------------------------------------------------------------------------------


def test_a_header_row_past_the_end_is_a_clear_error(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "short.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    refused(sqlite_workspace, path, "--header-row 9", "only 3 row(s)", header_row=9)


# --- environment ----------------------------------------------------------------------------


def test_a_folder_a_fifo_and_a_device_say_what_they_are(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    refused(sqlite_workspace, tmp_path, "is a folder")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    refused(sqlite_workspace, fifo, "pipe.csv", "named pipe")
    refused(sqlite_workspace, Path("/dev/null"), "character device")
    refused(sqlite_workspace, tmp_path / "absent.csv", "absent.csv: no such file")


def test_a_file_name_that_is_not_utf8_does_not_crash(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    raw = os.fsencode(tmp_path) + b"/list-\xe9\xff.csv"
    with open(raw, "wb") as handle:
        handle.write((HEADER + ROWS).encode())
    path = Path(os.fsdecode(raw))
    report = import_file(sqlite_workspace, path, "Latin", principal=ADMIN)
    assert report.file == "list-\\xe9\\xff.csv" and report.records_added == 2
    with sqlite_workspace.session() as session:
        assert session.scalars(select(Document.original_name)).all() == ["list-\\xe9\\xff.csv"]
    before = snapshot(sqlite_workspace)
    with pytest.raises(Exception) as info:
        import_file(sqlite_workspace, path, "Latin", principal=ADMIN)
    assert "list-\\xe9\\xff.csv: these exact bytes" in str(info.value)
    assert snapshot(sqlite_workspace) == before


def test_a_source_name_that_is_not_utf8_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "l.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    before = snapshot(sqlite_workspace)
    with pytest.raises(Exception, match="is not valid text") as info:
        import_file(sqlite_workspace, path, os.fsdecode(b"NGO-\xff"), principal=ADMIN)
    assert "NGO-\\udcff" in str(info.value)
    assert snapshot(sqlite_workspace) == before


# --- round 5 (generated corpus, support/hostile_corpus.py) ------------------------------------


@pytest.mark.parametrize("codec", ["mac_roman", "cp437"])
def test_latin_text_in_a_mac_or_dos_code_page_is_refused_not_read_as_windows_1256(
    sqlite_workspace: Workspace, tmp_path: Path, codec: str
) -> None:
    """Mac Roman's é is 0x8E, Windows-1256's ژ: "José" was imported as "Josژ", silently."""
    path = tmp_path / "latin.csv"
    path.write_bytes("full_name,age\nSynthetic José Müller,20\nSynthetic Renée,30\n".encode(codec))
    refused(sqlite_workspace, path, "latin.csv: line 2", "not valid UTF-8", "--encoding")
    report = import_file(sqlite_workspace, path, "Latin", encoding=codec, principal=ADMIN)
    assert report.records_added == 2
    with sqlite_workspace.session() as session:
        names = session.scalars(select(Record.full_name).order_by(Record.id)).all()
    assert names == ["Synthetic José Müller", "Synthetic Renée"]


def test_windows_1256_with_latin_words_beside_persian_ones_is_still_read(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "both.csv"
    text = f"full_name,notes\n{PERSIAN},Synthetic note 1\nSynthetic Ali,{PERSIAN} (Tehran)\n"
    path.write_bytes(text.encode("cp1256"))
    report = import_file(sqlite_workspace, path, "Both", principal=ADMIN)
    assert report.encoding == "cp1256" and report.records_added == 2


def test_utf32_is_read_and_a_cut_utf32_file_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """UTF-32's mark starts with UTF-16's (FF FE): it was read as UTF-16 full of NULs."""
    path = tmp_path / "u32.csv"
    path.write_bytes((HEADER + ROWS).encode("utf-32"))
    report = import_file(sqlite_workspace, path, "U32", principal=ADMIN)
    assert report.encoding == "utf-32" and report.records_added == 2
    with sqlite_workspace.session() as session:
        assert "علی رضایی" in session.scalars(select(Record.full_name)).all()
    cut = tmp_path / "u32cut.csv"
    cut.write_bytes((HEADER + ROWS).encode("utf-32")[:-1])
    refused(sqlite_workspace, cut, "u32cut.csv", "UTF-32", "multiple of 4")


def test_utf16_or_utf32_named_for_a_file_without_its_mark_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """Python's decoder raised "UTF-16 stream does not start with BOM" (a traceback)."""
    path = tmp_path / "plain.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    for codec in ("utf-16", "UTF32"):
        name = codec.lower().replace("32", "-32")
        refused(sqlite_workspace, path, f"no {name.upper()} byte-order mark",
                f"--encoding {name}-le", encoding=codec)  # fmt: skip
    marked = tmp_path / "le.csv"
    marked.write_bytes((HEADER + ROWS).encode("utf-16-le"))
    report = import_file(sqlite_workspace, marked, "LE", encoding="utf-16-le", principal=ADMIN)
    assert report.records_added == 2


@pytest.mark.parametrize(
    ("source", "said"),
    [
        (" \u200c\u200f ", "The source name is empty"),
        ("NGO\x00", "holds a control character"),
        ("NGO\nreport", "holds a control character"),
        ("S" * 201, "201 characters; at most 200"),
    ],
)
def test_a_source_name_that_cannot_be_read_back_is_refused(
    sqlite_workspace: Workspace, tmp_path: Path, source: str, said: str
) -> None:
    """Stored before: invisible, NUL (PostgreSQL refuses it), or past sources.name's 200."""
    path = tmp_path / "l.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    before = snapshot(sqlite_workspace)
    with pytest.raises(Exception, match=said):
        import_file(sqlite_workspace, path, source, principal=ADMIN)
    assert snapshot(sqlite_workspace) == before
