"""Foreign places, detention sites and former city names (issue 9 items 13-14, issue 13)."""

from __future__ import annotations

import pytest

from shomar.places import MIN_CONFIDENCE, resolve_place


@pytest.mark.parametrize(
    ("text", "country", "city"),
    [
        ("Paris", "FR", "Paris"),
        ("پاریس", "FR", "Paris"),
        ("Paris, France", "FR", "Paris"),
        ("Iraq", "IQ", None),
        ("عراق", "IQ", None),
        ("Turkey", "TR", None),
        ("ترکیه", "TR", None),
        ("Germany", "DE", None),
        ("Deutschland", "DE", None),
        ("آلمان", "DE", None),
        ("France", "FR", None),
        ("فرانسه", "FR", None),
        ("UK", "GB", None),
        ("England", "GB", None),
        ("انگلیس", "GB", None),
        ("United States", "US", None),
        ("USA", "US", None),
        ("آمریکا", "US", None),
        ("Canada", "CA", None),
        ("کانادا", "CA", None),
        ("Sweden", "SE", None),
        ("سوئد", "SE", None),
        ("Netherlands", "NL", None),
        ("Holland", "NL", None),
        ("هلند", "NL", None),
        ("Afghanistan", "AF", None),
        ("افغانستان", "AF", None),
        ("Hamburg, Germany", "DE", "Hamburg"),
        ("Köln", "DE", "Cologne"),
        ("Toronto", "CA", "Toronto"),
        ("ونکوور", "CA", "Vancouver"),
        ("London", "GB", "London"),
        ("Los Angeles", "US", "Los Angeles"),
        ("Stockholm", "SE", "Stockholm"),
        ("Den Haag", "NL", "The Hague"),
        ("Erbil", "IQ", "Erbil"),
        ("سلیمانیه", "IQ", "Sulaymaniyah"),
        ("Kabul", "AF", "Kabul"),
        ("Istanbul", "TR", "Istanbul"),
    ],
)
def test_foreign_places_resolve_to_themselves(text: str, country: str, city: str | None) -> None:
    m = resolve_place(text)
    assert m.resolved
    assert (m.country, m.city, m.province, m.province_iso) == (country, city, None, None)
    assert m.kind == ("city" if city else "country")


def test_paris_is_not_pardis() -> None:
    m = resolve_place("Paris")
    assert m.country == "FR" and m.county is None


def test_a_homonym_town_in_iran_wins_unless_the_country_is_named() -> None:
    assert resolve_place("Herat").country == "IR"  # Herat, Yazd
    m = resolve_place("Herat, Afghanistan")
    assert (m.country, m.city, m.province) == ("AF", "Herat", None)


def test_iran_itself_is_a_country_without_a_province() -> None:
    for text in ("Iran", "ایران"):
        m = resolve_place(text)
        assert (m.resolved, m.country, m.province, m.kind) == (True, "IR", None, "country")
    m = resolve_place("Tehran, Iran")
    assert (m.country, m.province_iso, m.confidence) == ("IR", "IR-23", 1.0)


def test_weak_fuzzy_match_is_not_a_guess() -> None:
    m = resolve_place("Parris Hilton Street")
    assert m.confidence < MIN_CONFIDENCE or m.country == "FR"
    m = resolve_place("Atlantis")
    assert not m.resolved and m.province is None and m.country is None
    assert m.candidate is not None  # says what the best guess would have been
    m = resolve_place("Khuzestn")  # a typo with the same consonants still resolves
    assert m.resolved and m.province_iso == "IR-06" and m.confidence < 1.0


def test_an_ambiguous_name_is_not_resolved() -> None:
    # «حسن آباد» is a town in several provinces: no province is guessed
    m = resolve_place("حسن آباد")
    assert not m.resolved and m.province_iso is None


