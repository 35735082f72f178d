"""A rare spelling one letter from a common name (:mod:`shomar.linkage.typos`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.conflicts import RecordConflicts
from shomar.linkage.features import compute_features
from shomar.linkage.typos import (
    COMMON_MARK,
    FAMILY,
    GIVEN,
    RARE_MARK,
    rare_slip_of,
    slip_marks,
    typo_neighbour,
    typo_of,
)
from shomar.text.normalize import name_key


def test_a_rare_spelling_is_a_slip_of_its_only_common_neighbour() -> None:
    assert typo_neighbour(name_key("مجتب")) == name_key("مجتبی")  # a letter dropped
    assert typo_neighbour(name_key("فریذ")) == name_key("فرید")  # a dot more
    assert typo_neighbour(name_key("حیدژی"), FAMILY) == name_key("حیدری")
    assert typo_neighbour(name_key("Shalha")) == name_key("Shahla")  # two letters swapped
    # a common name is no slip; a slip of two common names («حسین», «حسن») decides nothing
    assert typo_neighbour(name_key("بهمن")) is None
    assert typo_neighbour(name_key("حسبن")) is None


def test_a_slip_is_read_across_scripts_and_an_added_ending_is_a_name() -> None:
    assert typo_of(name_key("مطفی"), name_key("Mostafa"), GIVEN)
    assert typo_of(name_key("Shalha"), name_key("شهلا"), GIVEN)
    assert not typo_of(name_key("مجیده"), name_key("مجید"), GIVEN)  # Majideh, a sister
    assert not typo_of(name_key("Bahram"), name_key("Bahman"), GIVEN)


def test_a_rare_spelling_one_slip_from_the_other_name_is_read_pairwise() -> None:
    # «پویز» is one letter from «پرویز» and from «پویا», «کامان» from «کامران» and «سامان»:
    # no single reading, but beside the other record's name the pair says which
    parviz, puyz = name_key("پرویز"), name_key("پویز")
    assert typo_neighbour(puyz) is None
    assert rare_slip_of(puyz, parviz) and typo_of(puyz, parviz)
    assert rare_slip_of(name_key("کامان"), name_key("کامران"))
    assert rare_slip_of(puyz, name_key("Parviz"))  # across scripts, by its main reading
    # two common names stay two (brothers); an unattested spelling is no slip of it here
    # ("Kassem", Qasem in French spelling, is one letter from Kazem)
    assert not typo_of(name_key("Bahram"), name_key("Bahman"))
    assert not rare_slip_of(name_key("Kassem"), name_key("Kazem"))
    assert slip_marks([puyz, parviz, name_key("Kassem"), None]) == [
        RARE_MARK, COMMON_MARK, None, None,
    ]  # fmt: skip


def test_a_rare_slip_of_the_other_name_does_not_keep_the_records_apart() -> None:
    frame = pd.DataFrame(
        {
            "source": ["a", "b"],
            "record_id": ["1", "2"],
            "given_name": ["Parviz", "پویز"],
            "family_name": ["Rahimi", "رحیمی"],
            "father_name": ["Mohammadreza", "محمدرضا"],
        }
    )
    conflicts = RecordConflicts(compute_features(frame), [])
    assert not conflicts(np.array([0]), np.array([1]))[0]
