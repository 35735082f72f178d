"""Strong evidence that two records name two persons: the clustering's model cannot-links.

Clustering joins records transitively: a namesake with no father's name and no age on one
list links to the victim's record, and through it to the victim's other records, even when
those carry another father's name or an age twenty years off. So before two clusters are
joined, every cross pair of records is checked here, and a join that would put two
conflicting records into one person is refused (like a human "different" decision, but a
human "same" overrides it). A pair conflicts when

- both fathers' names are given and no comparison level relates them (not the same name in
  either script, signature or skeleton, and skeletons less than :data:`FATHER_JW` alike);
- the birth years (from birth dates, or ages at the violation date, or an age on an undated
  row read against its list's span of dates: ``birth_wide_lo/hi``) are more than
  :data:`BIRTH_GAP_YEARS` years apart;
- the violation dates (intervals: a month, a season or a day) are more than
  :data:`DATE_GAP_DAYS` days apart for one kind of violation (or one kind missing), and
  the fathers' names do not agree: a common name in one town on days months apart, with
  nothing else in common, is two persons (namesakes); with the same father's name it is one
  person whose date one list got wrong, and an arrest and an execution are months apart;
  or more than :data:`NEAR_DATE_GAP_DAYS` days apart when both rows *name* a kind of
  violation that happens on one day (:data:`SINGLE_DAY_KINDS`: an execution) and neither the
  fathers' names nor the birth years agree: the intervals already allow a Jalali month
  converted a month off, so two executions of one common name 40 days apart with nothing
  else in common are two persons; a killing is not one day (one list dates the shooting,
  another the death weeks later), so for killings (:data:`PLACED_KINDS`) the month rule
  also needs both rows to name places that differ: two namesakes killed in two towns five
  weeks apart are two persons, a man shot in his town who died there five weeks later is
  not split;
- it is sibling-like (:func:`shomar.linkage.rules.sibling_like`: same family, different
  attested given names, fathers agreeing or missing);
- (inside a would-be person only, :meth:`RecordConflicts.name_splits`) the given names are
  two different attested names even one letter apart (Jalil/Jalal, Farzan/Farzad), or one
  is the head of the other's compound (Ali/Alireza, :func:`compound_head`), and each is
  written so on another record of the would-be person as well: a typo or a shortened name
  makes one odd record, a sibling brings his own.

A pair whose birth dates (to the day) or identifiers (a national id) agree or are one typo
apart never conflicts: that is one person with a typo in the year or a name.

On the tuning lists (messy style, seed 1) 0.3 % of the true pairs have conflicting fathers
and none are more than two birth years apart, while about 40 % of the false pairs inside
predicted persons conflict (measured 2026-12-02, see ``benchmarks/linkage/README.md``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from rapidfuzz.distance import JaroWinkler

from shomar.linkage.names import compound_parts
from shomar.linkage.rules import (
    agrees,
    different_attested_names,
    distinct_given_names,
    sibling_like,
)
from shomar.text import detect_script, signature

#: fathers' name skeletons at least this alike (Jaro-Winkler) never conflict
FATHER_JW = 0.85
#: birth-year intervals further apart than this conflict
BIRTH_GAP_YEARS = 2.0
#: violation-date intervals further apart than this (days) conflict, unless fathers agree
DATE_GAP_DAYS = 62
#: ... and further apart than this when both rows state the same kind of violation and
#: neither fathers nor birth years agree. Messy seeds 1-3 (2026-12-02): 0 true record pairs
#: and 37-44 scored false pairs a seed fall between the two; 4 of the 7 namesake pairs
#: merged despite evidence were joined across such a gap
NEAR_DATE_GAP_DAYS = 31
#: the kinds of violation that happen on one day, to which the month rule applies: a killing
#: is dated by the shooting in one list and by the death weeks later in another, a detention
#: or a death in custody by the arrest or the death
SINGLE_DAY_KINDS = ("execution",)
#: the kinds dated either way (a killing: by the shooting or by the death weeks later), to
#: which the month rule applies only when both rows name places and they differ. Messy
#: seeds 1-3 and 11-13 (2026-12-03): 0 true record pairs of one kind are more than 31 days
#: apart; 3 of the 5 namesake pairs merged across such a gap between killings were in two
#: places (a death in custody, dated by the arrest or the death, is left out: the place is
#: then a prison on one list and the home town on the other for one person)
PLACED_KINDS = ("killing",)

_FATHER = ("father_key", "father_canon", "father_sig", "father_skel")


def _distinct_fathers(key_a: str, key_b: str, skel_a: object, skel_b: object) -> bool:
    """Two fathers' names no level relates are two names: not alike, not a shortened
    compound (Bani-Torof/بنی, Amir-Hossein/امیر), not a misspelling (see
    :func:`shomar.linkage.rules.distinct_given_names`)."""
    if isinstance(skel_a, str) and isinstance(skel_b, str):
        if JaroWinkler.normalized_similarity(skel_a, skel_b) >= FATHER_JW:
            return False
        short, long = sorted((skel_a, skel_b), key=len)
        if short and (long.startswith(short) or long.endswith(short)):
            return False
    return distinct_given_names(str(key_a), str(key_b))


def compound_head(a: str, b: str) -> bool:
    """Whether one given name (key) is the head of the other's compound in the same script
    (Ali and Alireza, «علی» and «علیرضا»): a shortened name or a brother's."""
    if a == b or detect_script(a) != detect_script(b):
        return False
    for short, long in ((a, b), (b, a)):
        parts = compound_parts(long)
        single = len(compound_parts(short)) == 1
        if len(parts) > 1 and single and signature(short) == signature(parts[0]):
            return True
    return False


