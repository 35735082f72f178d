"""``python -m benchmarks.ingest.hostile [--out DIR] [--seed N]``: a generated hostile-input corpus.

Mutations of a SYNTHETIC simulated list (``shomar simulate``), written to ``DIR``, and each file
run through ``shomar import`` in its own process with a time limit. Every outcome is one of:
imported, refused (exit 1, a message and no traceback), TRACEBACK, HANG (over the limit) or
USAGE (exit 2). The tally is printed; a traceback or a hang is a bug. It complements the
hand-written cases in ``tests/ingest`` (each bug this corpus found became one of those).
Files imported are worth reading too: a silent loss looks like success.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

WEIRD_CELLS = (
    "", " ", "\x00", "\u202e", "=cmd|' /C calc'!A0", "9" * 400, "-1", "1e309", "NaN",
    "۱۳۶۷/۱۳/۴۰", "30 Esfand 1399", "1367-12-30", "0000-00-00", "\ufeff", "\u200c\u200c",
    "a\r\nb", '"', "'", "ي ك ة", "1/2/3/4", "۶۷", "پاییز ۶۷", "-", "N/A", "?", "١٢٣",
)  # fmt: skip


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def corpus(base: str, rng: random.Random) -> dict[str, bytes]:
    """Hostile variants of the CSV text ``base``, by file name."""
    data = base.encode("utf-8")
    rows = list(csv.reader(io.StringIO(base)))
    files: dict[str, bytes] = {}
    for i in range(20):
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        files[f"flip{i}.csv"] = bytes(flipped)
    for i in range(8):
        files[f"cut{i}.csv"] = data[: rng.randrange(len(data))]
    for i in range(8):
        changed = [list(r) for r in rows]
        for _ in range(rng.randint(1, 12)):
            r = rng.randrange(1, len(changed))
            changed[r][rng.randrange(len(changed[r]))] = rng.choice(WEIRD_CELLS)
        files[f"cells{i}.csv"] = _csv(changed).encode()
    header = rows[0]
    files["duplicate_header.csv"] = _csv([[*header[:-1], header[0]], *rows[1:]]).encode()
    files["blank_header.csv"] = _csv(
        [["" if i == 6 else h for i, h in enumerate(header)], *rows[1:]]
    ).encode()
    files["title_rows.csv"] = _csv([["SYNTHETIC list"], [], *rows]).encode()
    files["ragged.csv"] = _csv([*rows[:3], [*rows[3], "extra"], rows[4][:3], *rows[5:]]).encode()
    files["semicolon.csv"] = base.replace(",", ";").encode()
    files["utf16.csv"] = base.encode("utf-16")
    files["utf16be_no_bom.csv"] = base.encode("utf-16-be")
    files["mixed_encodings.csv"] = data + "ÄÖÜ,é\n".encode("latin-1")
    files["old_mac.csv"] = base.replace("\n", "\r").encode()
    files["empty.csv"] = b""
    files["header_only.csv"] = (base.splitlines()[0] + "\n").encode()
    files["huge_cell.csv"] = (base.splitlines()[0] + "\nA-1," + "ب" * 2_000_000 + "\n").encode()
    files["many_columns.csv"] = (",".join(f"c{i}" for i in range(5000)) + "\n").encode()
    records = [dict(zip(header, r, strict=False)) for r in rows[1:10]]
    files["records.json"] = json.dumps(records, ensure_ascii=False).encode()
    files["nested.json"] = b"[" * 100_000 + b"]" * 100_000
    files["mixed.json"] = json.dumps([records[0], 5, None, {"full_name": {"a": 1}}]).encode()
    files["cut.json"] = json.dumps(records).encode()[:-5]
    files["nan.json"] = b'[{"full_name": "x", "age": NaN}]'
    files["duplicate_keys.json"] = b'[{"full_name": "x", "full_name": "y"}]'
    files["not_a_zip.xlsx"] = b"PK\x03\x04garbage" * 10
    files["text.xlsx"] = data
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", "<" + "a" * 5_000_000)
    files["bomb.xlsx"] = archive.getvalue()
    files["fake.xls"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    files["pdf.csv"] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    files["sep_line.csv"] = b"sep=;\r\n" + base.replace(",", ";").encode()
    files["utf16_mark_utf8.csv"] = b"\xff\xfe" + data
    files["pasted_bom.csv"] = b"\xef\xbb\xbf" + data + b"\xef\xbb\xbf" + data.split(b"\n", 1)[1]
    at = header.index("date") if "date" in header else 0
    days = [[("43785" if i == at else v) for i, v in enumerate(r)] for r in rows[1:5]]
    files["day_numbers.csv"] = _csv([header, *days]).encode()
    files["lines.json"] = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    files["float_ids.json"] = b'[{"record_id": 12345678901234567890.0, "full_name": "Ali"}]'
    files.update(workbooks(rows[:10]))
    return files


def workbooks(rows: list[list[str]]) -> dict[str, bytes]:
    """Workbooks with a chart or a hidden sheet first, error cells, a password, an XXE."""
    import xlwt  # type: ignore[import-untyped]
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    def saved(book: Workbook) -> bytes:
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()

    files: dict[str, bytes] = {}
    book = Workbook()
    for values in rows:
        book.active.append(values)
    chart = BarChart()
    chart.add_data(Reference(book.active, min_col=1, min_row=1, max_row=3))
    book.create_chartsheet("Chart", 0).add_chart(chart)
    files["chart_first.xlsx"] = saved(book)
    book = Workbook()
    book.active.append(["full_name"])
    book.active.append(["an old copy"])
    book.active.sheet_state = "veryHidden"
    shown = book.create_sheet("List")
    for values in rows:
        shown.append(values)
    files["hidden_first.xlsx"] = saved(book)
    book = Workbook()
    book.active.append(rows[0])
    book.active.append(["#REF!", *rows[1][1:]])
    files["error_cell.xlsx"] = saved(book)
    files["xxe.xlsx"] = _with_doctype(saved(book))
    old = xlwt.Workbook()
    sheet = old.add_sheet("Data")
    for column, name in enumerate(rows[0]):
        sheet.write(0, column, name)
    sheet.row(1).set_cell_error(0, "#NULL!")
    out = io.BytesIO()
    old.save(out)
    files["error_cell.xls"] = out.getvalue()
    bof = old._Workbook__bof_rec  # a FILEPASS record: the workbook says it is encrypted
    old._Workbook__bof_rec = lambda: bof() + b"\x2f\x00\x36\x00\x01\x00\x01\x00" + bytes(50)
    out = io.BytesIO()
    old.save(out)
    files["password.xls"] = out.getvalue()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    files["password.xlsx"] = ole + "EncryptedPackage".encode("utf-16-le") + bytes(512)
    return files


def _with_doctype(workbook: bytes) -> bytes:
    """The workbook with an external entity (``/etc/passwd``) declared and used in its sheet."""
    source, out = zipfile.ZipFile(io.BytesIO(workbook)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + part
                part = part.replace(b"<v>#REF!</v>", b"<v>&x;</v>")
            target.writestr(info, part)
    return out.getvalue()


def classify(done: subprocess.CompletedProcess[str] | None) -> str:
    if done is None:
        return "HANG"
    if "Traceback" in done.stderr:
        return "TRACEBACK"
    return {0: "imported", 1: "refused", 2: "USAGE"}.get(done.returncode, "TRACEBACK")


def run(folder: Path, limit: float) -> Counter[str]:
    shomar = [sys.executable, "-m", "shomar"]
    workspace = folder / "ws"
    subprocess.run([*shomar, "init", str(workspace)], check=True, capture_output=True)
    tally: Counter[str] = Counter()
    for path in sorted((folder / "files").iterdir()):
        try:
            done: subprocess.CompletedProcess[str] | None = subprocess.run(
                [*shomar, "import", str(path), "--source", path.stem, "-w", str(workspace)],
                capture_output=True, text=True, timeout=limit, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            done = None
        outcome = classify(done)
        tally[outcome] += 1
        said = "" if done is None else (done.stderr or done.stdout).strip().splitlines()[:1]
        print(f"{outcome:<10} {path.name:<24} {''.join(said)[:110]}")
    return tally


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per file")
    args = parser.parse_args(argv)
    folder = args.out or Path(tempfile.mkdtemp(prefix="shomar-hostile-"))
    from shomar.simulation import SimulationSpec, simulate

    lists = simulate(folder / "sim", SimulationSpec(seed=args.seed, size=60, lists=2)).list_files
    base = "\n".join(Path(lists[0]).read_text(encoding="utf-8").splitlines()[:40]) + "\n"
    (folder / "files").mkdir(parents=True, exist_ok=True)
    for name, content in corpus(base, random.Random(args.seed)).items():
        (folder / "files" / name).write_bytes(content)
    tally = run(folder, args.limit)
    print(", ".join(f"{k} {v}" for k, v in sorted(tally.items())), f"(files in {folder})")
    if tally["TRACEBACK"] or tally["HANG"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
