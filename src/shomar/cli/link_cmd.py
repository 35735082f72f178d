"""Linkage commands: ``link FILE... --out F`` (standalone), ``link run``, ``persons``, ``review``.

``shomar link`` is a group whose first word decides: ``run`` links the workspace, anything else
is a list of CSV files for the standalone command. ``shomar review`` is a group too: without a
subcommand it walks the queue interactively (or prints it with ``--list``); ``review decide A B
VERDICT`` records one verdict from a script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from typer import _click as click

from shomar.cli.context import JsonOption, WorkspaceOption, current_principal, open_ws
from shomar.cli.groups import DefaultCommandGroup
from shomar.cli.output import console, emit_json, plain
from shomar.domain.wording import counted, quoted
from shomar.errors import InputError

BackendOption = Annotated[
    str,
    typer.Option(
        "--backend",
        help="Engine: duckdb (default, in process) or spark (local Spark, same model).",
    ),
]


class _DefaultWhenEmpty(DefaultCommandGroup):
    """Like DefaultCommandGroup, and also runs the default command when given no arguments."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            args = [self.default_command]
        return super().parse_args(ctx, args)


link_app = typer.Typer(
    cls=DefaultCommandGroup,
    help=(
        "Link records into persons.\n\n"
        "Standalone: `shomar link FILE... --out F [--pairs F] [--model F] "
        "[--backend duckdb|spark] [--json]` (its options are below).\n\n"
        "Workspace: `shomar link run`."
    ),
    no_args_is_help=True,
)
persons_app = typer.Typer(help="Persons found by the latest linkage run.", no_args_is_help=True)
review_app = typer.Typer(
    cls=_DefaultWhenEmpty,
    help="Review uncertain pairs: interactive by default; `--list`, or `decide A B VERDICT`.",
)


def _check_backend(backend: str) -> str:
    from shomar.linkage.backends import BACKENDS

    if backend not in BACKENDS:
        raise InputError(
            f"Unknown backend {backend!r}.", hint=f"Use one of: {', '.join(BACKENDS)}."
        )
    return backend


