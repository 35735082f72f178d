"""Build the *styles* name-pair benchmark (deterministic, seed 20261201).

Run ``.venv/bin/python -m benchmarks.names.build_styles``; it writes
``benchmarks/names/data/styles_dev.csv`` (tune here) and ``styles_test.csv`` (held out: only
read by ``run.py``). The pairs are in the styles real Iranian lists write names in, which the
first benchmark (``pairs_*.csv``, attested Wikidata spellings) does not cover.

Names: synthetic full names, each a frequent attested Persian given name (PNGT-26K gender,
Wikidata spellings) with a frequent attested family name, drawn at random (no real person is
meant). Latin forms start from the most attested English spelling of each part. The
transformations below are written here, independently of ``shomar.text`` (which is only used
to read the lexicon), so a label never comes from the matcher's own rules.

Positives (label 1), one transformation of the same name on one side:

- ``order``: "Given Family" ~ "Family Given", "Family, Given", "FAMILY Given", «فامیل، نام»;
- ``bgn`` / ``ala-lc``: the Latin name rewritten in UN/BGN-PCGN or ALA-LC romanisation from an
  alignment of the Persian letters with the English spelling (long vowels ā ī ū, dotted
  consonants for ح ص ط ض ظ, diphthongs ey/ay, ALA-LC short u/i); ``bgn-plain`` /
  ``ala-plain`` the same without diacritics;
- ``french``, ``german``: sh → ch / sch, j → dj / dsch, ch → tch / tsch, kh → kh / ch, u → ou,
  y → j (German), v → w (German), -in → -ine for women's names (French);
- ``vowel``: vowel shifts and consonant alternations (a → e in the first syllable, ou/u/oo,
  ey/ei/ay, Gh/Q/G);
- ``abbrev``: "M. Reza", "Gh. Ali", "S. Ali" (Seyed) for Mohammad Reza, Gholam Ali, Seyed Ali;
- ``colloquial``: «ممد»/"Mamad" for محمد, «فاطی»/"Fati" for فاطمه, «علی‌آقا», «فاطمه خانم»,
  «زهرا سادات».

Negatives (label 0), ``<kind>-neg``: the same transformation of the name on one side and, on
the other, the same family name with a *different* given name (a name with the same consonant
skeleton when there is one: Mohammad/Mahmoud, Hasan/Hossein; a sibling's name otherwise).

The split is by the name (a hash of given + family), 30% held out.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from shomar.text.lexicon import LexiconName, given_names, role_counts, surnames
from shomar.text.normalize import persian_display, persian_key
from shomar.text.skeleton import skeleton

SEED = 20261201
HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
FIELDS = ("a", "b", "label", "kind", "group")
TEST_SHARE = 0.3
N_NAMES = 1500

# --- Persian-letter-aware romanisation (BGN / ALA-LC) --------------------------------------

_CONS: dict[str, tuple[str, ...]] = {
    "ب": ("b",), "پ": ("p",), "ت": ("t",), "ط": ("t",), "ث": ("s",), "س": ("s",),
    "ص": ("s",), "ج": ("j",), "چ": ("ch",), "ح": ("h",), "ه": ("h",), "خ": ("kh", "x"),
    "د": ("d",), "ذ": ("z",), "ز": ("z",), "ض": ("z",), "ظ": ("z",), "ر": ("r",),
    "ژ": ("zh", "j"), "ش": ("sh",), "غ": ("gh", "q", "g"), "ق": ("gh", "q", "g"),
    "ف": ("f",), "ک": ("k", "c"), "گ": ("g",), "ل": ("l",), "م": ("m",), "ن": ("n",),
}  # fmt: skip
_DOT = {
    "bgn": {"ح": "ḩ", "ص": "ş", "ط": "ţ", "ض": "ẕ", "ظ": "z̧", "ث": "s̄", "ذ": "z̄"},
    "ala": {"ح": "ḥ", "ص": "ṣ", "ط": "ṭ", "ض": "ż", "ظ": "ẓ", "ث": "s̲", "ذ": "z̲"},
}
_YE_UNITS = (
    ("ei", "ey"), ("ey", "ey"), ("ai", "ay"), ("ay", "ay"),
    ("ee", "ī"), ("ie", "ī"), ("iy", "īy"), ("i", "ī"), ("y", "y"),
)  # fmt: skip


def _align_romanize(fa: str, en: str, system: str) -> str | None:
    """Rewrite the English spelling ``en`` of Persian ``fa`` in BGN or ALA-LC, or None when
    the two cannot be aligned letter by letter."""
    fa = persian_display(fa).replace("\u200c", "").replace(" ", "")
    low = en.lower()
    out: list[str] = []
    i = 0

    def short_vowels(k: int = -1) -> None:
        nonlocal i
        nxt = fa[k + 1] if 0 <= k + 1 < len(fa) else ""
        while i < len(low) and low[i] in "aeio" and not low.startswith(("ee", "ou", "oo"), i):
            if nxt == "ی" and (low[i] == "i" or low[i + 1 : i + 2] in ("i", "y")):
                break  # a long i, or a diphthong ey/ay (حیدری Heydari)
            if nxt == "و" and low[i] == "o":
                break
            if nxt in "اآ" and low[i] == "a":
                break  # the written alef is the next letter
            if nxt == "ه" and k + 1 == len(fa) - 1 and low[i:] in ("eh", "ah", "e", "a"):
                break
            v = low[i]
            if system == "ala":
                v = {"e": "i", "o": "u"}.get(v, v)
            out.append(v)
            i += 1

    for k, ch in enumerate(fa):
        first, last = k == 0, k == len(fa) - 1
        if ch in "اآ":
            if first:
                if i < len(low) and low[i] in "iu" and k + 1 < len(fa) and fa[k + 1] in "یو":
                    continue  # ایرج Iraj, اورنگ Ourang: the vowel is the next letter's
                if ch == "آ" and low.startswith("a", i):
                    out.append("Ā")
                    i += 1
                    short_vowels(k)
                    continue
                short_vowels(k)
                continue
            if i < len(low) and low[i] == "a":
                out.append("ā")
                i += 1
                while i < len(low) and low[i] == "a":
                    i += 1
                continue
            return None
        if ch == "ع":
            if first:
                out.append("‘" if system == "bgn" else "ʻ")
            short_vowels(k)
            continue
        if ch == "و" and not first:
            ow = "ow" if system == "bgn" else "aw"
            for unit, rep in (("ow", ow), ("oo", "ū"), ("ou", "ū"), ("u", "ū"), ("o", ow)):
                if low.startswith(unit, i):
                    out.append(rep)
                    i += len(unit)
                    break
            else:
                if low.startswith(("v", "w"), i):
                    out.append("v")
                    i += 1
                    short_vowels(k)
                else:
                    return None
            continue
        if ch == "ی" and not first and k + 1 < len(fa) and fa[k + 1] == "ی":
            # -ایی / -ئی: a consonant y before a final long i (رضایی Rezaei → Reẕāyī)
            if low.startswith(("e", "y"), i):
                i += 1
            out.append("y")
            continue
        if ch == "ی" and not first:
            for unit, rep in _YE_UNITS:
                if low.startswith(unit, i):
                    if unit in ("ei", "ey", "ai", "ay") and system == "ala":
                        rep = "ay"
                    elif unit in ("ei", "ey", "ai", "ay"):
                        rep = "ey"
                    out.append(rep)
                    i += len(unit)
                    break
            else:
                return None
            if not last:
                short_vowels(k)
            continue
        if ch == "ه" and last and not first:
            if low.startswith("eh", i) or low.startswith("ah", i):
                out.append("eh" if system == "bgn" else "ah")
                i += 2
                continue
            if low.startswith(("e", "a"), i):
                out.append("eh" if system == "bgn" else "ah")
                i += 1
                continue
        if ch == "و" and first:
            units: tuple[str, ...] = ("v", "w")
        elif ch == "ی" and first:
            units = ("y",)
        else:
            units = _CONS.get(ch, ())
        if not units:
            return None
        for unit in units:
            if low.startswith(unit, i):
                n = len(unit)
                # a doubled consonant in English (Hassan, Mohammad) is one Persian letter
                double = i + n < len(low) and low[i + n] == unit[-1] and len(unit) == 1
                dotted = _DOT[system].get(ch)
                text = dotted if dotted else "q" if ch == "ق" else unit
                out.append(text + (text if double else ""))
                i += n + (1 if double else 0)
                break
        else:
            return None
        short_vowels(k)
    if i != len(low):
        return None
    word = "".join(out)
    return word[:1].upper() + word[1:] if word[:1] not in "‘ʻ" else word[:2].upper() + word[2:]


def _plain(s: str) -> str:
    s = s.replace("‘", "").replace("ʻ", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _french(en: str, gender: str | None) -> str:
    t = en.lower()
    t = t.replace("sh", "\0").replace("ch", "tch").replace("\0", "ch")
    t = t.replace("zh", "j").replace("jj", "j")
    t = re.sub(r"(?<!d)j", "dj", t)
    t = re.sub(r"oo|u", "ou", t).replace("oouu", "ou").replace("oou", "ou")
    t = re.sub(r"(?<=[aeiou])s(?=[aeiou])", "ss", t)
    t = re.sub(r"aee|aei", "aï", t)
    if gender == "f" and t.endswith("in"):
        t += "e"
    return t[:1].upper() + t[1:]


def _german(en: str) -> str:
    t = en.lower()
    t = t.replace("sh", "\0").replace("ch", "tsch").replace("kh", "ch").replace("\0", "sch")
    t = re.sub(r"j+", "dsch", t)
    t = re.sub(r"^y", "j", t)
    t = t.replace("v", "w").replace("ee", "i").replace("oo", "u").replace("ou", "u")
    return t[:1].upper() + t[1:]


def _vowel_shift(en: str, rng: random.Random) -> str | None:
    rules = [
        (r"^([^aeiou]+)a(?=[^aeiou])", r"\1e"),  # Parvin → Pervin
        (r"ou", "u"), (r"oo", "u"), (r"(?<=[^aeiou])u(?=[^aeiou])", "oo"),
        (r"ey", "ei"), (r"ei", "ey"), (r"ey", "ay"), (r"ai", "ey"),
        (r"^gh", "q"), (r"^q", "gh"), (r"gh", "q"), (r"^gh", "g"),
    ]  # fmt: skip
    rng.shuffle(rules)
    low = en.lower()
    for pattern, repl in rules:
        new = re.sub(pattern, repl, low, count=1)
        if new != low:
            return new[:1].upper() + new[1:]
    return None


# --- names --------------------------------------------------------------------------------


def _clean(n: LexiconName) -> bool:
    return " " not in n.persian and bool(n.latin)


def _given_only(n: LexiconName) -> bool:
    g, f = role_counts(persian_key(n.persian))
    return g > 2 * f


def _best_latin(n: LexiconName) -> str:
    for spelling, _ in n.latin:
        if spelling.isalpha() and not spelling.isupper():
            return spelling[:1].upper() + spelling[1:].lower()
    return n.latin[0][0].title()


def _split_of(group: str) -> str:
    h = int(hashlib.sha256(group.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if h < TEST_SHARE else "dev"


def build() -> dict[str, list[dict[str, object]]]:
    rng = random.Random(SEED)
    given = [n for n in given_names() if _clean(n) and n.gender in ("m", "f") and _given_only(n)][
        :400
    ]
    family = [n for n in surnames() if _clean(n)][:600]
    by_skeleton: dict[str, list[LexiconName]] = defaultdict(list)
    by_gender: dict[str, list[LexiconName]] = defaultdict(list)
    for g in given:
        by_skeleton[skeleton(g.persian)].append(g)
        by_gender[g.gender or ""].append(g)
    out: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    seen: set[tuple[str, str]] = set()

    def add(a: str, b: str, label: int, kind: str, group: str) -> None:
        if a == b or (a, b) in seen or not a or not b:
            return
        seen.add((a, b))
        out[_split_of(group)].append({"a": a, "b": b, "label": label, "kind": kind, "group": group})

    def other_given(g: LexiconName) -> LexiconName:
        close = [x for x in by_skeleton[skeleton(g.persian)] if x.persian != g.persian]
        pool = close or [x for x in by_gender[g.gender or ""] if x.persian != g.persian]
        return rng.choice(pool)

    weights = [n.count for n in given]
    fweights = [n.count for n in family]
    for _ in range(N_NAMES):
        g = rng.choices(given, weights)[0]
        f = rng.choices(family, fweights)[0]
        o = other_given(g)
        ge, fe, oe = _best_latin(g), _best_latin(f), _best_latin(o)
        group = g.persian + " " + f.persian
        full_en, other_en = f"{ge} {fe}", f"{oe} {fe}"
        full_fa, other_fa = f"{g.persian} {f.persian}", f"{o.persian} {f.persian}"
        # order swaps
        style = rng.choice(["swap", "comma", "caps", "fa-comma", "fa-swap"])
        a = {
            "swap": f"{fe} {ge}",
            "comma": f"{fe}, {ge}",
            "caps": f"{fe.upper()} {ge}",
            "fa-comma": f"{f.persian}، {g.persian}",
            "fa-swap": f"{f.persian} {g.persian}",
        }[style]
        b_pos = full_fa if style.startswith("fa") and rng.random() < 0.5 else full_en
        add(a, b_pos, 1, "order", group)
        add(a, other_en if b_pos is full_en else other_fa, 0, "order-neg", group)
        # romanisation systems
        for system in ("bgn", "ala"):
            rg = _align_romanize(g.persian, ge, system)
            rf = _align_romanize(f.persian, fe, system)
            if rg and rf:
                plain = rng.random() < 0.5
                name = f"{rg} {rf}" if not plain else f"{_plain(rg)} {_plain(rf)}"
                kind = ("bgn" if system == "bgn" else "ala-lc") + ("-plain" if plain else "")
                target = full_fa if rng.random() < 0.4 else full_en
                add(name, target, 1, kind, group)
                add(name, other_fa if target is full_fa else other_en, 0, kind + "-neg", group)
        fr = f"{_french(ge, g.gender)} {_french(fe, None)}"
        de = f"{_german(ge)} {_german(fe)}"
        for kind, name in (("french", fr), ("german", de)):
            if name != full_en:
                target = full_fa if rng.random() < 0.4 else full_en
                add(name, target, 1, kind, group)
                add(name, other_fa if target is full_fa else other_en, 0, kind + "-neg", group)
        vg = _vowel_shift(ge, rng)
        if vg:
            add(f"{vg} {fe}", full_en, 1, "vowel", group)
            add(f"{vg} {fe}", other_en, 0, "vowel-neg", group)
    # abbreviations and colloquial forms: the given names that have them
    compounds = [n for n in given_names("m") if n.persian.startswith(("محمد", "غلام")) and n.latin][
        :80
    ]
    for _ in range(N_NAMES // 3):
        f = rng.choices(family, fweights)[0]
        fe = _best_latin(f)
        c = rng.choice(compounds)
        parts = persian_display(c.persian).split()
        head = "محمد" if c.persian.startswith("محمد") else "غلام"
        second = parts[1] if len(parts) > 1 else persian_display(c.persian)[len(head) :]
        sec = next((x for x in given if x.persian == second), None)
        if sec is not None and len(second) >= 2:
            se = _best_latin(sec)
            long_ = f"{'Mohammad' if head == 'محمد' else 'Gholam'} {se} {fe}"
            short = f"{'M.' if head == 'محمد' else 'Gh.'} {se} {fe}"
            group = c.persian + " " + f.persian
            add(short, long_, 1, "abbrev", group)
            o = other_given(sec)
            add(short, f"{'Mohammad' if head == 'محمد' else 'Gholam'} {_best_latin(o)} {fe}",
                0, "abbrev-neg", group)  # fmt: skip
        g = rng.choice([x for x in given if x.gender == "m"][:60])
        ge = _best_latin(g)
        group = "seyed " + g.persian + " " + f.persian
        add(f"S. {ge} {fe}", f"Seyed {ge} {fe}", 1, "abbrev", group)
        add(f"S. {ge} {fe}", f"Seyed {_best_latin(other_given(g))} {fe}", 0, "abbrev-neg", group)
    colloquial = [
        ("ممد", "محمد", "محمود"), ("Mamad", "Mohammad", "Mahmoud"), ("فاطی", "فاطمه", "فاطیما"),
        ("Fati", "Fatemeh", "Fariba"), ("علی‌آقا", "علی", "عباس"), ("علی آقا", "علی", "عادل"),
        ("فاطمه خانم", "فاطمه", "فرشته"), ("زهرا سادات", "زهرا", "زهره"),
        ("زهراسادات", "زهرا", "زینب"), ("مملی", "محمدعلی", "محمدرضا"),
    ]  # fmt: skip
    for _ in range(N_NAMES // 3):
        f = rng.choices(family, fweights)[0]
        form, formal, other = rng.choice(colloquial)
        latin = form.isascii()
        fam = _best_latin(f) if latin else f.persian
        group = "coll " + formal + " " + f.persian
        add(f"{form} {fam}", f"{formal} {fam}", 1, "colloquial", group)
        add(f"{form} {fam}", f"{other} {fam}", 0, "colloquial-neg", group)
    return out


def write(splits: dict[str, list[dict[str, object]]], out: Path = DATA) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        with (out / f"styles_{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        print(f"{name}: {len(rows)} pairs")


def main() -> None:
    write(build())


if __name__ == "__main__":
    main()
