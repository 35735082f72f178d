"""`shomar estimate TABLE.csv`: JSON shape, human table, errors, method dispatch."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parents[1] / "data" / "mse"
KEYS = {
    "method",
    "observed",
    "estimate",
    "interval",
    "level",
    "interval_type",
    "model",
    "settings",
    "seed",
    "diagnostics",
    "warnings",
    "runtime_s",
    "sensitivity",
    "linkage_variance_share",
}


def _shomar(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shomar", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "COLUMNS": "160", "PYTHONIOENCODING": "utf-8"},
    )


#: a short LCMCR run: these tests are about ``--method all`` (its list, its warnings), not about
#: the sampler's default length, which tests/estimation/test_lcmcr.py runs to convergence
SHORT_LCMCR = ("--chains", "2", "--iterations", "5000", "--burn-in", "1000", "--thin", "10",
               "--no-extend")  # fmt: skip


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def test_loglinear_json_is_one_object() -> None:
    run = _shomar("estimate", str(DATA / "kosovo.csv"), "--method", "loglinear", "--json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == KEYS
    assert out["method"] == "loglinear"
    assert out["observed"] == 4400
    assert out["diagnostics"]["model_name"] == "[123,14,34]"
    assert out["model"] == ["EXH:ABA:OSCE", "EXH:HRW", "OSCE:HRW"]
    assert out["estimate"] == pytest.approx(10356.5, rel=1e-3)


def test_bootstrap_and_max_order_options_reach_the_estimator() -> None:
    run = _shomar(
        "estimate",
        str(DATA / "kosovo.csv"),
        "--max-order",
        "2",
        "--bootstrap",
        "40",
        "--seed",
        "3",
        "--json",
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["settings"]["max_order"] == 2
    assert out["settings"]["bootstrap"] == 40
    assert out["seed"] == 3
    assert out["interval_type"].startswith("bca")


def test_human_output_has_table_and_warnings() -> None:
    run = _shomar("estimate", str(DATA / "australia_4lists.csv"))
    assert run.returncode == 0, run.stderr
    assert "loglinear" in run.stdout
    assert "6,496" in run.stdout
    assert "[12,23,24]" in run.stdout
    assert "Warnings" in run.stdout
    assert "closed population" in run.stdout


def test_missing_file_is_a_user_error() -> None:
    run = _shomar("estimate", "no-such-table.csv")
    assert run.returncode == 1
    assert "no-such-table.csv: no such file" in run.stderr


def test_unknown_method_is_a_usage_error() -> None:
    run = _shomar("estimate", str(DATA / "kosovo.csv"), "--method", "magic")
    assert run.returncode == 2


@pytest.mark.slow
@pytest.mark.skipif(
    not (_has("shomar.estimation.lcmcr") and _has("shomar.estimation.dga")),
    reason="LCMCR and dga estimators are not in this tree yet (written in parallel)",
)
def test_all_methods_json_is_a_list_with_disagreement_warning() -> None:
    run = _shomar(
        "estimate", str(DATA / "australia_4lists.csv"), "--method", "all", "--seed", "1", "--json",
        *SHORT_LCMCR,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert [o["method"] for o in out] == ["loglinear", "lcmcr", "dga"]
    assert all(set(o) == KEYS for o in out)
    assert all(any("Methods disagree" in w for w in o["warnings"]) for o in out)


@pytest.mark.slow
def test_all_methods_skip_dga_beyond_five_lists_and_say_so() -> None:
    done = _shomar(
        "estimate", str(DATA / "new_orleans_8lists.csv"), "--method", "all", "--seed", "1",
        "--json", *SHORT_LCMCR,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["method"] for r in results] == ["loglinear", "lcmcr"]
    assert all(any(w.startswith("dga skipped") for w in r["warnings"]) for r in results)


def test_json_carries_the_loglinear_sensitivity() -> None:
    run = _shomar("estimate", str(DATA / "kosovo.csv"), "--json")
    assert run.returncode == 0, run.stderr
    sens = json.loads(run.stdout)["sensitivity"]
    assert sens["range"] == [0.5, 2.0] and len(sens["curve"]) >= 5
    low, high = sens["estimate_range"]
    assert low < 10356.5 < high


def test_human_output_shows_the_sensitivity_table() -> None:
    run = _shomar("estimate", str(DATA / "kosovo.csv"))
    assert run.returncode == 0, run.stderr
    assert "sensitivity to the 4-list interaction" in run.stdout
    assert "exp(xi)" in run.stdout


def test_lcmcr_convergence_options_reach_the_sampler() -> None:
    run = _shomar(
        "estimate", str(DATA / "kosovo.csv"), "--method", "lcmcr", "--chains", "2",
        "--iterations", "2000", "--burn-in", "500", "--thin", "10", "--no-extend",
        "--no-sensitivity", "--seed", "4", "--json",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["settings"]["chains"] == 2 and out["settings"]["samples"] == 200
    assert out["settings"]["burnin"] == 500 and out["settings"]["thinning"] == 10
    assert out["diagnostics"]["extensions"] == 0 and out["sensitivity"] is None


def test_two_class_interval_where_asked() -> None:
    run = _shomar("estimate", str(DATA / "kosovo.csv"), "--two-class", "--seed", "1", "--json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert [o["method"] for o in out] == ["loglinear", "twoclass"]
    two = out[1]
    assert two["interval_type"].startswith("profile likelihood (two-class")
    assert two["diagnostics"]["unbounded"] is (two["interval"][1] is None)


def test_stratified_table_with_by() -> None:
    path = DATA / "spina_bifida_3lists_by_ethnicity.csv"
    run = _shomar("estimate", str(path), "--by", "eth", "--json")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["stratum"] == "all" and out["by"] == ["eth"]
    assert set(out["strata"]) == {"eth=afro-american", "eth=caucasian"}
    assert out["skipped_strata"][0]["stratum"] == "eth=other"
    assert out["observed"] == 619 and out["settings"]["records_skipped"] == 2
    assert out["warnings"][0].startswith("the total covers 2 strata")


def test_stratified_table_without_by_says_to_use_it() -> None:
    path = DATA / "spina_bifida_3lists_by_ethnicity.csv"
    run = _shomar("estimate", str(path))
    assert run.returncode == 1
    assert "--by eth" in run.stderr
