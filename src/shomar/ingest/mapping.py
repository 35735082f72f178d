"""Column mappings: canonical column names, and mapping files for other names.

A mapping file is JSON or TOML (every section and option is checked; one that is not
understood is an error)::

    # mapping.toml
    default_calendar = "jalali"      # for dates without a month name (optional)
    encoding = "cp1256"              # optional; default: detected
    sheet = "victims"                # optional; XLSX sheet
    header_row = 3                   # optional; the row with the column names (default: found)
    multi_value_separator = "|"      # optional; a cell holding several values ("a|b")
    date_range_separator = "~"       # optional; a date cell "from~to"
    ignore = ["Published"]           # columns kept in the raw row only, without a note
    sensitive = ["Witness phone"]    # other columns whose cells are stored encrypted only
    [columns]                        # every key must name a column of the file
    "نام" = "given_name"
    "نام خانوادگی" = "family_name"
    "Date of death" = "date"
    [optional_columns]               # the same, but a key may be absent from the file
    "Sex" = "sex"
    [defaults]                       # constants for rows that have no value
    violation = "execution"
    event = "1988 prison executions"
    confidentiality = "public"
    [values.violation]               # the list's own words for a vocabulary
    "Summary execution" = "execution"
    [rows]                           # rows of several kinds (e.g. Uwazi templates)
    column = "Template"
    keep = ["Victim"]                # without keep: every row must have the same value

Every name (column, key, value word) is matched with :func:`~shomar.domain.names_key.match_key`:
Arabic and Persian letter forms, ZWNJ/space/nothing and case do not matter. Columns the mapping
does not name keep their own name when it is canonical; other columns are kept in each record's
raw row but not read into fields. ``--mapping uwazi`` is the built-in mapping for Uwazi's entity
CSV export (``shomar/data/mappings/uwazi.toml``, with its origin in the README there).
"""

from __future__ import annotations

import difflib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS, NAME_COLUMNS
from shomar.domain.names_key import match_key
from shomar.domain.said import Said, said
from shomar.domain.vocabulary import VIOLATIONS, is_violation_word, normalize_violation
from shomar.domain.wording import quoted
from shomar.errors import InputError
from shomar.readable import read_small_file

__all__ = [
    "BUILTIN_MAPPINGS",
    "CANONICAL_COLUMNS",
    "DEFAULT_FIELDS",
    "EXTRA_COLUMNS",
    "NAME_COLUMNS",
    "Mapping",
    "load_mapping",
]

#: built-in mappings, by the name given to ``--mapping``
BUILTIN_MAPPINGS = ("uwazi",)
#: fields a ``[defaults]`` table may set for every row without a value
DEFAULT_FIELDS = ("violation", "event", "confidentiality", "place", "province", "perpetrator")
#: fields whose words a ``[values.FIELD]`` table may translate
VALUE_FIELDS = ("violation", "sex", "confidentiality")
TIERS = ("public", "restricted", "confidential")
#: a mapping names columns and words: anything larger is not one (and is not read into memory)
MAX_MAPPING_BYTES = 1 << 20
TOP_LEVEL = (
    "columns",
    "optional_columns",
    "defaults",
    "values",
    "rows",
    "ignore",
    "sensitive",
    "default_calendar",
    "encoding",
    "sheet",
    "header_row",
    "multi_value_separator",
    "date_range_separator",
    "origin",
)
KNOWN = frozenset(CANONICAL_COLUMNS) | frozenset(EXTRA_COLUMNS)
_CANONICAL_KEYS = {match_key(name): name for name in (*CANONICAL_COLUMNS, *EXTRA_COLUMNS)}


