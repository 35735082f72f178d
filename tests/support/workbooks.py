"""SYNTHETIC workbooks for reader tests, including damaged ones built part by part."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def xlsx(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """A valid workbook with one sheet per entry (rows of values), in order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def row(number: int, *cells: str) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def sheet_xml(rows: Sequence[str], dimension: str = "A1:B2") -> bytes:
    return (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/><sheetData>'
        + "".join(rows)
        + "</sheetData></worksheet>"
    ).encode()


def damaged(
    path: Path,
    sheet: bytes | None,
    shared: Sequence[str] | None = None,
    shared_raw: bytes | None = None,
) -> Path:
    """A one-sheet workbook whose sheet XML is ``sheet`` (``None``: the part is missing)."""
    base = xlsx(path.with_suffix(".base.xlsx"), {"Data": [["full_name"], ["x"]]})
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                if sheet is None:
                    continue
                data = sheet
            if shared is not None or shared_raw is not None:
                if info.filename == "[Content_Types].xml":
                    data = data.replace(
                        b"</Types>",
                        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_CT}"/>'
                        "</Types>".encode(),
                    )
                if info.filename == "xl/_rels/workbook.xml.rels":
                    data = data.replace(
                        b"</Relationships>",
                        f'<Relationship Id="rIdS" Type="{SHARED_REL}" Target="sharedStrings.xml"/>'
                        "</Relationships>".encode(),
                    )
            target.writestr(info, data)
        if shared_raw is not None:
            target.writestr("xl/sharedStrings.xml", shared_raw, zipfile.ZIP_DEFLATED)
        elif shared is not None:
            items = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
            target.writestr(
                "xl/sharedStrings.xml",
                f'<sst xmlns="{MAIN}" count="{len(shared)}">{items}</sst>'.encode(),
            )
    base.unlink()
    return path