@pytest.mark.parametrize(
    ("text", "site", "iso", "city"),
    [
        ("Evin", "Evin Prison", "IR-23", "Tehran"),
        ("زندان اوین", "Evin Prison", "IR-23", "Tehran"),
        ("Evin Prison Ward 209", "Evin Prison", "IR-23", "Tehran"),
        ("Gohardasht", "Gohardasht Prison (Rajaei Shahr)", "IR-30", "Karaj"),
        ("Rajaei Shahr Prison", "Gohardasht Prison (Rajaei Shahr)", "IR-30", "Karaj"),
        ("زندان رجایی شهر", "Gohardasht Prison (Rajaei Shahr)", "IR-30", "Karaj"),
        ("Qezel Hesar", "Ghezel Hesar Prison", "IR-30", "Karaj"),
        ("Ghezel Hesar", "Ghezel Hesar Prison", "IR-30", "Karaj"),
        ("زندان قزلحصار", "Ghezel Hesar Prison", "IR-30", "Karaj"),
        ("Vakilabad", "Vakilabad Prison", "IR-09", "Mashhad"),
        ("زندان وکیل‌آباد", "Vakilabad Prison", "IR-09", "Mashhad"),
        ("Adelabad Prison", "Adelabad Prison", "IR-07", "Shiraz"),
        ("زندان عادل‌آباد", "Adelabad Prison", "IR-07", "Shiraz"),
        ("Dastgerd Prison", "Dastgerd Prison", "IR-10", "Isfahan"),
        ("زندان لاکان", "Lakan Prison", "IR-01", "Rasht"),
        ("Karun Prison", "Karun Prison", "IR-06", "Ahvaz"),
        ("Dizelabad", "Dizelabad Prison", "IR-05", "Kermanshah"),
        ("بازداشتگاه کهریزک", "Kahrizak Detention Centre", "IR-23", "Kahrizak"),
        ("Fashafouyeh", "Greater Tehran Central Penitentiary (Fashafouyeh)", "IR-23", None),
        ("زندان تهران بزرگ", "Greater Tehran Central Penitentiary (Fashafouyeh)", "IR-23", None),
        ("زندان مرکزی تبریز", "Tabriz Central Prison", "IR-03", "Tabriz"),
    ],
)
def test_detention_sites(text: str, site: str, iso: str, city: str | None) -> None:
    m = resolve_place(text)
    assert (m.resolved, m.country, m.site, m.province_iso) == (True, "IR", site, iso)
    assert m.kind in ("prison", "detention_centre")
    if city is not None:
        assert m.city == city


def test_a_town_that_is_also_a_prison_name_stays_a_town_without_a_prison_word() -> None:
    m = resolve_place("Kahrizak")
    assert (m.kind, m.site, m.city) == ("city", None, "Kahrizak")
    assert resolve_place("Kahrizak detention centre").kind == "detention_centre"


@pytest.mark.parametrize(
    ("text", "city", "iso"),
    [
        ("باختران", "Kermanshah", "IR-05"),
        ("Bakhtaran", "Kermanshah", "IR-05"),
        ("رضائیه", "Urmia", "IR-04"),
        ("Rezaiyeh", "Urmia", "IR-04"),
        ("شاهی", "Qaem-Shahr", "IR-02"),
        ("بندر پهلوی", "Bandar-e-Anzali", "IR-01"),
        ("شهسوار", "Tonekabon", "IR-02"),
        ("Mohammareh", "Khorramshahr", "IR-06"),  # an English spelling as common as Mohammerah
    ],
)
def test_former_city_names_resolve_to_todays(text: str, city: str, iso: str) -> None:
    m = resolve_place(text)
    assert (m.city, m.province_iso) == (city, iso)
    assert m.note and "former name" in m.note


def test_compare_places_levels() -> None:
    from shomar.places import PLACE_LEVELS, compare_places

    r = resolve_place
    assert compare_places(r("Evin"), r("Tehran")) == "detention-site"
    assert compare_places(r("Evin"), r("زندان اوین")) == "same-site"
    assert compare_places(r("Karaj"), r("کرج")) == "same-city"
    assert compare_places(r("Izeh"), r("Ahvaz")) == "same-province"
    assert compare_places(r("Tabriz"), r("Ahvaz")) == "different-province"
    assert compare_places(r("Paris"), r("Tehran")) == "different-country"
    assert compare_places(r("Paris"), r("France")) == "same-country"
    assert compare_places(r("Atlantis"), r("Tehran")) == "unknown"
    assert compare_places(r("Camp Ashraf"), r("Tehran")) == "detention-site"
    assert set(PLACE_LEVELS) >= {"unknown", "detention-site"}


def test_shipped_tables_are_consistent() -> None:
    import csv
    import io
    from importlib.resources import files

    from shomar.places.gazetteer import index, province_by_iso
    from shomar.places.world import country_names_en
    from shomar.text import detect_script, persian_key

    cities = {(e.fa_key, e.province_iso) for es in index().values() for e in es}
    for name in ("detention_sites.csv", "old_place_names.csv"):
        text = files("shomar.data.iran").joinpath(name).read_text(encoding="utf-8")
        for row in csv.DictReader(io.StringIO(text)):
            assert row["province_iso"] in province_by_iso(), row
            assert (persian_key(row["city_fa"]), row["province_iso"]) in cities, row
            if "name_fa" in row:
                assert detect_script(row["name_fa"]) == "persian", row
                assert detect_script(row["name_en"]) == "latin", row
                assert row["kind"] in ("prison", "detention_centre"), row
    text = files("shomar.data.world").joinpath("foreign_places.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        assert row["country"] in country_names_en(), row
        assert row["kind"] in ("city", "camp"), row
        assert all(detect_script(n) == "persian" for n in row["names_fa"].split("|")), row
