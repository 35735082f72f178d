"""Tables written as text: a header row naming what each column counts, rows of figures.

A table is two or more consecutive lines holding ``|`` or tab separators. The first line is the
header; a column whose header is a counted word ("Killed", «بازداشت», "Sentenced to death",
«محکوم به اعدام») gives its category to every figure in that column; a column headed only
"Number", «تعداد» takes the category of the caption's first counted word, and one headed "Of
which women" that of the column before it. The first column labels
the row (a province, a year, or, headed "Source", the row's own claimant) and is never read as
a figure. The claimant is otherwise the source named in
the caption just above the table ("as compiled by Iran Human Rights", «(منبع: هرانا)») or in a
"Source:" / «منبع:» line just below it. A table whose first line is already a row of figures
(«تهران | ۱۳۴۰» under «آمار بازداشت‌ها به تفکیک استان به گزارش هرانا:») has no header: every
column takes the caption's category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shomar.claims.attribution import find_attributions
from shomar.claims.dates import find_dates
from shomar.claims.lexicon import COUNTED_AFTER, COUNTED_BEFORE
from shomar.claims.quantity import fold_text, parse_number
from shomar.claims.registry import claimant_entry, resolve_claimant

__all__ = ["Cell", "Table", "caption_category", "find_tables"]

#: a first column that names each row's source: "Source | Killed", «منبع | کشته»
_ROW_SOURCE = re.compile(r"(?:source|sources|estimate\s+by|منبع|منابع)", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:\||\t)\s*")
_SOURCE_LINE = re.compile(r"(?:source|sources|منبع|منابع)\s*[:：]\s*([^)\n]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One figure of a table, with its row as the quote."""

    value: int
    counted: str
    quote: str
    start: int
    end: int
    #: the row's own source, when the first column is headed "Source" / «منبع»
    claimant: str | None = None


@dataclass(frozen=True)
class Table:
    """``text[start:end]`` is the table (header and rows, not the caption)."""

    start: int
    end: int
    claimant: str | None
    cells: tuple[Cell, ...]


def _category(header: str) -> str | None:
    folded = fold_text(header.strip())
    for category, pattern in [*COUNTED_BEFORE, *COUNTED_AFTER]:
        if category == "executed" and re.search(r"محکوم|sentenced", folded, re.IGNORECASE):
            continue
        if pattern.fullmatch(folded) or pattern.match(folded):
            return category
    return None


#: a column that says only "how many" («تعداد», "Number"): the caption says of what
_GENERIC_COLUMN = re.compile(
    r"(?:number|count|cases|figures?|total|تعداد|شمار|آمار|رقم|موارد)", re.IGNORECASE
)


#: a column of sub-counts of the column before it: "Of which women", «از این تعداد زن»
_SUBCOUNT_COLUMN = re.compile(
    r"(?:of\s+(?:which|whom|these|them)|among\s+them|including|از\s+(?:این|آن)\s+(?:تعداد|میان)|"
    r"از\s+جمله)(?![\w\u200c])",
    re.IGNORECASE,
)


def caption_category(caption: str) -> str | None:
    """The first counted word of the caption: «آمار اعدام‌ها به تفکیک استان» → executed."""
    folded = fold_text(caption)
    found = [
        (m.start(), category)
        for category, pattern in [*COUNTED_BEFORE, *COUNTED_AFTER]
        for m in [pattern.search(folded)]
        if m is not None
    ]
    return min(found)[1] if found else None


def _caption_claimant(line: str) -> str | None:
    source = _SOURCE_LINE.search(line)
    if source:
        return source.group(1).strip(" .)(")
    for att in find_attributions(fold_text(line), find_dates(line)):
        if not att.anaphoric:
            return att.claimant
    entry = resolve_claimant(line)
    return claimant_entry(entry).name if entry else None


#: a first header cell that names the rows' kind: "Province | 2023 | 2024" is a header
_ROW_KIND = re.compile(
    r"(?:province|city|region|county|prison|year|month|استان|شهر|شهرستان|زندان|سال|ماه)",
    re.IGNORECASE,
)


def _headless(header: list[str]) -> bool:
    """Whether a table's first line is a row of figures («تهران | ۱۳۴۰»), not a header ("Province
    | 2023 | 2024": years under a column kind, or two or more years)."""
    values = [parse_number(h) for h in header[1:]]
    if len(header) < 2 or any(v is None for v in values):
        return False
    years = all(v is not None and (1300 <= v <= 1499 or 1900 <= v <= 2100) for v in values)
    return not (years and (len(values) > 1 or _ROW_KIND.fullmatch(header[0].strip())))


def find_tables(text: str) -> list[Table]:
    """Every text table in ``text`` (see the module doc)."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line.rstrip("\r\n")))
        offset += len(line)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(_SEPARATOR.findall(lines[j][1].strip())) >= 1:
            j += 1
        if j - i >= 2:
            tables.append(_table(lines, i, j))
            i = j
        else:
            i += 1
    return tables


def _table(lines: list[tuple[int, str]], first: int, stop: int) -> Table:
    header = [h for h in _SEPARATOR.split(lines[first][1].strip())]
    caption = next((t for _, t in reversed(lines[max(0, first - 2) : first]) if t.strip()), "")
    categories = [_category(h) for h in header]
    headless = _headless(header)
    if headless and caption:  # the first line is a row: the caption says what is counted
        categories = [None, *[caption_category(caption)] * (len(header) - 1)]
    if caption and any(_GENERIC_COLUMN.fullmatch(h.strip()) for h in header[1:]):
        of_caption = caption_category(caption)  # "Executions by province" over "| Number"
        categories = [
            of_caption if c is None and _GENERIC_COLUMN.fullmatch(h.strip()) else c
            for h, c in zip(header, categories, strict=True)
        ]
    for k in range(1, len(header)):
        if categories[k] is None and _SUBCOUNT_COLUMN.match(header[k].strip()):
            categories[k] = categories[k - 1]  # "Executions | Of which women"
    below = next((t for _, t in lines[stop : stop + 2] if t.strip()), "")
    claimant = _caption_claimant(caption) if caption else None
    if claimant is None and _SOURCE_LINE.search(below):
        claimant = _caption_claimant(below)
    cells: list[Cell] = []
    row_sources = _ROW_SOURCE.fullmatch(header[0].strip()) is not None
    for start, line in lines[first + (0 if headless else 1) : stop]:
        parts = _SEPARATOR.split(line.strip())
        row_claimant = parts[0].strip() if row_sources and parts[0].strip() else None
        for column, part in enumerate(parts[1:], start=1):
            counted = categories[column] if column < len(categories) else None
            value = parse_number(part)
            if counted is None or value is None:
                continue
            quote = line.strip()
            cells.append(Cell(value, counted, quote, start, start + len(line), row_claimant))
    end = lines[stop - 1][0] + len(lines[stop - 1][1])
    return Table(lines[first][0], end, claimant, tuple(cells))
