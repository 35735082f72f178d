"""Sentences with character offsets, for English and Persian news text.

A sentence ends at ``.``, ``!``, ``?`` or ``؟`` (with any closing quotes or brackets and any
footnote markers such as ``[2]`` / ``[۲]``) followed by white space, and at a line break: plain-
text articles put titles and paragraphs on their own lines. A line break inside a hard-wrapped
paragraph does not end a sentence: when the line does not end a sentence and the next line
starts with a lower-case letter or a digit ("between 1,200 and⏎1,500 protesters") and neither
line looks like a table row (``|``) the two lines are one sentence. A full stop after a common
abbreviation ("Mr.", "Dr.", "U.N.", "p.") or a single capital initial does not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

_END = re.compile(r"[.!?؟]+[\"”’»)\]]*(?:\[[\d۰-۹]{1,3}\])*(?=\s)|\n")
_WRAPPED = re.compile(r"[^\s.!?؟:|]\n(?=[a-z\d])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Rep|Sen|No|Nos|p|pp|vs|etc|e\.g|i\.e|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|approx)|\b[A-Z])$"
)


@dataclass(frozen=True)
class Sentence:
    """``text[start:end]`` of the article, stripped of surrounding white space."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; ``text[s.start:s.end] == s.text`` for each one."""
    sentences: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if m.group() == "\n" and _wrapped(text, m.start()):
            continue
        if (
            m.group() != "\n"
            and m.group().startswith(".")
            and _ABBREVIATIONS.search(text[max(0, m.start() - 8) : m.start()])
        ):
            continue
        _add(sentences, text, start, m.end())
        start = m.end()
    _add(sentences, text, start, len(text))
    return sentences


def _wrapped(text: str, newline: int) -> bool:
    line_start = text.rfind("\n", 0, newline) + 1
    next_end = text.find("\n", newline + 1)
    lines = text[line_start : next_end if next_end >= 0 else len(text)]
    return _WRAPPED.match(text, newline - 1) is not None and "|" not in lines


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    sentences.append(Sentence(s, s + len(stripped), stripped))
