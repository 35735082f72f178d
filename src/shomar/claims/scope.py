"""Figures about another country: "In neighbouring Iraq … more than 300 people had been killed".

Wire copy and rights groups' releases set an event against others ("The killings come a week
after Pakistani security forces said 20 militants were killed", «در همین مدت در سوریه بیش از ۵۰
غیرنظامی …»). Such a figure is no claim about the article's event, so the extractor drops it.

The article's own country is Iran whenever the article names it (the project's records are
about Iran, and "Rights groups documented 40 executions in Saudi Arabia. In Iran, …" is still
about Iran); else the first country named (name or adjective) up to the end of the first
sentence holding a head count, else Iran. An article that opens "Afghan officials said 30 …"
and never names Iran is read as one about Afghanistan; "HRANA said 12 were killed in Zahedan.
In neighbouring Iraq, …" stays about Iran. A number is about another country
when the clause holding it (cut at ";", "while", "whereas", "but", «اما», «در حالی که») places
something in that country ("in (neighbouring) Iraq", «در سوریه», "Iraq's security forces"),
names its state's forces ("Pakistani security forces", «نیروهای امنیتی عراق») or makes the
country the subject of the act ("Saudi Arabia executed 172 people, and Somalia 38", «مصر نیز ۳۰
نفر را اعدام کرده است»), and does not name the article's own country. A nationality alone
("25 were Afghan nationals") is no place.
"""

from __future__ import annotations

import re
from functools import cache

from shomar.claims.filters import non_count_reason
from shomar.claims.quantity import find_quantities, fold_text
from shomar.claims.sentences import split_sentences

__all__ = ["HOME_DEFAULT", "home_country", "outside_home"]

#: country key: English name, English adjective, Persian name (the adjective is name + «ی»)
_COUNTRIES: dict[str, tuple[str, str, str]] = {
    "iran": ("Iran", "Iranian", "ایران"),
    "iraq": ("Iraq", "Iraqi", "عراق"),
    "syria": ("Syria", "Syrian", "سوریه"),
    "afghanistan": ("Afghanistan", "Afghan", "افغانستان"),
    "pakistan": ("Pakistan", "Pakistani", "پاکستان"),
    "turkey": ("Turkey", "Turkish", "ترکیه"),
    "lebanon": ("Lebanon", "Lebanese", "لبنان"),
    "yemen": ("Yemen", "Yemeni", "یمن"),
    "israel": ("Israel", "Israeli", "اسرائیل"),
    "gaza": ("Gaza", "Palestinian", "غزه"),
    "saudi": ("Saudi Arabia", "Saudi", "عربستان"),
    "egypt": ("Egypt", "Egyptian", "مصر"),
    "sudan": ("Sudan", "Sudanese", "سودان"),
    "ukraine": ("Ukraine", "Ukrainian", "اوکراین"),
    "russia": ("Russia", "Russian", "روسیه"),
    "azerbaijan": ("Republic of Azerbaijan", "Azerbaijani", "جمهوری آذربایجان"),
    "armenia": ("Armenia", "Armenian", "ارمنستان"),
    "bahrain": ("Bahrain", "Bahraini", "بحرین"),
    "jordan": ("Jordan", "Jordanian", "اردن"),
    "libya": ("Libya", "Libyan", "لیبی"),
    "belarus": ("Belarus", "Belarusian", "بلاروس"),
    "myanmar": ("Myanmar", "Burmese", "میانمار"),
    "china": ("China", "Chinese", "چین"),
}
HOME_DEFAULT = "iran"
_NB = r"(?![\w\u200c])"
_STATE = (
    r"(?:security\s+forces|forces|authorities|officials|government|police|army|military|"
    r"troops|interior\s+ministry|health\s+ministry)"
)
_FA_STATE = r"(?:نیروهای\s+امنیتی|نیروهای|مقام[\u200c ]?(?:های|ات)|دولت|ارتش|پلیس|وزارت\s+کشور)"


def _mention(key: str) -> re.Pattern[str]:
    """Any mention of the country: its name, adjective, "X's", or Persian name."""
    name, adj, fa = _COUNTRIES[key]
    return re.compile(
        rf"(?<![\w])(?:{re.escape(name)}|{re.escape(adj)}s?){_NB}|(?<![\w\u200c]){fa}",
        re.IGNORECASE,
    )


