"""Round-5 hostile files (SYNTHETIC, from ``support.hostile_corpus``) through the upload page:
refused in the page's language with the store unchanged, as ``shomar import`` refuses them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shomar.store.tables import Document
from support.hostile_corpus import Case, cases

from .conftest import WebWorld
from .test_upload_import_now import _stored
from .test_upload_refusals import _shown, _upload

BY_NAME = {case.name: case for case in cases(5)}

#: corpus file → (status, what the Persian page says, what the English page says)
REFUSED = {
    "html_named.xls": (400, "یک صفحهٔ HTML", "this is an HTML page"),
    "spreadsheetml.xls": (400, "صفحه‌گستردهٔ XML اکسل ۲۰۰۳", "an Excel 2003 XML spreadsheet"),
    "dup_part.xlsx": (400, "را دو بار دارد", "xl/worksheets/sheet1.xml twice"),
    "json_nul_value.json": (400, "نویسهٔ NUL", "NUL character"),
    "header_again.csv": (422, "همان سطر عنوان است", "the row repeats the header row"),
    "mac_roman.csv": (400, "UTF-8", "not valid UTF-8"),
}


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", list(REFUSED))
def test_a_hostile_upload_is_refused_in_the_page_language_and_stores_nothing(
    world: WebWorld, name: str, lang: str
) -> None:
    case: Case = BY_NAME[name]
    status, persian, english = REFUSED[name]
    before = _stored(world)
    client = world.login("documenter")
    response = _upload(client, lang, name, case.data, f"Synthetic hostile {name} (SYNTHETIC)")
    shown = _shown(response.text)
    assert response.status_code == status, shown[-2500:]
    assert (persian if lang == "fa" else english) in shown, shown[-2500:]
    assert "Traceback" not in shown
    assert _stored(world) == before


def test_a_file_name_with_a_right_to_left_override_is_stored_without_it(world: WebWorld) -> None:
    """«\\u202egsm.csv» shows as "vsc.msg" in a listing: the control never reaches a page."""
    case = BY_NAME["\u202egsm.csv"]
    client = world.login("documenter")
    checked = _upload(client, "en", case.name, case.data, "Synthetic RLO name (SYNTHETIC)")
    assert checked.status_code == 200, _shown(checked.text)[-2500:]
    assert "\u202e" not in checked.text
    with world.ws.session() as session:
        names = session.scalars(select(Document.original_name)).all()
    assert not any("\u202e" in n for n in names)
