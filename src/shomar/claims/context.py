"""What the extractor remembers from earlier sentences of the same article.

One :class:`ArticleContext` lives for one :func:`~shomar.claims.extract.extract_claims` call:
the last claimant, person, organisation, category and event named (for "it", "the group", "the
figure"), the paragraph's speaker, the article's own country and a list heading's source.
"""

from __future__ import annotations

from dataclasses import dataclass

from shomar.claims.attribution import Attribution
from shomar.claims.scope import HOME_DEFAULT

__all__ = ["ArticleContext"]


@dataclass
class ArticleContext:
    """What the extractor remembers from earlier sentences of the same article."""

    last_claimant: str | None = None
    last_person: str | None = None
    last_org: str | None = None
    last_counted: str | None = None
    last_mention: str | None = None
    last_event: str | None = None
    previous_end: int = 0
    #: the main attribution of the previous sentence, while the paragraph goes on
    paragraph_claimant: Attribution | None = None
    #: the article's own country (:mod:`~shomar.claims.scope`): figures placed in another are
    #: not proposed
    home: str = HOME_DEFAULT
    #: the party of the paragraph's last proposed figure
    tally_speaker: str | None = None
    #: the source a list heading names, for the bulleted lines under it
    #: (:mod:`~shomar.claims.lists`)
    list_source: str | None = None
    #: the source the previous sentence introduced without a figure
    #: (:mod:`~shomar.claims.introductions`), for the next sentence's figures
    introduced: str | None = None
    #: what the heading's list counts ("Monthly executions recorded by HRANA:"), for bare lines
    list_category: str | None = None
