"""A seeded generator of SYNTHETIC hostile import files, each with what the importer must do.

Every name and value here is invented for testing (``Synthetic``/«آزمون» names, a fictional
event); none is a real person. ``cases(seed)`` returns the kinds the earlier hostile rounds did
not cover: mixed and unusual encodings, control and line-separator characters inside cells,
header look-alikes (Arabic vs Persian letters, ZWNJ, blanks), ragged and repeated-header rows,
formula-like cells, ages and dates as numbers, files that are another format than their name
says, workbook bombs and duplicate ZIP parts, JSON shapes and names that are not text, mapping
files that are malformed or point at nothing, and file names with RTL overrides or traversal.

Each case says one of: the file imports with exactly ``rows`` records (no silent drop), or it
is refused with every needle in the message (a cell problem always names row and column), or
``either`` (both are honest) with the record count checked if it imports. The seed picks the
names, the number of rows and the row a hostile cell lands on, so seeds give different files
of the same kinds.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

GIVEN = (
    "Synthetic Ali",
    "Synthetic Sara",
    "Synthetic Reza",
    "آزمون علی",
    "آزمون سارا",
    "آزمون رضا",
)
FAMILY = ("Testname", "Fakehi", "Placeholder", "آزمونی", "نمونه‌ای", "ساختگی")


@dataclass(frozen=True)
class Case:
    """One hostile file and the outcome the import contract demands of it."""

    name: str
    data: bytes
    expect: str  # "imported" | "refused" | "either" | "dry" (a --dry-run that must store nothing)
    rows: int | None = None  # records an import must add (None: not checked)
    needles: tuple[str, ...] = ()  # parts the refusal message must hold
    mapping: bytes | None = None  # a mapping file passed with --mapping
    options: tuple[str, ...] = ()
    kind: str = field(default="")

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.name}"


class _Gen:
    """Builds the cases of one seed; helpers keep each family a few lines."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.out: list[Case] = []
        self.kind = ""

    def names(self, n: int) -> list[str]:
        return [
            f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)} {self.seed}-{i}" for i in range(n)
        ]

    def add(self, name: str, data: bytes | str, expect: str, **kw: object) -> None:
        raw = data.encode() if isinstance(data, str) else data
        self.out.append(Case(name, raw, expect, kind=self.kind, **kw))  # type: ignore[arg-type]

    def table(self, header: list[str], body: list[list[str]], sep: str = ",") -> str:
        def cell(value: str) -> str:
            if any(c in value for c in f'{sep}"\r\n'):
                return '"' + value.replace('"', '""') + '"'
            return value

        return "".join(sep.join(cell(v) for v in row) + "\n" for row in [header, *body])

    def with_cell(self, column: str, value: str) -> tuple[str, int, int]:
        """A list of a few rows whose ``column`` on one row holds ``value``: (csv, rows, row)."""
        n = self.rng.randint(2, 6)
        at = self.rng.randrange(n)
        header = ["full_name", "age", "date", "notes"]
        body = [[name, "30", "1367", "synthetic"] for name in self.names(n)]
        body[at][header.index(column)] = value
        return self.table(header, body), n, at + 2


def _ages(g: _Gen) -> None:
    accepted = ["۴۵", "٤٥", "45 سال", "۴۵ ساله", " 45 ", "45.0", "about 45", "حدود ۴۵", "45\u200f"]
    accepted += ["\u2067۴۵ ساله\u2069", "\u200e45"]  # direction marks from a copied page
    refused = ["-3", "300", "4.5", "1e2", "NaN", "forty", "45-50", "0x2D", "٤٥٫٥", "∞", "\u202e54"]
    for i, value in enumerate(accepted):
        text, n, _ = g.with_cell("age", value)
        g.add(f"age_ok{i}.csv", text, "imported", rows=n)
    for i, value in enumerate(refused):
        text, _, at = g.with_cell("age", value)
        g.add(f"age_bad{i}.csv", text, "refused", needles=(f"row {at}, column 'age'",))


