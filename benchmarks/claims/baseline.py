"""The trivial baseline: every number written in digits next to a counted word is a claim.

No qualifiers, no filters, no claimant: the figure as an exact count and the category of the
nearest counted word within 40 characters in the same sentence.
"""

from __future__ import annotations

import re

from shomar.claims.candidate import ClaimCandidate
from shomar.claims.lexicon import COUNTED_AFTER, COUNTED_BEFORE
from shomar.claims.quantity import Quantity, fold_text
from shomar.claims.sentences import split_sentences

_NUMBER = re.compile(r"\d[\d,]*\d|\d")


def baseline_claims(text: str) -> list[ClaimCandidate]:
    folded = fold_text(text)
    out: list[ClaimCandidate] = []
    for sentence in split_sentences(text):
        s = folded[sentence.start : sentence.end]
        for m in _NUMBER.finditer(s):
            value = int(m.group().replace(",", ""))
            best: tuple[int, str] | None = None
            for category, pattern in [*COUNTED_AFTER, *COUNTED_BEFORE]:
                for w in pattern.finditer(s):
                    gap = w.start() - m.end() if w.start() >= m.end() else m.start() - w.end()
                    if 0 <= gap <= 40 and (best is None or gap < best[0]):
                        best = (gap, category)
            if best:
                out.append(
                    ClaimCandidate(
                        Quantity.exact(value), best[1], None, None, None, None,
                        sentence.text, sentence.start, sentence.end, 0.5,
                    )
                )  # fmt: skip
    return out
