"""``--mapping uwazi``: an entity CSV as Uwazi's exporter writes it (issue 9 item 4b).

The files are SYNTHETIC, shaped after huridocs/uwazi app/api/csv/csvExporter.ts and
typeFormatters.ts: common headers Title, Date added, Template first and Geolocation,
Documents, Attachments, Published last; multi-select values joined with "|", thesaurus
children as "Parent::Child", date ranges as "from~to", geolocation as "lat|lon".
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shomar.errors import ImportValidationError
from shomar.ingest.mapping import load_mapping
from shomar.services.imports import import_file
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN
from support.store_snapshot import snapshot

HEADER = (
    "Title,Date added,Template,Sex,Age,Date of death,Types of acts,Location,Geolocation,"
    "Documents,Attachments,Published\n"
)
ROWS = (
    "Synthetic Person One,2024-01-02,Victim,Male,34,1988-07-29,"
    '"Deliberate killings of specific individuals::Summary execution|Torture",Tehran,'
    "35.7|51.4,,,Published\n"
    "Synthetic Person Two,2024-01-03,Victim,Female,,2019-11-15~2019-11-18,"
    "Death in detention or police custody,Shiraz,,/files/a.pdf,,Unpublished\n"
    "Synthetic Person Three,2024-01-04,Victim,,,,Torture,,,,,Published\n"
)


def test_uwazi_export_imports_with_the_builtin_mapping(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    report = import_file(
        sqlite_workspace,
        write("uwazi.csv", HEADER + ROWS),
        "Uwazi NGO",
        mapping_path="uwazi",
        principal=ADMIN,
    )
    assert report.records_added == 3 and report.mapping == "uwazi"
    assert report.columns_ignored == [] and report.warnings == []
    with sqlite_workspace.session() as session:
        one, two, three = session.scalars(select(Record).order_by(Record.id))
    assert (one.full_name, one.sex, one.age, one.violation) == (
        "Synthetic Person One",
        "m",
        34,
        "execution",
    )
    assert one.date_calendar == "gregorian" and str(one.date_start) == "1988-07-29"
    assert one.violation_text.endswith("Summary execution|Torture")  # kept as written
    assert (two.violation, str(two.date_start), str(two.date_end)) == (
        "death in custody",
        "2019-11-15",
        "2019-11-18",
    )
    assert two.date_edtf == "2019-11-15/2019-11-18"
    assert three.violation == "torture" and three.date_start is None
    assert dict(one.raw_row)["Geolocation"] == "35.7|51.4"  # kept in the raw row


def test_uwazi_export_mixing_templates_is_refused(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    mixed = ROWS + "Synthetic case file,2024-01-05,Case,,,,,,,,,Published\n"
    before = snapshot(sqlite_workspace)
    with pytest.raises(ImportValidationError) as info:
        import_file(
            sqlite_workspace,
            write("u.csv", HEADER + mixed),
            "U",
            mapping_path="uwazi",
            principal=ADMIN,
        )
    message = str(info.value)
    assert "'Victim' (3 rows), 'Case' (1 row)" in message and "Template" in message
    assert snapshot(sqlite_workspace) == before


def test_rows_keep_imports_one_template(sqlite_workspace: Workspace, write) -> None:  # type: ignore[no-untyped-def]
    mapping = write(
        "m.toml",
        '[columns]\n"Title" = "full_name"\n[rows]\ncolumn = "Template"\nkeep = ["Victim"]\n',
    )
    mixed = "Title,Template\nSynthetic A,Victim\nSynthetic case,Case\n"
    report = import_file(
        sqlite_workspace, write("u.csv", mixed), "U", mapping_path=mapping, principal=ADMIN
    )
    assert (report.records_added, report.rows_skipped) == (1, 1)
    assert "1 row(s) of another kind than Victim" in report.warnings[0]


def test_builtin_mapping_is_shipped_with_its_origin() -> None:
    mapping = load_mapping("uwazi")
    assert mapping.multi_value_separator == "|" and mapping.date_range_separator == "~"
    assert mapping.values["violation"]
    from importlib import resources

    readme = (resources.files("shomar.data") / "mappings" / "README.md").read_text("utf-8")
    assert "csvExporter.ts" in readme and "Types of Acts" in readme