def _dates(g: _Gen) -> None:
    refused = ["43785", "20191116", "13670512", "1988-02-30", "-1", "0", "1e5", "9" * 30]
    refused += ["\u202e21/50/7631"]  # an override shows the digits reversed: refused
    for i, value in enumerate(refused):
        text, _, at = g.with_cell("date", value)
        g.add(f"date_num{i}.csv", text, "refused", needles=(f"row {at}, column 'date'",))
    for i, value in enumerate(
        ["۱۳۶۷/۰۵/۱۲", "1367", "Mordad 1367", "1988-08", "\u202b1367/05/12\u202c", "\u200f۱۳۶۷"]
    ):
        text, n, _ = g.with_cell("date", value)
        g.add(f"date_ok{i}.csv", text, "imported", rows=n)


def _formulas(g: _Gen) -> None:
    values = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", '=HYPERLINK("x")', "\t=1"]
    for i, value in enumerate(values):
        text, n, _ = g.with_cell("notes", value)
        g.add(f"formula{i}.csv", text, "imported", rows=n)
        names = g.names(2)
        g.add(
            f"formula_name{i}.csv",
            g.table(["full_name"], [[names[0]], [value + " " + names[1]]]),
            "imported",
            rows=2,
        )


def _controls(g: _Gen) -> None:
    """Characters Python's ``splitlines`` breaks on, and other controls, inside cells."""
    for i, char in enumerate(["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e", "\r"]):
        text, n, _ = g.with_cell("notes", f"before{char}after")
        g.add(f"sep_in_cell{i}.csv", text, "either", rows=n)
        names = g.names(2)
        g.add(
            f"sep_in_name{i}.csv",
            g.table(["full_name", "age"], [[names[0], "20"], [names[1] + char + "x", "21"]]),
            "either",
            rows=2,
        )
    text, n, _ = g.with_cell("notes", "line one\nline two\r\nline three")
    g.add("quoted_newlines.csv", text, "imported", rows=n)
    names = g.names(3)
    body = f'full_name,age,notes\n{names[0]},20,"a\nb\nc"\n{names[1]},21,"d\ne"\n{names[2]},old,x\n'
    g.add("newline_then_bad.csv", body, "refused", needles=("row 4, column 'age'",))
    g.add("nul_header.csv", "full_name,ag\x00e\nSynthetic A,20\n", "refused", needles=("NUL",))
    g.add(
        "rlo_cell.csv", g.table(["full_name"], [[f"\u202e{n}"] for n in names]), "imported", rows=3
    )


def _structure(g: _Gen) -> None:
    names = g.names(4)
    body = [[n, "20"] for n in names]
    g.add(
        "crcrlf.csv", g.table(["full_name", "age"], body).replace("\n", "\r\r\n"), "either", rows=4
    )
    blank_mid = "full_name,age\n" + f"{names[0]},20\n\n{names[1]},21\n,\n  \n{names[2]},22\n"
    g.add("blank_rows.csv", blank_mid, "imported", rows=3)
    g.add("delims_only.csv", "full_name,age\n,\n,,\n", "refused", needles=("no data rows",))
    repeated = g.table(
        ["full_name", "notes"], [[names[0], "x"], ["full_name", "notes"], [names[1], "y"]]
    )
    g.add("header_again.csv", repeated, "refused", needles=("row 3", "repeats the header"))
    one = "full_name\n" + f"{names[0]}\nfull_name\n{names[1]}\n"
    g.add("header_again_one_column.csv", one, "refused", needles=("row 3", "repeats the header"))
    again = g.table(
        ["Full_Name", "Age"], [[names[0], "20"], ["full_name ", "AGE"], [names[1], "1"]]
    )
    g.add("header_again_case.csv", again, "refused", needles=("row 3", "repeats the header"))
    named = g.table(["full_name", "notes"], [[names[0], "full_name"], ["notes", "x"]])
    g.add("header_words_as_values.csv", named, "imported", rows=2)
    trailing = "full_name,age,\n" + "".join(f"{n},20,\n" for n in names)
    g.add("trailing_delim.csv", trailing, "imported", rows=4)
    extra = "full_name,age\n" + f"{names[0]},20\n{names[1]},21,stray value\n{names[2]},22\n"
    g.add("extra_cell.csv", extra, "refused", needles=("row 3",))
    short = "full_name,age,notes\n" + f"{names[0]},20\n{names[1]}\n"
    g.add("short_rows.csv", short, "imported", rows=2)
    g.add("only_newlines.csv", "\n\n\n\r\n", "refused")
    g.add("bom_only.csv", codecs.BOM_UTF8, "refused")
    g.add("spaces_only.csv", "   \n \t \n", "refused")
    g.add("tsv.tsv", g.table(["full_name", "age"], body, sep="\t"), "imported", rows=4)
    g.add("pipe.txt", g.table(["full_name", "age"], body, sep="|"), "imported", rows=4)
    g.add("UPPER.CSV", g.table(["full_name", "age"], body), "imported", rows=4)
    g.add("noext", g.table(["full_name", "age"], body), "either", rows=4)
    g.add("one_column.csv", "full_name\n" + "\n".join(names) + "\n", "imported", rows=4)
    long_cell = "full_name,notes\n" + f"{names[0]},{'ن' * 200_000}\n"
    g.add("long_cell.csv", long_cell, "either", rows=1, needles=("row 2, column 'notes'",))
    wide = ["full_name", *(f"extra{i}" for i in range(3000))]
    g.add("wide3000.csv", ",".join(wide) + "\n" + names[0] + ",1" * 3000 + "\n", "either", rows=1)
    unbalanced = f'full_name,age\n{names[0]},20\n"{names[1]},21\n{names[2]},22\n'
    g.add("unbalanced.csv", unbalanced, "refused", needles=("row 3",))
    mid_quote = f'full_name,age\n{names[0]} "the" x,20\n{names[1]},21\n'
    g.add("inner_quote.csv", mid_quote, "either", rows=2)


