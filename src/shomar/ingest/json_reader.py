"""Reading a JSON list of records: one object per record, each field a single value.

The list (a JSON array of objects, an object with a ``records`` array, or JSON Lines: one
object after another) is decoded record by record, so every error names its record: a lone surrogate
(``\\ud800``), nesting too deep, a number too long, a duplicate key, a nested value. Keys are
collected in insertion order in a dict (linear in the number of keys, however many).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from shomar.domain.said import Said, said
from shomar.errors import InputError
from shomar.ingest.files import display_name
from shomar.ingest.readers import Limits, RawRow, Table, check_header, cut_off_character

MAX_NUMBER_DIGITS = 100
WHITESPACE = re.compile(r"[ \t\n\r]*")
SURROGATE = re.compile("[\ud800-\udfff]")


class _RecordProblem(Exception):
    """Raised by the decoding hooks; the reader adds the record number."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RecordProblem(
                said(
                    "the key %(key)s appears twice in one object (the first value would be "
                    "silently lost)",
                    key=repr(key),
                )
            )
        out[key] = value
    return out


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _RecordProblem(
            said(
                "a number with %(digits)s digits (at most %(most)s are accepted; put long "
                "identifiers in quotes, as text)",
                digits=len(text.lstrip("-")),
                most=str(MAX_NUMBER_DIGITS),
            )
        )
    return int(text)


def _float(text: str) -> Decimal:
    """A number with a fraction or exponent, exactly as written: a binary float would turn the
    identifier ``12345678901234567890.0`` into ``...7168`` and ``1e400`` into ``inf``."""
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise _RecordProblem(
            said(
                "a number written with %(characters)s characters (at most %(most)s digits are "
                "accepted; put it in quotes, as text)",
                characters=len(text),
                most=str(MAX_NUMBER_DIGITS),
            )
        )
    return Decimal(text)


def _constant(text: str) -> Any:
    raise _RecordProblem(
        said("%(text)s is not a number JSON allows (write the value as text)", text=text)
    )


DECODER = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_int=_integer, parse_float=_float, parse_constant=_constant
)


