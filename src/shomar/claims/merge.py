"""One proposal per repeated figure: a headline and its body, or a figure said twice.

Two candidates of one article are the same claim when they state the same figure (value, or
bounds of a range) of the same category and either have the same claimant (the same registry
entry, or the same name) and cite the same party, or one of them is unattributed, or one comes
from the headline (and neither cites anyone). The kept candidate is the body's over the
headline's, then the most informative (a claimant, a qualifier other than exact, a date); its
``spans`` lists every sentence that states the figure, its own first.
"""

from __future__ import annotations

from shomar.claims.candidate import ClaimCandidate

__all__ = ["merge_repeated"]


def merge_repeated(candidates: list[ClaimCandidate], headlines: set[int]) -> list[ClaimCandidate]:
    """One candidate per repeated figure: same figure, category and claimant (or one side
    unattributed, or a headline), keeping the most informative and every span."""
    out: list[ClaimCandidate] = []
    for c in candidates:
        for i, kept in enumerate(out):
            if _figure(kept) != _figure(c) or kept.counted != c.counted:
                continue
            from_headline = id(kept) in headlines or id(c) in headlines
            same = _same_claimant(kept, c) or (
                (kept.claimant is None or c.claimant is None) and kept.cites == c.cites
            )
            if not (same or (from_headline and not (kept.cites or c.cites))):
                continue
            best, _ = sorted((kept, c), key=lambda x: (id(x) in headlines, -_information(x)))
            spans = tuple(dict.fromkeys([*best.spans, *kept.spans, *c.spans]))
            merged = ClaimCandidate(**{**vars(best), "spans": spans})
            if id(best) in headlines:
                headlines.add(id(merged))
            out[i] = merged
            break
        else:
            out.append(c)
    return out


def _same_claimant(a: ClaimCandidate, b: ClaimCandidate) -> bool:
    if a.claimant is None or b.claimant is None:
        return False
    if a.claimant_id and a.claimant_id == b.claimant_id:
        return a.cites == b.cites
    return a.claimant.casefold() == b.claimant.casefold() and a.cites == b.cites


def _information(c: ClaimCandidate) -> int:
    return (
        (c.claimant is not None) * 4
        + (c.quantity.qualifier != "exact") * 2
        + (c.date_stated is not None)
    )


def _figure(c: ClaimCandidate) -> tuple[int | None, ...]:
    q = c.quantity
    return (q.value,) if q.value is not None else (q.lower, q.upper)