def _headers(g: _Gen) -> None:
    names = g.names(2)
    rows = [[n, "20"] for n in names]
    cases = {
        "dup_exact": ["full_name", "full_name"],
        "dup_case": ["full_name", "Full_Name"],
        "dup_space": ["full_name", " full_name "],
        "dup_zwnj": ["full_name", "full\u200c_name"],
        "blank_with_data": ["full_name", ""],
        "space_with_data": ["full_name", "   "],
        "zwnj_header": ["full_name", "\u200c"],
        "bom_header": ["\ufefffull_name", "age"],
        "nbsp_header": ["full_name\u00a0", "age"],
        "rlo_header": ["\u202efull_name", "age"],
        "fa_dup_yeh": ["full_name", "نام پدري"],  # with the next, differ only by yeh
    }
    for label, header in cases.items():
        g.add(f"hdr_{label}.csv", g.table(header, rows), "either", rows=2)
    both = g.table(["full_name", "نام پدري", "نام پدری"], [[n, "a", "b"] for n in names])
    g.add("hdr_yeh_twice.csv", both, "either", rows=2)
    kaf = g.table(["full_name", "شهر كشته", "شهر کشته"], [[n, "a", "b"] for n in names])
    g.add("hdr_kaf_twice.csv", kaf, "either", rows=2)
    zwnj = g.table(["full_name", "نام‌خانوادگی", "نامخانوادگی"], [[n, "a", "b"] for n in names])
    g.add("hdr_zwnj_twice.csv", zwnj, "either", rows=2)
    persian = g.table(["نام پدري", "نام خانوادگي"], [["Synthetic", n] for n in names])
    for i, (source_col, target) in enumerate(
        [("نام پدری", "father_name"), ("نام خانوادگی", "family_name")]
    ):
        mapping = f'[columns]\n"{source_col}" = "{target}"\n"نام پدري" = "given_name"\n'
        if i == 0:
            mapping = '[columns]\n"نام پدری" = "given_name"\n"نام خانوادگي" = "family_name"\n'
        g.add(f"map_yeh{i}.csv", persian, "either", rows=2, mapping=mapping.encode())