@link_app.command("default", hidden=True)
def link_files(
    files: Annotated[list[Path], typer.Argument(help="CSV lists with canonical columns.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="CSV to write: one row per record.")],
    pairs_out: Annotated[
        Path | None,
        typer.Option("--pairs", help="Also write every scored pair (for plausible linkages)."),
    ] = None,
    model_out: Annotated[
        Path | None, typer.Option("--model", help="Also write the spec and trained model (JSON).")
    ] = None,
    backend: BackendOption = "duckdb",
    json: JsonOption = False,
) -> None:
    """Link CSV lists (no workspace): each record gets a person id and its best link."""
    from shomar.linkage.standalone import OUTPUT_COLUMNS, link_records, pairs_table, read_lists

    records = read_lists(files)
    with console.status("Linking…", spinner="dots") if not json else _nullcontext():
        outcome = link_records(records, backend=_check_backend(backend))
    out.parent.mkdir(parents=True, exist_ok=True)
    outcome.assignments[list(OUTPUT_COLUMNS)].to_csv(out, index=False, float_format="%.6f")
    if pairs_out is not None:
        pairs_table(outcome).to_csv(pairs_out, index=False, float_format="%.6f")
    if model_out is not None:
        model_out.write_text(outcome.model.to_json() + "\n", encoding="utf-8")
    lists = {str(k): int(v) for k, v in records["source"].value_counts().sort_index().items()}
    summary: dict[str, Any] = {
        "out": str(out),
        "backend": backend,
        "lists": lists,
        "records": len(records),
        "persons": outcome.persons,
        "pairs_scored": len(outcome.pairs),
        "seconds": {k: round(v, 3) for k, v in outcome.seconds.items()},
    }
    if json:
        emit_json(summary)
        return
    console.print(
        f"Linked {summary['records']} records from {len(lists)} list(s) into "
        f"[bold]{summary['persons']}[/bold] persons → {out}"
    )


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@link_app.command("run")
def link_run(
    workspace: WorkspaceOption = None,
    full: Annotated[
        bool, typer.Option("--full", help="Retrain and rescore everything (not incremental).")
    ] = False,
    backend: BackendOption = "duckdb",
    json: JsonOption = False,
) -> None:
    """Link the workspace's records into persons (incremental after the first run)."""
    from shomar.services.linkage import link_workspace

    ws = open_ws(workspace)
    try:
        summary = link_workspace(
            ws, backend=_check_backend(backend), full=full, principal=current_principal(ws)
        )
    finally:
        ws.close()
    if json:
        emit_json(summary)
        return
    console.print(
        f"Run {summary.run_id} ({summary.mode}): {counted(summary.records, 'record')} "
        f"({summary.new_records:,} scored) → [bold]{counted(summary.persons, 'person')}[/bold] "
        f"({summary.persons_created:,} new, {summary.persons_retired:,} retired); "
        f"{counted(summary.review_queue, 'pair')} to review, "
        f"{counted(summary.decisions_applied, 'decision')} applied."
    )


@persons_app.command("list")
def persons_list(
    workspace: WorkspaceOption = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show (0: all).")] = 50,
    json: JsonOption = False,
) -> None:
    """Persons of the latest linkage run, largest first."""
    from shomar.services.linkage import list_persons

    ws = open_ws(workspace)
    try:
        persons = list_persons(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(persons)
        return
    if not persons:
        console.print("No persons yet: run `shomar link run`.")
        return
    table = Table("person", "records", "sources", "name")
    for person in persons[: limit or None]:
        table.add_row(
            person.person_id,
            str(person.records),
            plain(", ".join(person.sources)),
            plain(person.name),
        )
    console.print(table)
    console.print(f"{counted(len(persons), 'person')}.")


@review_app.command("default", hidden=True)
def review_default(
    workspace: WorkspaceOption = None,
    list_: Annotated[
        bool, typer.Option("--list", help="Print the queue instead of reviewing.")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Pairs to show or review.")] = 20,
    json: JsonOption = False,
) -> None:
    """Review uncertain pairs one by one: same / different / unsure / skip / quit."""
    from shomar.services.linkage import review_items

    ws = open_ws(workspace)
    try:
        items = review_items(ws, limit=limit, principal=current_principal(ws))
        if json or list_:
            if json:
                emit_json(items)
            else:
                _print_queue(items)
            return
        if not items:
            console.print("Nothing to review.")
            return
        _interactive(ws, items)
    finally:
        ws.close()


def _print_queue(items: list[Any]) -> None:
    table = Table("#", "record A", "record B", "p", "value", "now")
    for i, item in enumerate(items, 1):
        table.add_row(
            str(i),
            plain(f"{item.uid_a} {_label(item.record_a)}"),
            plain(f"{item.uid_b} {_label(item.record_b)}"),
            f"{item.match_probability:.3f}",
            f"{item.value:.2f}",
            "same" if item.same_person_now else "apart",
        )
    console.print(table)


def _label(record: dict[str, Any]) -> str:
    name = record.get("full_name") or " ".join(
        x for x in (record.get("given_name"), record.get("family_name")) if x
    )
    return str(name or "")


_CHOICES = {"s": "same", "d": "different", "u": "unsure", "k": "skip", "q": "quit"}


def _shown(value: Any) -> str:
    """A field as text: empty for missing, lists joined (never ``None`` or ``['Seyed']``)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _both_calendars(text: Any) -> Any:
    """A date as written, then the days it means in the Jalali and the Gregorian calendar."""
    from shomar.calendar import format_jalali, parse_partial_date
    from shomar.errors import DateParseError

    if not text:
        return text
    try:
        parsed = parse_partial_date(str(text))
    except DateParseError:
        return f"{text} (not a date)"
    if parsed.start == parsed.end:
        span = f"{format_jalali(parsed.start)} SH = {parsed.start.isoformat()}"
    else:
        span = (
            f"{format_jalali(parsed.start)}–{format_jalali(parsed.end)} SH = "
            f"{parsed.start.isoformat()}–{parsed.end.isoformat()}"
        )
    return f"{text}  ({span})"


def _interactive(ws: Any, items: list[Any]) -> None:
    from shomar.services.linkage import REVIEW_FIELDS, decide

    principal = current_principal(ws)
    for i, item in enumerate(items, 1):
        table = Table(
            "field",
            f"A  {item.uid_a}",
            f"B  {item.uid_b}",
            title=f"Pair {i}/{len(items)} · p = {item.match_probability:.3f}",
        )
        for name in REVIEW_FIELDS:
            a, b = item.record_a.get(name), item.record_b.get(name)
            if a in (None, "") and b in (None, ""):
                continue
            if name in ("date", "birth_date"):
                a, b = _both_calendars(a), _both_calendars(b)
            table.add_row(name, plain(_shown(a)), plain(_shown(b)))
        console.print(table)
        from shomar.linkage.review import plain_level

        evidence = Table("comparison", "level", "match weight")
        for e in item.evidence:
            evidence.add_row(e["comparison"], plain_level(e["level"]), f"{e['match_weight']:+.2f}")
        console.print(evidence)
        answer = typer.prompt(
            "[s]ame / [d]ifferent / [u]nsure / s[k]ip / [q]uit (any other key skips)",
            default="k",
        ).strip()[:1]
        verdict = _CHOICES.get(answer.lower(), "skip")
        if answer.lower() not in _CHOICES:
            console.print(
                f"Unknown key {quoted(answer)}: pair skipped, no decision recorded "
                "(it stays in the queue)."
            )
        if verdict == "quit":
            break
        if verdict == "skip":
            continue
        reason = typer.prompt("Reason (optional)", default="", show_default=False)
        decide(ws, item.uid_a, item.uid_b, verdict, principal=principal, reason=reason)
        console.print(f"Recorded: {verdict}.")
    console.print("Decisions take effect in the next `shomar link run`.")


@review_app.command("decide")
def review_decide(
    record_a: Annotated[str, typer.Argument(help="Record uid or SOURCE/RECORD_ID.")],
    record_b: Annotated[str, typer.Argument(help="Record uid or SOURCE/RECORD_ID.")],
    verdict: Annotated[str, typer.Argument(help="same, different or unsure.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept with the decision).")] = "",
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Record a verdict on two records (it overrides the model in every later run)."""
    from shomar.services.linkage import decide

    ws = open_ws(workspace)
    try:
        result = decide(
            ws, record_a, record_b, verdict, principal=current_principal(ws), reason=reason
        )
    finally:
        ws.close()
    if json:
        emit_json(result)
        return
    replaced = f" (was: {result.replaces})" if result.replaces else ""
    console.print(f"{result.uid_a} · {result.uid_b}: {result.verdict}{replaced}.")


@review_app.command("decisions")
def review_decisions(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """Decisions in force (the latest per pair)."""
    from shomar.services.linkage import list_decisions

    ws = open_ws(workspace)
    try:
        decisions = list_decisions(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(decisions)
        return
    table = Table("record A", "record B", "verdict", "who", "when", "reason")
    for d in decisions:
        table.add_row(
            plain(d.uid_a),
            plain(d.uid_b),
            d.verdict,
            plain(d.actor),
            d.created.isoformat(),
            plain(d.reason),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Attach ``link``, ``persons`` and ``review`` to the root app."""
    app.add_typer(link_app, name="link")
    app.add_typer(persons_app, name="persons")
    app.add_typer(review_app, name="review")
