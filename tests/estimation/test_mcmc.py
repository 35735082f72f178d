"""R-hat and bulk ESS (Vehtari et al. 2021) on draws whose answer is known analytically."""

from __future__ import annotations

import numpy as np
import pytest

from shomar.estimation import mcmc


def _ar1(rng: np.random.Generator, phi: float, chains: int, n: int) -> np.ndarray:
    x = np.empty((chains, n))
    x[:, 0] = rng.normal(size=chains) / np.sqrt(1 - phi**2)
    for t in range(1, n):
        x[:, t] = phi * x[:, t - 1] + rng.normal(size=chains)
    return x


def test_rhat_of_independent_chains_is_close_to_one() -> None:
    draws = np.random.default_rng(1).normal(size=(4, 1000))
    assert mcmc.rhat(draws) < mcmc.RHAT_THRESHOLD


def test_rhat_flags_chains_stuck_in_different_places() -> None:
    draws = np.random.default_rng(2).normal(size=(4, 500)) + np.array([[0], [0], [0], [3]])
    assert mcmc.rhat(draws) > 1.1


def test_rhat_catches_a_difference_in_scale_only_through_the_folded_draws() -> None:
    # Same location, different spread: the bulk R-hat misses it, the tail (folded) R-hat does not
    # (Vehtari et al. 2021, Section 4.2).
    draws = np.random.default_rng(3).normal(size=(4, 1000)) * np.array([[1], [1], [1], [4]])
    assert mcmc.rhat(draws) > 1.05


def test_ess_of_independent_draws_is_about_the_number_of_draws() -> None:
    draws = np.random.default_rng(4).normal(size=(4, 1000))
    # Sampling error of the ESS estimate at 4,000 draws is a few percent; 15% leaves margin.
    assert mcmc.ess_bulk(draws) == pytest.approx(4000, rel=0.15)


def test_ess_of_an_ar1_chain_matches_its_integrated_autocorrelation_time() -> None:
    phi = 0.8
    draws = _ar1(np.random.default_rng(5), phi, chains=4, n=5000)
    expected = draws.size * (1 - phi) / (1 + phi)  # tau = (1 + phi) / (1 - phi) for AR(1)
    # The estimator's relative error at ~2,200 effective draws is ~5-10%; 20% leaves margin.
    assert mcmc.ess_bulk(draws) == pytest.approx(expected, rel=0.2)


def test_ties_in_integer_draws_are_handled() -> None:
    draws = np.random.default_rng(6).poisson(3.0, size=(4, 400)).astype(float)
    assert mcmc.rhat(draws) < 1.02
    assert mcmc.ess_bulk(draws) > 1000


def test_undefined_cases_return_nan() -> None:
    assert np.isnan(mcmc.rhat(np.ones((4, 100))))
    assert np.isnan(mcmc.ess_bulk(np.ones((4, 100))))
    assert np.isnan(mcmc.rhat(np.zeros((2, 3))))


def test_a_single_chain_is_accepted_and_split() -> None:
    draws = np.random.default_rng(7).normal(size=2000)
    assert mcmc.split_chains(draws).shape == (2, 1000)
    assert mcmc.rhat(draws) < mcmc.RHAT_THRESHOLD


def test_draws_with_more_than_two_axes_are_refused() -> None:
    with pytest.raises(ValueError, match=r"axes \(chain, draw\)"):
        mcmc.rhat(np.zeros((2, 3, 4)))
