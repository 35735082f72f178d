"""The claimant registry (shomar.claims.registry) and the benchmark targets it serves."""

from __future__ import annotations

import pytest
from benchmarks.claims.run import results

from shomar.claims.registry import fold_name, registry, resolve_claimant


@pytest.mark.parametrize(
    ("phrase", "entry"),
    [
        ("Amnesty International", "amnesty"),
        ("Amnesty", "amnesty"),
        ("سازمان عفو بین‌الملل", "amnesty"),
        ("عفو بين‌الملل", "amnesty"),  # Arabic yeh
        ("the Norway-based group Iran Human Rights", "ihr"),
        ("سازمان حقوق بشر ایران", "ihr"),
        ("هرانا", "hrana"),
        ("خبرگزاری مجموعه فعالان حقوق بشر", "hrana"),
        ("Human Rights Activists News Agency (HRANA)", "hrana"),
        ("UN human rights office", "ohchr"),
        ("the United Nations", "un"),
        ("خبرگزاری رویترز", "reuters"),
        ("Reuters", "reuters"),
        ("People's Mojahedin Organization of Iran (PMOI / MEK Iran)", "pmoi"),
        ("سازمان مجاهدین خلق", "pmoi"),
        ("BBC Persian", "bbc-persian"),
        ("سخنگوی قوه قضاییه", "iran-judiciary"),
    ],
)
def test_aliases_in_both_scripts_resolve(phrase: str, entry: str) -> None:
    assert resolve_claimant(phrase) == entry


@pytest.mark.parametrize("phrase", ["Activists", "a local councillor", "Iran", "مقامات محلی", ""])
def test_unknown_claimants_do_not_resolve(phrase: str) -> None:
    assert resolve_claimant(phrase) is None


def test_every_entry_has_names_in_both_scripts_and_a_source() -> None:
    ids = [e.id for e in registry()]
    assert len(ids) == len(set(ids)) >= 20
    owner: dict[str, str] = {}
    for e in registry():
        assert e.name and e.name_fa and e.source.startswith("https://")
        for alias in e.aliases:
            folded = fold_name(alias)
            assert owner.setdefault(folded, e.id) == e.id, f"{alias!r} names two entries"


def test_benchmark_targets_on_the_held_out_reporting_passages() -> None:
    scores = results()
    for lang in ("en", "fa"):
        r = scores[("reporting", "heldout", lang, "rules")].ratios()
        base = scores[("reporting", "heldout", lang, "baseline")].ratios()
        assert r["precision"] >= 0.90 and r["recall"] >= 0.90, (lang, r)
        assert r["claimant"] >= 0.85 and r["counted"] >= 0.95 and r["qualifier"] >= 0.90
        assert r["strict_f1"] > base["strict_f1"]


def test_scorer_reads_arabic_letter_forms_in_labels() -> None:
    """The benchmark scorer folds «ي» and «ك» as the extractor does: a label typed with an
    Arabic keyboard agrees with the claimant the extractor spells in Persian letters, also for
    names outside the registry."""
    from benchmarks.claims.run import claimant_agrees

    assert claimant_agrees("کانون مدافعان حقوق بشر", ["كانون مدافعان حقوق بشر"])
    assert claimant_agrees("یک مقام قضایی", ["يك مقام قضايي"])
    assert not claimant_agrees("یک مقام قضایی", ["فعالان محلي"])


def test_perturbed_benchmark_invents_names_outside_the_registry() -> None:
    """The ``unlisted`` rewrite of benchmarks.claims.perturbed must not swap one registry entry
    for another, or it would not test names outside the registry."""
    from benchmarks.claims.perturbed import INVENTED, invented_names

    assert all(resolve_claimant(n) is None for names in INVENTED.values() for n in names)
    assert ("رادیو فردا", "رادیو فردا") not in invented_names()
    assert any(alias == "رادیو فردا" for alias, _ in invented_names())
