"""Names as real Iranian lists write them (issue 9 item 15, issue 13): family-first forms,
abbreviations, colloquial forms and suffixes, other romanisation systems, order-invariant
alignment with compound containment."""

from __future__ import annotations

import pytest

from shomar.text import (
    align_names,
    colloquial_formal,
    compare_names,
    compare_parts,
    detect_name_order,
    latin_variants,
    name_order,
    name_pieces,
    parse_name,
)
from shomar.text.compare import MATCH_THRESHOLD


@pytest.mark.parametrize("text", ["Rezaei, Aliakbar", "REZAEI Aliakbar", "رضایی، علی‌اکبر"])
def test_family_first_forms_are_read_right(text: str) -> None:
    p = parse_name(text)
    assert compare_parts(p.family, "Rezaei") > 0.9
    assert compare_parts(p.given, "Aliakbar") > 0.9
    assert p.family_first
    assert p.order_evidence in ("comma", "capitals")


def test_capitals_mark_the_family_name_at_the_end_too() -> None:
    p = parse_name("S. Ali Reza VAKILI")
    assert p.honorifics == ("Seyed",)
    assert (p.given, p.family) == ("Ali Reza", "Vakili")
    assert not p.family_first


def test_all_capitals_is_no_evidence() -> None:
    p = parse_name("ALI REZAEI")
    assert (p.given, p.family, p.order_evidence) == ("ALI", "REZAEI", "")


@pytest.mark.parametrize(
    ("text", "given", "honorifics"),
    [
        ("M. Reza Ahmadi", "Mohammad Reza", ()),
        ("M.Reza Ahmadi", "Mohammad Reza", ()),
        ("Gh. Ali Karimi", "Gholam Ali", ()),
        ("S. Ali Karimi", "Ali", ("Seyed",)),
        ("S. Ali", "Ali", ("Seyed",)),
    ],
)
def test_abbreviations(text: str, given: str, honorifics: tuple[str, ...]) -> None:
    p = parse_name(text)
    assert (p.given, p.honorifics) == (given, honorifics)


def test_an_initial_before_a_family_name_stays_an_initial() -> None:
    p = parse_name("M. Rezaei")
    assert (p.given, p.family) == ("M.", "Rezaei")


@pytest.mark.parametrize(
    ("text", "given", "family", "label"),
    [
        ("علی آقا رضایی", "علی", "رضایی", "Agha"),
        ("علی‌آقا رضایی", "علی", "رضایی", "Agha"),
        ("فاطمه خانم احمدی", "فاطمه", "احمدی", "Khanom"),
        ("زهرا سادات حسینی", "زهرا", "حسینی", "Sadat"),
        ("زهراسادات حسینی", "زهرا", "حسینی", "Sadat"),
        ("Zahra Sadat Hosseini", "Zahra", "Hosseini", "Sadat"),
    ],
)
def test_suffixes_after_a_name_are_not_the_family_name(
    text: str, given: str, family: str, label: str
) -> None:
    p = parse_name(text)
    assert (p.given, p.family) == (given, family)
    assert label in p.honorifics


def test_sadat_at_the_end_may_be_a_family_name() -> None:
    assert parse_name("Ali Sadat").family == "Sadat"


@pytest.mark.parametrize(
    ("a", "b"),
    [("ممد", "محمد"), ("Mamad", "Mohammad"), ("فاطی", "فاطمه"), ("Fati", "Fatemeh"),
     ("علی‌آقا", "علی"), ("مملی", "محمدعلی")],
)  # fmt: skip
def test_colloquial_forms_match_the_formal_name(a: str, b: str) -> None:
    assert colloquial_formal(a) is not None
    assert compare_parts(a, b) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ḥoseyni", "Hosseini"),  # UN/BGN with diacritics
        ("Hoseyni", "Hosseini"),  # UN/BGN without
        ("Ḥusaynī", "حسینی"),  # ALA-LC
        ("Fāṭimah", "Fatemeh"),
        ("Riz̤ā", "Reza"),
        ("Muḥammad", "محمد"),
        ("Djavad", "Javad"),  # French
        ("Chahrokh", "Shahrokh"),
        ("Chahrokh", "شاهرخ"),
        ("Saïd", "Saeed"),
        ("Chirine", "Shirin"),
        ("Dschawad", "Javad"),  # German
        ("Dschawad", "جواد"),
        ("Jazdani", "Yazdani"),
        ("Chamenei", "Khamenei"),
        ("Ghasem", "Qasem"),  # Q/Gh/G
        ("Gasem", "Ghasem"),
        ("Nowruzi", "Norouzi"),  # ou/u/oo, ow
        ("Heydari", "Haidari"),  # ey/ei/ay
    ],
)
def test_other_romanisation_systems(a: str, b: str) -> None:
    assert compare_names(a, b).decision == "match"


