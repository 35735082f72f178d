"""The root app's commands: which module registers each one, and its one-line help.

Each module owns one resource and attaches its commands in ``register``. The root imports a
module only when one of its commands runs (:mod:`shomar.cli.lazy`), so the names and
summaries shown by ``shomar --help`` are listed here, in the order of that help (commands,
then groups). ``tests/cli/test_lazy_commands.py`` checks this table against the modules.
"""

from __future__ import annotations

import importlib

import typer

from shomar.cli.lazy import LazyCommand

_CLI = "shomar.cli."

MODULES = tuple(
    _CLI + name
    for name in (
        "demo_cmd",
        "workspace_cmd",
        "documents_cmd",
        "dates_cmd",
        "names_cmd",
        "places_cmd",
        "records_cmd",
        "link_cmd",
        "estimate_cmd",
        "claims_cmd",
        "report_cmd",
        "admin_cmd",
        "users_cmd",
        "serve_cmd",
        "security_cmd",
        "jobs_cmd",
    )
)


def _entry(module: str, summary: str) -> LazyCommand:
    return LazyCommand(_CLI + module, summary)


TABLE: dict[str, LazyCommand] = {
    "demo": _entry(
        "demo_cmd",
        "Simulate SYNTHETIC lists, import, link, estimate, compare claims and write report.html.",
    ),
    "init": _entry(
        "workspace_cmd",
        "Create a workspace (SQLite store, raw documents folder) or upgrade an existing one.",
    ),
    "import": _entry(
        "workspace_cmd", "Import a list of records. Atomic: any problem and nothing is stored."
    ),
    "stats": _entry(
        "workspace_cmd", "Counts of sources, documents, records, persons, claims and events."
    ),
    "simulate": _entry(
        "workspace_cmd",
        "Write SYNTHETIC overlapping lists of a fictional event, with their ground truth.",
    ),
    "report": _entry(
        "report_cmd",
        "Write one self-contained HTML report: sources, overlap, dates, linkage, estimates, "
        "claims.",
    ),
    "export": _entry(
        "admin_cmd",
        "Export the public registry (a Frictionless data package) through the redaction policy.",
    ),
    "serve": _entry(
        "serve_cmd",
        "Serve the web app (Persian and English pages) and the JSON API under /api/v1.",
    ),
    "backup": _entry(
        "security_cmd",
        "Consistent snapshot (works while others write), documents and manifest, encrypted.",
    ),
    "restore": _entry(
        "security_cmd",
        "Restore a backup and verify it: manifest, audit chain, records, public export.",
    ),
    "publish": _entry(
        "security_cmd",
        "Build a separate public database (and data package) with only what the policy publishes.",
    ),
    "worker": _entry(
        "jobs_cmd",
        "Run queued jobs (imports, linkage, estimates, reports, backups) as their submitters.",
    ),
    "events": _entry(
        "workspace_cmd",
        "Events: named episodes (e.g. a protest wave) that records and claims refer to.",
    ),
    "documents": _entry(
        "documents_cmd",
        "Documents: each imported file with its SHA-256, source and status "
        "(active / withdrawn / replaced).",
    ),
    "dates": _entry("dates_cmd", "Partial dates (Jalali or Gregorian) as intervals of days."),
    "names": _entry("names_cmd", "Persian and Latin names: compare and parse."),
    "places": _entry("places_cmd", "Places in Iran and abroad: resolve free text."),
    "records": _entry(
        "records_cmd", "Records: their confidentiality tier and their encrypted fields."
    ),
    "link": _entry("link_cmd", "Link records into persons."),
    "persons": _entry("link_cmd", "Persons found by the latest linkage run."),
    "review": _entry(
        "link_cmd",
        "Review uncertain pairs: interactive by default; `--list`, or `decide A B VERDICT`.",
    ),
    "estimate": _entry(
        "estimate_cmd",
        "Estimate the number of victims from overlapping lists (multiple systems estimation).",
    ),
    "claims": _entry(
        "claims_cmd", "The claims ledger: who claimed what number, when, citing whom."
    ),
    "audit": _entry("admin_cmd", "The tamper-evident audit log."),
    "users": _entry("users_cmd", "Accounts for the web app and the API."),
    "keys": _entry(
        "security_cmd", "Encryption keys: rotation, backup recipient, search by blind index."
    ),
    "sources": _entry("security_cmd", "Sources: who reported lists and claims."),
    "jobs": _entry("jobs_cmd", "Background jobs (submitted by the web app)."),
}


def register(app: typer.Typer) -> None:
    """Attach the commands of every module to ``app`` now (the eager tree the tests compare
    the lazy root with)."""
    for module in MODULES:
        importlib.import_module(module).register(app)
