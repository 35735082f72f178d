"""Romanised spellings of Iranian places: compounds, transliteration systems, exonyms."""

from __future__ import annotations

import pytest
from benchmarks.places.romanised import load, score
from hypothesis import given
from hypothesis import strategies as st

from shomar.places import resolve_place
from shomar.places.romanised import loose_key
from shomar.text.normalize import latin_key


@pytest.mark.parametrize("row", load("dev"), ids=lambda row: row["text"])
def test_dev_spellings_resolve_to_the_labelled_place(row: dict[str, str]) -> None:
    outcome = score(row)
    assert outcome.passed, (row, outcome.got)


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    m = resolve_place(text)
    return (m.province_iso, m.city, m.site)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Qaemshahr", "Qaem Shahr", "Qaem-Shahr", "Ghaemshahr"),
        ("Bandar Abbas", "Bandarabbas", "Bandar-e Abbas"),
        ("Eslamshahr", "Eslam Shahr", "Eslam-Shahr"),
        ("Shahrekord", "Shahr-e Kord"),
    ],
)
def test_joined_spaced_and_hyphenated_compounds_resolve_alike(spellings: tuple[str, ...]) -> None:
    places = {_where(s) for s in spellings}
    assert len(places) == 1
    assert next(iter(places))[1] is not None


def test_a_word_of_a_compound_is_not_the_place() -> None:
    assert resolve_place("Vakil Abad").site == "Vakilabad Prison"
    m = resolve_place("Golbarg Abad")
    assert not m.resolved
    assert m.candidate is not None and "Abad" in m.candidate
    assert resolve_place("Abad").city == "Abad"  # the town itself still resolves


def test_a_province_spelling_names_its_capital_too() -> None:
    assert _where("Teheran") == _where("Tehran") == ("IR-23", "Tehran", None)
    assert resolve_place("Ostan-e Tehran").province_iso == "IR-23"


def test_a_county_seat_beats_a_village_of_the_same_name_elsewhere() -> None:
    m = resolve_place("Khorramabad")
    assert (m.province_iso, m.city) == ("IR-15", "Khorramabad")
    assert m.confidence < 1.0


def test_a_loose_spelling_of_two_places_stays_unresolved() -> None:
    # Chadegan (Isfahan) and Shadegan (Khuzestan) fold together in the loose key
    m = resolve_place("Chadigan")
    assert not m.resolved
    assert m.candidate is not None


def test_the_ala_lc_form_of_tehran_is_not_tiran() -> None:
    assert resolve_place("Tihrān").city == "Tehran"
    assert resolve_place("Tiran").city == "Tiran"


@given(st.text(alphabet="abcdeghiklmnoqrstuvwxyzāīū -", max_size=20))
def test_loose_key_is_idempotent(text: str) -> None:
    key = loose_key(latin_key(text))
    assert loose_key(key) == key
