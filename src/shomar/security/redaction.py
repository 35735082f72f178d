"""The redaction policy for public exports: which records and which fields may leave.

Public exports are produced from this policy, never by hiding columns in a template: a record
leaves only if its confidentiality tier is ``public``, and then only the fields in
:data:`PUBLIC_FIELDS`. Notes, father's names, raw input rows, perpetrator allegations and the
encrypted sensitive fields never leave through a public export.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PUBLIC_TIERS = frozenset({"public"})
PUBLIC_FIELDS = (
    "record_uid",
    "source",
    "full_name",
    "given_name",
    "family_name",
    "sex",
    "age",
    "date_text",
    "date_start",
    "date_end",
    "date_precision",
    "place",
    "province_iso",
    "violation",
    "event",
    "person_id",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_public(tier: str | None) -> bool:
    return tier in PUBLIC_TIERS


def redact(row: Mapping[str, Any]) -> dict[str, Any]:
    """Keep only the public fields of a record row (missing ones become empty)."""
    return {name: row.get(name) for name in PUBLIC_FIELDS}


def spreadsheet_safe(value: object) -> str:
    """Text that a spreadsheet shows as text: a leading ``= + - @`` or control gets a quote.

    Stops formula injection (``=cmd|' /C calc'!A0``) when an exported CSV is opened in Excel or
    LibreOffice; the stored value itself is never changed.
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text
