"""Corrections and updates: «… ۵۸۰ نفر ذکر شده بود؛ رقم درست ۵۸۲ نفر است», "It was 576".

A figure right after a correction cue (``CORRECTED`` in :mod:`~shomar.claims.counted`: "It was",
"the correct figure is", «رقم درست») that no attribution claims belongs to the source of the
figure it corrects: the last attribution before it, else the article's last claimant.
:func:`corrected_figure` gives that source and drops the corrected figure of the same category
proposed from the sentence.
"""

from __future__ import annotations

from shomar.claims.attribution import Attribution
from shomar.claims.candidate import ClaimCandidate
from shomar.claims.context import ArticleContext
from shomar.claims.quantity import QuantityMatch

__all__ = ["corrected_figure"]


def corrected_figure(
    s: str,
    match: QuantityMatch,
    attributions: list[Attribution],
    context: ArticleContext,
    counted: str,
    out: list[ClaimCandidate],
) -> tuple[Attribution | None, list[ClaimCandidate]]:
    """A correction's figure («… ۵۸۰ نفر ذکر شده بود؛ رقم درست ۵۸۲ نفر است», "It was 576"): the
    source of the figure it corrects, whose own figure of that category in the sentence is
    dropped."""
    earlier = [a for a in attributions if a.end <= match.start]
    name = earlier[-1].claimant if earlier else context.last_claimant
    kept = [c for c in out if c.counted != counted]
    return (Attribution(name, "according", 0, 0, None, False) if name else None), kept
