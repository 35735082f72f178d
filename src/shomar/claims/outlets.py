"""News organisations as the addressee of a verb of saying: "X *told Reuters*", «X *به رویترز* گفت».

When the party after "told" (or after «به» before «گفت», or in «در گفت‌وگو با …») is a news
outlet, the outlet is the claimant and the speaker the source it cites. :func:`told_media` says
whether it is one: a registry entry of kind ``media`` or ``ngo`` (rights groups' news services),
an outlet named in guillemets, or one named by its kind ("state TV", «تلویزیون دولتی»);
"told reporters" is not. ``FA_INTERVIEW`` matches the Persian interview phrase before the outlet.
"""

from __future__ import annotations

import re

from shomar.claims.phrases import np_after
from shomar.claims.registry import claimant_entry, resolve_claimant

__all__ = ["FA_INTERVIEW", "told_media"]


FA_INTERVIEW = re.compile(
    # «یک وکیل در تهران در گفت‌وگو با رادیو فردا …»: a place may stand before the phrase
    r"(?:\s*در\s+(?!گفت|مصاحبه)[^\s،,«»]+)?"
    r"\s*در\s+(?:گفت[\u200c ]?و[\u200c ]?گو|مصاحبه)\s+(?:\S+\s+)?با\s+"
)


#: a broadcaster or news outlet named by its kind rather than its name: "told state TV",
#: "told local media", «به تلویزیون دولتی گفت», «به خبرگزاری‌های داخلی گفت»
_OUTLET_NOUN = re.compile(
    r"(?:(?:state|state-run|national|local|provincial|official|semi-official|Iranian|"
    r"pro-government|government-run)\s+)+(?:TV|television|radio|media|broadcaster|news\s+agency|"
    r"news\s+agencies|newspapers?)"
    r"|صدا\s*و\s*سیما(?:ی\s+\S+)?|صداوسیما"
    r"|(?:تلویزیون|رادیو|شبکه|خبرگزاری|روزنامه|رسانه)(?:[\u200c ]?(?:ها|های))?"
    r"(?:\s+(?:دولتی|رسمی|داخلی|محلی|استانی|سراسری|حکومتی|ایران|خبر))+",
    re.IGNORECASE,
)


#: an outlet outside the registry, known by the way its name ends: "the Financial Times", "the
#: Wall Street Journal", "Sky News"
_NAMED_OUTLET = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,4}(?:Times|Post|Journal|News|Telegraph|Independent|Monitor|"
    r"Gazette|Herald|Tribune|Observer|Economist|Television|TV|Radio|Jazeera|Arabiya)$"
)


_TOLD_QUOTED = re.compile(r"\s*«([^«»]{2,40})»\s*(?=گفت|اظهار|توضیح)")


def told_media(sentence: str, end: int) -> str | None:
    """The news organisation after "told" ("told Reuters that"), when it is one: a registry
    entry of kind ``media`` or ``ngo`` (rights groups' news services: "told Kurdpa", "told
    HRANA") or an outlet named by its kind ("state TV"); "told reporters" is not."""
    quoted = _TOLD_QUOTED.match(sentence, end)
    if quoted:  # «منابع محلی به «حال‌وش» گفتند»: an outlet's name in guillemets
        return quoted.group(1).strip()
    target = np_after(sentence, end)
    entry = resolve_claimant(target) if target else None
    if entry and claimant_entry(entry).kind in ("media", "ngo"):
        return target
    if target and _OUTLET_NOUN.fullmatch(target):
        return target
    if target and _NAMED_OUTLET.search(target):
        return target  # "told the Financial Times", "told the Baluch rights website Haalvsh"
    return None