@dataclass(frozen=True)
class Mapping:
    """Source column → canonical column, plus reading options and constants."""

    columns: dict[str, str] = field(default_factory=dict)
    default_calendar: str | None = None
    encoding: str | None = None
    sheet: str | None = None
    #: the row holding the column names, as a spreadsheet numbers it (default: the first)
    header_row: int | None = None
    optional_columns: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    #: field → {match key of a word → canonical value}
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    multi_value_separator: str | None = None
    date_range_separator: str | None = None
    ignore: tuple[str, ...] = ()
    #: columns (not read into a field) whose cells are sealed with the sensitive fields and
    #: shown as "(encrypted)" in the raw row
    sensitive: tuple[str, ...] = ()
    row_column: str | None = None
    row_keep: tuple[str, ...] = ()
    name: str = ""

    def _targets(self) -> dict[str, str]:
        keyed = {match_key(k): v for k, v in self.optional_columns.items()}
        keyed.update({match_key(k): v for k, v in self.columns.items()})
        return keyed

    def _target(self, keyed: dict[str, str], name: str) -> str | None:
        key = match_key(name)
        return keyed.get(key) or _CANONICAL_KEYS.get(key)

    def conflicts(self, header: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """Pairs of columns that both feed one field: ``(first, second, field)``."""
        keyed = self._targets()
        seen: dict[str, str] = {}
        out = []
        for name in header:
            target = self._target(keyed, name)
            if target and target in seen:
                out.append((seen[target], name, target))
            elif target:
                seen[target] = name
        return out

    def resolve(self, header: tuple[str, ...]) -> dict[int, str]:
        """Which column index feeds which canonical field."""
        keyed = self._targets()
        result: dict[int, str] = {}
        for index, name in enumerate(header):
            target = self._target(keyed, name)
            if target and target not in result.values():
                result[index] = target
        return result

    def unmatched(self, header: tuple[str, ...]) -> list[tuple[str, list[str]]]:
        """``[columns]`` keys that name no column of ``header``, each with the closest headers."""
        present = {match_key(h) for h in header}
        wanted = [k for k in (*self.columns, *self.sensitive) if match_key(k) not in present]
        if self.row_keep and self.row_column and match_key(self.row_column) not in present:
            wanted.append(self.row_column)
        by_key = {match_key(h): h for h in header}
        out = []
        for key in wanted:
            close = difflib.get_close_matches(match_key(key), list(by_key), n=3, cutoff=0.5)
            out.append((key, [by_key[c] for c in close]))
        return out

    def ignored(self, name: str) -> bool:
        """Whether ``name`` is a column the mapping keeps in the raw row on purpose."""
        return match_key(name) in {match_key(i) for i in self.ignore}

    def sensitive_indexes(self, header: tuple[str, ...]) -> set[int]:
        """The columns of ``header`` the mapping lists under ``sensitive``."""
        keys = {match_key(name) for name in self.sensitive}
        return {i for i, h in enumerate(header) if match_key(h) in keys}

    def row_column_index(self, header: tuple[str, ...]) -> int | None:
        if self.row_column is None:
            return None
        key = match_key(self.row_column)
        return next((i for i, h in enumerate(header) if match_key(h) == key), None)


def _not_found(shown: str) -> str:
    """The refusal of a mapping path that is not there (the CLI's `--mapping FILE`)."""
    return said("%(file)s: mapping file not found.", file=shown)


def load_mapping(path: Path | str | None) -> Mapping:
    """Read a mapping file (JSON or TOML) or a built-in one; ``None`` gives the canonical one."""
    if path is None:
        return Mapping()
    path = Path(path)
    if str(path) in BUILTIN_MAPPINGS and not path.exists():
        resource = resources.files("shomar.data") / "mappings" / f"{path}.toml"
        return _parse(str(path), tomllib.loads(resource.read_text(encoding="utf-8")))
    try:
        raw = read_small_file(
            path,
            expected=said("a mapping file"),
            limit=MAX_MAPPING_BYTES,
            missing=_not_found,
        )
    except InputError as exc:
        raise InputError(
            exc.message,
            hint=said(
                "Give a JSON/TOML file, or a built-in mapping: %(builtin)s.",
                builtin=", ".join(BUILTIN_MAPPINGS),
            ),
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from shomar.ingest.detect import guess_text_encoding

        guess = guess_text_encoding(exc.object)
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise InputError(
            said(
                "%(file)s, line %(line)s: the mapping file is not UTF-8 (it looks like %(guess)s).",
                file=str(path),
                line=str(line),
                guess=guess,
            )
            if guess
            else said(
                "%(file)s, line %(line)s: the mapping file is not UTF-8.",
                file=str(path),
                line=str(line),
            ),
            hint=said("Save the mapping file as UTF-8 (mapping files are always read as UTF-8)."),
        ) from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(
            said("%(file)s: the mapping file cannot be read (%(error)s).", file=str(path),
                 error=str(exc))
        ) from exc  # fmt: skip
    return _parse(str(path), data)


def _parse(where: str, data: Any) -> Mapping:
    if not isinstance(data, dict):
        raise InputError(
            said("%(file)s: a mapping file is an object with a `columns` table.", file=where),
            hint=said('Example (JSON): {"columns": {"نام": "given_name"}}'),
        )
    unknown = [k for k in data if k not in TOP_LEVEL]
    if unknown:
        raise InputError(
            said("%(file)s: unknown mapping option(s): %(options)s.", file=where,
                 options=", ".join(quoted(k) for k in unknown)),
            hint=said("A mapping understands: %(options)s.", options=", ".join(TOP_LEVEL)),
        )  # fmt: skip
    columns = _columns(where, data, "columns")
    optional = _columns(where, data, "optional_columns")
    for key in ("encoding", "sheet", "multi_value_separator", "date_range_separator"):
        if data.get(key) is not None and not (isinstance(data[key], str) and data[key]):
            raise InputError(
                said("%(file)s: `%(option)s` must be a non-empty text.", file=where, option=key)
            )
    header_row = data.get("header_row")
    if header_row is not None and (
        isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1
    ):
        raise InputError(
            said("%(file)s: `header_row` must be a row number (1 or more).", file=where)
        )
    calendar = data.get("default_calendar")
    if calendar not in (None, "jalali", "gregorian"):
        raise InputError(
            said("%(file)s: default_calendar must be 'jalali' or 'gregorian'.", file=where)
        )
    row_column, row_keep = _rows(where, data.get("rows"))
    return Mapping(
        columns=columns,
        default_calendar=calendar,
        encoding=data.get("encoding"),
        sheet=data.get("sheet"),
        header_row=header_row,
        optional_columns=optional,
        defaults=_defaults(where, data.get("defaults", {})),
        values=_values(where, data.get("values", {})),
        multi_value_separator=data.get("multi_value_separator"),
        date_range_separator=data.get("date_range_separator"),
        ignore=_text_list(where, "ignore", data.get("ignore", [])),
        sensitive=_text_list(where, "sensitive", data.get("sensitive", [])),
        row_column=row_column,
        row_keep=row_keep,
        name=where,
    )


def _columns(where: str, data: dict[str, Any], section: str) -> dict[str, str]:
    columns = data.get(section, {})
    if not isinstance(columns, dict):
        raise InputError(
            said("%(file)s: `%(section)s` must map source column names to canonical names.",
                 file=where, section=section)
        )  # fmt: skip
    not_text = [k for k, v in columns.items() if not isinstance(v, str | int)]
    if not_text:
        top = [k for k in not_text if k in TOP_LEVEL]
        raise InputError(
            said(
                "%(file)s: in [%(section)s], %(keys)s must be a canonical column name (a text), "
                "not a list or table.",
                file=where,
                section=section,
                keys=", ".join(quoted(k) for k in not_text),
            ),
            hint=(
                _above_sections(top, section)
                if top
                else said('Map each source column to one canonical column: "Header" = "full_name".')
            ),
        )
    bad = {k: v for k, v in columns.items() if v not in KNOWN}
    if bad:
        raise InputError(
            said(
                "%(file)s: unknown target column(s) in [%(section)s]: %(targets)s",
                file=where,
                section=section,
                targets=", ".join(f"{quoted(k)} → {quoted(v)}" for k, v in bad.items()),
            ),
            hint=said(
                "Targets must be canonical columns: %(columns)s",
                columns=", ".join(CANONICAL_COLUMNS + EXTRA_COLUMNS),
            ),
        )
    return {str(k): str(v) for k, v in columns.items()}


def _above_sections(keys: list[str], section: str) -> Said:
    return said(
        "%(keys)s: an option of the whole mapping; in TOML, write it above the first [section] "
        "(a key after [%(section)s] belongs to [%(section)s]).",
        keys=", ".join(quoted(k) for k in keys),
        section=section,
    )


def _defaults(where: str, table: Any) -> dict[str, str]:
    if not isinstance(table, dict):
        raise InputError(said("%(file)s: `defaults` must be a table of field = value.", file=where))
    unknown = [k for k in table if k not in DEFAULT_FIELDS]
    if unknown:
        top = [k for k in unknown if k in TOP_LEVEL]
        fields = ", ".join(DEFAULT_FIELDS)
        raise InputError(
            said("%(file)s: [defaults] cannot set %(keys)s.", file=where,
                 keys=", ".join(quoted(k) for k in unknown)),
            hint=said("[defaults] sets one of: %(fields)s. %(above)s", fields=fields,
                      above=_above_sections(top, "defaults"))
            if top
            else said("[defaults] sets one of: %(fields)s.", fields=fields),
        )  # fmt: skip
    out: dict[str, str] = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise InputError(
                said("%(file)s: [defaults] %(field)s must be a non-empty text.", file=where,
                     field=key)
            )  # fmt: skip
        if key == "violation" and not is_violation_word(value):
            raise InputError(
                said("%(file)s: [defaults] violation = %(value)s is not a violation type.",
                     file=where, value=quoted(value)),
                hint=said("Use one of: %(values)s (or its Persian name).",
                          values=", ".join(VIOLATIONS)),
            )  # fmt: skip
        if key == "confidentiality" and value.strip().lower() not in TIERS:
            raise InputError(
                said("%(file)s: [defaults] confidentiality = %(value)s is not a tier.",
                     file=where, value=quoted(value)),
                hint=said("Use one of: %(values)s.", values=", ".join(TIERS)),
            )  # fmt: skip
        out[key] = value.strip()
    return out


def _values(where: str, table: Any) -> dict[str, dict[str, str]]:
    if not isinstance(table, dict):
        raise InputError(
            said("%(file)s: `values` must hold tables such as [values.violation].", file=where)
        )
    out: dict[str, dict[str, str]] = {}
    for field_name, words in table.items():
        if field_name not in VALUE_FIELDS:
            raise InputError(
                said("%(file)s: [values.%(field)s] is not understood.", file=where,
                     field=field_name),
                hint=said("Value tables exist for: %(fields)s.", fields=", ".join(VALUE_FIELDS)),
            )  # fmt: skip
        if not isinstance(words, dict):
            raise InputError(
                said("%(file)s: [values.%(field)s] must map words to values.", file=where,
                     field=field_name)
            )  # fmt: skip
        keyed: dict[str, str] = {}
        for word, value in words.items():
            if field_name == "violation" and value not in VIOLATIONS:
                raise InputError(
                    said("%(file)s: [values.violation] %(word)s = %(value)s is not a violation "
                         "type.", file=where, word=quoted(word), value=quoted(value)),
                    hint=said("Use one of: %(values)s.", values=", ".join(VIOLATIONS)),
                )  # fmt: skip
            if field_name == "sex" and value not in ("m", "f", "unknown"):
                raise InputError(
                    said("%(file)s: [values.sex] %(word)s must be 'm', 'f' or 'unknown'.",
                         file=where, word=quoted(word))
                )  # fmt: skip
            if field_name == "confidentiality" and value not in TIERS:
                raise InputError(
                    said("%(file)s: [values.confidentiality] %(word)s must be a tier.",
                         file=where, word=quoted(word))
                )  # fmt: skip
            keyed[match_key(str(word))] = str(value)
        out[field_name] = keyed
    return out


def _rows(where: str, table: Any) -> tuple[str | None, tuple[str, ...]]:
    if table is None:
        return None, ()
    if not isinstance(table, dict) or not isinstance(table.get("column"), str):
        raise InputError(
            said('%(file)s: [rows] needs column = "NAME" (and optionally keep = [...]).',
                 file=where)
        )  # fmt: skip
    unknown = [k for k in table if k not in ("column", "keep")]
    if unknown:
        raise InputError(
            said("%(file)s: [rows] option(s) not understood: %(options)s.", file=where,
                 options=", ".join(map(repr, unknown))),
            hint=said("[rows] understands: column, keep."),
        )  # fmt: skip
    return table["column"], _text_list(where, "rows.keep", table.get("keep", []))


def _text_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(
            said("%(file)s: `%(option)s` must be a list of texts.", file=where, option=key)
        )
    return tuple(value)


def violation_of(mapping: Mapping, text: str) -> str | None:
    """The violation type a cell names, through the mapping's own words first.

    A cell holding several values (``multi_value_separator``; Uwazi's ``Parent::Child`` labels
    included) gives the first type in :data:`VIOLATIONS` order (killing before execution before
    … other) among the values it names.
    """
    if not text.strip():
        return None
    found = {code or "other" for _, code in _violation_parts(mapping, text)}
    return min(found, key=VIOLATIONS.index)


def unknown_violation_parts(mapping: Mapping, text: str) -> list[str]:
    """The values of a violation cell that name no type (they count as ``other``)."""
    return [part for part, code in _violation_parts(mapping, text) if code is None]


def _violation_parts(mapping: Mapping, text: str) -> list[tuple[str, str | None]]:
    """Each value of a violation cell with the type it names (``None``: a word not known)."""
    words = mapping.values.get("violation", {})
    parts = [text]
    if mapping.multi_value_separator and mapping.multi_value_separator in text:
        parts = [p for p in text.split(mapping.multi_value_separator) if p.strip()]
    out = []
    for part in parts:
        labels = [label for label in reversed(part.split("::")) if label.strip()]
        codes = [words.get(match_key(label)) or _known_violation(label) for label in labels]
        out.append((part.strip(), next((code for code in codes if code), None)))
    return out


def _known_violation(text: str) -> str | None:
    return normalize_violation(text) if is_violation_word(text) else None
