"""`shomar claims` (the ledger, extraction, export, comparison) and `shomar events`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shomar.cli.context import (
    JsonOption,
    WorkspaceOption,
    call_service,
    current_principal,
    open_ws,
)
from shomar.cli.output import console, emit_json, plain
from shomar.errors import InputError

if TYPE_CHECKING:  # the extractor's import costs every command a fifth of a second
    from shomar.claims.candidate import ClaimCandidate

claims_app = typer.Typer(help="The claims ledger: who claimed what number, when, citing whom.")

Counted = Annotated[
    str,
    typer.Option("--counted", help="What was counted: killed, executed, arrested, detained, …"),
]


def _quantity_text(q: Mapping[str, object]) -> str:
    qualifier, value, lower, upper = q["qualifier"], q["value"], q["lower"], q["upper"]

    def fmt(x: object) -> str:
        return f"{float(x):,.0f}" if isinstance(x, int | float) else "?"  # type: ignore[arg-type]

    if qualifier == "at_least":
        return f"at least {fmt(value if value is not None else lower)}"
    if qualifier == "at_most":
        return f"at most {fmt(value if value is not None else upper)}"
    if qualifier in ("range", "vague"):
        return f"{fmt(lower)}–{fmt(upper)}" + (" (vague)" if qualifier == "vague" else "")
    return ("about " if qualifier == "approximately" else "") + fmt(value)


@claims_app.command("add")
def add(
    claimant: Annotated[str, typer.Option("--claimant", help="Source that stated the number.")],
    counted: Counted,
    value: Annotated[float | None, typer.Option("--value", help="The number as stated.")] = None,
    lower: Annotated[float | None, typer.Option("--lower", help="Lower bound (ranges).")] = None,
    upper: Annotated[float | None, typer.Option("--upper", help="Upper bound (ranges).")] = None,
    qualifier: Annotated[
        str,
        typer.Option("--qualifier", help="exact, at_least, at_most, approximately, range, vague"),
    ] = "exact",
    event: Annotated[str | None, typer.Option("--event", help="Event the claim is about.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Date stated (any calendar).")] = None,
    quote: Annotated[str, typer.Option("--quote", help="The quoted text.")] = "",
    cites: Annotated[
        list[str] | None,
        typer.Option("--cites", help="Claim uid or source name it cites (repeat)."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Kind of a new claimant source.")
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Add a claim to the ledger (a claimant the registry knows is stored under its name)."""
    from shomar.services.claims import QuantityInput, add_claim

    name, known_kind = _registry_name(claimant)
    info = call_service(
        workspace,
        add_claim,
        create=True,
        claimant=name,
        counted=counted,
        quantity=QuantityInput(value, lower, upper, qualifier),
        event=event,
        date_stated=date,
        quote=quote,
        cites=cites or (),
        claimant_kind=kind or known_kind,
    )
    if json:
        emit_json(info.to_dict())
        return
    console.print(
        f"Claim [bold]{info.uid}[/bold] added: {info.claimant} — "
        f"{_quantity_text(info.quantity)} {info.counted}."
    )