def _encodings(g: _Gen) -> None:
    names = [f"Synthetic José Müller {g.seed}-{i}" for i in range(3)]
    latin = g.table(["full_name", "age"], [[n, "20"] for n in names])
    persian_names = [f"آزمون پژوهش گیتی {g.seed}-{i}" for i in range(3)]
    persian = g.table(["full_name", "age"], [[n, "20"] for n in persian_names])
    g.add("utf16le_nobom.csv", persian.encode("utf-16-le"), "either", rows=3)
    g.add("utf16be_bom.csv", codecs.BOM_UTF16_BE + persian.encode("utf-16-be"), "imported", rows=3)
    g.add("utf32.csv", persian.encode("utf-32"), "imported", rows=3)
    g.add("utf32_be.csv", codecs.BOM_UTF32_BE + persian.encode("utf-32-be"), "imported", rows=3)
    g.add("utf32_cut.csv", persian.encode("utf-32")[:-2], "refused", needles=("UTF-32",))
    g.add("utf8_bom.csv", codecs.BOM_UTF8 + persian.encode(), "imported", rows=3)
    g.add("mac_roman.csv", latin.encode("mac_roman"), "refused", needles=("not valid UTF-8",))
    dos = latin.replace("José", "Josè").encode("cp437")  # DOS Latin: è is 0x8A, ü 0x81
    g.add("cp437.csv", dos, "refused", needles=("not valid UTF-8",))
    g.add(
        "mac_roman_fa_mix.csv", latin.encode("mac_roman") + "آزمون,20\n".encode("cp1256"), "refused"
    )
    g.add("cp1252.csv", latin.encode("cp1252"), "either", rows=3)
    g.add("latin1.csv", latin.encode("latin-1"), "either", rows=3)
    cp = persian.replace("ی", "ي").replace("گ", "گ")
    g.add("cp1256_full.csv", cp.encode("cp1256"), "imported", rows=3)
    lines = persian.splitlines(keepends=True)
    one_cell = (
        lines[0].encode()
        + lines[1].encode()
        + "آزمون ".encode()
        + "علي".encode("cp1256")
        + b",20\n"
    )
    g.add("cell_mixed.csv", one_cell, "refused", needles=("line 3",))
    g.add("cesu.csv", b"full_name\nSynthetic \xed\xa0\x80 x\n", "refused", needles=("line 2",))
    g.add("overlong.csv", b"full_name\nSynthetic \xc0\xaf x\n", "refused", needles=("line 2",))
    g.add(
        "nul_everywhere.csv", persian.encode().replace(b",", b"\x00,"), "refused", needles=("NUL",)
    )
    g.add("utf7.csv", persian.encode("utf-7"), "either", rows=3)


def _disguised(g: _Gen) -> None:
    names = g.names(3)
    csv_text = g.table(["full_name", "age"], [[n, "20"] for n in names])
    from openpyxl import Workbook

    book = Workbook()
    for values in [["full_name", "age"], *[[n, 20] for n in names]]:
        book.active.append(values)
    out = io.BytesIO()
    book.save(out)
    xlsx_bytes = out.getvalue()
    g.add("xlsx_named.csv", xlsx_bytes, "either", rows=3)
    html = (
        "<html><body><table><tr><th>full_name</th></tr>"
        + "".join(f"<tr><td>{n}</td></tr>" for n in names)
        + "</table></body></html>"
    )
    for suffix in ("xls", "csv", "xlsx", "txt"):
        g.add(f"html_named.{suffix}", html, "refused", needles=("an HTML page",))
    g.add("html_doctype.xls", "\ufeff  <!DOCTYPE HTML>\n" + html, "refused", needles=("HTML",))
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("list.csv", csv_text)
    g.add("zip_of_csv.csv", zipped.getvalue(), "refused")
    g.add("zip_of_csv.xlsx", zipped.getvalue(), "refused")
    g.add("gzip.csv", gzip.compress(csv_text.encode()), "refused")
    g.add("json_named.csv", json.dumps([{"full_name": n} for n in names]), "either", rows=3)
    g.add("csv_named.json", csv_text, "refused")
    g.add("empty.xlsx", b"", "refused")
    g.add("empty.json", b"", "refused")
    spreadsheet_ml = (
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        "<Worksheet><Table><Row><Cell><Data>full_name</Data></Cell></Row></Table></Worksheet>"
        "</Workbook>"
    )
    g.add("spreadsheetml.xls", spreadsheet_ml, "refused", needles=("SpreadsheetML",))
    g.add("png.csv", b"\x89PNG\r\n\x1a\n" + bytes(100), "refused")
    g.add("sqlite.csv", b"SQLite format 3\x00" + bytes(100), "refused")
    g.add("rtf.csv", b"{\\rtf1\\ansi full_name}", "either")


