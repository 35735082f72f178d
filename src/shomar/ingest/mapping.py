"""Column mappings: canonical column names, and mapping files for other names.

A mapping file is JSON or TOML::

    # mapping.toml
    default_calendar = "jalali"      # for dates without a month name (optional)
    [columns]
    "نام" = "given_name"
    "نام خانوادگی" = "family_name"
    "Date of death" = "date"

Columns the mapping does not name keep their own name when it is canonical; other columns are
kept in each record's raw row but not read into fields.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS, NAME_COLUMNS
from shomar.errors import InputError

__all__ = ["CANONICAL_COLUMNS", "EXTRA_COLUMNS", "NAME_COLUMNS", "Mapping", "load_mapping"]


@dataclass(frozen=True)
class Mapping:
    """Source column → canonical column, plus reading options."""

    columns: dict[str, str] = field(default_factory=dict)
    default_calendar: str | None = None
    encoding: str | None = None
    sheet: str | None = None

    def conflicts(self, header: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """Pairs of columns that both feed one field: ``(first, second, field)``."""
        known = set(CANONICAL_COLUMNS) | set(EXTRA_COLUMNS)
        lowered = {k.strip().casefold(): v for k, v in self.columns.items()}
        seen: dict[str, str] = {}
        out = []
        for name in header:
            key = name.strip().casefold()
            target = lowered.get(key) or (key if key in known else None)
            if target and target in seen:
                out.append((seen[target], name, target))
            elif target:
                seen[target] = name
        return out

    def resolve(self, header: tuple[str, ...]) -> dict[int, str]:
        """Which column index feeds which canonical field."""
        known = set(CANONICAL_COLUMNS) | set(EXTRA_COLUMNS)
        lowered = {k.strip().casefold(): v for k, v in self.columns.items()}
        result: dict[int, str] = {}
        for index, name in enumerate(header):
            key = name.strip().casefold()
            target = lowered.get(key) or (key if key in known else None)
            if target and target not in result.values():
                result[index] = target
        return result


def load_mapping(path: Path | None) -> Mapping:
    """Read a mapping file (JSON or TOML); ``None`` gives the canonical mapping."""
    if path is None:
        return Mapping()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: mapping file not found.") from None
    except UnicodeDecodeError as exc:
        from shomar.ingest.detect import guess_text_encoding

        guess = guess_text_encoding(exc.object)
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}, line {line}: the mapping file is not UTF-8"
            + (f" (it looks like {guess})" if guess else "")
            + ".",
            hint="Save the mapping file as UTF-8 (mapping files are always read as UTF-8).",
        ) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise InputError(f"{path}: the mapping file cannot be read ({exc.strerror}).") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: the mapping file cannot be read ({exc}).") from exc
    if not isinstance(data, dict):
        raise InputError(
            f"{path}: a mapping file is an object with a `columns` table.",
            hint='Example (JSON): {"columns": {"نام": "given_name"}}',
        )
    columns = data.get("columns", {})
    if not isinstance(columns, dict):
        raise InputError(f"{path}: `columns` must map source column names to canonical names.")
    known = set(CANONICAL_COLUMNS) | set(EXTRA_COLUMNS)
    bad = {k: v for k, v in columns.items() if v not in known}
    if bad:
        raise InputError(
            f"{path}: unknown target column(s): "
            + ", ".join(f"{k!r} → {v!r}" for k, v in bad.items()),
            hint="Targets must be canonical columns: "
            + ", ".join(CANONICAL_COLUMNS + EXTRA_COLUMNS),
        )
    for key in ("encoding", "sheet"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(f"{path}: `{key}` must be text.")
    calendar = data.get("default_calendar")
    if calendar not in (None, "jalali", "gregorian"):
        raise InputError(f"{path}: default_calendar must be 'jalali' or 'gregorian'.")
    return Mapping(
        columns={str(k): str(v) for k, v in columns.items()},
        default_calendar=calendar,
        encoding=data.get("encoding"),
        sheet=data.get("sheet"),
    )
