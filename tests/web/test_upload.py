"""Uploading a list in the browser: content-checked, every row's problem shown before anything
is stored, then imported; the user's file name is never a path."""

from __future__ import annotations

import re

import pytest
from httpx import Response
from sqlalchemy import func, select

from shomar.errors import InputError
from shomar.services.uploads import safe_name, sniff
from shomar.store.tables import Record

from .conftest import WebWorld

#: Windows-1256 has no Persian ی/ک: files written in it carry the Arabic ي/ك, as real ones do
ARABIC_FORMS = str.maketrans({"ی": "ي", "ک": "ك"})
WIN1256_WITH_ERRORS = (
    (
        "record_id,given_name,family_name,date,violation\n"
        "W1,علی,کریمی,1367-05-10,execution\n"
        "W2,زهرا,احمدی,not a date,execution\n"
        "W3,,,1367-05-12,execution\n"
    )
    .translate(ARABIC_FORMS)
    .encode("cp1256")
)
WIN1256_CLEAN = (
    (
        "record_id,given_name,family_name,date,violation,notes\n"
        "C1,علی,کریمی,1367-05-10,execution,SYNTHETIC\n"
        "C2,زهرا,احمدی,1367-05-11,execution,SYNTHETIC\n"
    )
    .translate(ARABIC_FORMS)
    .encode("cp1256")
)


