"""The rarer refusals of a file, said in the upload page's language with their hint: a damaged
or unreadable workbook (XLSX, XLS, ODS), a JSON file that is not a list of flat records, a
text file in a broken encoding, a mapping that cannot be used, a source without a name.
Nothing is stored when a file is refused."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from shomar.ingest.mapping import MAX_MAPPING_BYTES
from shomar.web.i18n import Locale

from .conftest import WebWorld
from .test_upload import _csrf
from .test_upload_import_now import SAME_ORIGIN, _stored


@dataclass(frozen=True)
class Refusal:
    """A file the page refuses, and what the refusal and its hint say in each language."""

    name: str
    content: bytes
    said: dict[str, tuple[str, ...]]
    status: int = 400


def _workbook_with_an_error_cell() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "List"
    sheet.append(["record_id", "full_name"])
    sheet.append(["E1", "#N/A"])  # openpyxl writes a spreadsheet error cell
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _spreadsheet_without_content() -> bytes:
    """An OpenDocument archive that names its kind and holds nothing else."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return out.getvalue()


REFUSALS = {
    "xlsx error cell": Refusal(
        "errors.xlsx",
        _workbook_with_an_error_cell(),
        {
            "fa": (
                "خانهٔ B2",
                "خانه خطای صفحه‌گستردهٔ",
                "#N/A",
                "فرمول را درست کنید",
                "چیزی وارد نشد",
            ),
            "en": ("cell B2", "the cell holds the spreadsheet error", "nothing was imported"),
        },
    ),
    "xlsx not a zip": Refusal(
        "broken.xlsx",
        b"PK\x03\x04" + b"\x00" * 64,
        {
            "fa": ("کارپوشه باز نمی‌شود (بایگانی ZIP معتبری نیست",),
            "en": ("the workbook cannot be opened (it is not a valid ZIP archive",),
        },
    ),
    "xls damaged": Refusal(
        "broken.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        {
            "fa": ("کارپوشهٔ قدیمی اکسل باز نمی‌شود", "دوباره (با قالب .xlsx) ذخیره کنید"),
            "en": ("the old-style Excel workbook cannot be opened", "(as .xlsx)"),
        },
    ),
    "ods without content": Refusal(
        "empty.ods",
        _spreadsheet_without_content(),
        {
            "fa": ("صفحه‌گستردهٔ OpenDocument باز نمی‌شود",),
            "en": ("the OpenDocument spreadsheet cannot be opened",),
        },
    ),
    "json nested value": Refusal(
        "nested.json",
        b'[{"full_name": "Ali"}, {"full_name": {"given": "Reza"}}]',
        {
            "fa": (
                "رکورد ۲، فیلد",
                "مقدارهای تودرتو پذیرفته نمی‌شوند",
                "به هر فیلد تنها یک مقدار متنی یا عددی بدهید",
            ),
            "en": (
                "record 2, field",
                "nested values are not supported",
                "Give each field a single text or number value",
            ),
        },
    ),
    "json missing comma": Refusal(
        "comma.json",
        b'[{"full_name": "Ali"} {"full_name": "Reza"}]',
        {
            "fa": ("رکورد ۱، خط ۱، ستون ۲۳: JSON معتبر نیست",),
            "en": ("record 1, line 1, column 23: not valid JSON (expected",),
        },
    ),
    "json key twice": Refusal(
        "twice.json",
        b'[{"full_name": "Ali", "full_name": "Reza"}]',
        {
            "fa": ("رکورد ۱: کلید", "دو بار در یک شیء آمده است", "؛ چیزی وارد نشد"),
            "en": ("record 1: the key", "appears twice in one object", "nothing was imported"),
        },
    ),
    "utf-16 mark before utf-8": Refusal(
        "marked.csv",
        b"\xff\xfe" + "record_id,full_name\nB1,علی کریمی\nB2,زهرا احمدی\n".encode(),
        {
            "fa": ("پرونده با نشانهٔ ترتیب بایت UTF-16 آغاز می‌شود", "دو بایت نخست را بردارید"),
            "en": ("the file starts with a UTF-16 byte-order mark", "Remove the first two bytes"),
        },
    ),
    "column name too long": Refusal(
        "long.csv",
        ("record_id,full_name," + "x" * 1500 + "\nL1,Ali Karimi,SYNTHETIC\n").encode(),
        {
            "fa": (
                "سطر ۱، ستون ۳: نام ستون",
                "نام ستون حداکثر",
                "آیا این سطر به‌راستی سطر عنوان است",
            ),
            "en": ("row 1, column 3: the column name holds", "Is this row really the header"),
        },
    ),
}


