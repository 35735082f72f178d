"""The size an OpenDocument spreadsheet's sheets expand to, known before they are expanded.

An ODS file writes a run of equal cells or rows once, with a repeat count
(``table:number-columns-repeated``, ``table:number-rows-repeated``). pandas' reader (over
odfpy) expands every run of the chosen sheet into memory, so a 1 KB file declaring one cell
repeated five million times hangs an import, and one declaring two million rows takes
gigabytes. :func:`declared_sizes` reads ``content.xml`` once with a streaming parser (memory
does not grow with the file) and gives, per sheet, the rows and columns it expands to,
counted the way pandas counts them: empty cells at the end of a row and empty rows at the end
of a sheet are not expanded (LibreOffice writes both for every sheet).
"""

from __future__ import annotations

import xml.sax
import zipfile
from dataclasses import dataclass
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ROWS_REPEATED = (_TABLE, "number-rows-repeated")
_COLUMNS_REPEATED = (_TABLE, "number-columns-repeated")
#: LibreOffice's mark of a cell whose formula failed (``calcext:value-type="error"``)
_CALC_VALUE_TYPE = ("urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
                    "value-type")  # fmt: skip
_CELLS = {(_TABLE, "table-cell"), (_TABLE, "covered-table-cell")}

#: the most rows a sheet of LibreOffice Calc or Excel holds: a file declaring more was not
#: written by a spreadsheet program
SHEET_MAX_ROWS = 1_048_576


@dataclass
class SheetSize:
    """What one sheet expands to: its rows, its widest row, and the row that is widest."""

    rows: int = 0
    columns: int = 0
    widest_row: int = 0
    #: the first cell holding a spreadsheet error (``#DIV/0!``), as (row, column), 1-based:
    #: calamine reads it as an empty cell, so the value would be lost silently
    first_error: tuple[int, int] | None = None

    @property
    def cells(self) -> int:
        """Cells once expanded (pandas squares the sheet to its widest row)."""
        return self.rows * self.columns


class _Sizes(ContentHandler):
    """Counts runs of cells and rows, sheet by sheet, without expanding any."""

    def __init__(self) -> None:
        super().__init__()
        self.sheets: dict[str, SheetSize] = {}
        self._sheet: SheetSize | None = None
        self._row_repeat = 1
        self._row_width = 0  # columns up to the row's last non-empty cell
        self._row_at = 0  # columns read so far in the row
        #: (repeat, holds a value): pandas reads a cell without a value type as empty
        self._cell: tuple[int, bool] | None = None
        self._rows_pending = 0  # rows read since the last non-empty one
        self._row_number = 0

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        get = attrs.get
        if name == (_TABLE, "table"):
            self._sheet = self.sheets.setdefault(str(get((_TABLE, "name"), "")), SheetSize())
            self._rows_pending = self._row_number = 0
        elif name == (_TABLE, "table-row"):
            self._row_repeat = _count(get(_ROWS_REPEATED))
            self._row_width = self._row_at = 0
        elif name in _CELLS:
            filled = name == (_TABLE, "table-cell") and get((_OFFICE, "value-type")) is not None
            self._cell = (_count(get(_COLUMNS_REPEATED)), filled)
            sheet = self._sheet
            if get(_CALC_VALUE_TYPE) == "error" and sheet is not None and not sheet.first_error:
                sheet.first_error = (self._row_number + 1, self._row_at + 1)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if name in _CELLS and self._cell is not None:
            repeat, filled = self._cell
            self._row_at += repeat
            if filled:
                self._row_width = self._row_at
            self._cell = None
        elif name == (_TABLE, "table-row") and self._sheet is not None:
            self._rows_pending += self._row_repeat
            if self._row_width:
                sheet = self._sheet
                sheet.rows += self._rows_pending
                self._rows_pending = 0
                if self._row_width > sheet.columns:
                    sheet.columns = self._row_width
                    sheet.widest_row = self._row_number + 1
            self._row_number += self._row_repeat


def _count(text: object) -> int:
    try:
        return max(1, int(str(text))) if text is not None else 1
    except ValueError:
        return 1


def declared_sizes(archive: zipfile.ZipFile) -> dict[str, SheetSize]:
    """Each sheet's expanded size, by sheet name, read from ``content.xml`` as a stream."""
    handler = _Sizes()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    with archive.open("content.xml") as stream:
        parser.parse(stream)
    return handler.sheets
