"""Keeping the Persian catalog complete: extract every message id from the templates (the web
pages' and the HTML report's), the report's Python strings marked ``_("...")`` and the data
vocabulary, and add new ones to ``messages.po`` (``python -m shomar.web.catalog``), so a
translator fills in only what is new. ``tests/web/test_languages.py`` fails on any gap."""

from __future__ import annotations

from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from shomar.web.i18n import catalog_path
from shomar.web.vocabulary import report_vocabulary, vocabulary

_JINJA = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}


def _extract(
    package: str, folder: str, method_map: list[tuple[str, str]], keyword: str = "_"
) -> list[str]:
    path = Path(str(resources.files(package) / folder)) if folder else None
    root = path or Path(str(resources.files(package)))
    found: list[str] = []
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(root),
        method_map=method_map,
        options_map={"**.html": _JINJA},
        keywords={keyword: None},
    ):
        text = message if isinstance(message, str) else message[0]
        if text not in found:
            found.append(text)
    return found


def template_messages() -> list[str]:
    return _extract("shomar.web", "templates", [("**.html", "jinja2")])


def report_messages() -> list[str]:
    """The HTML report's strings: its templates and the ``_("...")`` in its figure code."""
    return list(
        dict.fromkeys(
            [
                *_extract("shomar.reports", "templates", [("**.html", "jinja2")]),
                *_extract("shomar.reports", "", [("*.py", "python")]),
            ]
        )
    )


#: the packages and modules whose messages are made with :func:`shomar.domain.said.said` (an
#: import's problems and refusals: the checks of a row and a file, the date parser's reasons,
#: the refusal of a path that is not a readable file)
SAID_IN = (
    "shomar.ingest",
    "shomar.calendar",
    "shomar.services",
    "shomar.web.routes",
    "shomar.readable",
)


def said_messages() -> list[str]:
    """The templates of ``said("...")`` messages, which the upload page shows translated."""
    found = [message for name in SAID_IN for message in _said_in(name)]
    return list(dict.fromkeys(found))


def _said_in(name: str) -> list[str]:
    """The ``said("...")`` templates of a package's modules, or of a single module."""
    spec = find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(name)
    if spec.submodule_search_locations is not None:
        return _extract(name, "", [("*.py", "python")], keyword="said")
    return [
        message if isinstance(message, str) else message[0]
        for _line, message, _comments, _context in extract_from_file(
            "python", spec.origin, keywords={"said": None}
        )
    ]


def all_messages() -> list[str]:
    return list(
        dict.fromkeys(
            [
                *template_messages(),
                *report_messages(),
                *vocabulary(),
                *report_vocabulary(),
                *said_messages(),
            ]
        )
    )


def update(lang: str = "fa") -> list[str]:
    """Add message ids missing from ``lang``'s catalog; returns the untranslated ones."""
    path = Path(catalog_path(lang))
    with path.open("rb") as handle:
        catalog: Catalog = read_po(handle, locale=lang)
    for message in all_messages():
        if message not in catalog:
            flags = ("python-format",) if "%(" in message or "%%" in message else ()
            catalog.add(message, "", flags=flags)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return [m for m in all_messages() if not catalog.get(m) or not catalog[m].string]


if __name__ == "__main__":  # pragma: no cover
    missing = update()
    for message in missing:
        print(f"untranslated: {message}")  # noqa: T201
