"""Model cannot-links: records with conflicting fathers, ages or given names stay apart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from shomar.linkage.cluster import cluster_pairs
from shomar.linkage.conflicts import (
    CONFLICT_WEIGHT,
    RecordConflicts,
    apply_conflict_rule,
    compound_head,
)
from shomar.linkage.features import compute_features
from shomar.linkage.rules import different_attested_names, distinct_given_names
from shomar.linkage.uncertainty import sample_linkages
from shomar.text import name_key

DATE = "2011-05-01"


def _features(*rows: dict[str, str]) -> pd.DataFrame:
    records = pd.DataFrame(
        [{"source": f"list{i}", "record_id": str(i), **row} for i, row in enumerate(rows)]
    )
    return compute_features(records)


def _pairs(*scored: tuple[int, int, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unique_id_l": [a for a, _, _ in scored],
            "unique_id_r": [b for _, b, _ in scored],
            "match_probability": [p for _, _, p in scored],
            "match_weight": [float(np.log2(p / (1 - p))) for _, _, p in scored],
        }
    )


def _conflict(a: dict[str, str], b: dict[str, str]) -> bool:
    test = RecordConflicts(_features(a, b))
    return bool(test(np.array([0]), np.array([1]))[0])


MOHSEN_24 = {"full_name": "Mohsen Rezaei", "father_name": "Ali", "age": "24", "date": DATE}
MOHSEN_18 = {"full_name": "Mohsen Rezaei", "father_name": "Hassan", "age": "18", "date": DATE}
MOHSEN_BARE = {"full_name": "محسن رضایی", "date": DATE, "place": "Tehran"}


def test_two_mohsen_rezaei_with_other_ages_and_fathers_are_not_merged() -> None:
    f = _features(MOHSEN_24, MOHSEN_18)
    labels = cluster_pairs(2, _pairs((0, 1, 0.99)), 0.5, conflicts=RecordConflicts(f))
    assert labels[0] != labels[1]
    # without the conflict test the same scored pair is one person
    assert cluster_pairs(2, _pairs((0, 1, 0.99)), 0.5)[0] == 0


def test_a_bare_record_does_not_chain_two_namesakes() -> None:
    f = _features(MOHSEN_24, MOHSEN_BARE, MOHSEN_18)
    pairs = _pairs((0, 1, 0.99), (1, 2, 0.9))
    plain = cluster_pairs(3, pairs, 0.5)
    assert len(set(plain.tolist())) == 1  # transitive closure joins all three
    labels = cluster_pairs(3, pairs, 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]  # the stronger link wins, the chain breaks


def test_a_bare_record_that_fits_two_namesakes_equally_stays_on_its_own() -> None:
    f = _features(MOHSEN_24, MOHSEN_BARE, MOHSEN_18)
    labels = cluster_pairs(3, _pairs((0, 1, 0.95), (1, 2, 0.94)), 0.5, conflicts=RecordConflicts(f))
    assert len(set(labels.tolist())) == 3  # a coin toss: left for review, no namesake hidden
    clear = _pairs((0, 1, 0.999), (1, 2, 0.9))  # 10 bits against 3: it joins the first
    labels = cluster_pairs(3, clear, 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]
    close = _pairs((0, 1, 0.97), (1, 2, 0.9))  # 5 bits against 3: within 8x, still a toss
    assert len(set(cluster_pairs(3, close, 0.5, conflicts=RecordConflicts(f)).tolist())) == 3
    better = _pairs((0, 1, 0.99), (1, 2, 0.9))  # 6.6 bits against 3.2: it joins the first
    labels = cluster_pairs(3, better, 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]


def test_brothers_bahram_and_bahman_with_one_father_conflict() -> None:
    bahram = {"full_name": "Bahram Karimi", "father_name": "Reza", "date": DATE}
    bahman = {"full_name": "Bahman Karimi", "father_name": "Reza", "date": DATE}
    assert _conflict(bahram, bahman)
    f = _features(bahram, bahman)
    labels = cluster_pairs(2, _pairs((0, 1, 0.97)), 0.5, conflicts=RecordConflicts(f))
    assert labels[0] != labels[1]


def test_one_person_with_a_missing_place_and_age_43_44_still_links() -> None:
    a = {"full_name": "Mohsen Rezaei", "father_name": "Ali", "age": "43", "date": DATE}
    b = {"full_name": "محسن رضایی", "father_name": "علی", "age": "44", "date": DATE}
    b["place"] = "Tehran"
    assert not _conflict(a, b)
    f = _features(a, b)
    pairs = _pairs((0, 1, 0.97))
    assert apply_conflict_rule(pairs, f).at[0, "match_probability"] == 0.97
    assert cluster_pairs(2, pairs, 0.5, conflicts=RecordConflicts(f))[1] == 0


def test_a_father_across_scripts_or_shortened_is_no_conflict() -> None:
    base = {"full_name": "Mohsen Rezaei", "date": DATE}
    assert not _conflict(base | {"father_name": "Mohammad"}, base | {"father_name": "محمد"})
    assert not _conflict(base | {"father_name": "Amir-Hossein"}, base | {"father_name": "امیر"})
    assert not _conflict(base | {"father_name": "Hossein"}, base | {"father_name": "Hosein"})
    assert _conflict(base | {"father_name": "Mohammad"}, base | {"father_name": "Hassan"})


def test_birth_years_more_than_two_apart_conflict() -> None:
    base = {"full_name": "Mohsen Rezaei", "date": DATE}
    assert _conflict(base | {"age": "30"}, base | {"age": "34"})
    assert not _conflict(base | {"age": "30"}, base | {"age": "32"})
    assert not _conflict(base | {"age": "30"}, base)  # a missing age is no evidence


def test_namesakes_months_apart_conflict_unless_their_fathers_agree() -> None:
    base = {"full_name": "Mohsen Rezaei", "place": "Tehran"}
    may, september = base | {"date": "2011-05-01"}, base | {"date": "2011-09-20"}
    assert _conflict(may, september)
    assert _conflict(may | {"violation": "execution"}, september)  # one kind missing
    father = {"father_name": "Ali"}
    assert not _conflict(may | father, september | {"father_name": "علی"})  # a wrong date
    assert not _conflict(may, base | {"date": "2011-06-25"})  # 55 days: within the margin
    assert not _conflict(base | {"date": "Mordad 1390"}, base | {"date": "2011-08-10"})
    assert not _conflict(may | {"violation": "arrest"}, september | {"violation": "execution"})
    assert not _conflict(may, base)  # a missing date is no evidence
    f = _features(may, base, september)
    labels = cluster_pairs(3, _pairs((0, 1, 0.99), (1, 2, 0.9)), 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]  # the undated record does not chain them


def test_a_human_same_overrides_a_model_conflict() -> None:
    f = _features(MOHSEN_24, MOHSEN_18)
    labels = cluster_pairs(
        2, _pairs((0, 1, 0.2)), 0.5, must_link=[(0, 1)], conflicts=RecordConflicts(f)
    )
    assert labels[0] == labels[1]


def test_conflict_rule_lowers_the_weight_and_keeps_its_evidence() -> None:
    f = _features(MOHSEN_24, MOHSEN_18)
    out = apply_conflict_rule(_pairs((0, 1, 0.99)), f, keep_evidence=True)
    assert out.at[0, "mw_conflict_rule"] == -CONFLICT_WEIGHT
    expected = float(np.log2(0.99 / 0.01)) - CONFLICT_WEIGHT
    assert abs(float(out["match_weight"].iloc[0]) - expected) < 1e-9
    assert float(out["match_probability"].iloc[0]) < 0.1  # 6.6 - 10 bits: odds of 1 to 10


def test_a_compound_shortened_across_scripts_is_not_a_sibling() -> None:
    # Tahir/محمدطاهر: the vowels differ across scripts, the skeleton of the part does not
    assert not distinct_given_names("tahir", "محمدطاهر")
    # a single name with a gender ending across scripts is still two siblings
    assert distinct_given_names("mehdi", "مهدیه")
    assert distinct_given_names("bahram", "bahman")


def test_two_compounds_sharing_only_their_head_are_two_names() -> None:
    assert distinct_given_names("محمدرضا", "محمدهادی")  # two brothers, Mohammad-...
    assert distinct_given_names("muhamadreza", "muhamadhadi")
    assert not distinct_given_names("محمدرضا", "رضا")  # one name shortened
    assert not distinct_given_names("aliakbar", "akbar")
    assert not distinct_given_names("محمدرضا", "muhamadreza")


def test_the_suffix_i_makes_another_name_though_one_letter_apart() -> None:
    assert distinct_given_names("jafar", "jafari")
    assert distinct_given_names("طالبی", "طالب")
    # across scripts too since 2026-12-03 (was left to the model): Javad/«جوادی» brothers
    # were merged; on messy seeds 1-3 and 11-13 the test hits 102 false and 6 true scored
    # pairs of one family (Shoja/«شجاعی» typos), see benchmarks/linkage/README.md
    assert distinct_given_names("jafar", "جعفری")
    assert not distinct_given_names("bahram", "bahrum")  # a typo of one name


def test_a_typo_in_the_birth_year_or_an_agreeing_id_is_no_conflict() -> None:
    a = {"full_name": "John Smith", "birth_date": "1956-04-12", "date": DATE}
    b = {"full_name": "John Smith", "birth_date": "1965-04-12", "date": DATE}
    assert not _conflict(a, b)  # FEBRL-style transposed digits: one person
    c = {"full_name": "John Smith", "birth_date": "1975-09-30", "date": DATE}
    assert _conflict(a, c)


def test_sampled_linkages_keep_model_conflicts_apart() -> None:
    f = _features(MOHSEN_24, MOHSEN_BARE, MOHSEN_18)
    pairs = _pairs((0, 1, 0.9), (1, 2, 0.9))
    rng = np.random.default_rng(5)
    samples = sample_linkages(pairs, 3, 50, rng, conflicts=RecordConflicts(f))
    assert all(s[0] != s[2] for s in samples)
    # and the draws still vary: record 1 joins one of the namesakes or stays alone
    assert len({tuple(s.tolist()) for s in samples}) > 1


def _records(*rows: tuple[str, dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"source": src, "record_id": f"{src}-{i}", **row} for i, (src, row) in enumerate(rows)]
    )


def test_an_age_on_an_undated_row_is_read_against_its_lists_dates() -> None:
    f = compute_features(
        _records(
            ("A", {"full_name": "Reza Karimi", "date": "2011-04-01"}),
            ("A", {"full_name": "Reza Karimi", "date": "2011-10-30"}),
            ("A", {"full_name": "Pirooz Eghbal", "age": "41"}),  # undated: born 1969-1970
            ("B", {"full_name": "Pirooz Eghbal", "age": "22", "date": "2011-06-01"}),
            ("B", {"full_name": "Pirooz Eghbal", "age": "40", "date": "2011-06-01"}),
            ("C", {"full_name": "Pirooz Eghbal", "age": "41"}),  # a list without dates
        )
    )
    assert f["birth_lo"].isna()[2]  # the model's birth year stays unknown
    assert (f.at[2, "birth_wide_lo"], f.at[2, "birth_wide_hi"]) == (1969, 1970)
    assert f["birth_wide_lo"].isna()[5]
    test = RecordConflicts(f)
    hit = test.disagree(np.array([2, 2, 5]), np.array([3, 4, 3]))
    assert hit.tolist() == [True, False, False]  # 22 conflicts, 40 is within two years


def test_the_undated_age_conflict_lowers_the_score_and_keeps_namesakes_apart() -> None:
    f = compute_features(
        _records(
            ("A", {"full_name": "Pirooz Eghbal", "age": "41", "date": "2011-05-01"}),
            ("B", {"full_name": "پیروز اقبال", "age": "41"}),
            ("B", {"full_name": "Someone Else", "date": "2011-05-03"}),
            ("C", {"full_name": "Pirooz Eghbal", "age": "22", "date": "2011-05-02"}),
        )
    )
    scored = apply_conflict_rule(_pairs((1, 3, 0.99), (0, 1, 0.98)), f)
    assert scored["match_weight"].iloc[0] < _pairs((1, 3, 0.99))["match_weight"].iloc[0] - 9
    labels = cluster_pairs(4, _pairs((1, 3, 0.99), (0, 1, 0.98)), 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[3]


def test_two_attested_names_one_letter_apart_are_different_attested_names() -> None:
    assert different_attested_names("jalil", "jalal")
    assert different_attested_names("جلیل", "jalal")
    assert not different_attested_names("جلیل", "jalil")  # one name in two scripts
    assert not different_attested_names("jlil", "jalal")  # an unattested spelling
    assert not distinct_given_names("jalil", "jalal")  # alone, too weak for the sibling rule


def _all_pairs(n: int, p: float) -> pd.DataFrame:
    return _pairs(*[(i, j, p) for i in range(n) for j in range(i + 1, n)])


def _persons(*given: str) -> np.ndarray:
    f = compute_features(
        _records(
            *[(f"L{i}", {"given_name": g, "family_name": "Bateni"}) for i, g in enumerate(given)]
        )
    )
    return cluster_pairs(
        len(given), _all_pairs(len(given), 0.99), 0.5, conflicts=RecordConflicts(f)
    )


def test_two_brothers_one_letter_apart_each_on_two_records_are_two_persons() -> None:
    labels = _persons("جلیل", "Jalil", "Jalal", "جلال")
    assert labels[0] == labels[1] != labels[2] == labels[3]


def test_a_lone_one_letter_variant_among_one_name_is_a_typo() -> None:
    labels = _persons("جلیل", "Jalil", "جلیل", "Jalal")
    assert len(set(labels.tolist())) == 1


def test_a_name_read_one_way_in_each_script_is_not_split() -> None:
    # every Persian row one name and every Latin row the other: one list family's reading
    labels = _persons("جلیل", "جلیل", "Jalal", "Jalal")
    assert len(set(labels.tolist())) == 1


def test_brothers_ali_and_alireza_each_on_two_records_are_two_persons() -> None:
    # a compound's head alone is a shortened name on one record, a brother's on two
    # (independent benchmark, dev seeds 1-3: Ali/Alireza joined 26 record pairs of merged
    # siblings; on the truth of the three seeds the split fires on no more true pairs)
    labels = _persons("علی", "Ali", "Alireza", "علیرضا")
    assert labels[0] == labels[1] != labels[2] == labels[3]
    # a lone Ali is a brother's name too since the sibling rule reads a compound's head
    # common alone as a name of its own (rules.compound_head_of, link-sib5); a lone «جلال»
    # among Jalils stays a typo (above)
    assert len(set(_persons("علیرضا", "Alireza", "علیرضا", "Ali").tolist())) == 2
    assert compound_head("ali", "alireza") and compound_head(name_key("علی"), name_key("علیرضا"))
    assert not compound_head("reza", "alireza") and not compound_head("ali", "علیرضا")


def test_name_splits_needs_the_same_family_name() -> None:
    f = compute_features(
        _records(
            ("A", {"given_name": "جلیل", "family_name": "Bateni"}),
            ("B", {"given_name": "Jalil", "family_name": "Bateni"}),
            ("C", {"given_name": "Jalal", "family_name": "Karimi"}),
            ("D", {"given_name": "جلال", "family_name": "Karimi"}),
        )
    )
    i, j = np.triu_indices(4, k=1)
    assert not RecordConflicts(f).name_splits(i, j).any()


def test_dates_over_a_month_apart_conflict_when_both_name_the_same_kind() -> None:
    base = {"full_name": "Mohsen Rezaei", "place": "Tehran"}
    may = base | {"date": "2011-05-01", "violation": "execution"}
    june = base | {"date": "2011-06-15", "violation": "execution"}  # 45 days
    assert _conflict(may, june)
    assert not _conflict(may, june | {"violation": ""})  # a kind not stated: arrest vs death?
    assert not _conflict(may, june | {"violation": "arrest"})
    assert not _conflict(may | {"violation": "other"}, june | {"violation": "other"})
    shot = {"violation": "killing"}  # shot one day, died weeks later: dated either way
    assert not _conflict(may | shot, june | shot)
    assert not _conflict(may | {"age": "30"}, june | {"age": "30"})  # the age says one person
    assert not _conflict(may | {"father_name": "Ali"}, june | {"father_name": "علی"})
    assert not _conflict(may, base | {"date": "2011-05-25", "violation": "execution"})
    assert not _conflict(may, base | {"date": "Khordad 1390", "violation": "execution"})
    f = _features(may, base | {"violation": "execution"}, june)
    labels = cluster_pairs(3, _pairs((0, 1, 0.99), (1, 2, 0.9)), 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]  # the undated record does not chain them


def test_killings_over_a_month_apart_conflict_only_in_two_places() -> None:
    # a killing is dated by the shooting on one list and by the death on another, so the
    # month rule needs two places as well: two namesakes killed in two towns are two persons
    shot = {"full_name": "Mohsen Rezaei", "violation": "killing"}
    may, june = shot | {"date": "2011-05-01"}, shot | {"date": "2011-06-15"}  # 45 days
    assert _conflict(may | {"place": "Tabriz"}, june | {"place": "Borazjan"})
    assert _conflict(may | {"place": "Tabriz"}, june | {"place": "برازجان"})
    assert not _conflict(may | {"place": "Tabriz"}, june | {"place": "تبریز"})  # one town
    assert not _conflict(may | {"place": "Tabriz"}, june)  # no place on one side
    age = {"age": "30"}  # birth years that agree say one person
    assert not _conflict(may | age | {"place": "Tabriz"}, june | age | {"place": "Borazjan"})
    in_custody = {"violation": "death in custody"}  # dated by the arrest or by the death
    assert not _conflict(
        may | in_custody | {"place": "Evin Prison"}, june | in_custody | {"place": "Tabriz"}
    )
    assert not _conflict(
        may | {"place": "Tabriz"}, shot | {"date": "2011-05-25", "place": "Borazjan"}
    )  # within a month


def test_a_bare_record_that_fits_two_namesakes_on_average_stays_on_its_own() -> None:
    older = {"full_name": "Mohsen Rezaei", "father_name": "Ali", "age": "52", "date": DATE}
    younger = {"full_name": "Mohsen Rezaei", "father_name": "Hassan", "age": "44", "date": DATE}
    younger_fa = {"full_name": "محسن رضایی", "father_name": "حسن", "age": "44", "date": DATE}
    f = _features(older, MOHSEN_BARE, younger, younger_fa)
    # the bare record's best link to the younger (7.9 bits) is 5 bits above its link to the
    # older (2.7 bits), but its other link to the younger is weak (1.4): 4.7 bits on average
    pairs = _pairs((0, 1, 0.87), (1, 2, 0.996), (1, 3, 0.72), (2, 3, 0.9999))
    labels = cluster_pairs(4, pairs, 0.5, conflicts=RecordConflicts(f))
    assert labels[2] == labels[3] != labels[0]
    assert labels[1] not in (labels[0], labels[2])  # left for review
    # fitting the younger on both of his records, it joins him
    sure = _pairs((0, 1, 0.87), (1, 2, 0.996), (1, 3, 0.99), (2, 3, 0.9999))
    labels = cluster_pairs(4, sure, 0.5, conflicts=RecordConflicts(f))
    assert labels[1] == labels[2] == labels[3] != labels[0]


def test_a_record_named_as_its_own_person_is_no_coin_toss_beside_another_name() -> None:
    # two brothers one letter apart (not a sibling conflict by name), kept apart by their
    # fathers; a bare Jalil fits both by score, but only Jalil's person writes his name
    # (independent benchmark, dev seeds 1-3: 14-22 true record pairs a seed kept)
    jalil = {"full_name": "Jalil Bateni", "father_name": "Ahmad", "age": "30", "date": DATE}
    bare = {"full_name": "جلیل باطنی", "date": DATE}
    jalal = {"full_name": "Jalal Bateni", "father_name": "Reza", "age": "28", "date": DATE}
    f = _features(jalil, bare, jalal)
    pairs = _pairs((0, 1, 0.95), (1, 2, 0.94))
    labels = cluster_pairs(3, pairs, 0.5, conflicts=RecordConflicts(f))
    assert labels[0] == labels[1] != labels[2]
    # the same scores beside a namesake of the same name stay a coin toss
    namesake = {**jalal, "full_name": "Jalil Bateni"}
    f = _features(jalil, bare, namesake)
    labels = cluster_pairs(3, pairs, 0.5, conflicts=RecordConflicts(f))
    assert len(set(labels.tolist())) == 3