def _placed(key: str) -> re.Pattern[str]:
    """A place or a state actor in the country (see the module doc)."""
    name, adj, fa = _COUNTRIES[key]
    n, a = re.escape(name), re.escape(adj)
    return re.compile(
        rf"(?<![\w])(?:in|inside|across)\s+(?:(?:neighbou?ring|nearby|northern|southern|eastern|"
        rf"western)\s+)?(?:{n}|{a}\s+Kurdistan){_NB}|"
        rf"(?<![\w]){n}['’]s\s+(?:[\w-]+\s+)?{_STATE}{_NB}|"
        rf"(?<![\w]){a}\s+(?:[\w-]+\s+)?{_STATE}{_NB}|"
        # the country as the subject of the act: "Saudi Arabia executed 172 people"
        rf"(?:^|[,;:]\s*|(?<![\w])and\s+)(?:{n}|{a}\s+[\w-]+)\s+(?:[\w-]+\s+){{0,2}}?"
        rf"(?:executed|hanged|killed|arrested|detained|carried\s+out|put\s+\S+\s+to\s+death)|"
        rf"(?:^|[،,؛;:]\s*|(?<![\w\u200c])و\s+){fa}(?:\s+سعودی)?\s+(?:\S+\s+){{0,5}}?"
        rf"(?:اعدام|کشته|بازداشت|دستگیر)|"
        rf"(?<![\w\u200c])در\s+(?:کشور\s+)?(?:همسایه[،,]?\s+)?{fa}{_NB}|"
        rf"(?<![\w\u200c]){_FA_STATE}\s+(?:امنیتی\s+)?{fa}{_NB}",
        re.IGNORECASE,
    )


_MENTION = {key: _mention(key) for key in _COUNTRIES}
_PLACED = {key: _placed(key) for key in _COUNTRIES}
_CLAUSE = re.compile(
    r"[;؛]|(?<![\w])(?:while|whereas|but|meanwhile)(?![\w])|"
    r"(?<![\w\u200c])(?:اما|ولی|در\s+حالی\s+که|در\s+همین\s+حال)(?![\w\u200c])",
    re.IGNORECASE,
)


def home_country(text: str) -> str:
    """:data:`HOME_DEFAULT` when the article names it, else the country it names first (see the
    module doc), else :data:`HOME_DEFAULT`."""
    if _MENTION[HOME_DEFAULT].search(text):
        return HOME_DEFAULT
    opening = text
    folded = fold_text(text)
    for sentence in split_sentences(text):
        s = folded[sentence.start : sentence.end]
        if any(non_count_reason(s, m) is None for m in find_quantities(sentence.text)):
            opening = text[: sentence.end]
            break
    first: tuple[int, str] | None = None
    for key, pattern in _MENTION.items():
        m = pattern.search(opening)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), key)
    return first[1] if first else HOME_DEFAULT


def outside_home(sentence: str, position: int, home: str) -> bool:
    """Whether the number at ``position`` of ``sentence`` is about a country other than
    ``home``: its clause places it abroad and does not name ``home``."""
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    start = max(c for c in cuts if c <= position)
    end = min(c for c in cuts if c > position) if position < len(sentence) else len(sentence)
    clause = sentence[start:end]
    if not _named(home).search(clause) or _MENTION[home].search(clause):
        return False  # no other country named (most clauses): one cheap scan
    return _abroad(home).search(clause) is not None


@cache
def _named(home: str) -> re.Pattern[str]:
    """Any other country's name, adjective or Persian name."""
    others = [p.pattern for key, p in _MENTION.items() if key != home]
    return re.compile("|".join(f"(?:{p})" for p in others), re.IGNORECASE)


@cache
def _abroad(home: str) -> re.Pattern[str]:
    """Every other country's place pattern as one regular expression (one scan per clause)."""
    others = [p.pattern for key, p in _PLACED.items() if key != home]
    return re.compile("|".join(f"(?:{p})" for p in others), re.IGNORECASE)
