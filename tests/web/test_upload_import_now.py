"""The upload page's "Import now" step refused: the same mapping form as the check's refusal,
with the reading chosen before kept, and nothing written to the store."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from shomar.store.tables import CustodyEntry, Document, DocumentBlob, Record, Source

from .conftest import WebWorld
from .test_upload import _csrf

#: a title row above Persian column names: read with header row 2, and no column is canonical
TITLED_PERSIAN = (
    "SYNTHETIC list with a title row,,,\n"
    "شناسه,نام,نام خانوادگی,تاریخ\n"
    "N1,علی,کریمی,1367-05-10\n"
    "N2,زهرا,احمدی,1367-05-11\n"
).encode()
SAME_ORIGIN = {"sec-fetch-site": "same-origin"}


def _stored(world: WebWorld) -> dict[str, int]:
    """How many rows the store holds of what an import writes."""
    with world.ws.session() as session:
        return {
            table.__name__: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Record, Document, DocumentBlob, Source, CustodyEntry)
        }


def _chosen(html: str) -> dict[str, str]:
    """The mapping form's selected field for each of the file's columns."""
    return dict(re.findall(r'<select name="(col:[^"]+)"[^>]*>.*?value="(\w+)" selected', html))


@pytest.mark.parametrize(
    ("lang", "heading"), [("fa", "ستون‌های پرونده را نگاشت کنید"), ("en", "Map the file")]
)
def test_an_import_refused_for_its_columns_shows_the_mapping_form_and_stores_nothing(
    world: WebWorld, lang: str, heading: str
) -> None:
    client = world.login("documenter")
    source = f"Synthetic import now {lang} (SYNTHETIC)"
    content = TITLED_PERSIAN.replace(b"title", lang.encode())
    first = client.post(
        f"/{lang}/documents/upload",
        data={"csrf": _csrf(client.get(f"/{lang}/documents/upload").text), "source": source},
        files={"file": ("titled-persian.csv", content, "text/csv")},
        headers=SAME_ORIGIN,
    )
    action = re.search(rf'action="(/{lang}/documents/upload/[^"]+)/mapping"', first.text)
    assert first.status_code == 422 and action
    read = client.post(
        action.group(1) + "/mapping",
        data={"csrf": _csrf(first.text), "source": source, "header_row": "2"},
        headers=SAME_ORIGIN,
    )
    assert read.status_code == 422, read.text[-2000:]
    before = _stored(world)
    # "Import now" without a mapping the columns can be read with (a page left open, a
    # second tab): refused, and the page offers the same mapping as the check's refusal
    refused = client.post(
        action.group(1) + "/import",
        data={"csrf": _csrf(read.text), "source": source},
        headers=SAME_ORIGIN,
    )
    assert refused.status_code == 422
    assert _stored(world) == before
    assert heading in refused.text
    assert _chosen(refused.text) == _chosen(read.text) == {
        "col:شناسه": "record_id", "col:نام": "given_name",
        "col:نام خانوادگی": "family_name", "col:تاریخ": "date",
    }  # fmt: skip
    # the reading chosen before is kept on both forms, so mapping again still reads row 2
    assert refused.text.count('name="header_row" value="2"') == 2
    mapped = client.post(
        action.group(1) + "/mapping",
        data={"csrf": _csrf(refused.text), "source": source, "header_row": "2",
              **_chosen(refused.text)},
        headers=SAME_ORIGIN,
    )  # fmt: skip
    assert mapped.status_code == 200, mapped.text[-2000:]
    imported = client.post(
        action.group(1) + "/import",
        data={"csrf": _csrf(mapped.text), "source": source},
        headers=SAME_ORIGIN,
    )
    assert imported.status_code == 200
    assert _stored(world)["Record"] == before["Record"] + 2
