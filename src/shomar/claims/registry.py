"""Known claimants: organisations and official bodies with their names in both scripts.

The registry is data (``claimants.json`` next to this module, one entry per organisation with
its English and Persian names, aliases and the site its names were checked against). An
extracted claimant phrase *resolves* to an entry when, after folding case, Arabic letter forms,
ZWNJ and punctuation, the phrase equals one of the entry's aliases or contains it as whole
words ("the Norway-based group Iran Human Rights" → ``ihr``); the longest alias wins, so
"UN human rights office" is OHCHR and not the UN. The ledger then stores the entry's name, so
"Amnesty", "Amnesty International" and «عفو بین‌الملل» are one claimant.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["ClaimantEntry", "claimant_entry", "registry", "resolve_claimant"]


@dataclass(frozen=True)
class ClaimantEntry:
    """One known claimant; ``name`` is what the ledger stores."""

    id: str
    name: str
    name_fa: str
    kind: str
    aliases: tuple[str, ...]
    source: str


def fold_name(text: str) -> str:
    """Case, Arabic letter forms, ZWNJ, possessives and punctuation folded away."""
    text = text.translate(str.maketrans("يكىۀئ", "یکیهی")).replace("\u200c", " ")
    text = text.replace("’", "'").casefold()
    text = re.sub(r"(?<![\w.])(?:[a-z]\.){2,}", lambda m: m.group().replace(".", ""), text)  # U.N.
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def registry() -> tuple[ClaimantEntry, ...]:
    """Every entry of the shipped registry, in file order."""
    raw = resources.files("shomar.claims").joinpath("claimants.json").read_text(encoding="utf-8")
    return tuple(
        ClaimantEntry(
            id=e["id"],
            name=e["name"],
            name_fa=e["name_fa"],
            kind=e["kind"],
            aliases=tuple(e["aliases"]),
            source=e["source"],
        )
        for e in json.loads(raw)["entries"]
    )


@cache
def _aliases() -> list[tuple[str, str]]:
    pairs = [(fold_name(a), e.id) for e in registry() for a in (e.name, e.name_fa, *e.aliases)]
    return sorted({p for p in pairs if p[0]}, key=lambda p: -len(p[0]))


def claimant_entry(entry_id: str) -> ClaimantEntry:
    """The entry with id ``entry_id`` (``KeyError`` if there is none)."""
    for e in registry():
        if e.id == entry_id:
            return e
    raise KeyError(entry_id)


@cache
def resolve_claimant(phrase: str) -> str | None:
    """The id of the registry entry ``phrase`` names, or ``None``."""
    folded = f" {fold_name(phrase)} "
    if folded.strip() == "":
        return None
    for alias, entry_id in _aliases():
        if f" {alias} " in folded:
            return entry_id
    return None
