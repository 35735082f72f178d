"""Classic models M0, Mt, Mth-Chao against Rcapture ``closedp.t`` (PEER_RESULTS.md).

Rcapture reports N̂ ± 1.96 SE; deterministic fits, so 0.1% (one printed decimal).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shomar.errors import EstimationError
from shomar.estimation.capture import read_capture_table
from shomar.estimation.classic import estimate_classic
from shomar.estimation.result import IDENTIFYING_ASSUMPTIONS

DATA = Path(__file__).parents[1] / "data" / "mse"

#: Rcapture closedp.t(dfreq=TRUE, neg=TRUE): point, lower, upper, BIC.
RCAPTURE = {
    ("kosovo", "Mt"): (7394.6, 7140.5, 7648.7, 389.31),
    ("kosovo", "Mth-Chao"): (8591.2, 8172.6, 9009.7, 257.26),
    ("lesbian_allegheny_4lists", "Mth-Chao"): (4321.4, 4017.4, 4625.3, 244.29),
    ("new_orleans_8lists", "Mt"): (996.7, 532.2, 1461.2, 147.34),
    ("new_orleans_8lists", "Mth-Chao"): (1206.3, 531.9, 1880.7, 155.31),
    ("uk_2013_6lists", "Mth-Chao"): (12298.5, 10952.9, 13644.1, 352.96),
    ("spina_bifida_3lists", "Mth-Chao"): (756.8, 716.8, 796.7, 124.51),
    ("scotland_pwid_4lists", "Mt"): (22096.7, 20421.4, 23772.0, 216.06),
}


@pytest.mark.parametrize(("name", "model"), sorted(RCAPTURE))
def test_rcapture_closedp(name: str, model: str) -> None:
    point, lower, upper, bic = RCAPTURE[(name, model)]
    result = estimate_classic(read_capture_table(DATA / f"{name}.csv"), model)
    assert result.method == "classic"
    assert result.model == [model]
    for got, want in zip((result.estimate, *result.interval), (point, lower, upper), strict=True):
        assert got == pytest.approx(want, rel=1e-3)
    assert result.diagnostics["bic"] == pytest.approx(bic, abs=0.01)
    assert result.warnings[0] == IDENTIFYING_ASSUMPTIONS["classic"]


def test_m0_is_below_or_near_mt_on_kosovo_and_chao_flags_lower_bound() -> None:
    kosovo = read_capture_table(DATA / "kosovo.csv")
    m0 = estimate_classic(kosovo, "M0")
    assert m0.interval[0] < m0.estimate < m0.interval[1]
    chao = estimate_classic(kosovo, "Mth-Chao")
    assert any("lower bound" in w for w in chao.warnings)


def test_unknown_model() -> None:
    kosovo = read_capture_table(DATA / "kosovo.csv")
    with pytest.raises(EstimationError, match="unknown classic model 'Mh'"):
        estimate_classic(kosovo, "Mh")
