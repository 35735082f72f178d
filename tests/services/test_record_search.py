"""Name search: every query word must match (keys intersected in the index), either script,
only the tiers the principal sees, and the page's summaries carry their source and person."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from shomar.errors import NotFoundError
from shomar.security.principal import ANONYMOUS
from shomar.services.imports import import_file
from shomar.services.linkage import link_workspace
from shomar.services.records import get_person, search_records
from shomar.store.workspace import Workspace
from support.principals import ADMIN, VIEWER

ROWS = [  # given, family, tier
    ("Ali", "Karimi", "public"),
    ("Ali", "Rezaei", "public"),
    ("Reza", "Karimi", "public"),
    ("علی", "کریمی", "restricted"),
    ("Zahra", "Karimi", "confidential"),
    ("Maryam", "Ahmadi", "public"),
]


@pytest.fixture
def searched(sqlite_workspace: Workspace, tmp_path: Path) -> Workspace:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "given_name", "family_name", "confidentiality"])
        for i, (given, family, tier) in enumerate(ROWS):
            writer.writerow([f"S{i}", given, family, tier])
    import_file(sqlite_workspace, path, "Search list (SYNTHETIC)", principal=ADMIN)
    return sqlite_workspace


def _names(ws: Workspace, q: str, principal: object = ADMIN) -> list[str]:
    page = search_records(ws, principal=principal, q=q)  # type: ignore[arg-type]
    assert page.total == len(page.items)
    return sorted(item.full_name for item in page.items)


def test_two_words_find_only_records_with_both(searched: Workspace) -> None:
    assert _names(searched, "Ali Karimi") == ["Ali Karimi", "علی کریمی"]
    assert _names(searched, "Karimi Ali") == ["Ali Karimi", "علی کریمی"]


def test_one_word_finds_every_record_with_it_in_either_script(searched: Workspace) -> None:
    assert _names(searched, "کریمی") == ["Ali Karimi", "Reza Karimi", "Zahra Karimi", "علی کریمی"]


def test_a_word_no_name_holds_finds_nothing(searched: Workspace) -> None:
    assert _names(searched, "Ali Ahmadi") == []
    assert _names(searched, "Qqqq") == []


def test_search_shows_only_the_tiers_the_principal_sees(searched: Workspace) -> None:
    assert _names(searched, "Karimi", VIEWER) == ["Ali Karimi", "Reza Karimi", "علی کریمی"]
    assert _names(searched, "Karimi", ANONYMOUS) == ["Ali Karimi", "Reza Karimi"]


def test_summaries_carry_source_score_and_person(searched: Workspace) -> None:
    link_workspace(searched, principal=ADMIN)
    page = search_records(searched, principal=ADMIN, q="Maryam Ahmadi")
    (item,) = page.items
    assert item.source == "Search list (SYNTHETIC)"
    assert item.tier == "public"
    assert item.score is not None and item.score >= 0.5
    assert item.person_id is not None
    person = get_person(searched, item.person_id, principal=ADMIN)
    assert [r.uid for r in person.records] == [item.uid]
    assert person.sources == ["Search list (SYNTHETIC)"]
    assert person.records[0].person_id == item.person_id


def test_a_person_of_hidden_records_only_is_not_found(searched: Workspace) -> None:
    link_workspace(searched, principal=ADMIN)
    (zahra,) = search_records(searched, principal=ADMIN, q="Zahra").items
    assert zahra.person_id is not None
    with pytest.raises(NotFoundError):
        get_person(searched, zahra.person_id, principal=VIEWER)


def test_pages_split_the_ranked_matches(searched: Workspace) -> None:
    first = search_records(searched, principal=ADMIN, q="Karimi", page=1, page_size=3)
    second = search_records(searched, principal=ADMIN, q="Karimi", page=2, page_size=3)
    assert first.total == second.total == 4 and first.has_next and not second.has_next
    uids = [i.uid for i in first.items] + [i.uid for i in second.items]
    assert len(set(uids)) == 4