def test_variants_do_not_merge_different_names() -> None:
    for a, b in [("Mehdi", "Mahdieh"), ("Zohreh", "Zahra"), ("Hamed", "Hamid"), ("Abedi", "Abadi")]:
        assert compare_names(a, b).decision != "match", (a, b)


def test_latin_variants_are_readings_not_the_name_itself() -> None:
    assert "javad" in latin_variants("Dschawad")
    assert latin_variants("محمد") == ()


def test_vowel_shift_is_uncertain_not_a_match() -> None:
    assert compare_names("Pervin", "Parvin").decision == "uncertain"


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("Sanjari Sohrab", "family-first"),
        ("Sohrab Sanjari", "given-first"),
        ("رضایی علی", "family-first"),
        ("Rezaei, Ali", "family-first"),
        ("Ali Reza", "unknown"),
    ],
)
def test_name_order_of_one_name(name: str, order: str) -> None:
    assert name_order(name) == order


def test_detect_a_family_first_list() -> None:
    family_first = ["Rezaei Ali", "Karimi Zahra", "Ahmadi Fatemeh", "Sanjari Sohrab", "Ali Reza"]
    result = detect_name_order(family_first)
    assert result.order == "family-first" and result.is_family_first
    assert (result.family_first, result.given_first, result.names) == (4, 0, 5)
    assert detect_name_order(["Ali Rezaei", "Zahra Karimi", "Fatemeh Ahmadi"]).order == (
        "given-first"
    )
    assert detect_name_order(["Rezaei Ali"]).order == "unknown"
    mixed = ["Rezaei Ali", "Karimi Zahra", "Fatemeh Ahmadi", "Sohrab Sanjari"]
    assert detect_name_order(mixed).order == "mixed"
    assert "names" in detect_name_order(family_first).to_dict()


def test_alignment_is_order_invariant() -> None:
    r = align_names("Sanjari Sohrab", "Sohrab Sanjari")
    assert r.level == "swapped" and r.score > 0.95
    assert {(link.a, link.b) for link in r.links} == {("Sanjari", "Sanjari"), ("Sohrab", "Sohrab")}
    assert align_names("Sohrab Sanjari", "Sohrab Sanjari").level == "same"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("سپاه‌منصور", "Mansur"),
        ("Ghaem-Maghami", "Maghami"),
        ("Hossein Ghaem-Maghami", "Hossein Maghami"),
        ("Seyed Aliakbar Rezaei", "Akbar Rezaei"),
    ],
)
def test_compound_containment_is_partial_agreement(a: str, b: str) -> None:
    r = align_names(a, b)
    assert r.level == "partial"
    assert any(link.relation == "contained" for link in r.links)
    assert 0.5 < r.score < MATCH_THRESHOLD + 0.05


def test_alignment_of_different_names_and_siblings() -> None:
    r = align_names("Ali Rezaei", "Ali Hosseini")
    assert r.level == "different" and r.score < 0.05
    assert (r.unmatched_a, r.unmatched_b) == (("Rezaei",), ("Hosseini",))
    assert align_names("Mehdi Jafari", "Mahdieh Jafari").level == "different"


def test_alignment_initials_and_dropped_parts() -> None:
    r = align_names("M. Rezaei", "Mohammad Rezaei")
    assert r.level == "partial" and any(link.relation == "initial" for link in r.links)
    r = align_names("Mohammad Reza Rezaei", "Reza Rezaei")
    assert r.level == "partial" and r.unmatched_a == ("Mohammad",)


def test_name_pieces() -> None:
    assert name_pieces("سپاه‌منصور") == ("سپاه", "منصور")
    assert name_pieces("Ghaem-Maghami") == ("Ghaem", "Maghami")
    assert name_pieces("Aliakbar") == ("Ali", "akbar")
    assert name_pieces("Rezaei") == ("Rezaei",)
