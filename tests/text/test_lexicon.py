"""The attested-name lexicon: derived table up to date, simulator API."""

from __future__ import annotations

import random

from shomar.text import lexicon


def test_shipped_spelling_table_matches_its_derivation() -> None:
    shipped = lexicon._spelling_rows()
    derived = tuple(lexicon.derive_spellings())
    assert shipped == derived, "regenerate: python -m shomar.text.lexicon <name_spellings.csv>"


def test_counts_are_probabilities_not_a_set() -> None:
    spellings = lexicon.spellings_of("محمد")
    assert spellings["muhamad"] > 100 * spellings.get("mahmud", 1)
    assert lexicon.readings_of("husein")["حسین"] > 100


def test_given_names_for_the_simulator() -> None:
    women = lexicon.given_names("f")
    assert women and all(n.gender == "f" for n in women)
    fatemeh = next(n for n in women if n.persian == "فاطمه")
    assert fatemeh.latin[0][0] == "Fatemeh"
    rng = random.Random(3)
    draws = {fatemeh.sample_latin(rng) for _ in range(200)}
    assert "Fatemeh" in draws and draws <= {s for s, _ in fatemeh.latin}


def test_surnames_for_the_simulator() -> None:
    names = lexicon.surnames()
    assert len(names) > 1000
    top = {n.persian for n in names[:30]}
    assert "محمدی" in top or "حسینی" in top
    assert all(n.count > 0 and n.latin for n in names[:100])
