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


ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def ods_cell(text: str | None, repeat: int | None = None, covered: bool = False) -> str:
    """One ODS cell (``None``: empty), written once with a repeat count like LibreOffice does."""
    times = f' table:number-columns-repeated="{repeat}"' if repeat else ""
    if covered:
        return f"<table:covered-table-cell{times}/>"
    if text is None:
        return f"<table:table-cell{times}/>"
    return (
        f'<table:table-cell office:value-type="string"{times}><text:p>{escape(text)}</text:p>'
        "</table:table-cell>"
    )


def ods_row(*cells: str, repeat: int | None = None) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def ods(path: Path, rows: Sequence[str], sheet: str = "Victims") -> Path:
    """An ODS file of one sheet made of ``rows`` (:func:`ods_row`), the XML as written."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        f'xmlns:table="{ODS_TABLE}" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(sheet)}">'
        f"{''.join(rows)}</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODS_MIME, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path
