"""Turning one raw row into the fields of a record, or into problems."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from shomar.calendar import PartialDate, parse_partial_date
from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS
from shomar.domain.vocabulary import accepted_sex_values, normalize_sex, normalize_violation
from shomar.errors import DateParseError
from shomar.ingest.cells import is_invisible, time_exists
from shomar.ingest.problems import Problem
from shomar.ingest.readers import RawRow

DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
TIERS = ("public", "restricted", "confidential")
#: fields stored in bounded columns (store/tables.py)
FIELD_LIMITS = {
    "record_id": 200,
    "date": 200,
    "birth_date": 200,
    "violation": 200,
    "event": 300,
    "province": 200,
    "sex": 40,
    "age": 40,
    "confidentiality": 40,
}
ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$")
NAME_FIELDS = ("full_name", "given_name", "family_name")


@dataclass
class RowContext:
    file: str
    header: tuple[str, ...]
    fields: dict[int, str]
    default_calendar: str | None
    max_cell_chars: int
    default_tier: str = "restricted"


@functools.lru_cache(maxsize=65536)
def _parse_date(text: str, default_calendar: str | None) -> PartialDate:
    return parse_partial_date(text, default_calendar=default_calendar)


def _column_of(ctx: RowContext, target: str) -> str:
    """The header of the column feeding ``target`` (as the user named it)."""
    for index, name in ctx.fields.items():
        if name == target:
            return ctx.header[index]
    return target


def row_to_values(row: RawRow, ctx: RowContext) -> tuple[dict[str, Any], list[Problem]]:
    """The record fields of ``row`` and every problem it has (all of them, not the first)."""
    problems: list[Problem] = []

    def problem(
        message: str, column: str | None = None, value: str | None = None, hint: str = ""
    ) -> None:
        problems.append(Problem(ctx.file, message, hint, row.number, column, value, row.sheet))

    if len(row.cells) > len(ctx.header) and any(c.strip() for c in row.cells[len(ctx.header) :]):
        problem(
            f"the row has {len(row.cells)} cells but the header has {len(ctx.header)}",
            hint="A cell probably contains the delimiter without quotes around it",
        )
    cells = dict.fromkeys((*CANONICAL_COLUMNS, *EXTRA_COLUMNS), "")
    for index, value in enumerate(row.cells):
        if len(value) > ctx.max_cell_chars:
            name = ctx.header[index] if index < len(ctx.header) else f"#{index + 1}"
            problem(
                f"the cell holds {len(value):,} characters; the limit is {ctx.max_cell_chars:,}",
                name,
                value[:40],
                "Split long text into a document of its own, or raise SHOMAR_MAX_CELL_CHARS",
            )
            continue
        target = ctx.fields.get(index)
        if target and len(value) > FIELD_LIMITS.get(target, ctx.max_cell_chars):
            problem(
                f"the cell holds {len(value):,} characters; {target} takes at most "
                f"{FIELD_LIMITS[target]:,}",
                ctx.header[index],
                value[:40],
                "Move long text to the notes column",
            )
        elif target:
            cells[target] = value.strip()
    out: dict[str, Any] = {
        k: cells[k]
        for k in (
            "full_name",
            "given_name",
            "family_name",
            "father_name",
            "aliases",
            "place",
            "province",
            "perpetrator",
            "notes",
        )
    }
    for name_field in NAME_FIELDS:  # a name of only ZWNJ, zero-width or other invisible marks
        if cells[name_field] and is_invisible(cells[name_field]):
            problem(
                "the name holds only invisible characters (such as ZWNJ or zero-width spaces)",
                _column_of(ctx, name_field),
                cells[name_field],
                "Write the name, or leave the cell empty",
            )
            cells[name_field] = ""
            out[name_field] = ""
    key = cells["record_id"] or f"row-{row.number}"
    out["has_record_id"] = bool(cells["record_id"])
    out["record_key"] = key
    if not (cells["full_name"] or cells["given_name"] or cells["family_name"]):
        problem(
            "the row has no name (full_name, given_name and family_name are all empty)",
            "full_name",
            hint="Every record must name the victim, even partly",
        )
    try:
        out["sex"] = normalize_sex(cells["sex"])
    except ValueError:
        problem("not a recognised sex", "sex", cells["sex"], f"Use {accepted_sex_values()}")
        out["sex"] = None
    out["age"] = None
    if cells["age"]:
        text = cells["age"].translate(DIGITS)
        if text.isascii() and text.isdecimal() and 0 <= int(text) <= 130:
            out["age"] = int(text)
        else:
            problem("age must be a whole number of years between 0 and 130", "age", cells["age"])
    for column, prefix in (("date", "date"), ("birth_date", "birth")):
        text = cells[column]
        out[f"{prefix}_text" if prefix == "date" else "birth_date_text"] = text
        if not text:
            continue
        stamp = ISO_DATETIME.match(text)  # a spreadsheet date cell with a time of day
        if stamp and not time_exists(*stamp.group(2, 3, 4)):
            problem(
                "the time of day does not exist (hours run 00-23, minutes and seconds 00-59)",
                _column_of(ctx, column),
                text,
            )
            continue
        try:
            parsed = _parse_date(stamp.group(1) if stamp else text, ctx.default_calendar)
        except DateParseError as exc:
            problem(exc.message, column, text)
            continue
        if prefix == "date":
            out.update(
                date_calendar=parsed.calendar,
                date_precision=parsed.precision,
                date_qualifier=parsed.qualifier,
                date_start=parsed.start,
                date_end=parsed.end,
                date_edtf=parsed.edtf,
            )
        else:
            out.update(birth_start=parsed.start, birth_end=parsed.end)
            violation_end = out.get("date_end")
            if (
                violation_end is not None
                and parsed.start is not None
                and (parsed.start > violation_end)
            ):
                problem(
                    f"the birth date is after the violation date ({cells['date']})",
                    _column_of(ctx, column),
                    text,
                    "Check both dates (and their calendar)",
                )
    out["violation_text"] = cells["violation"]
    out["violation"] = normalize_violation(cells["violation"])
    out["event_text"] = cells["event"]
    tier = cells["confidentiality"].lower() or ctx.default_tier
    if tier not in TIERS:
        problem(
            "unknown confidentiality tier",
            "confidentiality",
            cells["confidentiality"],
            "Use public, restricted or confidential",
        )
        tier = ctx.default_tier
    out["confidentiality"] = tier
    return out, problems