@claims_app.command("correct")
def correct(
    uid: Annotated[str, typer.Argument(help="The claim to correct.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept with the new version).")],
    value: Annotated[float | None, typer.Option("--value")] = None,
    lower: Annotated[float | None, typer.Option("--lower")] = None,
    upper: Annotated[float | None, typer.Option("--upper")] = None,
    qualifier: Annotated[str | None, typer.Option("--qualifier")] = None,
    date: Annotated[str | None, typer.Option("--date")] = None,
    event: Annotated[str | None, typer.Option("--event")] = None,
    claimant: Annotated[
        str | None,
        typer.Option(
            "--claimant",
            help="The source that stated the number (a known name is "
            "stored under its registry name).",
        ),
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Record a corrected version of a claim (the old version is kept)."""
    from shomar.services.claims import ClaimCorrection, QuantityInput, correct_claim, list_claims

    ws = open_ws(workspace)
    try:
        quantity = None
        if any(x is not None for x in (value, lower, upper, qualifier)):
            current = next(
                (c for c in list_claims(ws, principal=current_principal(ws)) if c.uid == uid),
                None,
            )
            base = dict(current.quantity) if current else {}
            if value is not None and (qualifier or base.get("qualifier")) not in ("range", "vague"):
                base["lower"] = base["upper"] = None  # bounds follow the corrected value
            for key, new in (
                ("value", value),
                ("lower", lower),
                ("upper", upper),
                ("qualifier", qualifier),
            ):
                if new is not None:
                    base[key] = new
            quantity = QuantityInput(
                base.get("value"), base.get("lower"), base.get("upper"),
                str(base.get("qualifier") or "exact"),
            )  # fmt: skip
        name, kind = _registry_name(claimant) if claimant is not None else (None, None)
        correction = ClaimCorrection(
            quantity=quantity, date_stated=date, event=event, claimant=name, claimant_kind=kind
        )
        info = correct_claim(ws, uid, correction, reason=reason, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(info.to_dict())
        return
    console.print(f"Claim {info.uid} is now at version {info.version}.")


@claims_app.command("list")
def list_(
    event: Annotated[
        str | None, typer.Option("--event", help="Only claims about this event.")
    ] = None,
    history: Annotated[
        bool, typer.Option("--history", help="Every version, not only the current.")
    ] = False,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """List the claims in the ledger."""
    from shomar.services.claims import list_claims

    claims = call_service(workspace, list_claims, event=event, history=history)
    if json:
        emit_json([c.to_dict() for c in claims])
        return
    table = Table(title="Claims")
    table.add_column("uid", no_wrap=True, min_width=12)  # whole, so it can be copied
    for name in ("v", "claimant", "stated", "quantity", "counted", "event", "cites"):
        table.add_column(name)
    for c in claims:
        table.add_row(
            escape(c.uid),
            str(c.version),
            escape(c.claimant),
            str(c.date_stated or ""),
            _quantity_text(c.quantity),
            c.counted,
            escape(c.event or ""),
            escape(", ".join(c.cites)),
        )
    console.print(table)


def _registry_name(claimant: str) -> tuple[str, str | None]:
    from shomar.services.claim_intake import registry_name

    return registry_name(claimant)


def _numbered(values: list[str] | None, option: str, count: int) -> dict[int, str]:
    """``["1=Amnesty International", "3=executed"]`` as ``{1: …, 3: …}``."""
    out: dict[int, str] = {}
    for item in values or []:
        number, sep, value = item.partition("=")
        if not sep or not number.strip().isdigit() or not value.strip():
            raise InputError(
                f"{option} {item!r}: give the candidate number and the value, e.g. "
                f"{option} '2=Amnesty International'."
            )
        n = int(number)
        if not 1 <= n <= count:
            raise InputError(f"{option} {item!r}: there is no candidate {n} (found {count}).")
        out[n] = value.strip()
    return out


@claims_app.command("extract")
def extract(
    file: Annotated[
        Path, typer.Argument(help="Article as plain text (UTF-8), English or Persian.")
    ],
    add_: Annotated[
        bool, typer.Option("--add", help="Add the candidates to the ledger (after review).")
    ] = False,
    pick: Annotated[
        str | None, typer.Option("--pick", help="With --add: only these candidates, e.g. 1,3.")
    ] = None,
    source: Annotated[
        str,
        typer.Option("--source", help="Publisher of the article (kept as the document's source)."),
    ] = "Unattributed article",
    event: Annotated[
        str | None, typer.Option("--event", help="With --add: the event the claims are about.")
    ] = None,
    claimant: Annotated[
        list[str] | None,
        typer.Option(
            "--claimant",
            help="With --add: correct a candidate's claimant, e.g. --claimant '2=Amnesty "
            "International' (repeat).",
        ),
    ] = None,
    counted: Annotated[
        list[str] | None,
        typer.Option(
            "--counted",
            help="With --add: correct a candidate's counted word, e.g. --counted 3=executed "
            "(repeat).",
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help="With --add: add without asking (scripts); the default asks "
            "per candidate when run in a terminal.",
        ),
    ] = False,
    ask: Annotated[
        bool,
        typer.Option(
            "--ask", help="With --add: ask per candidate even when input is not a terminal."
        ),
    ] = False,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Propose claims in an article: number, what was counted, who said it, when, citing whom."""
    import sys

    from shomar.claims.extract import extract_from_file

    candidates = extract_from_file(file)
    chosen = list(range(1, len(candidates) + 1))
    if pick:
        try:
            chosen = [int(x) for x in pick.split(",") if x.strip()]
        except ValueError:
            raise InputError(f"--pick {pick!r}: give candidate numbers like 1,3.") from None
    claimants = _numbered(claimant, "--claimant", len(candidates))
    counts = _numbered(counted, "--counted", len(candidates))
    for n, category in counts.items():
        if category not in COUNTED_CHOICES:
            raise InputError(
                f"--counted {n}={category}: unknown category.",
                hint=f"Use one of: {', '.join(COUNTED_CHOICES)}.",
            )
    if not json:
        _print_candidates(file, candidates)
    added: list[str] = []
    if add_:
        interactive = ask or (not yes and not json and sys.stdin.isatty())
        reviewed = _review(candidates, chosen, claimants, counts, source, interactive)
        added = _add_candidates(file, candidates, reviewed, source, event, workspace)
    if json:
        emit_json(
            [c.to_dict() for c in candidates]
            if not add_
            else {"candidates": [c.to_dict() for c in candidates], "added": added}
        )
        return
    if added:
        console.print(f"Added {len(added)} claim(s): {', '.join(added)}")
    elif candidates and not add_:
        console.print(
            "Review them, then add with --add [--pick 1,2] [--claimant 2=NAME] "
            "[--counted 2=CATEGORY] [--event NAME]."
        )


COUNTED_CHOICES = (
    "killed", "executed", "sentenced_to_death", "arrested", "detained", "disappeared",
    "injured", "tortured",
)  # fmt: skip


def _print_candidates(file: Path, candidates: list[ClaimCandidate]) -> None:
    console.print(f"[bold]Claim candidates in {escape(file.name)}[/bold] (confirm before adding):")
    for i, c in enumerate(candidates, start=1):
        who = c.claimant or "(the article itself)"
        if c.cites:
            who += f", citing {c.cites}"
        facts = [f"claimant: {who}"]
        if c.claimant_id:
            facts.append(f"known as {_registry_name(c.claimant or '')[0]}")
        if c.date_stated:
            facts.append(f"stated {c.date_stated}")
        if c.event_hint:
            facts.append(f"event cue: {c.event_hint}")
        facts.append(f"confidence {c.confidence:.2f}")
        console.print(
            f"{i}. [bold]{escape(_quantity_text(c.quantity.to_dict()))} {c.counted}[/bold] — "
            + escape(" · ".join(facts)),
            highlight=False,
        )
        spans = ", ".join(f"{s}–{e}" for s, e in (c.spans or ((c.start, c.end),)))
        console.print(f"   “{escape(c.quote)}” [dim](chars {spans})[/dim]", highlight=False)


def _review(
    candidates: list[ClaimCandidate],
    chosen: list[int],
    claimants: dict[int, str],
    counts: dict[int, str],
    source: str,
    ask: bool,
) -> list[tuple[int, str, str]]:
    """``(number, claimant, counted)`` of each candidate to add, after the user's corrections."""
    out: list[tuple[int, str, str]] = []
    for number in chosen:
        if not 1 <= number <= len(candidates):
            raise InputError(f"There is no candidate {number} (found {len(candidates)}).")
        c = candidates[number - 1]
        who = claimants.get(number) or c.claimant or source
        what = counts.get(number) or c.counted
        if ask:
            console.print(
                f"Candidate {number}: {escape(_quantity_text(c.quantity.to_dict()))} {what}",
                highlight=False,
            )
            if not typer.confirm("  Add it?", default=True):
                continue
            who = typer.prompt("  Claimant", default=who).strip() or who
            while True:
                what = typer.prompt("  Counted", default=what).strip()
                if what in COUNTED_CHOICES:
                    break
                console.print(f"  Use one of: {', '.join(COUNTED_CHOICES)}.")
        out.append((number, who, what))
    return out


def _add_candidates(
    file: Path,
    candidates: list[ClaimCandidate],
    reviewed: list[tuple[int, str, str]],
    source: str,
    event: str | None,
    workspace: Path | None,
) -> list[str]:
    from shomar.services.claim_intake import CandidateChoice, add_confirmed
    from shomar.services.documents import keep_document

    ws = open_ws(workspace, create=True)
    try:
        principal = current_principal(ws)
        document_id = keep_document(ws, file, source, principal=principal)
        added = add_confirmed(
            ws,
            candidates,
            [CandidateChoice(number, who, what) for number, who, what in reviewed],
            source=source,
            document_id=document_id,
            event=event,
            note=f"extracted from {file.name}, confirmed by {principal.name}",
            principal=principal,
        )
        return [info.uid for info in added]
    finally:
        ws.close()


@claims_app.command("export")
def export(
    out: Annotated[Path, typer.Argument(help="File to write.")],
    format_: Annotated[
        str, typer.Option("--format", help="csv or jsonld (schema.org ClaimReview).")
    ] = "csv",
    workspace: WorkspaceOption = None,
) -> None:
    """Export current claims as CSV or ClaimReview JSON-LD, with their relation to the evidence."""
    import json as jsonlib

    from shomar.claims.exports import claims_csv, claims_jsonld
    from shomar.config import settings
    from shomar.services.claims import list_claims
    from shomar.services.comparison import compare_event

    ws = open_ws(workspace)
    try:
        principal = current_principal(ws)
        related = {
            c.claim.uid: (c.relation, c.rule)
            for view in compare_event(ws, principal=principal)
            for c in view.claims
        }
        rows = [
            {
                **c.to_dict(),
                "relation": related.get(c.uid, ("", ""))[0],
                "rule": related.get(c.uid, ("", ""))[1],
            }
            for c in list_claims(ws, principal=principal)
        ]
    finally:
        ws.close()
    if format_ == "csv":
        out.write_text(claims_csv(rows), encoding="utf-8")
    elif format_ == "jsonld":
        out.write_text(
            jsonlib.dumps(
                claims_jsonld(rows, reviewer=settings().organisation), ensure_ascii=False, indent=2
            ),
            encoding="utf-8",
        )
    else:
        raise InputError(f"Unknown format {format_!r}.", hint="Use csv or jsonld.")
    console.print(f"Wrote {len(rows)} claim(s) to {out}.")


@claims_app.command("compare")
def compare(
    event: Annotated[str | None, typer.Option("--event", help="Only this event.")] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Claimed vs documented vs estimated, per event and counted category — side by side."""
    from shomar.services.comparison import compare_event

    views = call_service(workspace, compare_event, event)
    if json:
        emit_json([v.to_dict() for v in views])
        return
    for view in views:
        console.rule(f"{view.event} — {view.counted}")
        documented = (
            "no linkage yet"
            if view.documented is None
            else (
                f"{_count(view.documented)} unique persons "
                f"({_count(view.documented_multi_source)} named by more than one source)"
            )
        )
        console.print(f"[bold]Documented[/bold] (linked records): {documented}")
        for e in view.estimates:
            interval = f"{e.interval[0]:,.0f}–{e.interval[1]:,.0f}" if e.interval else "no interval"
            console.print(
                f"[bold]Estimated[/bold] ({e.method}, run {e.run_id}): {e.estimate:,.0f}  "
                f"({e.level:.0%} {interval}; {escape(e.interval_type)})"
                + ("  [bold red]STALE[/bold red]" if e.stale else "")
            )
        for warning in view.warnings:
            console.print(f"[yellow]•[/yellow] {escape(warning)}", highlight=False)
        if not view.estimates:
            console.print("[bold]Estimated[/bold]: no estimate yet")
        table = Table("claimant", "stated", "quantity", "relation to the evidence", "rule")
        for c in view.claims:
            table.add_row(
                plain(c.claim.claimant),
                str(c.claim.date_stated or ""),
                _quantity_text(c.claim.quantity),
                c.relation,
                c.rule,
            )
        console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(claims_app, name="claims")


def _count(value: int | str | None) -> str:
    """A count as shown: thousands separated, or a suppressed small cell ("< 5") as it is."""
    return f"{value:,}" if isinstance(value, int) else str(value)
