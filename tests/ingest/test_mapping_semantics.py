"""Names typed by people match across letter forms; mappings say what they do or are refused.

Issue 9 items 1 (letter forms), 2 (unmatched keys, unknown options), 3 ([defaults]),
9 (record ids in Persian digits) and 17 (dates in the future or before year 1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from shomar.errors import ImportValidationError, InputError
from shomar.services.events import add_event
from shomar.services.imports import import_file
from shomar.services.linkage import resolve_record
from shomar.store.tables import Record, Source
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import snapshot

ZWNJ = "\u200c"
MAPPING = {
    "columns": {
        "شناسه": "record_id",
        "نام": "given_name",
        "نام خانوادگی": "family_name",
        "تاریخ": "date",
        "جنسیت": "sex",
        "نوع نقض": "violation",
        "رویداد": "event",
    }
}


def _records(ws: Workspace) -> list[Record]:
    with ws.session() as session:
        return list(session.scalars(select(Record).order_by(Record.id)))


def _arabic(text: str) -> str:
    """Write Persian text as Windows-1256 lists do: Arabic yeh and kaf."""
    return text.replace("ی", "ي").replace("ک", "ك")


def test_windows_1256_headers_values_events_and_sources_match_persian_names(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    add_event(sqlite_workspace, "Synthetic 1988 event", name_fa="اعدام های ۱۳۶۷", principal=ADMIN)
    header = ["شناسه", "نام", f"نام{ZWNJ}خانوادگی", "تاريخ", "جنسيت", "نوع نقض", "رويداد"]
    rows = [
        ["1", "علی", "رضایی", "1367/05/10", "مرد", "کشته شده", f"اعدام{ZWNJ}های 1367"],
        ["2", "مریم", "کریمی", "1367/06/01", "زن", "اعدام", "اعدامهای 1367"],
    ]
    text = "\n".join(",".join(_arabic(c) for c in line) for line in [header, *rows]) + "\n"
    mapping = write("m.json", json.dumps(MAPPING, ensure_ascii=False))
    path = write("list.csv", text, encoding="cp1256")
    report = import_file(
        sqlite_workspace, path, _arabic("سازمان ایران"), mapping_path=mapping, principal=ADMIN
    )
    assert report.columns_ignored == []
    first, second = _records(sqlite_workspace)
    assert first.family_name == _arabic("رضایی") and second.family_name == _arabic("کریمی")
    assert first.date_calendar == "jalali" and str(first.date_start) == "1988-08-01"
    assert (first.sex, second.sex) == ("m", "f")
    assert (first.violation, second.violation) == ("killing", "execution")
    assert first.event_id is not None and first.event_id == second.event_id
    assert not report.warnings
    # the source typed in Persian letters is the one the Windows-1256 import created
    again = write("more.csv", "record_id,full_name\n9,Reza Karimi\n")
    assert (
        import_file(sqlite_workspace, again, "سازمان\u200cایران", principal=ADMIN).source
        == report.source
    )
    with sqlite_workspace.session() as session:
        assert session.scalar(select(Source.id).where(Source.name == report.source)) is not None
        assert len(list(session.scalars(select(Source)))) == 1


def test_sheet_names_match_across_letter_forms(sqlite_workspace: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "notes"
    sheet = book.create_sheet(_arabic("قربانیان"))
    sheet.append(["record_id", "full_name"])
    sheet.append(["1", "Reza Karimi"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = import_file(sqlite_workspace, path, "Book", sheet="قربانیان", principal=ADMIN)
    assert report.sheet == _arabic("قربانیان") and report.records_added == 1


def test_mapping_key_that_names_no_column_is_an_error_naming_the_closest(
    workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    mapping = write("m.json", json.dumps({"columns": {"Famly name": "family_name"}}))
    path = write("list.csv", "record_id,given_name,Family name\n1,Reza,Karimi\n")
    before = snapshot(workspace)
    with pytest.raises(ImportValidationError) as info:
        import_file(workspace, path, "S", mapping_path=mapping, principal=ADMIN)
    assert "'Famly name', which the file does not have (closest: 'Family name')" in str(info.value)
    assert info.value.problems[0].row == 1  # type: ignore[attr-defined]
    assert snapshot(workspace) == before


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"colums": {"a": "full_name"}}, "unknown mapping option(s): 'colums'"),
        ({"defaults": {"violaton": "execution"}}, "[defaults] cannot set 'violaton'"),
        ({"defaults": {"violation": "parking"}}, "violation = 'parking' is not a violation"),
        ({"defaults": {"confidentiality": "secret"}}, "'secret' is not a tier"),
        ({"values": {"colour": {}}}, "[values.colour] is not understood"),
        ({"rows": {"column": "T", "kep": []}}, "[rows] option(s) not understood: 'kep'"),
    ],
)
def test_unknown_mapping_sections_and_options_are_errors(
    sqlite_workspace: Workspace, write, mapping: dict[str, object], message: str
) -> None:  # type: ignore[no-untyped-def]
    path = write("list.csv", "full_name\nReza Karimi\n")
    mapping_file = write("m.json", json.dumps(mapping))
    with pytest.raises(InputError) as info:
        import_file(sqlite_workspace, path, "S", mapping_path=mapping_file, principal=ADMIN)
    assert message in info.value.message


@pytest.mark.parametrize(
    ("toml", "section"),
    [
        ('[columns]\n"نام" = "full_name"\nsensitive = ["سن"]\n', "columns"),
        ('[defaults]\nviolation = "execution"\nignore = ["سن"]\n', "defaults"),
    ],
)
def test_an_option_written_under_a_toml_section_says_where_it_belongs(
    sqlite_workspace: Workspace, write, toml: str, section: str
) -> None:  # type: ignore[no-untyped-def]
    # a TOML key after [columns] belongs to [columns]: once a traceback (a list is unhashable)
    path = write("list.csv", "نام,سن\nSynthetic Name,30\n")
    mapping = write("m.toml", toml)
    with pytest.raises(InputError) as info:
        import_file(sqlite_workspace, path, "S", mapping_path=mapping, principal=ADMIN)
    assert f"a key after [{section}] belongs to [{section}]" in (info.value.hint or "")


def test_mapping_file_that_is_not_utf8_is_a_clear_error(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    path = write("list.csv", "full_name\nReza Karimi\n")
    mapping = write("m.toml", '[columns]\n"نام" = "full_name"\n', encoding="cp1256")
    with pytest.raises(InputError, match="not UTF-8"):
        import_file(sqlite_workspace, path, "S", mapping_path=mapping, principal=ADMIN)


def test_defaults_apply_to_rows_without_a_value(workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    add_event(workspace, "Synthetic protest", principal=ADMIN)
    mapping = write(
        "m.toml",
        '[defaults]\nviolation = "execution"\nevent = "Synthetic protest"\n'
        'confidentiality = "public"\n',
    )
    path = write(
        "list.csv",
        "record_id,full_name,violation,confidentiality\n"
        "1,Reza Karimi,,\n"
        "2,Ali Rezaei,torture,restricted\n",
    )
    report = import_file(workspace, path, "S", mapping_path=mapping, principal=ADMIN)
    assert report.warnings == []
    first, second = _records(workspace)
    assert (first.violation, first.confidentiality) == ("execution", "public")
    assert (second.violation, second.confidentiality) == ("torture", "restricted")
    assert first.event_id is not None and first.event_id == second.event_id
    assert first.event_text == "Synthetic protest"


@pytest.mark.parametrize(
    "date",
    [
        "2999-01-01",
        "9999-12-31",
        "1450",
        "1450/01/01",
        "-5",
        "-0044-03-15",
        "0000-01-01",
        "0",
        "01/01/0000",
    ],
)
def test_dates_in_the_future_or_before_year_one_are_refused_with_row_and_column(
    sqlite_workspace: Workspace, write, date: str
) -> None:  # type: ignore[no-untyped-def]
    path = write("list.csv", f"record_id,full_name,date\n1,Reza Karimi,1367\n2,Ali Rezaei,{date}\n")
    before = snapshot(sqlite_workspace)
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, path, "S", principal=ADMIN)
    problems = info.value.problems  # type: ignore[attr-defined]
    assert [(p.row, p.column) for p in problems] == [(3, "date")]
    assert "future" in problems[0].message or "before year 1" in problems[0].message
    assert snapshot(sqlite_workspace) == before


def test_birth_after_the_violation_and_future_birth_are_problems(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "list.csv",
        "record_id,full_name,birth_date,date\n1,Reza Karimi,1370,1367\n2,Ali Rezaei,2999,1367\n",
    )
    with pytest.raises(ImportValidationError) as info:
        import_file(sqlite_workspace, path, "S", principal=ADMIN)
    found = [(p.row, p.column) for p in info.value.problems]  # type: ignore[attr-defined]
    assert found == [(2, "birth_date"), (3, "birth_date")]


def test_record_ids_in_persian_digits_are_kept_and_matched_by_ascii_digits(
    workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    first = write("a.csv", "record_id,full_name\n۷,Reza Karimi\n١٢,Ali Rezaei\n")
    report = import_file(workspace, first, "S", principal=ADMIN)
    second = write("b.csv", "record_id,full_name\n7,Reza Karimi Jr\n")
    import_file(workspace, second, "S", principal=ADMIN)
    records = _records(workspace)
    assert [r.record_key for r in records] == ["۷", "١٢", "7"]
    with workspace.session() as session:
        source_id = session.scalar(select(Source.id))
        uid = f"{source_id}:7"
        assert [r.uid for r in records] == [uid, f"{source_id}:12", uid]
        assert records[2].version == 2 and records[2].supersedes_id == records[0].id
        assert resolve_record(session, f"{source_id}:۷", ADMIN) == uid
        assert resolve_record(session, uid, ADMIN) == uid
        assert resolve_record(session, f"{report.source}/۱۲", ADMIN) == f"{source_id}:12"


def test_record_id_written_in_two_digit_systems_in_one_file_is_a_duplicate(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("a.csv", "record_id,full_name\n۷,Reza Karimi\n7,Ali Rezaei\n")
    with pytest.raises(ImportValidationError, match="already appears on row 2"):
        import_file(sqlite_workspace, path, "S", principal=ADMIN)


def test_a_column_without_a_header_is_named_by_its_position(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write("blank.csv", "full_name,,place\nAli Rezaei,42,Tehran\n")
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    assert report.columns_ignored == ["(column 2, no header)"]
    (record,) = _records(sqlite_workspace)
    assert record.place == "Tehran" and record.age is None


def test_violation_words_no_type_names_are_reported_as_counted_other(
    sqlite_workspace: Workspace, write
) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "v.csv",
        "full_name,violation\nSynthetic One,-\nSynthetic Two,نامشخص\n"
        "Synthetic Three,other\nSynthetic Four,execution\n",
    )
    report = import_file(sqlite_workspace, path, "S", principal=ADMIN)
    (note,) = [w for w in report.warnings if "violation value" in w]
    assert note.startswith("2 violation value(s)") and "'-'" in note and "'نامشخص'" in note
    assert "'other'" in note and "[values.violation]" in note
    assert [r.violation for r in _records(sqlite_workspace)] == ["other"] * 3 + ["execution"]


def test_a_mapping_names_the_header_row_below_a_title(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    mapping = write("m.json", json.dumps({"header_row": 2}))
    path = write("t.csv", "SYNTHETIC title,\nrecord_id,full_name\n1,Reza Karimi\n")
    report = import_file(sqlite_workspace, path, "Titled", mapping_path=mapping, principal=ADMIN)
    assert report.records_added == 1 and [r.full_name for r in _records(sqlite_workspace)] == [
        "Reza Karimi"
    ]


@pytest.mark.parametrize("bad", [0, -2, "2", True])
def test_a_header_row_that_is_not_a_row_number_is_refused(write, bad: object) -> None:  # type: ignore[no-untyped-def]
    from shomar.ingest.mapping import load_mapping

    with pytest.raises(InputError, match="header_row"):
        load_mapping(write("m.json", json.dumps({"header_row": bad})))
