"""Claims proposed from an article's text and confirmed by a person, into the ledger.

The extraction engine (:mod:`shomar.claims.extract`) proposes candidates; a person confirms,
edits or rejects each one (``shomar claims extract --add`` in a terminal, the web's
confirmation form in a browser); :func:`add_confirmed` stores the confirmed ones through the
claims service, each pointing to the kept article and its quoted span.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from shomar.claims.candidate import ClaimCandidate
from shomar.claims.extract import extract_claims
from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.claims import COUNTED, ClaimInfo, QuantityInput, add_claim
from shomar.services.documents import keep_document
from shomar.store.workspace import Workspace

#: the longest article the web form takes (characters)
MAX_TEXT = 200_000


@dataclass(frozen=True)
class CandidateChoice:
    """A person's decision on candidate ``number`` (1-based): add it, with these corrections.

    An empty ``claimant`` or ``counted`` keeps the candidate's; ``quantity`` ``None`` keeps its
    number. Candidates without a choice are rejected (not added).
    """

    number: int
    claimant: str = ""
    counted: str = ""
    quantity: QuantityInput | None = None


def registry_name(claimant: str) -> tuple[str, str | None]:
    """The name and kind the ledger stores for ``claimant`` (its registry entry's, if known)."""
    from shomar.claims.registry import claimant_entry, resolve_claimant

    entry_id = resolve_claimant(claimant)
    if entry_id is None:
        return claimant.strip(), None
    entry = claimant_entry(entry_id)
    return entry.name, entry.kind


def propose(text: str) -> list[ClaimCandidate]:
    """The candidates the extraction engine proposes in ``text`` (nothing is stored)."""
    if len(text) > MAX_TEXT:
        raise InputError(
            f"The article is {len(text):,} characters; the limit is {MAX_TEXT:,}.",
            hint="Paste the part of the article that states the numbers.",
        )
    if not text.strip():
        raise InputError("The article is empty.", hint="Paste its text or upload a .txt file.")
    return extract_claims(text)


def _checked(
    candidates: Sequence[ClaimCandidate], choices: Sequence[CandidateChoice]
) -> list[tuple[ClaimCandidate, CandidateChoice, QuantityInput]]:
    """Every choice checked before anything is stored (all problems of one kind at once)."""
    unknown = [c.number for c in choices if not 1 <= c.number <= len(candidates)]
    if unknown:
        raise InputError(
            f"There is no candidate {', '.join(map(str, unknown))} (found {len(candidates)})."
        )
    bad = [c.counted for c in choices if c.counted and c.counted not in COUNTED]
    if bad:
        raise InputError(
            f"Unknown counted category {', '.join(map(repr, bad))}.",
            hint=f"Use one of: {', '.join(COUNTED)}.",
        )
    out = []
    for choice in choices:
        candidate = candidates[choice.number - 1]
        q = candidate.quantity
        quantity = choice.quantity or QuantityInput(q.value, q.lower, q.upper, q.qualifier)
        out.append((candidate, choice, quantity.checked()))
    return out


def add_confirmed(
    ws: Workspace,
    candidates: Sequence[ClaimCandidate],
    choices: Sequence[CandidateChoice],
    *,
    source: str,
    document_id: int | None,
    event: str | None = None,
    note: str = "",
    principal: Principal,
) -> list[ClaimInfo]:
    """Add the confirmed candidates to the ledger (the claimant defaults to ``source``)."""
    authorize(ws, principal, "claims.add")
    added = []
    for candidate, choice, quantity in _checked(candidates, choices):
        name, kind = registry_name(choice.claimant or candidate.claimant or source)
        added.append(
            add_claim(
                ws,
                claimant=name,
                claimant_kind=kind,
                counted=choice.counted or candidate.counted,
                quantity=quantity,
                event=event or None,
                date_stated=candidate.date_stated,
                quote=candidate.quote,
                document_id=document_id,
                start=candidate.start,
                end=candidate.end,
                cites=[registry_name(candidate.cites)[0]] if candidate.cites else [],
                notes=note or f"extracted from an article, confirmed by {principal.name}",
                principal=principal,
            )
        )
    return added


def confirm_from_text(
    ws: Workspace,
    text: str,
    choices: Sequence[CandidateChoice],
    *,
    source: str,
    name: str = "article.txt",
    event: str | None = None,
    principal: Principal,
) -> list[ClaimInfo]:
    """Keep the article as a document of ``source`` and add the confirmed candidates.

    The candidates are extracted again from ``text`` on the server, so the quotes and their
    offsets are the engine's, never the form's.
    """
    authorize(ws, principal, "claims.add")
    if not source.strip():
        raise InputError("Name the article's publisher (the document's source).")
    candidates = propose(text)
    _checked(candidates, choices)
    if not choices:
        raise InputError("No candidate was confirmed; nothing was added.")
    safe = re.sub(r"[^\w.\- ]", "_", Path(name.replace("\\", "/")).name).strip(" .")[:80]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (safe or "article.txt")
        path.write_text(text, encoding="utf-8")
        document_id = keep_document(ws, path, source.strip(), principal=principal)
    return add_confirmed(
        ws, candidates, choices, source=source.strip(), document_id=document_id, event=event,
        note=f"extracted from {path.name}, confirmed by {principal.name}", principal=principal,
    )  # fmt: skip


__all__ = [
    "MAX_TEXT",
    "CandidateChoice",
    "add_confirmed",
    "confirm_from_text",
    "propose",
    "registry_name",
]
