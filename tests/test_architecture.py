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
