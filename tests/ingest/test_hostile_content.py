"""Content a documenter can get wrong (SYNTHETIC): each a problem at its row and column."""

from __future__ import annotations

from pathlib import Path

from shomar.errors import ImportValidationError
from shomar.store.workspace import Workspace
from support.hostile import refused
from support.principals import ADMIN


def _problems(ws: Workspace, path: Path) -> list[tuple[int | None, str | None]]:
    import pytest

    from shomar.services.imports import import_file

    with pytest.raises(ImportValidationError) as info:
        import_file(ws, path, "C", principal=ADMIN)
    return [(p.row, p.column) for p in info.value.problems]  # type: ignore[attr-defined]


def test_birth_after_violation_bad_time_and_invisible_name(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "content.csv"
    path.write_text(
        "full_name,date,birth_date\n"
        "Ali,2019-11-16,1990-01-01\n"  # fine
        "Sara,2019-11-16,2021-05-05\n"  # born after the violation
        "Reza,2019-11-16T25:61,\n"  # a time of day that does not exist
        "\u200c\u200b\u200f,2019-11-16,\n",  # a name made only of invisible characters
        encoding="utf-8",
    )
    message = refused(
        workspace,
        path,
        "row 3, column 'birth_date'",
        "birth date is after the violation date",
        "row 4, column 'date'",
        "time of day does not exist",
        "row 5, column 'full_name'",
        "only invisible characters",
        error=ImportValidationError,
    )
    assert "row 2" not in message
    assert _problems(workspace, path) == [
        (3, "birth_date"),
        (4, "date"),
        (5, "full_name"),
        (5, "full_name"),  # and so the row has no name at all
    ]


def test_a_mapped_column_is_named_as_the_user_wrote_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "fa.csv"
    path.write_text("نام,تاریخ\nعلی,2019-11-16T24:00\n", encoding="utf-8")
    mapping = tmp_path / "m.toml"
    mapping.write_text('[columns]\n"نام" = "full_name"\n"تاریخ" = "date"\n', encoding="utf-8")
    import pytest

    from shomar.services.imports import import_file

    with pytest.raises(ImportValidationError) as info:
        import_file(workspace, path, "C", mapping_path=mapping, principal=ADMIN)
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "تاریخ")]  # type: ignore[attr-defined]


