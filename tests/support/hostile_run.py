"""Run one generated hostile case through the real ``shomar import`` command, in-process.

``python -m support.hostile_run [--seed N]`` (from ``tests/``, with ``PYTHONPATH=src:tests``)
prints one line per case; ``tests/ingest/test_hostile_generated.py`` asserts the same checks.
The command runs in this process (``shomar.cli.main.run``) so a few hundred files take seconds;
each case gets a fresh copy of one initialised workspace.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from support.hostile_corpus import Case, cases


@dataclass
class Outcome:
    """What the command did with one case, and every broken promise found."""

    code: int
    out: str
    err: str
    faults: list[str]


def template_workspace(folder: Path) -> Path:
    """An initialised workspace to copy for each case."""
    ws = folder / "template-ws"
    code, _, err = _cli(["init", str(ws)])
    assert code == 0, err
    return ws


def _cli(args: list[str]) -> tuple[int, str, str]:
    from shomar.cli import output
    from shomar.cli.main import run

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, output.console._file, output.err_console._file, output._emitted
    widths = output.console._width, output.err_console._width  # None: follow the terminal
    sys.argv = ["shomar", *args]
    output.console.file, output.err_console.file = out, err
    output.console.width = output.err_console.width = 10_000  # no wrapping inside a needle
    output._emitted = False  # one process per command in real use
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            run()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # an escaped exception is what the corpus looks for
        err.write(traceback.format_exc())
        code = 99
    finally:
        sys.argv, output.console._file, output.err_console._file, output._emitted = saved
        output.console._width, output.err_console._width = widths
    return code, out.getvalue(), err.getvalue()


def _store(ws_dir: Path) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Row counts of every table, the stored raw files, and the documents' (SHA-256, size).

    Read with ``sqlite3`` (not by opening the workspace): a few milliseconds a case."""
    import sqlite3

    from shomar.store.tables import Base
    from shomar.store.workspace import DB_FILE

    with contextlib.closing(sqlite3.connect(ws_dir / DB_FILE)) as db:
        counts = {
            name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in Base.metadata.tables
        }
        documents = [(d, s) for d, s in db.execute("SELECT sha256, size FROM documents")]
    counts["blobs"] = sum(1 for p in (ws_dir / "documents").rglob("*") if p.is_file())
    return counts, documents


def run_case(case: Case, folder: Path, template: Path) -> Outcome:
    """Import ``case`` into a fresh copy of ``template``; check the import contract."""
    ws_dir = folder / "ws"
    shutil.copytree(template, ws_dir)
    path = folder / case.name
    path.write_bytes(case.data)
    args = ["import", str(path), "--source", f"Hostile {case.kind}", "-w", str(ws_dir), "--json"]
    if case.mapping is not None:
        mapping = folder / "mapping.toml"
        mapping.write_bytes(case.mapping)
        args += ["--mapping", str(mapping)]
    before, _ = _store(ws_dir)
    code, out, err = _cli([*args, *case.options])
    after, documents = _store(ws_dir)
    faults: list[str] = []
    said = out + err
    if "Traceback" in said or code not in (0, 1):
        faults.append(f"exit {code}, traceback: {err[-600:]}")
    if code == 1:
        if after != before:
            faults.append("a refused import changed the store")
        message = _message(out) or err
        faults += [f"message lacks {n!r}" for n in case.needles if n not in message]
        if case.expect == "imported":
            faults.append(f"refused a file that must import: {message[:300]}")
        named = (case.name, _printable_name(case.name), "mapping.toml", *case.options[1:])
        if not any(n in message for n in named):
            faults.append(f"message does not name the file: {message[:200]}")
    elif code == 0:
        report = json.loads(out)
        if case.expect == "dry":
            if after != before or not report["dry_run"]:
                faults.append("a dry run changed the store")
            if case.rows is not None and report["rows"] != case.rows:
                faults.append(f"a dry run read {report['rows']} rows of {case.rows}")
            shutil.rmtree(ws_dir)
            return Outcome(code, out, err, faults)
        if case.expect == "refused":
            faults.append(f"imported a file that must be refused ({report['records_added']} rows)")
        added = after["records"] - before["records"]
        if added != report["records_added"]:
            faults.append(f"report says {report['records_added']} records, store has {added}")
        if case.rows is not None and added != case.rows:
            faults.append(f"{added} records for {case.rows} rows in the file")
        digest = hashlib.sha256(case.data).hexdigest()
        if (digest, len(case.data)) not in documents:
            faults.append("the raw bytes' SHA-256 and size are not kept")
        if not (ws_dir / "documents" / digest[:2] / digest).is_file():
            faults.append("the raw bytes are not stored under their SHA-256")
    shutil.rmtree(ws_dir)
    return Outcome(code, out, err, faults)


def _message(out: str) -> str:
    try:
        error = json.loads(out)["error"]
    except (ValueError, KeyError, TypeError):
        return ""
    return f"{error.get('message', '')} {error.get('hint', '')}"


def _printable_name(name: str) -> str:
    from shomar.ingest.files import display_name

    return display_name(Path(name))


def main() -> None:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="run cases whose id contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        template = template_workspace(root)
        bad = 0
        for number, case in enumerate(cases(args.seed)):
            if args.only not in case.id:
                continue
            folder = root / f"c{number}"
            folder.mkdir()
            outcome = run_case(case, folder, template)
            state = {0: "imported", 1: "refused"}.get(outcome.code, "CRASH")
            first = (_message(outcome.out) or outcome.err or outcome.out).strip().replace("\n", " ")
            if state == "imported":
                first = f"{json.loads(outcome.out)['records_added']} records"
            mark = "FAULT" if outcome.faults else "ok"
            bad += bool(outcome.faults)
            print(f"{mark:5} {state:8} {case.id!r:40} {first[:150]}")
            for fault in outcome.faults:
                print(f"      - {fault[:400]}")
        print(f"{bad} case(s) with faults")


if __name__ == "__main__":
    main()
