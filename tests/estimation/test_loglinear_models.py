"""Hierarchical models, the extended-MLE check and the Poisson fits behind log-linear MSE."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from shomar.estimation.capture import CaptureTable, read_capture_table
from shomar.estimation.design import HierModel, enumerate_models, margins, term_mask
from shomar.estimation.existence import ExistenceCache, MLEStatus, check_extended_mle
from shomar.estimation.poisson import fit_model, fit_models, fit_poisson, fit_poisson_batch
from shomar.estimation.search import exhaustive_search

DATA = Path(__file__).parents[1] / "data" / "mse"


def table(name: str) -> CaptureTable:
    return read_capture_table(DATA / f"{name}.csv")


@pytest.mark.parametrize(
    ("lists", "order", "count"),
    # Rcapture closedpMS.t model counts: 113 for t=4, maxorder 3 (Silverman et al. 2024,
    # Table 2); 1024 = 2^10 for t=5, maxorder 2 (PEER_RESULTS); 8 for t=3, maxorder 2.
    [(3, 2, 8), (4, 3, 113), (5, 2, 1024), (4, 1, 1)],
)
def test_model_space_sizes(lists: int, order: int, count: int) -> None:
    assert len(enumerate_models(lists, order)) == count


def test_every_enumerated_model_is_hierarchical_and_named_uniquely() -> None:
    models = enumerate_models(4, 3)
    for model in models:
        terms = set(model.terms)
        for t in terms:
            for b in range(4):
                if t >> b & 1:
                    assert t & ~(1 << b) in terms
        assert HierModel.parse(model.name, 4) == model
    assert len({m.name for m in models}) == len(models)


@pytest.mark.parametrize(
    "name", ["[123,14,34]", "[234,1]", "[12,23,24]", "[1,2,3,4]", "[135,12,24,34]"]
)
def test_names_round_trip_in_rcapture_order(name: str) -> None:
    n_lists = max(int(ch) for ch in name if ch.isdigit())
    n_lists = max(n_lists, 4)
    assert HierModel.parse(name, n_lists).name == name


def test_margins_are_superset_sums() -> None:
    kosovo = table("kosovo")
    nstar = margins(4, kosovo.counts)
    assert nstar[0] == kosovo.observed
    exh = term_mask([0], 4)
    assert nstar[exh] == kosovo.list_totals()["EXH"]
    pair = term_mask([0, 3], 4)
    on_both = kosovo.patterns[:, 0].astype(bool) & kosovo.patterns[:, 3].astype(bool)
    assert nstar[pair] == kosovo.counts[on_both].sum()


@pytest.mark.parametrize(
    ("model", "status"),
    # README.md, artificial_3lists.csv: MultipleSystemsEstimation check_extended_MLE results
    [("[12,13,23]", 2), ("[12,3]", 1), ("[13,23,1,2]", 0)],
)
def test_artificial_existence_statuses(model: str, status: int) -> None:
    counts = table("artificial_3lists").counts
    assert check_extended_mle(HierModel.parse(model, 3), counts) == status
    assert ExistenceCache().status(HierModel.parse(model, 3), counts) == status


def test_australia_rcapture_choice_has_no_mle() -> None:
    counts = table("australia_4lists").counts
    assert check_extended_mle(HierModel.parse("[234,1]", 4), counts) == MLEStatus.NO_MLE
    assert check_extended_mle(HierModel.parse("[12,23,24]", 4), counts) == MLEStatus.OK


def test_status_depends_only_on_which_cells_are_zero() -> None:
    counts = table("australia_4lists").counts
    scaled = np.where(counts > 0, counts * 7 + 3, 0)
    for model in enumerate_models(4, 3)[::7]:
        assert check_extended_mle(model, counts) == check_extended_mle(model, scaled)


def test_batched_statuses_agree_with_one_by_one() -> None:
    for name in ("australia_4lists", "artificial_3lists", "korea_palembang_3lists"):
        t = table(name)
        models = enumerate_models(t.n_lists, t.n_lists - 1)
        batched = ExistenceCache().statuses(models, t.counts, largest_first=False)
        assert batched == [check_extended_mle(m, t.counts) for m in models]


def test_search_excludes_exactly_the_models_failing_the_check() -> None:
    t = table("australia_4lists")
    result = exhaustive_search(t.counts, 4, max_order=3)
    failing = {m.name for m in enumerate_models(4, 3) if check_extended_mle(m, t.counts) != 0}
    assert {name for name, _ in result.excluded} == failing


def test_kosovo_mt_fit_matches_rcapture() -> None:
    """Rcapture closedp.t Mt on Kosovo: 7394.6, stderr 129.6, deviance 245.94, BIC 389.31."""
    fit = fit_model(HierModel.main_effects(4), table("kosovo").counts)
    assert fit.abundance == pytest.approx(7394.6, abs=0.05)
    assert fit.stderr == pytest.approx(129.6, abs=0.05)
    assert fit.fit.deviance == pytest.approx(245.94, abs=0.005)
    assert fit.bic() == pytest.approx(389.31, abs=0.005)


def test_batch_fit_equals_single_fits() -> None:
    t = table("kosovo")
    models = enumerate_models(4, 3)
    batched = fit_models(models, t.counts)
    for model, fit in zip(models[::10], batched[::10], strict=True):
        assert fit is not None
        single = fit_model(model, t.counts)
        assert fit.abundance == pytest.approx(single.abundance, rel=1e-8)
        assert fit.fit.loglik == pytest.approx(single.fit.loglik, rel=1e-10)
    model = HierModel.parse("[123,14,34]", 4)
    X = fit_model(model, t.counts).face.design(4)
    rng = np.random.default_rng(0)
    Y = rng.multinomial(t.observed, t.counts / t.observed, size=5).astype(float)
    batch = fit_poisson_batch(X, Y)
    for b in range(5):
        assert batch.coef[b] == pytest.approx(fit_poisson(X, Y[b]).coef, rel=1e-7, abs=1e-9)


def test_zero_overlap_terms_are_fitted_on_the_face() -> None:
    """SparseMSE removes the cells of non-overlapping pairs; so do we (parameter at -inf)."""
    t = table("artificial_3lists")
    fit = fit_model(HierModel.parse("[13,23,1,2]", 3), t.counts)
    assert fit.face.sparse_terms == (term_mask([0, 2], 3), term_mask([1, 2], 3))
    assert len(fit.face.cells) == 4
    assert np.isfinite(fit.abundance)