def _workbooks(g: _Gen) -> None:
    from openpyxl import Workbook

    def saved(rows: list[list[object]]) -> bytes:
        book = Workbook()
        for values in rows:
            book.active.append(values)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    names = g.names(3)
    base = saved([["full_name", "age"], *[[n, 20] for n in names]])

    def rebuilt(change: Callable[[str, bytes], Iterator[tuple[str, bytes]]]) -> bytes:
        source, out = zipfile.ZipFile(io.BytesIO(base)), io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                for part, content in change(info.filename, source.read(info.filename)):
                    target.writestr(part, content)
        return out.getvalue()

    def bomb(part: str, content: bytes) -> Iterator[tuple[str, bytes]]:
        if part == "xl/worksheets/sheet1.xml":
            content = content.replace(b"<sheetData>", b"<sheetData>" + b" " * 60_000_000, 1)
        yield part, content

    g.add("bomb_spaces.xlsx", rebuilt(bomb), "refused", needles=("ZIP bomb",))

    def twice(part: str, content: bytes) -> Iterator[tuple[str, bytes]]:
        yield part, content
        if part == "xl/worksheets/sheet1.xml":
            import warnings

            warnings.simplefilter("ignore")
            yield part, content.replace(names[0].encode(), b"Synthetic Other")

    g.add("dup_part.xlsx", rebuilt(twice), "refused", needles=("xl/worksheets/sheet1.xml twice",))
    g.add(
        "numbers_as_names.xlsx",
        saved([["full_name", "age"], [123, 20], [4.5, 21]]),
        "either",
        rows=2,
    )
    g.add(
        "bool_name.xlsx",
        saved([["full_name", "age"], [True, 20], [names[0], 21]]),
        "either",
        rows=2,
    )
    import datetime as dt

    at = ("sheet 'Sheet', row 2, column 'age'",)
    dated = saved([["full_name", "age"], [names[0], dt.date(2000, 1, 1)]])
    g.add("date_in_age.xlsx", dated, "refused", needles=at)
    serial = saved([["full_name", "date"], [names[0], 43785]])
    g.add("serial_date.xlsx", serial, "refused", needles=("row 2, column 'date'", "day number"))
    g.add(
        "num_header.xlsx",
        saved([["full_name", 2019, None], [names[0], "x", "y"]]),
        "either",
        rows=1,
    )
    g.add(
        "formula_text.xlsx",
        saved([["full_name", "notes"], [names[0], "'=cmd"], [names[1], "@x"]]),
        "imported",
        rows=2,
    )
    g.add("age_float.xlsx", saved([["full_name", "age"], [names[0], 45.5]]), "refused", needles=at)
    g.add("age_neg.xlsx", saved([["full_name", "age"], [names[0], -3]]), "refused", needles=at)
    g.add(
        "x000d.xlsx",
        saved([["full_name", "notes"], [names[0], "a_x000D_b"], [names[1], "_x0000_"]]),
        "either",
        rows=2,
    )
    g.add(
        "ctrl_text.xlsx",
        saved([["full_name", "notes"], [names[0], "a\u2028b"], [names[1], "c\x85d"]]),
        "either",
        rows=2,
    )
    wide = saved([["full_name", *(f"c{i}" for i in range(2000))], [names[0], *range(2000)]])
    g.add("wide2000.xlsx", wide, "either", rows=1)


