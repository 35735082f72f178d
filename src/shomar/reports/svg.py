"""Turning matplotlib figures into inline SVG, and labels that figures can draw safely.

Figures use the Agg-free SVG canvas on a bare :class:`~matplotlib.figure.Figure` (no pyplot, no
global state, no display). In the English report text is converted to paths so the SVG looks
the same everywhere. Matplotlib does not shape Persian (no joining, no right-to-left
reordering), so there a label in Arabic script is never drawn inside a figure: it is replaced by
its Latin form if one is given, or by a short key that the HTML explains next to the figure.

In the Persian report (``--lang fa``) text stays text (``svg.fonttype = "none"``): every title,
axis label and tick label is an SVG ``<text>`` element in logical order, with Vazirmatn (the
font the HTML embeds) first in its font family, so the browser shapes and orders the Persian
itself; Persian labels are then drawn as they are.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from shomar.reports.i18n import current

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ID_ATTR = re.compile(r'\bid="([^"]+)"')

#: Okabe-Ito colours (readable with colour-vision deficiencies); one meaning each.
COLOURS = {
    "claim": "#D55E00",
    "documented": "#0072B2",
    "estimate": "#009E73",
    "neutral": "#555555",
    "light": "#BBBBBB",
    "day": "#0072B2",
    "month": "#56B4E9",
    "season": "#E69F00",
    "year": "#CC79A7",
}

_RC: dict[str, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "shomar-report",
    "font.family": "DejaVu Sans",
    "font.size": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelcolor": "#333333",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
}


#: Persian report: SVG text the browser shapes, in the embedded font (DejaVu Sans measures it).
_RC_FA: dict[str, Any] = {
    **_RC,
    "svg.fonttype": "none",
    "font.family": ["Vazirmatn", "DejaVu Sans"],
}


def has_arabic_script(text: str) -> bool:
    """True if ``text`` contains Arabic-script letters (Persian, Arabic)."""
    return bool(_ARABIC_SCRIPT.search(text))


@dataclass(frozen=True)
class KeyEntry:
    """A figure label that stands for text the figure cannot draw (Persian)."""

    key: str
    text: str


@dataclass
class Labeller:
    """Gives each name a label a figure can draw; remembers the keys it had to invent."""

    prefix: str
    entries: list[KeyEntry] = field(default_factory=list)

    def __call__(self, text: str, latin: str | None = None) -> str:
        if not has_arabic_script(text) or current().lang == "fa":
            return text
        if latin and not has_arabic_script(latin):
            return latin
        for entry in self.entries:
            if entry.text == text:
                return entry.key
        key = f"{self.prefix}{len(self.entries) + 1}"
        self.entries.append(KeyEntry(key, text))
        return key


def styled() -> AbstractContextManager[None]:
    """The report's matplotlib style; build and save every figure inside it."""
    if current().lang != "fa":
        return matplotlib.rc_context(_RC)  # type: ignore[arg-type]
    return _persian_style()


@contextmanager
def _persian_style() -> Iterator[None]:
    # Vazirmatn is the browser's font (embedded in the HTML), not one matplotlib has: it
    # measures with DejaVu Sans, which has the Arabic letters; its "not found" note is noise.
    fonts = logging.getLogger("matplotlib.font_manager")
    level = fonts.level
    fonts.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(_RC_FA):  # type: ignore[arg-type]
            yield
    finally:
        fonts.setLevel(level)


def new_figure(width: float, height: float) -> Figure:
    """A bare figure (inches), detached from pyplot; call inside :func:`styled`."""
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasSVG(fig)
    return fig


def to_svg(fig: Figure, id_prefix: str) -> str:
    """The figure as an ``<svg>`` element string whose ids are unique to ``id_prefix``.

    Several figures share one HTML page, so every ``id`` (and reference to it) is prefixed.
    """
    buffer = io.StringIO()
    with styled():
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    ids = set(_ID_ATTR.findall(text))
    if not ids:
        return text
    names = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    references = re.compile(f'(id="|#)({names})(?=[")])')
    return references.sub(lambda m: f"{m.group(1)}{id_prefix}-{m.group(2)}", text)