def _upload(client: TestClient, lang: str, name: str, content: bytes, source: str) -> Response:
    return client.post(
        f"/{lang}/documents/upload",
        data={"csrf": _csrf(client.get(f"/{lang}/documents/upload").text), "source": source},
        files={"file": (name, content, "application/octet-stream")},
        headers=SAME_ORIGIN,
    )


def _read_again(
    client: TestClient, lang: str, name: str, content: bytes, source: str,
    fields: dict[str, str], status: int = 400,
) -> str:  # fmt: skip
    """The page's text when a checked file is read again with the mapping form's ``fields``."""
    first = _upload(client, lang, name, content, source)
    staged = re.search(rf'action="(/{lang}/documents/upload/[^"]+/mapping)"', first.text)
    assert first.status_code == 200 and staged, _shown(first.text)[-2500:]
    again = client.post(
        staged.group(1),
        data={"csrf": _csrf(first.text), "source": source, **fields},
        headers=SAME_ORIGIN,
    )
    assert again.status_code == status, _shown(again.text)[-2500:]
    return _shown(again.text)


def _shown(html: str) -> str:
    """The page's text with the isolates around values and the direction marks taken out."""
    return re.sub("[\u2068\u2069\u200f]", "", html).replace("&#39;", "'").replace("&#34;", '"')


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("case", list(REFUSALS), ids=list(REFUSALS))
def test_a_file_the_readers_refuse_is_said_in_the_page_language(
    world: WebWorld, case: str, lang: str
) -> None:
    refusal = REFUSALS[case]
    before = _stored(world)
    client = world.login("documenter")
    response = _upload(client, lang, refusal.name, refusal.content, f"Synthetic {case} (SYNTHETIC)")
    assert response.status_code == refusal.status, _shown(response.text)[-2500:]
    shown = _shown(response.text)
    for text in refusal.said[lang]:
        assert text in shown, (text, shown[-2500:])
    assert _stored(world) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fa", ("نگاشت ستون", "را نام می‌برد که پرونده ندارد", "به [optional_columns] ببرید")),
        ("en", ("the mapping names the column", "which the file does not have", "[optional_")),
    ],
)  # fmt: skip
def test_a_mapped_column_the_file_does_not_have_is_said_in_the_page_language(
    world: WebWorld, lang: str, said: tuple[str, ...]
) -> None:
    source = "Synthetic mapped column (SYNTHETIC)"
    content = f"record_id,full_name\nM1,Ali Karimi {lang}\n".encode()
    before = _stored(world)
    client = world.login("documenter")
    fields = {"col:Full Name (old)": "full_name"}
    shown = _read_again(client, lang, "mapped.csv", content, source, fields, status=422)
    assert all(text in shown for text in said), shown[-2500:]
    assert _stored(world) == before


FA = Locale("fa")
_TOO_LARGE = json.dumps({"columns": {}, "notes": "x" * MAX_MAPPING_BYTES}).encode()