def _json(g: _Gen) -> None:
    names = g.names(3)
    good = [{"full_name": n} for n in names]
    for i, value in enumerate(["Infinity", "-Infinity", "NaN"]):
        g.add(
            f"json_inf{i}.json",
            f'[{{"full_name": "A", "age": {value}}}]',
            "refused",
            needles=("record 1",),
        )
    for i, top in enumerate(
        ['"a list"', "42", "null", "true", '{"full_name": "A"}', '{"a": 1, "b": 2}']
    ):
        g.add(f"json_top{i}.json", top, "either", rows=1)
    g.add("json_empty_list.json", "[]", "refused")
    g.add("json_empty_objs.json", "[{}, {}]", "refused")
    g.add("json_two_lists.json", json.dumps({"a": good, "b": good}), "refused")
    for i, value in enumerate(["123", '["A", "B"]', '{"first": "A"}', "null", "true", '""']):
        text = f'[{{"full_name": "{names[0]}"}}, {{"full_name": {value}}}]'
        where = (
            ("record 2",) if i in (1, 2) else ("row 2, column 'full_name'",)
        )  # a JSON row is its record
        g.add(f"json_name_type{i}.json", text, "either", rows=2, needles=where)
    g.add("json_bom.json", codecs.BOM_UTF8 + json.dumps(good).encode(), "imported", rows=3)
    g.add(
        "json_utf16.json", json.dumps(good, ensure_ascii=False).encode("utf-16"), "imported", rows=3
    )
    g.add("json_trailing_comma.json", json.dumps(good)[:-1] + ",]", "refused")
    g.add("json_comment.json", "// synthetic\n" + json.dumps(good), "refused")
    g.add("json_single_quotes.json", str(good), "refused")
    lines = "\n\n".join(json.dumps(r) for r in good) + "\n\n"
    g.add("jsonl_blank_lines.jsonl", lines, "either", rows=3)
    g.add(
        "jsonl_list_line.json", json.dumps(good[0]) + "\n" + json.dumps(good[1:]) + "\n", "refused"
    )
    g.add(
        "json_nested_value.json",
        json.dumps([{"full_name": names[0], "notes": {"a": [1, 2]}}]),
        "either",
        rows=1,
    )
    keys = '[{"full_name": "A", "نام پدري": "x", "نام پدری": "y"}]'
    g.add("json_yeh_keys.json", keys, "either", rows=1)
    g.add("json_space_key.json", '[{" full_name": "A", "full_name": "B"}]', "either", rows=1)
    g.add("json_empty_key.json", '[{"": "x", "full_name": "A"}]', "either", rows=1)
    g.add(
        "json_nul_key.json",
        '[{"full\\u0000name": "x", "full_name": "A"}]',
        "refused",
        needles=("record 1", "NUL"),
    )
    g.add(
        "json_nul_value.json",
        '[{"full_name": "A"}, {"full_name": "B\\u0000C"}]',
        "refused",
        needles=("record 2", "'full_name'", "NUL"),
    )
    g.add(
        "json_deep_obj.json",
        '[{"full_name": "A", "notes": ' + '{"a":' * 5000 + "1" + "}" * 5000 + "}]",
        "either",
        rows=1,
    )
    g.add("json_records_not_list.json", '{"records": {"full_name": "A"}}', "either", rows=1)
    g.add("json_ws.json", "   \n\t  ", "refused")
    g.add(
        "json_big_string.json",
        json.dumps([{"full_name": "A", "notes": "x" * 3_000_000}]),
        "either",
        rows=1,
    )


def _mappings(g: _Gen) -> None:
    names = g.names(2)
    text = g.table(["نام", "سن"], [[n, "20"] for n in names])
    maps = {
        "malformed": ('[columns\n"نام" = "full_name"\n', ("mapping",)),
        "missing_col": ('[columns]\n"نام کامل" = "full_name"\n', ("نام کامل",)),
        "unknown_field": ('[columns]\n"نام" = "full_name"\n"سن" = "agee"\n', ("agee",)),
        "two_to_one": ('[columns]\n"نام" = "full_name"\n"سن" = "full_name"\n', ("full_name",)),
        "bad_default": (
            '[columns]\n"نام" = "full_name"\n[defaults]\nviolation = "picnic"\n',
            ("picnic",),
        ),
        "unknown_default": (
            '[columns]\n"نام" = "full_name"\n[defaults]\nshoe_size = "9"\n',
            ("shoe_size",),
        ),
        "non_string": ('[columns]\n"نام" = 5\n', ("mapping",)),
        "list_value": ('[columns]\n"نام" = ["full_name"]\n', ("mapping",)),
        "json_text": ('{"columns": {"نام": "full_name"}}', ("mapping",)),
        "empty": ("", ("full_name",)),
        "columns_not_table": ('columns = "full_name"\n', ("mapping",)),
        "default_age_bad": (
            '[columns]\n"نام" = "full_name"\n[defaults]\nage = "old"\n',
            ("'age'",),
        ),
        "default_number": ('[columns]\n"نام" = "full_name"\n[defaults]\nage = 40\n', ()),
        "nul": ('[columns]\n"نام\\u0000" = "full_name"\n', ()),
        "top_unknown": ('colums = 1\n[columns]\n"نام" = "full_name"\n', ("colums",)),
    }
    for label, (mapping, needles) in maps.items():
        expect = "either" if label == "nul" else "refused"
        g.add(f"map_{label}.csv", text, expect, rows=2, needles=needles, mapping=mapping.encode())
    g.add(
        "map_bom.csv",
        text,
        "imported",
        rows=2,
        mapping=codecs.BOM_UTF8 + '[columns]\n"نام" = "full_name"\n"سن" = "age"\n'.encode(),
    )


