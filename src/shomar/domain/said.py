"""Messages that another language can say: English text that keeps its template and values.

An import's problems are made deep inside the readers and checks, in English, and are shown by
the CLI, the JSON API and the web pages. The web pages are Persian by default, so a message
made with :func:`said` stays an ordinary ``str`` (its English text: printed, compared, joined,
written to JSON as before) and also carries the gettext template it was made from and the
values put into it. :func:`say` renders it again through a catalog: the web's Persian
``messages.po`` holds these templates beside the pages' own strings (extracted from the
``said("...")`` calls by :mod:`shomar.web.catalog`), so a missing translation fails its test.

Templates use gettext's ``%(name)s`` placeholders. Values are text (the user's cell, quoted as
the English message quotes it), integers (shown with the reader's digits and separators) or
other :class:`Said` messages (said in the same language in turn).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Said", "said", "say"]


class Said(str):
    """The English text of ``template % values``; the template and values kept for :func:`say`."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, values: dict[str, object]) -> Said:
        self = super().__new__(cls, template % {k: _english(v) for k, v in values.items()})
        self.template, self.values = template, values
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled by the import's worker process
        return (Said, (self.template, self.values))

    def __deepcopy__(self, memo: dict[int, object]) -> Said:  # dataclasses.asdict copies
        return self


def said(template: str, /, **values: object) -> Said:
    """A message from a gettext template (``%(name)s`` placeholders) and its values."""
    return Said(template, values)


def _english(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def say(
    text: object,
    translate: Callable[[str], str],
    number: Callable[[int], str] = str,
    digits: Callable[[str], str] = str,
    isolate: Callable[[str], str] = str,
) -> str:
    """``text`` in the language of ``translate`` (a gettext function): a :class:`Said` message
    through its template, counts by ``number``, values made only of digits (a row, a year) by
    ``digits``, other values as they are (a user's text is quoted as written) and each value
    through ``isolate`` (a page puts it in a bidirectional isolate, so a Latin value keeps its
    order inside a Persian sentence). A translation that does not fit its values (a
    translator's typo) gives the English text."""
    if not isinstance(text, Said):
        return "" if text is None else str(text)
    values = {
        name: _said_value(value, translate, number, digits, isolate)
        for name, value in text.values.items()
    }
    try:
        return translate(text.template) % values
    except (KeyError, ValueError, TypeError):
        return str(text)


def _said_value(
    value: object,
    translate: Callable[[str], str],
    number: Callable[[int], str],
    digits: Callable[[str], str],
    isolate: Callable[[str], str],
) -> str:
    if isinstance(value, Said):
        return say(value, translate, number, digits, isolate)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value)
    text = str(value)
    return digits(text) if text.isascii() and text.isdigit() else isolate(text)