#: mapping files that cannot be used: what they say in Persian (the message, then the hint)
BAD_MAPPINGS = {
    "unknown target": (
        json.dumps({"columns": {"full_name": "nickname"}}).encode(),
        ("ستون مقصد ناشناخته در [columns]", "مقصدها باید ستون‌های استاندارد باشند"),
        ("unknown target column(s) in [columns]", "Targets must be canonical columns"),
    ),
    "default not a violation": (
        json.dumps({"defaults": {"violation": "picnic"}}).encode(),
        ("[defaults] violation =", "نوع نقض نیست", "(یا نام فارسی آن را)"),
        ("is not a violation type", "(or its Persian name)"),
    ),
    "not utf-8": (
        b'{"columns": {"\xff\xfe": "full_name"}}',
        ("خط ۱: پروندهٔ نگاشت UTF-8 نیست", "پروندهٔ نگاشت را با UTF-8 ذخیره کنید"),
        ("line 1: the mapping file is not UTF-8", "Save the mapping file as UTF-8"),
    ),
    "header row zero": (
        json.dumps({"header_row": 0}).encode(),
        ("`header_row` باید شمارهٔ یک سطر باشد",),
        ("`header_row` must be a row number (1 or more)",),
    ),
    "too large": (  # refused by shomar.readable before it is read
        _TOO_LARGE,
        (
            f"پرونده {FA.number(len(_TOO_LARGE))} بایت است؛ یک پروندهٔ نگاشت حداکثر "
            f"{FA.number(MAX_MAPPING_BYTES)} بایت است",
        ),
        (
            f"the file is {len(_TOO_LARGE):,} bytes; a mapping file is at most "
            f"{MAX_MAPPING_BYTES:,}.",
        ),
    ),
}


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("case", list(BAD_MAPPINGS), ids=list(BAD_MAPPINGS))
def test_a_mapping_file_that_cannot_be_used_is_said_in_the_page_language(
    world: WebWorld, case: str, lang: str
) -> None:
    """The page's mapping is a mapping file beside the staged upload; one that cannot be used
    (damaged, or written by an older page) is refused by the same checks as ``--mapping``."""
    source = "Synthetic bad mapping (SYNTHETIC)"
    content, fa, en = BAD_MAPPINGS[case]
    client = world.login("documenter")
    first = _upload(client, lang, "bad-mapping.csv", f"full_name\n{case} {lang}\n".encode(), source)
    action = re.search(rf'action="/{lang}/documents/upload/([^"]+)/mapping"', first.text)
    assert first.status_code == 200 and action
    (world.ws.path / "uploads" / action.group(1) / "mapping.json").write_bytes(content)
    before = _stored(world)
    refused = client.post(
        f"/{lang}/documents/upload/{action.group(1)}/import",
        data={"csrf": _csrf(first.text), "source": source},
        headers=SAME_ORIGIN,
    )
    assert refused.status_code == 400
    shown = _shown(refused.text)
    assert all(text in shown for text in {"fa": fa, "en": en}[lang]), shown[-2500:]
    assert _stored(world) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fa", ("نام منبع خالی است.", "نام کسی را که فهرست را گزارش کرده است")),
     ("en", ("The source name is empty.", "Name who reported the list"))],
)  # fmt: skip
def test_a_source_without_a_name_is_said_in_the_page_language(
    world: WebWorld, lang: str, said: tuple[str, ...]
) -> None:
    before = _stored(world)
    response = _upload(world.login("documenter"), lang, "unnamed.csv", b"full_name\nAli\n", "   ")
    assert response.status_code == 400
    shown = _shown(response.text)
    assert all(text in shown for text in said), shown[-2500:]
    assert _stored(world) == before


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fa", ("«ردیف نام ستون‌ها» = ۹ داده شده", "پرونده تنها ۳ سطر دارد")),
     ("en", ("“Row with the column names” = 9, but the file has only 3 row(s).",))],
)  # fmt: skip
def test_a_refusal_names_the_pages_field_not_the_command_line_option(
    world: WebWorld, lang: str, said: tuple[str, ...]
) -> None:
    """The readers' refusal names ``--header-row`` (the CLI says it as it is); the page says
    its own field for it, in the message as in the hint."""
    source = "Synthetic short list (SYNTHETIC)"
    content = f"record_id,full_name\nS1,Ali Karimi {lang}\nS2,Reza Karimi {lang}\n".encode()
    client = world.login("documenter")
    shown = _read_again(client, lang, "short.csv", content, source, {"header_row": "9"})
    assert all(text in shown for text in said), shown[-2500:]
    assert "--header-row" not in shown
