"""The folder layout is the architecture: engines stay pure, adapters stay in their place."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "shomar"
HEAVY = {"sqlalchemy", "alembic", "splink", "duckdb", "pyspark", "fastapi", "typer", "rich"}
PURE = ("text", "calendar", "places", "estimation", "claims", "simulation", "domain")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
            if node.module.startswith("shomar."):
                names.add(node.module)
    return names


def test_engines_import_no_adapters() -> None:
    for package in PURE:
        for path in (PACKAGE / package).rglob("*.py"):
            bad = _imports(path) & HEAVY
            assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_only_linkage_imports_splink() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "splink" in _imports(path):
            assert path.relative_to(PACKAGE).parts[0] == "linkage", path


def test_cli_does_not_touch_the_database_directly() -> None:
    for path in (PACKAGE / "cli").rglob("*.py"):
        assert "sqlalchemy" not in _imports(path), path


def test_services_import_no_typer_or_rich() -> None:
    for path in (PACKAGE / "services").rglob("*.py"):
        bad = _imports(path) & {"typer", "rich"}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_engines_import_no_store_services_or_cli() -> None:
    layers = ("shomar.store", "shomar.services", "shomar.cli", "shomar.web")
    for package in PURE:
        for path in (PACKAGE / package).rglob("*.py"):
            bad = {n for n in _imports(path) if n.startswith(layers)}
            assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


#: the helpers of shomar.store.queries that apply (or explicitly waive) record visibility
VISIBILITY_HELPERS = {"restrict", "visible_records", "all_records", "visible_uids", "hidden_uids"}
#: functions allowed to query records without the helper, and why
VISIBILITY_EXEMPT = {
    ("records.py", "catch_up_name_index"): "compares the newest record id with the index's",
    ("records.py", "refresh_name_index"): "indexes the name keys of new records; returns a count",
    ("records.py", "get_record"): "the versions of a record the caller sees, filtered by tier",
    ("records.py", "get_person"): "its rows come from _listing, which restricts by the principal",
    ("imports.py", "_latest_versions"): "a new version needs its uid's latest version, any tier",
    ("imports.py", "_index_names"): "the row ids of the batch the import has just written",
    ("keys.py", "_reencrypt_rows"): "key rotation re-encrypts every row, every version, any tier",
    ("keys.py", "key_ids_in_use"): "counts ciphertexts per key id (admin only), reads no field",
    ("backup.py", "_snapshot_facts"): "a backup's manifest counts every row (admin only)",
    ("backup.py", "_verify"): "a restore counts every row it restored (admin only)",
    ("documents.py", "list_documents"): "counts the records stored from each document, no record",
    ("documents.py", "withdraw_document"): "the audit entry says how many records leave counts",
}
_QUERY_CALLS = {"select", "update", "delete", "join", "join_from", "select_from", "outerjoin"}


def _names_record(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "Record" for n in ast.walk(node))


def _call_name(call: ast.Call) -> str:
    func = call.func
    return (
        func.id
        if isinstance(func, ast.Name)
        else func.attr
        if isinstance(func, ast.Attribute)
        else ""
    )


def record_queries_bypassing(source: str, filename: str = "<test>") -> list[str]:
    """Functions that build a query over ``records`` without a visibility helper."""
    tree = ast.parse(source)
    bad = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call)]
        queries_records = any(
            (_call_name(c) in _QUERY_CALLS and any(_names_record(a) for a in c.args))
            or (_call_name(c) == "get" and c.args and _names_record(c.args[0]))
            for c in calls
        )
        helped = any(_call_name(c) in VISIBILITY_HELPERS for c in calls)
        if queries_records and not helped and (filename, fn.name) not in VISIBILITY_EXEMPT:
            bad.append(f"{filename}:{fn.lineno} {fn.name}")
    # a nested helper counts for the function around it, and the other way round
    return bad


def test_the_bypass_finder_finds_a_bypass() -> None:
    leaky = (
        "def leak(session):\n"
        "    return session.scalars(select(Record).where(Record.id > 0)).all()\n"
        "def fine(session, principal):\n"
        "    return session.scalars(restrict(select(Record), principal)).all()\n"
        "def joined(session):\n"
        "    return session.execute(select(Person.id).join(Record, Record.uid == Person.id))\n"
        "def got(session):\n"
        "    return session.get(Record, 1)\n"
    )
    assert [b.split()[1] for b in record_queries_bypassing(leaky)] == ["leak", "joined", "got"]


def test_no_record_query_outside_the_visibility_helper() -> None:
    offenders = []
    for folder in ("services", "web"):
        for path in (PACKAGE / folder).rglob("*.py"):
            offenders += record_queries_bypassing(path.read_text(encoding="utf-8"), path.name)
    assert not offenders, (
        "record queries that bypass shomar.store.queries.restrict/all_records: "
        + ", ".join(offenders)
    )


def test_settings_are_read_only_through_config() -> None:
    """``SHOMAR_`` variables are read by the one Settings object, so each one is documented."""
    for path in PACKAGE.rglob("*.py"):
        if path.name == "config.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('environ.get("SHOMAR_', 'getenv("SHOMAR_', 'environ["SHOMAR_'):
            assert needle not in text, f"{path.relative_to(PACKAGE)} reads {needle}…"