def _file_names(g: _Gen) -> None:
    names = g.names(2)
    text = g.table(["full_name"], [[n] for n in names])
    for name in (
        "\u202egsm.csv", "فهرست آزمونی.csv", "list\u200f\u202b.csv", "-dash.csv", "..csv",
        "a" * 200 + ".csv", "new\nline.csv", "tab\tname.csv", " lead space.csv", "ك ي.csv",
    ):  # fmt: skip
        g.add(name, text + "\n", "imported", rows=2)


def _footers_and_volume(g: _Gen) -> None:
    """A "Total" footer, exact duplicate rows, thousands of bad rows, and --dry-run."""
    names = g.names(4)
    body = [[n, "20"] for n in names]
    total = g.table(["full_name", "age"], [*body, ["Total", "4"]])
    g.add("footer_total.csv", total, "refused", needles=("row 6",))
    persian_total = g.table(["full_name", "age"], [*body, ["جمع کل: ۴ نفر", ""]])
    g.add("footer_jam.csv", persian_total, "refused", needles=("row 6",))
    twice = g.table(["full_name", "age", "date"], [[names[0], "20", "1367"]] * 2)
    g.add("exact_duplicate_rows.csv", twice, "imported", rows=2)
    bad = g.table(["full_name", "age"], [[f"Synthetic {i}", "old"] for i in range(3000)])
    g.add("many_bad_rows.csv", bad, "refused", needles=("row 2, column 'age'", "more"))
    for i, name in enumerate(["dry.csv", "dry.json"]):
        text = (
            g.table(["full_name", "age"], body)
            if i == 0
            else json.dumps([{"full_name": n} for n in names])
        )
        g.add(name, text, "dry", rows=len(names), options=("--dry-run",))
    g.add("dry_bad.csv", g.table(["full_name", "age"], [[names[0], "x"]]), "refused",
          needles=("row 2, column 'age'",), options=("--dry-run",))  # fmt: skip


def _old_excel(g: _Gen) -> None:
    import xlwt  # type: ignore[import-untyped]

    def saved(rows: list[list[object]]) -> bytes:
        book = xlwt.Workbook()
        sheet = book.add_sheet("Data")
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                sheet.write(r, c, value)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    names = g.names(2)
    g.add("xls_nul.xls", saved([["full_name", "notes"], [names[0], "a\x00b"]]), "refused",
          needles=("NUL",))  # fmt: skip
    g.add("xls_header_again.xls", saved([["full_name"], [names[0]], ["full_name"]]), "refused",
          needles=("row 3", "repeats the header"))  # fmt: skip
    g.add(
        "xls_age_text.xls", saved([["full_name", "age"], [names[0], "۴۵ سال"]]), "imported", rows=1
    )
    g.add(
        "xls_long.xls",
        saved([["full_name", "notes"], [names[0], "x" * 32_000]]),
        "imported",
        rows=1,
    )


def _options(g: _Gen) -> None:
    """Command-line options a script or a user gets wrong, with a good file."""
    names = g.names(2)
    text = g.table(["full_name", "age"], [[n, "20"] for n in names]) + "x,1\n"  # odd length
    refusals = {
        "opt_utf16_no_mark": (("--encoding", "utf-16"), ("no UTF-16 byte-order mark",)),
        "opt_utf32_no_mark": (("--encoding", "utf-32"), ("no UTF-32 byte-order mark",)),
        "opt_replace_huge": (("--replace", "9" * 30), ("No document",)),
        "opt_header_row_huge": (("--header-row", "9" * 20), ("--header-row",)),
    }
    for label, (options, needles) in refusals.items():
        g.add(f"{label}.csv", text, "refused", needles=needles, options=options)


FAMILIES = {
    "ages": _ages,
    "dates": _dates,
    "formulas": _formulas,
    "controls": _controls,
    "structure": _structure,
    "headers": _headers,
    "encodings": _encodings,
    "disguised": _disguised,
    "workbooks": _workbooks,
    "json": _json,
    "mappings": _mappings,
    "file_names": _file_names,
    "footers": _footers_and_volume,
    "old_excel": _old_excel,
    "options": _options,
}


def cases(seed: int = 1) -> list[Case]:
    """Every hostile case of ``seed``, family by family."""
    g = _Gen(seed)
    for kind, family in FAMILIES.items():
        g.kind = kind
        family(g)
    return g.out
