"""The linkage evidence in the pages' words: splink's generated labels in plain words, in
Persian on Persian pages, each comparison's weight as stored."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from shomar.linkage.review import plain_level, stored_weights
from shomar.store.tables import ReviewQueueItem

from .conftest import WebWorld

EVIDENCE = {
    "items": [
        {"comparison": "family_name", "level": "same name across scripts", "match_weight": 7.107},
        {"comparison": "father_name", "level": "missing", "match_weight": 0.0},
        {"comparison": "violation", "level": "Exact match on violation", "match_weight": 1.403},
        {"comparison": "violation_date", "level": "within a year", "match_weight": -7.896},
    ]
}


def test_generated_labels_become_plain_words() -> None:
    assert plain_level("Jaro-Winkler distance of given_key >= 0.9") == "close spelling"
    assert plain_level("Jaro-Winkler distance of place_skel >= 0.88") == (
        "close consonant skeleton"
    )
    assert plain_level("Exact match on violation") == "same"
    assert plain_level("All other comparisons") == "different"
    assert plain_level("same city") == "same city"


def test_stored_weights_are_summed_per_comparison() -> None:
    stored = {
        "mw_given_name": 4.0, "mw_tf_adj_given_name": -1.5, "gamma_given_name": 3,
        "mw_place": 7.5, "mw_sibling_rule": -0.0, "mw_conflict_rule": -10.0,
    }  # fmt: skip
    assert stored_weights(stored) == [
        ("given_name", 2.5), ("place", 7.5), ("conflict_rule", -10.0),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Family name", "same name across scripts", "missing", "same", "within a year"]),
        ("fa", ["نام خانوادگی", "همان نام در دو خط", "ناموجود", "تاریخ نقض", "در فاصلهٔ یک سال"]),
    ],
)
def test_the_review_page_shows_each_comparison_its_level_and_weight(
    world: WebWorld, lang: str, words: list[str]
) -> None:
    with world.ws.session() as session:
        run = session.scalar(select(func.max(ReviewQueueItem.run_id)))
        first = session.scalars(
            select(ReviewQueueItem)
            .where(ReviewQueueItem.run_id == run)
            .order_by(ReviewQueueItem.position)
        ).first()
        assert first is not None
        first.evidence = EVIDENCE
    page = world.login("analyst").get(f"/{lang}/review?at=0")
    assert page.status_code == 200
    for word in words:
        assert word in page.text, word
    assert "+7.11" in page.text and "-7.90" in page.text
    assert "Exact match on" not in page.text


def test_the_person_page_draws_one_bar_per_comparison_in_words(world: WebWorld) -> None:
    from shomar.store.tables import PairScore, PersonRecord

    with world.ws.session() as session:
        run = session.scalar(select(func.max(PersonRecord.run_id)))
        members = session.execute(
            select(PersonRecord.person_id, PersonRecord.record_uid).where(
                PersonRecord.run_id == run
            )
        ).all()
        by_person: dict[str, list[str]] = {}
        for person, uid in members:
            by_person.setdefault(person, []).append(uid)
        person, uids = next((p, sorted(u)) for p, u in by_person.items() if len(u) > 1)
        pair = session.scalars(
            select(PairScore).where(
                PairScore.run_id == run, PairScore.uid_a.in_(uids), PairScore.uid_b.in_(uids)
            )
        ).first()
        assert pair is not None
        pair.evidence = {
            "mw_family_name": 9.6, "mw_tf_adj_family_name": -0.9, "gamma_family_name": 9,
            "mw_violation_date": 7.7, "mw_sibling_rule": -0.0,
        }  # fmt: skip
    page = world.login("analyst").get(f"/fa/persons/{person}")
    assert page.status_code == 200
    assert "mw_" not in page.text and "gamma_" not in page.text
    assert "نام خانوادگی" in page.text and "تاریخ نقض" in page.text
    assert "8.70" in page.text  # the name-frequency adjustment added to its comparison
    assert "sibling_rule" not in page.text and "قاعدهٔ خواهر و برادر" not in page.text