def _records(world: WebWorld) -> int:
    with world.ws.session() as session:
        return int(session.scalar(select(func.count()).select_from(Record)) or 0)


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def test_row_errors_are_shown_and_nothing_is_stored(world: WebWorld) -> None:
    client = world.login("documenter")
    form = client.get("/fa/documents/upload")
    before = _records(world)
    response = client.post(
        "/fa/documents/upload",
        data={"csrf": _csrf(form.text), "source": "Synthetic upload (SYNTHETIC)"},
        files={"file": ("../../etc/passwd list.csv", WIN1256_WITH_ERRORS, "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 422
    assert "ردیف" in response.text  # the problems table, in Persian
    assert re.search(r"<td class=\"num\">[۳۴]</td>", response.text)  # rows 3 and 4, Persian digits
    assert _records(world) == before
    assert not (world.ws.path / "etc").exists()


def test_clean_list_is_checked_then_imported(world: WebWorld) -> None:
    client = world.login("documenter")
    form = client.get("/en/documents/upload")
    before = _records(world)
    checked = client.post(
        "/en/documents/upload",
        data={"csrf": _csrf(form.text), "source": "Synthetic upload B (SYNTHETIC)"},
        files={"file": ("list.csv", WIN1256_CLEAN, "application/octet-stream")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert checked.status_code == 200, checked.text
    assert "ready to import" in checked.text and _records(world) == before
    action = re.search(r'action="(/en/documents/upload/[^"]+/import)"', checked.text)
    assert action
    done = client.post(
        action.group(1),
        data={"csrf": _csrf(checked.text), "source": "Synthetic upload B (SYNTHETIC)"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert done.status_code == 200 and "Imported 2 records" in done.text
    assert _records(world) == before + 2


def test_viewer_may_not_upload(world: WebWorld) -> None:
    client = world.login("viewer")
    response = client.post(
        "/en/documents/upload",
        data={"source": "x"},
        files={"file": ("a.csv", b"record_id\n1\n", "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 403


def test_content_decides_the_kind_and_names_are_sanitised() -> None:
    assert sniff(b"PK\x03\x04rest") == "xlsx"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....") == "xls"
    assert sniff(b'  [{"full_name": "x"}]') == "json"
    assert sniff("نام,تاريخ\n".encode("cp1256")) == "csv"
    # text with a NUL byte, or UTF-16 without a BOM: the CSV reader names the row and column
    assert sniff(b"full_name\nAli\x00\n") == "csv"
    assert sniff("full_name\nعلی\n".encode("utf-16-be")) == "csv"
    with pytest.raises(InputError, match="a PNG image"):
        sniff(b"\x89PNG\r\n\x1a\n")
    assert safe_name("../../etc/passwd.xlsx", "csv") == "passwd.csv"
    assert "/" not in safe_name("a/b\\c:d.csv", "csv")


def _upload_as_documenter(world: WebWorld, lang: str, content: bytes) -> Response:
    client = world.login("documenter")
    form = client.get(f"/{lang}/documents/upload")
    return client.post(
        f"/{lang}/documents/upload",
        data={"csrf": _csrf(form.text), "source": "Synthetic upload C (SYNTHETIC)"},
        files={"file": ("list.csv", content, "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )


@pytest.mark.parametrize(
    ("lang", "no_name", "no_date"),
    [
        ("fa", "این سطر نام ندارد", "را نمی‌توان تاریخ خواند"),
        ("en", "the row has no name", "as a date:"),
    ],
)
def test_row_problems_are_said_in_the_page_language(
    world: WebWorld, lang: str, no_name: str, no_date: str
) -> None:
    response = _upload_as_documenter(world, lang, WIN1256_WITH_ERRORS)
    assert response.status_code == 422
    assert no_name in response.text and no_date in response.text
    # the user's own cell is shown as written, inside the translated sentence
    assert "&#39;not a date&#39;" in response.text or "'not a date'" in response.text


@pytest.mark.parametrize(
    ("lang", "refusal", "hint"),
    [
        ("fa", "این پرونده یک سند PDF است، نه فهرستی که شمار بتواند بخواند", "نخست فهرست را"),
        ("en", "This file is a PDF document, not a list Shomar can read", "export the list"),
    ],
)
def test_a_file_refused_whole_is_said_with_its_hint_in_the_page_language(
    world: WebWorld, lang: str, refusal: str, hint: str
) -> None:
    response = _upload_as_documenter(world, lang, b"%PDF-1.7 synthetic")
    assert response.status_code == 400
    assert refusal in response.text and hint in response.text


def _two_sheet_workbook() -> bytes:
    """A workbook whose first sheet is a note and whose list is on the second."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    note = book.active
    note.title = "Notes"
    note.append(["SYNTHETIC list for a test"])
    data = book.create_sheet("فهرست")
    data.append(["record_id", "given_name", "family_name", "date", "notes"])
    data.append(["X1", "علی", "کریمی", "1367-05-10", "SYNTHETIC"])
    data.append(["X2", "زهرا", "احمدی", "1367-05-11", "SYNTHETIC"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_sheet_other_than_the_first_is_chosen_on_the_page(world: WebWorld) -> None:
    client = world.login("documenter")
    form = client.get("/en/documents/upload")
    before = _records(world)
    first = client.post(
        "/en/documents/upload",
        data={"csrf": _csrf(form.text), "source": "Synthetic workbook (SYNTHETIC)"},
        files={"file": ("book.xlsx", _two_sheet_workbook(), "application/octet-stream")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert first.status_code == 422  # the note sheet has no data rows
    assert '<select id="sheet" name="sheet">' in first.text and "فهرست" in first.text
    action = re.search(r'action="(/en/documents/upload/[^"]+/mapping)"', first.text)
    assert action
    chosen = client.post(
        action.group(1),
        data={
            "csrf": _csrf(first.text),
            "source": "Synthetic workbook (SYNTHETIC)",
            "sheet": "فهرست",
        },
        headers={"sec-fetch-site": "same-origin"},
    )
    assert chosen.status_code == 200, chosen.text
    assert "ready to import" in chosen.text and _records(world) == before
    imported = client.post(
        re.sub(r"/mapping$", "/import", action.group(1)),
        data={"csrf": _csrf(chosen.text), "source": "Synthetic workbook (SYNTHETIC)"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert imported.status_code == 200 and "Imported 2 records" in imported.text
    assert _records(world) == before + 2


TITLED = (
    "SYNTHETIC list of a test,,,\n"
    "record_id,given_name,family_name,date\n"
    "T1,علی,کریمی,1367-05-10\n"
    "T2,زهرا,احمدی,1367-05-11\n"
).encode()


@pytest.mark.parametrize(
    ("lang", "field"), [("en", "“Row with the column names” = 2"), ("fa", "«ردیف نام ستون‌ها» = ۲")]
)
def test_a_title_row_is_skipped_with_the_pages_header_row_field(
    world: WebWorld, lang: str, field: str
) -> None:
    before = _records(world)
    client = world.login("documenter")
    source = "Synthetic upload C (SYNTHETIC)"
    first = client.post(
        f"/{lang}/documents/upload",
        data={"csrf": _csrf(client.get(f"/{lang}/documents/upload").text), "source": source},
        files={"file": ("titled.csv", TITLED.replace(b"test", lang.encode()), "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert first.status_code == 422, first.text[-3000:]
    assert field in first.text and "--header-row" not in first.text  # the page's field, named
    assert 'id="header_row" name="header_row"' in first.text
    action = re.search(rf'action="(/{lang}/documents/upload/[^"]+/mapping)"', first.text)
    assert action
    read = client.post(
        action.group(1),
        data={"csrf": _csrf(first.text), "source": source, "header_row": "۲"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert read.status_code == 200, read.text
    # the column mapping form keeps the header row: re-mapping a column still reads row 2
    assert '<input type="hidden" name="header_row" value="2">' in read.text
    remapped = client.post(
        action.group(1),
        data={"csrf": _csrf(read.text), "source": source, "header_row": "2",
              "col:date": "date", "col:given_name": "given_name",
              "col:family_name": "family_name", "col:record_id": "record_id"},
        headers={"sec-fetch-site": "same-origin"},
    )  # fmt: skip
    assert remapped.status_code == 200, remapped.text
    imported = client.post(
        re.sub(r"/mapping$", "/import", action.group(1)),
        data={"csrf": _csrf(remapped.text), "source": source},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert imported.status_code == 200 and _records(world) == before + 2


def test_an_encoding_chosen_on_the_page_is_the_one_read() -> None:
    from shomar.web.routes.documents import Reading

    chosen = Reading.from_form({"encoding": "cp1256", "header_row": "3", "sheet": "فهرست"})
    assert chosen == Reading(sheet="فهرست", encoding="cp1256", header_row=3)
    assert Reading.from_form({"header_row": "۳"}).header_row == 3
    # what is not on the page's list, or not a row number, is refused, never dropped
    for bad in ({"encoding": "rot13"}, {"header_row": "-1"}, {"header_row": "99999999"},
                {"header_row": "three"}):  # fmt: skip
        with pytest.raises(InputError):
            Reading.from_form(bad)


@pytest.mark.parametrize(("lang", "said"), [("en", "must be a row number"), ("fa", "باید شماره")])
def test_a_header_row_that_is_no_row_number_is_refused_on_the_page(
    world: WebWorld, lang: str, said: str
) -> None:
    client = world.login("documenter")
    source = "Synthetic bad header row (SYNTHETIC)"
    first = client.post(
        f"/{lang}/documents/upload",
        data={"csrf": _csrf(client.get(f"/{lang}/documents/upload").text), "source": source},
        files={"file": ("bad-row.csv", TITLED.replace(b"test", b"bad " + lang.encode()),
                        "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )  # fmt: skip
    action = re.search(rf'action="(/{lang}/documents/upload/[^"]+/mapping)"', first.text)
    assert action
    refused = client.post(
        action.group(1),
        data={"csrf": _csrf(first.text), "source": source, "header_row": "two"},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert refused.status_code == 400 and said in refused.text
    assert 'id="header_row" name="header_row"' in refused.text  # the field, to fix it


@pytest.mark.parametrize(("lang", "said"), [("en", "were already imported"), ("fa", "پیش‌تر")])
def test_bytes_imported_before_offer_the_pages_replace_upload(
    world: WebWorld, lang: str, said: str
) -> None:
    client = world.login("documenter")
    content = f"record_id,full_name,notes\nR1,Reza Karimi,SYNTHETIC {lang}\n".encode()

    def upload(replace: str = "") -> Response:
        form = client.get(f"/{lang}/documents/upload?replace={replace}")
        return client.post(
            f"/{lang}/documents/upload",
            data={"csrf": _csrf(form.text), "source": "Synthetic twice (SYNTHETIC)",
                  "replace": replace},
            files={"file": ("twice.csv", content, "text/csv")},
            headers={"sec-fetch-site": "same-origin"},
        )  # fmt: skip

    first = upload()
    action = re.search(rf'action="(/{lang}/documents/upload/[^"]+)/mapping"', first.text)
    assert first.status_code == 200 and action
    client.post(
        action.group(1) + "/import",
        data={"csrf": _csrf(first.text), "source": "Synthetic twice (SYNTHETIC)"},
        headers={"sec-fetch-site": "same-origin"},
    )
    again = upload()
    assert again.status_code == 400 and said in again.text
    link = re.search(rf'href="/{lang}/documents/upload\?replace=(\d+)"', again.text)
    assert link and "shomar import" not in again.text  # the page's way, not the CLI's
    replaced = upload(link.group(1))
    assert replaced.status_code == 200 and re.search(r'/import"', replaced.text)


PERSIAN_HEADERS = (
    "شناسه,نام,نام خانوادگی,نام پدر,تاریخ,توضیحات\n"
    "P1,علی,کریمی,حسن,1367-05-10,SYNTHETIC\n"
    "P2,زهرا,احمدی,رضا,1367-05-11,SYNTHETIC\n"
).encode()


def test_a_list_with_persian_column_names_is_mapped_on_the_page(world: WebWorld) -> None:
    """No canonical column: the page offers the file's columns with their usual fields
    preselected; checking again with them reads the list, and nothing is stored before."""
    client = world.login("documenter")
    before = _records(world)
    source = "Synthetic Persian headers (SYNTHETIC)"
    first = client.post(
        "/fa/documents/upload",
        data={"csrf": _csrf(client.get("/fa/documents/upload").text), "source": source},
        files={"file": ("headers.csv", PERSIAN_HEADERS, "text/csv")},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert first.status_code == 422 and _records(world) == before
    chosen = dict(
        re.findall(r'<select name="(col:[^"]+)"[^>]*>.*?value="(\w+)" selected', first.text)
    )
    assert chosen == {
        "col:شناسه": "record_id", "col:نام": "given_name", "col:نام خانوادگی": "family_name",
        "col:نام پدر": "father_name", "col:تاریخ": "date", "col:توضیحات": "notes",
    }  # fmt: skip
    action = re.search(r'action="(/fa/documents/upload/[^"]+/mapping)"', first.text)
    assert action
    checked = client.post(
        action.group(1), data={"csrf": _csrf(first.text), "source": source, **chosen},
        headers={"sec-fetch-site": "same-origin"},
    )  # fmt: skip
    assert checked.status_code == 200, checked.text
    imported = client.post(
        re.sub(r"/mapping$", "/import", action.group(1)),
        data={"csrf": _csrf(checked.text), "source": source},
        headers={"sec-fetch-site": "same-origin"},
    )
    assert imported.status_code == 200 and _records(world) == before + 2
    with world.ws.session() as session:
        names = {r.given_name: r.father_name for r in session.scalars(select(Record))}
    assert names.get("علی") == "حسن" and names.get("زهرا") == "رضا"


def test_usual_column_names_are_only_suggested() -> None:
    from shomar.ingest.column_words import suggested_column
    from shomar.web.routes.documents import MappingRow

    assert suggested_column("نام‌خانوادگی") == suggested_column("نام خانوادگي") == "family_name"
    assert suggested_column("Date of death") == "date" and suggested_column("Colour") is None
    columns: dict[str, str | None] = {"نام": None, "full_name": "full_name"}
    shown = MappingRow.rows(columns, preselect=False)
    assert [(r.target, r.suggested) for r in shown] == [(None, "given_name"), ("full_name", None)]
    refused = MappingRow.rows({"نام": None}, preselect=True)
    assert refused[0].target == "given_name"
