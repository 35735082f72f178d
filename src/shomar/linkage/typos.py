"""A rare spelling one letter from a common name is a typo of that name, not another name.

Lists drop, add, swap and confuse letters («مجتب» for «مجتبی», «فریذ» for «فرید» with one dot
more, «حشین» for «حسین», "Shalha" for Shahla). The names lexicon (:mod:`shomar.text.lexicon`)
attests many such slips once or twice (Wikidata alignment mistakes, one-off rows of PNGT-26K),
so "attested" alone cannot tell a typo from a second, real name, and the sibling rule took
«مجتب» beside «مجتبی» for a brother's name. How often each is attested can: a name part
attested at most :data:`RARE` times whose only common neighbour, one edit away (a letter
dropped, added, changed or two swapped), is attested at least :data:`COMMON` times and
:data:`DOMINANT` times as often, is a typo of that neighbour. Siblings bear two real names
(Bahram/Bahman, Hasan/Hossein: both common), so they are left alone; so is a rare name that
is a common name *with an ending added* (Majideh beside Majid, a sister's name, however seldom
the lexicon attests it): only the shorter side may be the slip («هاد» for «هادی»). A slip
with two common neighbours («حسبن»: «حسین» or «حسن»; "Naer": Nader or Naser) decides nothing.

Across scripts the neighbour is looked for in the rare name's own script and compared with
the other name's main readings (a Latin name's Persian readings, a Persian name's Latin
spellings, each at least a tenth as often attested as its most attested one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from shomar.text import detect_script, name_key, skeleton
from shomar.text.lexicon import attested_keys, readings_of, role_counts, spellings_of

#: a name part attested at most this often (as a given and a family name together) may be a slip
RARE = 3
#: ... of a neighbour attested at least this often in the role at hand (given or family name)
COMMON = 10
#: ... and this many times as often as the rare spelling
DOMINANT = 10
#: neighbours shorter than this are left out («رض» is one letter from too many names)
MIN_LENGTH = 3

#: roles as :func:`shomar.text.lexicon.role_counts` orders them (a father's name is a given name)
GIVEN, FAMILY = 0, 1
_ROLE_NAMES = ("given", "surname")


@cache
def _index(role: int) -> dict[str, frozenset[str]]:
    """Common keys of ``role`` by each one-letter deletion of them (and by themselves): two
    keys one edit apart share an entry (symmetric deletion)."""
    index: dict[str, set[str]] = defaultdict(set)
    for key in attested_keys(_ROLE_NAMES[role], COMMON):
        if len(key) < MIN_LENGTH:
            continue
        index[key].add(key)
        for i in range(len(key)):
            index[key[:i] + key[i + 1 :]].add(key)
    return {k: frozenset(v) for k, v in index.items()}


def _attested(key: str) -> int:
    given, family = role_counts(key)
    return given + family


def _one_slip(rare: str, name: str) -> bool:
    """One edit apart, and ``rare`` is not ``name`` with an ending added (a name of its own:
    Majideh beside Majid, Jafari beside Jafar)."""
    if OSA.distance(rare, name) != 1:
        return False
    return not (len(rare) == len(name) + 1 and rare.startswith(name))


@lru_cache(maxsize=200_000)
def typo_neighbour(key: str, role: int = GIVEN) -> str | None:
    """The common name (key, same script) that the rare name part ``key`` is a slip of, or
    None: ``key`` attested at most :data:`RARE` times, the neighbour one edit away, attested
    ≥ :data:`COMMON` times in ``role`` and ≥ :data:`DOMINANT` × as often as ``key``, and the
    only such neighbour."""
    count = _attested(key)
    if count > RARE or not key:
        return None
    index = _index(role)
    found = set(index.get(key, ()))
    for i in range(len(key)):
        found |= index.get(key[:i] + key[i + 1 :], frozenset())
    floor = DOMINANT * max(count, 1)
    near = {n for n in found if n != key and _one_slip(key, n) and role_counts(n)[role] >= floor}
    return next(iter(near)) if len(near) == 1 else None


def _main(counts: dict[str, int]) -> set[str]:
    """The keys attested at least a tenth as often as the most attested one."""
    if not counts:
        return set()
    top = max(counts.values())
    return {k for k, n in counts.items() if n * DOMINANT >= top}


def as_common(key: str, role: int = GIVEN) -> str:
    """The name part read as the common name it is a slip of (:func:`typo_neighbour`), else
    itself."""
    return typo_neighbour(key, role) or key


@lru_cache(maxsize=200_000)
def typo_of(a: str, b: str, role: int = GIVEN) -> bool:
    """Whether two name parts (keys, either script), at least one a slip, are one name once
    each slip is read as its common name (:func:`as_common`; see the module): «مجتب» and
    «مجتبی» or "Mojtaba", «مجتب» and «مجبی» (two slips of «مجتبی»), "Shalha" and «شهلا»,
    "Mahi" (a slip of Mahdi) and Mehdi. In one script the two readings must be equal (or, in
    Latin, share a main Persian reading); across scripts the Persian one must be a main
    reading of the Latin one, or the Latin one a main spelling of the Persian one. Also a
    rare spelling one slip from the other, common name (:func:`rare_slip_of`)."""
    if a == b:
        return False
    if rare_slip_of(a, b, role) or rare_slip_of(b, a, role):
        return True
    fixed_a, fixed_b = as_common(a, role), as_common(b, role)
    if (fixed_a, fixed_b) == (a, b):
        return False
    if fixed_a == fixed_b:
        return True
    script_a, script_b = detect_script(fixed_a), detect_script(fixed_b)
    if script_a == script_b:
        if script_a == "persian":
            return False
        return bool(_main(readings_of(fixed_a)) & _main(readings_of(fixed_b)))
    persian, latin = (fixed_a, fixed_b) if script_a == "persian" else (fixed_b, fixed_a)
    return persian in _main(readings_of(latin)) or latin in _main(spellings_of(persian))


def rare_slip_of(rare: str, name: str, role: int = GIVEN) -> bool:
    """Whether ``rare`` (a key attested, but at most :data:`RARE` times) is one slip
    (:func:`_one_slip`) from ``name``, a key of the same script attested at least
    :data:`COMMON` times in ``role``, whatever other common names it is also one letter from
    («پویز» beside «پرویز», though «پویا» is one letter away too): read pairwise, as the
    comparison level "a rare spelling one letter from the other's name" reads it in one
    script. Across scripts, one of the common name's main readings in the rare one's script
    («پویز» beside Parviz, whose main Persian reading is «پرویز»)."""
    if len(rare) < MIN_LENGTH or not 0 < _attested(rare) <= RARE:
        return False
    if role_counts(name)[role] < COMMON:
        return False
    script = detect_script(rare)
    if script == detect_script(name):
        return _one_slip(rare, name)
    # across scripts: the common name's main readings (or spellings) in the rare one's script
    forms = readings_of(name) if script == "persian" else spellings_of(name)
    return any(_one_slip(rare, form) for form in _main(forms))


#: ``X_slip`` marks: a rare spelling (a slip, or a name too seldom attested to be told from
#: one) and a name attested often in the role
RARE_MARK, COMMON_MARK = "r", "c"


def slip_marks(keys: Sequence[str | None], role: int = GIVEN) -> list[str | None]:
    """Per name key: :data:`RARE_MARK` when attested, but at most :data:`RARE` times (as a given
    and a family name together), :data:`COMMON_MARK` when attested at least :data:`COMMON` times
    in ``role``, else None: the ``X_slip`` feature column. Unattested spellings are left out:
    the "two different attested names" level, which a slip attested once falls into, does not
    take them, and many are another romanisation ("Kassem", Qasem, one letter from Kazem). A
    rare spelling one edit from the *other* record's common name is most likely a slip of it,
    even when it is also one edit from another common name (the pair says which: «پویز»
    beside «پرویز», not «پویا»), which :func:`typo_neighbour` cannot decide alone."""

    @cache
    def mark(key: str) -> str | None:
        if len(key) >= MIN_LENGTH and 0 < _attested(key) <= RARE:
            return RARE_MARK
        return COMMON_MARK if role_counts(key)[role] >= COMMON else None

    return [mark(k) if k else None for k in keys]


def typo_canons(
    parts: Sequence[str | None],
    canon: Mapping[str, str],
    role: int,
    compare: Callable[[str, str], float],
    threshold: float,
) -> list[str | None]:
    """Per name part (as written), the key of the canonical form (``canon``: part → its
    representative, :func:`shomar.linkage.features.canonical_forms`) of the common name it is
    a slip of, else None: the ``X_fix`` feature column. A neighbour written by no record
    takes the representative of its skeleton that ``compare`` puts it with (``threshold``),
    so «مجبی» beside a lone "Mojtaba" still meets it."""
    by_key = {name_key(v): name_key(rep) for v, rep in canon.items()}
    reps: dict[str, list[str]] = defaultdict(list)
    for rep in sorted(set(canon.values())):
        reps[skeleton(rep)].append(rep)

    @cache
    def fix(part: str) -> str | None:
        near = typo_neighbour(name_key(part), role)
        if near is None:
            return None
        if near in by_key:
            return by_key[near]
        for rep in reps.get(skeleton(near), ()):
            if compare(near, rep) >= threshold:
                return name_key(rep)
        return None

    return [fix(p) if p else None for p in parts]


__all__ = [
    "COMMON", "COMMON_MARK", "DOMINANT", "FAMILY", "GIVEN", "RARE", "RARE_MARK", "as_common",
    "rare_slip_of", "slip_marks", "typo_canons", "typo_neighbour", "typo_of",
]  # fmt: skip
