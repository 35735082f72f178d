"""What the check of a readable list notes about how it was read (a delimiter line, a hidden
sheet left out), said in the upload page's language."""

from __future__ import annotations

import io

import pytest

from .conftest import WebWorld
from .test_upload_refusals import _shown, _upload


def _workbook_with_a_hidden_sheet() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    old = book.active
    old.title = "Old copy"
    old.append(["full_name"])
    old.append(["SYNTHETIC old"])
    old.sheet_state = "hidden"
    data = book.create_sheet("List")
    data.append(["record_id", "full_name"])
    data.append(["H1", "Ali Karimi"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


NOTES = {
    "delimiter line": (
        "sep.csv",
        b"sep=;\nrecord_id;full_name\nS1;Ali Karimi\n",
        {"fa": ("نخستین خط پرونده،", "جداکنندهٔ آن را نام می‌برد (شیوهٔ اکسل)"),
         "en": ("the file's first line", "names its delimiter (Excel's convention)")},
    ),
    "hidden sheet": (
        "hidden.xlsx",
        _workbook_with_a_hidden_sheet(),
        {"fa": ("برگه‌های پنهان کارپوشه", "خوانده نشدند (نخستین برگهٔ پیدا،"),
         "en": ("the workbook's hidden sheet(s)", "were not read (the first visible sheet,")},
    ),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("case", list(NOTES), ids=list(NOTES))
def test_how_a_list_was_read_is_noted_in_the_page_language(
    world: WebWorld, case: str, lang: str
) -> None:
    name, content, said = NOTES[case]
    client = world.login("documenter")
    checked = _upload(client, lang, name, content, f"Synthetic note {case} {lang} (SYNTHETIC)")
    assert checked.status_code == 200, _shown(checked.text)[-2500:]
    shown = _shown(checked.text)
    assert all(text in shown for text in said[lang]), shown[-2500:]
