"""The sibling rule's name tests across scripts (:mod:`shomar.linkage.rules`)."""

from __future__ import annotations

from shomar.linkage.rules import distinct_given_names, read_as_another
from shomar.text.normalize import name_key


def distinct(a: str, b: str) -> bool:
    return distinct_given_names(name_key(a), name_key(b))


def test_a_latin_name_mostly_read_as_another_persian_name_is_that_name() -> None:
    # The lexicon attests "husein" once for «حسن» (580 times for «حسین»), so across scripts
    # Hossein/«حسن» looked one typo apart; read through their dominant readings they are
    # Hossein and Hasan, two brothers (independent benchmark, dev seeds 1-3: Mahmoud/Mohammad
    # and Hasan/Hossein joined most merged siblings, each written in one script only)
    assert distinct("Hossein", "حسن") and distinct("Hasan", "حسین")
    assert distinct("Mahmoud", "محمد") and distinct("Mohammad", "محمود")
    assert distinct("Shahrokh", "شهرام")
    # true spellings across scripts still agree
    assert not distinct("Hosein", "حسین") and not distinct("Hassan", "حسن")
    assert not distinct("Mohamad", "محمد") and not distinct("Mahmud", "محمود")


def test_a_one_off_reading_is_not_another_name() -> None:
    # «ارج» is attested once (a dropped letter of «ایرج»): no name of its own to read Iraj as
    assert read_as_another(name_key("ارج"), name_key("Iraj")) is None
    assert read_as_another(name_key("حسن"), name_key("Hossein")) == name_key("Hasan")


def test_a_compound_head_common_alone_is_a_brothers_name() -> None:
    # Ali beside Alireza (either script): on independent dev seeds 1-3 no true pair of
    # records wrote Alireza as Ali, while 46 / 54 / 28 sibling record pairs did
    assert distinct("Ali", "علیرضا") and distinct("Ali", "Alireza") and distinct("علی", "Alireza")
    assert distinct("Mohammad", "محمدرضا")
    # a head seldom a name alone is the compound cut short; a last part is a shortening too
    assert not distinct("Gholam", "Gholamreza") and not distinct("غلام", "غلامحسین")
    assert not distinct("Reza", "Alireza") and not distinct("Riza", "حمیدرضا")


def test_an_ala_lc_feminine_ah_is_a_sister() -> None:
    # "Vaḥīdah"/"Majīdah" (ALA-LC -ah, the key drops the h) are unattested, so the feminine
    # ending was never checked: a sister merged with her brother Vahid/«مجید» (dev seed 1)
    assert distinct("Vaḥīdah", "وحید") and distinct("Majīdah", "مجید")
    assert distinct("Vahidah", "Vahid") and distinct("Mansura", "Mansur")
    assert not distinct("Muhamda", "محمد")  # a typo's stem is no name's main spelling


def test_a_rare_spelling_one_letter_from_the_other_name_is_a_slip_not_a_brother() -> None:
    # The lexicon attests «مجتب», «هاد», «مطفی», «بژن» once each, so the sibling rule took them
    # for a brother's name beside «مجتبی», «هادی», Mostafa, Bijan (one as «هادی» with the suffix
    # -i); independent dev seed 1 missed 19 true pairs so, with father, age and date agreeing
    assert not distinct("مجتب", "مجتبی") and not distinct("هاد", "هادی")
    assert not distinct("مطفی", "Mustafa") and not distinct("بژن", "Bizhan")
    assert not distinct("Shalha", "شهلا")
    # two real names stay two names; a rare name that is a common one with an ending added is
    # a sister's (Majideh), not a slip
    assert distinct("Bahram", "Bahman") and distinct("Mehdi", "Mahdieh")
    assert distinct("مجید", "مجیده")


def test_a_slip_of_a_compound_is_read_as_the_compound_beside_its_part() -> None:
    # "Aliakbr" and «حمیدرضز» are slips of Aliakbar and «حمیدرضا»; read as those, Akbar and
    # «رضا» beside them are the compound shortened, not a brother's name
    assert not distinct("Aliakbr", "Akbar") and not distinct("حمیدرضز", "رضا")
    # two slips of one name are one name
    assert not distinct("مجبی", "مجتب")
    # reading a slip never makes two names: "Emal" is one letter from Emad and may be Esmail;
    # and no second slip on top of the first ("Taki", Taqi's slip, beside his brother Naghi)
    assert not distinct("Emal", "اسماعیل")
    assert distinct("Taki", "Naghi")
