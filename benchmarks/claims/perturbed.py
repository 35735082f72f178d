"""Persian claimants on the dev passages, rewritten the ways real text differs from the corpora.

Run ``python -m benchmarks.claims.perturbed``. Dev splits only (every corpus): held-out passages
are never read, so this can be run while tuning. Each rewrite changes how a passage is written,
not what it says, and is applied to the text and to its labels alike; a rule that reads the
structure of a sentence scores the same on both, a rule that matches one phrasing does not:

``arabic``
    Arabic letter forms («ي»، «ك») as typed on an Arabic keyboard.
``zwnj_space``, ``zwnj_drop``
    a space for every ZWNJ («گزارش ها»، «پیش تر»), or none at all («گزارشها»).
``unlisted``
    every Persian name of a claimant-registry entry replaced by an invented outlet or group of
    the same kind («خبرگزاری آوا»، «نهاد مستقل حقوق بشر زاگرس»): names outside the registry.
``closing``
    a leading «به گزارش X، …» / «به گفته X، …» moved to the end of its sentence («…، به گزارش X.»).
``apposition``
    «، نهادی مستقل،» set between a registry name and its verb of saying («X، نهادی مستقل، گفت»).

Each row scores the passages the rewrite changes, with the columns of :mod:`benchmarks.claims.run`;
compare it with the row ``as written`` above it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.claims.run import CORPORA, Score, score_article
from shomar.claims import extract_claims
from shomar.claims.registry import registry

#: invented names by registry kind (none resolves to an entry; a test of the module checks it)
INVENTED = {
    "ngo": [
        "سازمان حقوق بشری دادبان",
        "کانون مدافعان زندانیان سیاسی",
        "مرکز اسناد آزادی",
        "دادآوران",
        "نهاد مستقل حقوق بشر زاگرس",
        "انجمن دفاع از زندانیان",
    ],
    "media": [
        "خبرگزاری آوا",
        "رادیو زمانه",
        "تلویزیون آوای البرز",
        "روزنامه سپیده",
        "وب‌سایت آزادنیوز",
        "خبرگزاری پارسه",
    ],
    "government": ["دادگستری استان البرز", "استانداری کرمان", "فرمانداری زاهدان"],
    "un": ["کمیته حقوق کودک", "گروه کاری بازداشت خودسرانه"],
    "opposition": ["جبهه آزادی", "حزب دموکرات"],
}


def _persian(name: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in name)


def invented_names() -> list[tuple[str, str]]:
    """(registry alias, invented name) pairs, longest alias first; one name per entry."""
    pairs: list[tuple[str, str]] = []
    used = dict.fromkeys(INVENTED, 0)
    for entry in registry():
        aliases = {a for a in (entry.name_fa, *entry.aliases) if _persian(a)}
        if not aliases:
            continue
        names = INVENTED[entry.kind]
        invented = names[used[entry.kind] % len(names)]
        used[entry.kind] += 1
        pairs.extend((alias, invented) for alias in aliases)
    return sorted(pairs, key=lambda p: -len(p[0]))


def _unlisted(text: str) -> str:
    for alias, invented in invented_names():
        text = re.sub(rf"(?<![\w\u200c]){re.escape(alias)}(?![\w\u200c])", invented, text)
    return text


_LEADING_SOURCE = re.compile(
    r"(?:(?<=^)|(?<=[.!؟] )|(?<=\n))(به (?:گزارش|گفته|نوشته|اعلام) [^،.\n«»]{2,50})، "
    r"([^.\n]+?)([.!؟])"
)

_SAYING = r"(?=(?:اعلام کرد|گزارش داد|خبر داد|گفت)(?:ند|ه است)?(?![\u0600-\u06ff\u200c]))"


def _apposition(text: str) -> str:
    names = "|".join(re.escape(a) for a in sorted({a for a, _ in invented_names()}, key=len)[::-1])
    return re.sub(rf"(?<![\w\u200c])({names}) {_SAYING}", r"\1، نهادی مستقل، ", text)


REWRITES: dict[str, Callable[[str], str]] = {
    "arabic": lambda t: t.replace("ی", "ي").replace("ک", "ك"),
    "zwnj_space": lambda t: t.replace("\u200c", " "),
    "zwnj_drop": lambda t: t.replace("\u200c", ""),
    "unlisted": _unlisted,
    "closing": lambda t: _LEADING_SOURCE.sub(lambda m: f"{m[2]}، {m[1]}{m[3]}", t),
    "apposition": _apposition,
}


def _dev_persian() -> Iterator[tuple[Path, dict[str, Any]]]:
    for root in CORPORA.values():
        for text_file in sorted((root / "dev").glob("*.txt")):
            labels = json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
            if labels.get("language") == "fa":
                yield text_file, labels


def scores(rewrite: Callable[[str], str]) -> tuple[Score, Score]:
    """The passages a rewrite changes, scored as written and rewritten."""
    written, rewritten = Score(), Score()
    for text_file, labels in _dev_persian():
        text = text_file.read_text(encoding="utf-8")
        changed = rewrite(text)
        if changed == text:
            continue
        written.add(score_article(extract_claims(text), labels["claims"]))
        gold = json.loads(rewrite(json.dumps(labels["claims"], ensure_ascii=False)))
        rewritten.add(score_article(extract_claims(changed), gold))
    return written, rewritten


def main() -> int:
    print(
        f"{'rewrite (dev, fa)':<30} gold  prop match   prec   rec   claimant "
        "counted qualif  strict-F1"
    )
    for name, rewrite in REWRITES.items():
        written, rewritten = scores(rewrite)
        print(written.row(f"{name}: as written"))
        print(rewritten.row(f"{name}: rewritten"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
