"""Place resolution in both scripts."""

from __future__ import annotations

import pytest

from shomar.places import PlaceMatch, province_names, resolve_place


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Khuzestan", "IR-06"),
        ("Khouzistan", "IR-06"),
        ("Chuzestan", "IR-06"),
        ("استان خوزستان", "IR-06"),
        ("Ostan-e Tehran", "IR-23"),
        ("تهران", "IR-23"),
        ("كردستان", "IR-12"),  # Arabic kaf
        ("Sanandaj County", "IR-12"),
        ("Shahrestan-e Izeh", "IR-06"),
        ("شهرستان ایذه", "IR-06"),
        ("Javanrud", "IR-05"),
        ("Ahwaz", "IR-06"),
        ("Zahedan, Sistan and Baluchestan", "IR-11"),
        ("Khuzestn", "IR-06"),  # a typo: fuzzy lookup
    ],
)
def test_resolves_to_province(text: str, iso: str) -> None:
    assert resolve_place(text).province_iso == iso


def test_city_and_county_with_province() -> None:
    m = resolve_place("Izeh, Khuzestan")
    assert (m.province, m.county, m.city) == ("Khuzestan", "Izeh", "Izeh")
    assert m.confidence == 1.0


def test_unknown_text() -> None:
    m = resolve_place("Atlantis")
    assert m.province is None and not m.resolved and m.country is None
    assert resolve_place("Xqzwvv").confidence == 0.0


def test_json_keys() -> None:
    d = resolve_place("Tabriz").to_dict()
    assert list(d) == [
        "input",
        "resolved",
        "country",
        "province",
        "province_iso",
        "county",
        "city",
        "site",
        "kind",
        "confidence",
        "note",
        "candidate",
    ]
    assert isinstance(resolve_place("Tabriz"), PlaceMatch)


def test_province_names_for_the_simulator() -> None:
    provinces = province_names()
    assert len(provinces) == 31
    khuzestan = next(p for p in provinces if p.iso == "IR-06")
    assert khuzestan.name_fa == "خوزستان"
    assert "Khouzistan" in khuzestan.latin_variants
    assert any(fa == "اهواز" for _, fa in khuzestan.cities)


def test_a_province_name_beats_towns_elsewhere_named_like_it() -> None:
    m = resolve_place("Golestan")
    assert (m.province_iso, m.confidence) == ("IR-27", 1.0)


def test_city_gets_its_county_through_the_persian_name() -> None:
    m = resolve_place("Urmia")
    assert (m.province, m.county, m.city) == ("West Azerbaijan", "Urumia", "Urmia")


def test_port_prefix_is_optional() -> None:
    assert resolve_place("Mahshahr").province_iso == "IR-06"
    assert resolve_place("Bandar Abbas").province_iso == "IR-22"


@pytest.mark.parametrize("text", ["شهریار، استان تهران", "Shahriar, Tehran province"])
def test_a_named_province_does_not_put_its_capital_over_the_town(text: str) -> None:
    m = resolve_place(text)
    assert (m.province, m.city) == ("Tehran", "Shahriar")


@pytest.mark.parametrize("text", ["استان تهران", "Ostan-e Tehran", "Tehran Province"])
def test_a_province_alone_is_the_province_not_its_capital(text: str) -> None:
    m = resolve_place(text)
    assert (m.province, m.city, m.kind) == ("Tehran", None, "province")
    assert resolve_place("Tehran").city == "Tehran"