def test_marks_for_a_name_not_known_are_read_as_empty_and_counted(
    workspace: Workspace, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from shomar.services.imports import import_file
    from shomar.store.tables import Record

    path = tmp_path / "marks.csv"
    path.write_text(
        "given_name,family_name,father_name,date\n"
        "Ali,-,N/A,1988-08-01\n"
        "رضا,نامشخص,؟,1988-08-02\n"
        "Sara,Karimi,Hasan,1988-08-03\n",
        encoding="utf-8",
    )
    report = import_file(workspace, path, "Marks (SYNTHETIC)", principal=ADMIN)
    with workspace.read_session() as session:
        stored = session.execute(
            select(
                Record.given_name, Record.family_name, Record.father_name, Record.raw_row
            ).order_by(Record.id)
        ).all()
    assert [(g, f, p) for g, f, p, _ in stored] == [
        ("Ali", "", ""), ("رضا", "", ""), ("Sara", "Karimi", "Hasan"),
    ]  # fmt: skip
    assert ["family_name", "-"] in [list(cell) for cell in stored[0].raw_row]  # kept as read
    said = " ".join(report.warnings)
    assert "4 name cell(s) held a mark for a name not known" in said
    assert "'-' ×1" in said and "'نامشخص' ×1" in said


def test_a_row_whose_only_name_is_a_mark_is_refused_at_its_cell(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "unnamed.csv"
    path.write_text("full_name,date\nAli Karimi,1988-08-01\nنامعلوم,1988-08-02\n", encoding="utf-8")
    refused(
        workspace,
        path,
        "row 3, column 'full_name'",
        "a mark for a name not known",
        error=ImportValidationError,
    )
    assert _problems(workspace, path) == [(3, "full_name")]


def test_dates_that_can_only_be_month_first_are_read_so_and_said(
    workspace: Workspace, tmp_path: Path
) -> None:
    import datetime as dt

    from sqlalchemy import select

    from shomar.services.imports import import_file
    from shomar.store.tables import Record

    path = tmp_path / "us.csv"
    path.write_text(
        "full_name,date\nAli Testname,16/11/2019\nReza Testname,11/16/2019\n"
        "Sara Testname,03/04/2019\n",
        encoding="utf-8",
    )
    report = import_file(workspace, path, "US (SYNTHETIC)", principal=ADMIN)
    with workspace.read_session() as session:
        starts = session.scalars(select(Record.date_start).order_by(Record.id)).all()
    assert starts == [dt.date(2019, 11, 16), dt.date(2019, 11, 16), dt.date(2019, 4, 3)]
    said = " ".join(report.warnings)
    assert "1 date(s) could only be month-first, like '11/16/2019'" in said


def test_a_header_row_repeated_as_data_is_refused_at_its_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    """Two lists pasted together, each with its header: the second header became a record
    named "full_name" (no check looks at a name's words)."""
    path = tmp_path / "pasted.csv"
    path.write_text(
        "full_name,notes\nSynthetic Ali,a\nfull_name,notes\nSynthetic Sara,b\n"
        " FULL_NAME , Notes \nSynthetic Reza,c\n",
        encoding="utf-8",
    )
    refused(workspace, path, "pasted.csv, row 3: the row repeats the header row", "row 5",
            error=ImportValidationError)  # fmt: skip
    assert _problems(workspace, path) == [(3, None), (5, None)]
    words = tmp_path / "words.csv"
    words.write_text("full_name,notes\nfull_name,not the header\nnotes,x\n", encoding="utf-8")
    from shomar.services.imports import import_file

    assert import_file(workspace, words, "W", principal=ADMIN).records_added == 2


def test_a_total_line_under_the_list_is_refused_not_imported_as_a_victim(
    workspace: Workspace, tmp_path: Path
) -> None:
    """A footer ("Total: 3", «جمع کل: ۳ نفر») was imported as a person named "Total"."""
    path = tmp_path / "footer.csv"
    path.write_text(
        "full_name,age\nSynthetic Ali,20\nSynthetic Sara,30\nSynthetic Reza,40\nTotal: 3,\n",
        encoding="utf-8",
    )
    refused(workspace, path, "footer.csv, row 5, column 'full_name'", "total line",
            error=ImportValidationError)  # fmt: skip
    split = tmp_path / "split.csv"
    split.write_text(
        "given_name,family_name\nآزمون,ساختگی\nجمع كل ۲ نفر,\nجمع,آزمونی\n", encoding="utf-8"
    )
    assert _problems(workspace, split) == [(3, "given_name")]  # beside a family name: a name


def test_the_total_line_words_are_whole_cells_only() -> None:
    from shomar.ingest.cells import is_total_line

    assert all(map(is_total_line, ["Total", "TOTAL: 45", "Grand total 45 victims", "مجموع ۴۵"]))
    assert not any(map(is_total_line, ["Totally Synthetic", "Ali Total", "جمعه", "کلثوم"]))


def test_direction_marks_around_an_age_or_a_date_are_read_past(
    sqlite_workspace: Workspace, tmp_path: Path
) -> None:
    """Text copied from a Persian page carries RLM/embeddings around numbers: "45\\u200f" was
    refused as not a number, though it shows as 45. An override (U+202E), which shows the
    digits reversed, is still refused."""
    import datetime as dt

    from sqlalchemy import select

    from shomar.services.imports import import_file
    from shomar.store.tables import Record

    path = tmp_path / "marks.csv"
    path.write_text(
        "full_name,age,date\nSynthetic Ali,45\u200f,\u202b1367/05/12\u202c\n"
        "Synthetic Sara,\u2067۳۰ ساله\u2069,\u200f۱۳۶۷\n",
        encoding="utf-8",
    )
    import_file(sqlite_workspace, path, "Marks (SYNTHETIC)", principal=ADMIN)
    with sqlite_workspace.session() as session:
        rows = session.execute(select(Record.age, Record.date_start).order_by(Record.id)).all()
    assert [tuple(r) for r in rows] == [(45, dt.date(1988, 8, 3)), (30, dt.date(1988, 3, 21))]
    reversed_ = tmp_path / "rlo.csv"
    reversed_.write_text("full_name,age\nSynthetic Reza,\u202e54\n", encoding="utf-8")
    refused(sqlite_workspace, reversed_, "row 2, column 'age'", error=ImportValidationError)
