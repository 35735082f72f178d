"""Does a log-linear model have an (identifiable) maximum-likelihood estimate on these data?

The check of MultipleSystemsEstimation ``check_extended_MLE`` (and SparseMSE ``checkident``):

* parameters whose margin is zero are fixed at −∞ and their cells removed (the face);
* **existence** (Fienberg & Rinaldo 2012, *Ann. Statist.* 40:996–1023; linear program as
  corrected by Chan, Silverman & Vincent 2021, *JASA* 116:1297–1306): the extended MLE exists
  iff some strictly positive table on the face has the same sufficient statistics as the data,
  i.e. the LP ``max s  s.t.  Aᵀx = Aᵀy, x ≥ s, s ≥ 0`` has a positive optimum;
* **identifiability**: the design on the face has full column rank.

Status codes as in the R packages: 0 both hold, 1 no extended MLE, 2 not identifiable, 3 both.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog

from shomar.estimation.design import HierModel, margins
from shomar.estimation.poisson import face_of

#: LP optimum at or below this is taken as zero (lpSolve tests ``objval == 0`` exactly).
LP_ZERO = 1e-7


class MLEStatus(IntEnum):
    OK = 0
    NO_MLE = 1
    NOT_IDENTIFIABLE = 2
    BOTH = 3

    def describe(self) -> str:
        return {
            0: "the MLE exists and is identifiable",
            1: "no (extended) maximum-likelihood estimate exists",
            2: "the parameters are not identifiable",
            3: "no (extended) MLE exists and the parameters are not identifiable",
        }[int(self)]


def check_extended_mle(model: HierModel, counts: npt.ArrayLike) -> MLEStatus:
    """Status of ``model`` on ``counts`` (one per observable cell, in table order)."""
    y = np.asarray(counts, dtype=np.float64)
    nstar = margins(model.n_lists, y)
    face = face_of(model, nstar)
    X = face.design(model.n_lists)
    yk = y[face.cells - 1]
    rankdef = X.shape[1] - np.linalg.matrix_rank(X)
    exists = bool(np.all(yk > 0)) or _lp_positive(X, yk)
    return MLEStatus(int(not exists) + 2 * int(rankdef > 0))


def _lp_positive(X: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> bool:
    """True when a strictly positive ``x`` with ``Xᵀx = Xᵀy`` exists (LP optimum > 0)."""
    n_cells, n_par = X.shape
    c = np.zeros(n_cells + 1)
    c[-1] = -1.0  # maximise s
    a_eq = np.hstack([X.T, np.zeros((n_par, 1))])
    b_eq = X.T @ y
    a_ub = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])  # s - x_i <= 0
    b_ub = np.zeros(n_cells)
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    if res.status != 0:
        return False
    return bool(-res.fun > LP_ZERO)


def _term_set(model: HierModel) -> int:
    bits = 0
    for t in model.terms:
        bits |= 1 << t
    return bits


class ExistenceCache:
    """Memoises :func:`check_extended_mle` by model and zero pattern of the data.

    Existence and rank depend on the data only through which cells are zero (the support), as
    MultipleSystemsEstimation's ``check_extended_MLE_batch`` exploits for bootstrap replicates.
    """

    def __init__(self) -> None:
        self._store: dict[tuple[tuple[int, ...], bytes], MLEStatus] = {}
        self.lp_count = 0

    def status(self, model: HierModel, counts: npt.ArrayLike) -> MLEStatus:
        y = np.asarray(counts)
        if np.all(y > 0):
            return MLEStatus.OK  # strictly positive data: full face, full rank, MLE exists
        key = (model.terms, np.packbits(y > 0).tobytes())
        hit = self._store.get(key)
        if hit is None:
            hit = check_extended_mle(model, np.where(y > 0, 1.0, 0.0))
            self._store[key] = hit
        return hit

    def statuses(
        self,
        models: list[HierModel],
        counts: npt.ArrayLike,
        *,
        largest_first: bool = True,
        known_ok: list[HierModel] | None = None,
    ) -> list[MLEStatus]:
        """Status of many models on one table, with fewer linear programs.

        Existence is inherited by submodels with the same zero-margin terms (a projection of a
        relative interior is a relative interior; Chan, Silverman & Vincent 2021, and SparseMSE
        ``checkallmodels``), so non-existence is inherited by supermodels. Models are visited
        from the smallest up and each verdict is propagated to the models it implies.
        """
        y = np.asarray(counts)
        if np.all(y > 0) or not models:
            return [MLEStatus.OK] * len(models)
        n_lists = models[0].n_lists
        support = np.where(y > 0, 1.0, 0.0)
        nstar = margins(n_lists, support)
        out: list[MLEStatus | None] = [None] * len(models)
        known: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}
        for model in known_ok or []:  # models already known to have an MLE
            face = face_of(model, nstar)
            known.setdefault(face.sparse_terms, ([], []))[1].append(_term_set(model))
        # Largest first suits tables where most models have an MLE (one settles all its
        # submodels); smallest first where most have none (one failure settles supermodels).
        sign = -1 if largest_first else 1
        order = sorted(range(len(models)), key=lambda i: sign * models[i].n_params)
        for i in order:
            model = models[i]
            face = face_of(model, nstar)
            X = face.design(n_lists)
            rankdef = X.shape[1] - np.linalg.matrix_rank(X) if face.sparse_terms else 0
            yk = support[face.cells - 1]
            if np.all(yk > 0):
                exists = True
            else:
                fails, oks = known.setdefault(face.sparse_terms, ([], []))
                bits = _term_set(model)
                if any(f & ~bits == 0 for f in fails):
                    exists = False
                elif any(bits & ~o == 0 for o in oks):
                    exists = True
                else:
                    key = (model.terms, np.packbits(y > 0).tobytes())
                    hit = self._store.get(key)
                    exists = _lp_positive(X, yk) if hit is None else hit in (0, 2)
                    self.lp_count += 1
                    (oks if exists else fails).append(bits)
            status = MLEStatus(int(not exists) + 2 * int(rankdef > 0))
            out[i] = status
            self._store[(model.terms, np.packbits(y > 0).tobytes())] = status
        return [s for s in out if s is not None]