def _text(path: Path, name: str, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except UnicodeDecodeError as exc:
        if exc.reason == "truncated data" or exc.end >= len(exc.object):
            raise cut_off_character(name, encoding) from exc
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise InputError(
            said(
                "%(file)s, line %(line)s: the bytes there are not valid %(encoding)s (%(reason)s).",
                file=name,
                line=str(line),
                encoding=encoding,
                reason=exc.reason,
            ),
            hint=said("Save the file as UTF-8, or name its encoding with --encoding."),
        ) from exc


def _position(text: str, index: int) -> Said:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return said("line %(line)s, column %(column)s", line=str(line), column=str(column))


def _record(number: int) -> Said:
    return said("record %(number)s", number=str(number))


def _decode(text: str, index: int, name: str, what: Said) -> tuple[Any, int]:
    try:
        return DECODER.raw_decode(text, index)
    except _RecordProblem as exc:
        problem = exc.args[0]
        raise InputError(
            said("%(file)s, %(what)s: %(problem)s; nothing was imported.",
                 file=name, what=what, problem=problem)
        ) from None  # fmt: skip
    except RecursionError:
        raise InputError(
            said(
                "%(file)s, %(what)s: the values are nested too deeply to read; nothing was "
                "imported.",
                file=name,
                what=what,
            ),
            hint=said("Give each field a single text or number value."),
        ) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            raise InputError(
                said(
                    "%(file)s, %(what)s: the file ends inside it (it is truncated); nothing "
                    "was imported.",
                    file=name,
                    what=what,
                ),
                hint=said("Export the file again."),
            ) from None
        raise InputError(
            said("%(file)s, %(what)s, %(position)s: not valid JSON (%(error)s).",
                 file=name, what=what, position=_position(text, exc.pos), error=exc.msg)
        ) from None  # fmt: skip
    except ValueError as exc:  # e.g. a number Python refuses to convert
        raise InputError(
            said("%(file)s, %(what)s: %(problem)s; nothing was imported.",
                 file=name, what=what, problem=str(exc))
        ) from None  # fmt: skip


def _records(text: str, name: str) -> list[Any]:
    """The records, decoded one by one so that an error names its record."""
    index = WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("\ufeff", index):
        index = WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    if not text.startswith("[", index):
        data, end = _decode(text, index, name, said("the top-level object"))
        after = WHITESPACE.match(text, end).end()  # type: ignore[union-attr]
        if after != len(text):
            if isinstance(data, dict) and text.startswith("{", after):
                return _json_lines(text, name, data, after)
            raise InputError(
                said("%(file)s, %(position)s: extra data after the JSON value.",
                     file=name, position=_position(text, end))
            )  # fmt: skip
        if isinstance(data, dict) and isinstance(data.get("records"), list):
            return list(data["records"])
        raise InputError(
            said(
                "%(file)s: expected a JSON list of objects (one per record), or an object with "
                "a `records` list.",
                file=name,
            )
        )
    records: list[Any] = []
    index = WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
    if text.startswith("]", index):
        return records
    while True:
        value, index = _decode(text, index, name, _record(len(records) + 1))
        records.append(value)
        index = WHITESPACE.match(text, index).end()  # type: ignore[union-attr]
        if text.startswith(",", index):
            index = WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            continue
        if text.startswith("]", index):
            end = WHITESPACE.match(text, index + 1).end()  # type: ignore[union-attr]
            if end != len(text):
                raise InputError(
                    said("%(file)s, %(position)s: extra data after the list of records.",
                         file=name, position=_position(text, end))
                )  # fmt: skip
            return records
        where = _position(text, index)
        if index >= len(text):
            raise InputError(
                said(
                    "%(file)s, after record %(number)s: the file ends before the list is closed "
                    "(it is truncated).",
                    file=name,
                    number=str(len(records)),
                )
            )
        raise InputError(
            said("%(file)s, %(what)s, %(position)s: not valid JSON (expected ',' or ']').",
                 file=name, what=_record(len(records)), position=where)
        )  # fmt: skip


def _json_lines(text: str, name: str, first: dict[str, Any], index: int) -> list[Any]:
    """The records of a JSON Lines file (one object after another, as ``mongoexport`` and
    many APIs write them), whatever its name says; each error names its record."""
    records: list[Any] = [first]
    while index < len(text):
        value, end = _decode(text, index, name, _record(len(records) + 1))
        records.append(value)
        index = WHITESPACE.match(text, end).end()  # type: ignore[union-attr]
    return records


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as the file writes it, not Python's "True"
        return "true" if value else "false"
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.adjusted() < MAX_NUMBER_DIGITS:
            return str(int(value))  # 1.0 (pandas writes whole numbers so) is 1
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _check_field(name: str, number: int, key: str, value: Any) -> None:
    """Refuse a field that is not one value of text: nested, a lone surrogate, a NUL."""
    if isinstance(value, dict | list):
        raise InputError(
            said("%(file)s, %(what)s, field %(field)s: nested values are not supported.",
                 file=name, what=_record(number), field=repr(key)),
            hint=said("Give each field a single text or number value."),
        )  # fmt: skip
    if SURROGATE.search(key) or (isinstance(value, str) and SURROGATE.search(value)):
        raise InputError(
            said(
                "%(file)s, %(what)s, field %(field)s: the text holds a lone surrogate "
                "escape (such as \\ud800), which is not a character; nothing was "
                "imported.",
                file=name,
                what=_record(number),
                field=repr(key),
            ),
            hint=said("The file was probably cut or converted badly; export it again."),
        )
    if "\x00" in key or (isinstance(value, str) and "\x00" in value):
        raise InputError(
            said(
                "%(file)s, %(what)s, field %(field)s: the text holds a NUL character "
                "(\\u0000), which is not text; nothing was imported.",
                file=name,
                what=_record(number),
                field=repr(key),
            ),
            hint=said("Remove the NUL character (the file may have been damaged)."),
        )


def read_json(path: Path, encoding: str) -> Table:
    name = display_name(path)
    text = _text(path, name, encoding)
    data = _records(text, name)
    header_keys: dict[str, None] = {}
    limits = Limits.current()
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(
                said(
                    "%(file)s, %(what)s: expected an object (one per record), found %(found)s.",
                    file=name,
                    what=_record(number),
                    found=type(item).__name__ if item is not None else "null",
                )
            )
        for key, value in item.items():
            _check_field(name, number, key, value)
            header_keys.setdefault(key)
        if len(header_keys) > limits.columns:
            break
    header = list(header_keys)
    check_header(name, header, 1, limits)

    def rows() -> Iterator[RawRow]:
        # a list has no header row: record N is row N, as the reader's own errors number it
        for index, item in enumerate(data, start=1):
            yield RawRow(index, None, tuple(_cell_text(item.get(k)) for k in header))

    return Table(tuple(header), rows(), None)