class RecordConflicts:
    """``conflicts(i, j)``: per pair of unique ids, whether the records conflict (see module)."""

    def __init__(self, features: pd.DataFrame, identifiers: Sequence[str] = ()) -> None:
        self.features = features
        self.identifiers = tuple(identifiers)
        # the columns read as arrays in row order (no copy of the whole frame by set_index)
        table = features
        self._father = {
            c: table[c].to_numpy(object) if c in table.columns else None for c in _FATHER
        }
        wide = "birth_wide_lo" in table.columns
        self._birth = tuple(
            table[c].to_numpy(float) if c in table.columns else None
            for c in (("birth_wide_lo", "birth_wide_hi") if wide else ("birth_lo", "birth_hi"))
        )
        self._date = tuple(
            table[c].to_numpy(float, na_value=np.nan) if c in table.columns else None
            for c in ("date_start", "date_end")
        )
        self._violation = table["violation"].to_numpy(object) if "violation" in table else None
        self._place = tuple(
            table[c].to_numpy(object) if c in table.columns else None
            for c in ("place_skel", "city")
        )
        self._given = tuple(
            table[c].to_numpy(object) if c in table.columns else None
            for c in ("given_key", "given_canon")
        )
        self._family = table["family_canon"].to_numpy(object) if "family_canon" in table else None
        self._pos = pd.Series(np.arange(len(table)), index=table["unique_id"].to_numpy())
        self._ids = [
            table[c].to_numpy(object)
            for c in ("birth_iso", *self.identifiers)
            if c in table.columns
        ]

    def __call__(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Per pair, whether the records conflict. The clustering asks about every pair of
        records inside each would-be person at once, which :meth:`name_splits` needs."""
        out = self.disagree(left, right)
        if len(left) and "given_key" in self.features.columns:
            out |= sibling_like(self.features, left, right, self.identifiers)[0]
            out |= self.name_splits(left, right)
        return out

    def given_names(self, ids: np.ndarray) -> np.ndarray:
        """Per unique id, the given name's canonical form (one form for a name in either
        script; None where missing), for the clustering's ambiguity rule."""
        canon = self._given[1]
        if canon is None:
            return np.full(len(ids), None, dtype=object)
        return np.asarray(canon[self._pos.loc[ids].to_numpy()], dtype=object)

    def name_splits(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Per pair, whether its given names are two different attested names
        (:func:`shomar.linkage.rules.different_attested_names`, one letter apart allowed)
        beside the same family name, each *backed* by another record among the pairs given
        (the same canonical form: that name in either script, or a close spelling), and the
        two names met in one script (a Persian and a Latin record each). Two records
        Jalil/«جلیل» and two Jalal/«جلال» in one would-be person are two brothers; a lone
        «جلال» among three Jalils is a typo and is left alone; «مسیح» on every Persian row and
        "Masoumeh" on every Latin one is one list's reading, not two persons. Identifiers or
        birth days that agree are never a conflict. ``left``/``right`` should hold every
        pair of each group of records (as the clustering asks): backers are looked for only
        among a record's partners there."""
        key, canon = self._given
        family = self._family
        if key is None or canon is None or family is None or len(left) == 0:
            return np.zeros(len(left), dtype=bool)
        a = self._pos.loc[left].to_numpy()
        b = self._pos.loc[right].to_numpy()
        candidates = [
            i
            for i in range(len(a))
            if isinstance(key[a[i]], str)
            and isinstance(key[b[i]], str)
            and isinstance(family[a[i]], str)
            and family[a[i]] == family[b[i]]
            and canon[a[i]] != canon[b[i]]
            and (
                different_attested_names(key[a[i]], key[b[i]])
                or compound_head(key[a[i]], key[b[i]])
            )
        ]
        out = np.zeros(len(a), dtype=bool)
        if not candidates:
            return out
        partners: dict[int, set[int]] = {}
        for x, y in zip(a.tolist(), b.tolist(), strict=True):
            partners.setdefault(x, set()).add(y)
            partners.setdefault(y, set()).add(x)

        def scripts(x: int, y: int) -> set[str]:
            """Scripts of the records backing ``x``'s name against ``y`` (empty: none)."""
            group = [k for k in partners[x] if k != y and canon[k] == canon[x]]
            return {detect_script(str(key[k])) for k in (x, *group)} if group else set()

        for i in candidates:
            x, y = int(a[i]), int(b[i])
            if scripts(x, y) & scripts(y, x):
                out[i] = not any(agrees(col[x], col[y]) for col in self._ids)
        return out

    def disagree(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Fathers' names, birth years or violation dates conflict (the sibling test left
        out)."""
        if len(left) == 0:
            return np.zeros(0, dtype=bool)
        a = self._pos.loc[left].to_numpy()
        b = self._pos.loc[right].to_numpy()
        out = self._fathers_differ(a, b) | self._births_apart(a, b) | self._dates_apart(a, b)
        for i in np.flatnonzero(out):  # one person, a typo in the year (19560412/19650412)
            out[i] = not any(agrees(col[a[i]], col[b[i]]) for col in self._ids)
        return out

    def _fathers_differ(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        key, canon, sig, skel = (self._father[c] for c in _FATHER)
        if key is None or canon is None or sig is None or skel is None:
            return np.zeros(len(a), dtype=bool)
        both = pd.notna(key[a]) & pd.notna(key[b])
        differ = both & (canon[a] != canon[b]) & (sig[a] != sig[b]) & (skel[a] != skel[b])
        for i in np.flatnonzero(differ):
            differ[i] = _distinct_fathers(key[a[i]], key[b[i]], skel[a[i]], skel[b[i]])
        return np.asarray(differ, dtype=bool)

    def _dates_apart(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = _apart(self._date, a, b, DATE_GAP_DAYS)
        if self._violation is not None:
            va, vb = self._violation[a], self._violation[b]
            out &= pd.isna(va) | pd.isna(vb) | (va == vb)
            same = pd.notna(va) & (va == vb)
            placed = same & np.isin(va, PLACED_KINDS) & self._places_differ(a, b)
            stated = (same & np.isin(va, SINGLE_DAY_KINDS)) | placed
            near = _apart(self._date, a, b, NEAR_DATE_GAP_DAYS) & stated
            out |= near & ~_overlap(self._birth, a, b)
        canon = self._father["father_canon"]
        if canon is not None:
            out &= ~(pd.notna(canon[a]) & (canon[a] == canon[b]))
        return np.asarray(out, dtype=bool)

    def _places_differ(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Both rows name a place, their skeletons differ and they do not resolve to one
        city (a town's old name, باختران/Kermanshah)."""
        skel, city = self._place
        if skel is None:
            return np.zeros(len(a), dtype=bool)
        out = pd.notna(skel[a]) & pd.notna(skel[b]) & (skel[a] != skel[b])
        if city is not None:
            out &= ~(pd.notna(city[a]) & (city[a] == city[b]))
        return np.asarray(out, dtype=bool)

    def _births_apart(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return _apart(self._birth, a, b, BIRTH_GAP_YEARS)


def _overlap(bounds: tuple[np.ndarray | None, ...], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the intervals ``bounds`` of records ``a`` and ``b`` overlap (False where
    either is missing): agreeing birth years."""
    lo, hi = bounds
    if lo is None or hi is None:
        return np.zeros(len(a), dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.asarray(np.maximum(lo[a], lo[b]) <= np.minimum(hi[a], hi[b]), dtype=bool)


def _apart(
    bounds: tuple[np.ndarray | None, ...], a: np.ndarray, b: np.ndarray, gap: float
) -> np.ndarray:
    """Whether the intervals ``bounds`` (low, high) of records ``a`` and ``b`` are more than
    ``gap`` apart (False where either is missing)."""
    lo, hi = bounds
    if lo is None or hi is None:
        return np.zeros(len(a), dtype=bool)
    with np.errstate(invalid="ignore"):
        distance = np.maximum(lo[a], lo[b]) - np.minimum(hi[a], hi[b])
        return np.asarray(distance > gap, dtype=bool)


#: match weight (log2 Bayes factor) taken off a pair whose fathers, birth years or dates conflict
CONFLICT_WEIGHT = 10.0
EVIDENCE_COLUMN = "mw_conflict_rule"


def apply_conflict_rule(
    pairs: pd.DataFrame,
    features: pd.DataFrame,
    *,
    keep_evidence: bool = False,
    identifiers: Sequence[str] = (),
) -> pd.DataFrame:
    """``pairs`` with :data:`CONFLICT_WEIGHT` bits taken off those whose fathers' names,
    birth years or violation dates conflict (see module): EM, which learns "matches" that
    include siblings and namesakes, prices these disagreements at only 5-7 bits, which a
    common full name and a shared town outweigh."""
    if pairs.empty:
        return pairs
    left, right = pairs["unique_id_l"].to_numpy(), pairs["unique_id_r"].to_numpy()
    hit = RecordConflicts(features, identifiers).disagree(left, right)
    penalty = np.where(hit, CONFLICT_WEIGHT, 0.0)
    out = pairs.copy()
    if keep_evidence:
        out[EVIDENCE_COLUMN] = -penalty
    if hit.any():
        weight = out["match_weight"].to_numpy(float) - penalty
        out["match_weight"] = weight
        prob = out["match_probability"].to_numpy(float).copy()
        prob[hit] = 1.0 / (1.0 + np.exp2(-weight[hit]))
        out["match_probability"] = prob
    return out
