"""Poisson log-linear fits by iteratively reweighted least squares (Newton), in numpy.

The fit mirrors R's ``glm(family = poisson)`` (start ``mu = y + 0.1``, convergence when the
relative change of deviance is below ``1e-8``) as used by Rcapture and SparseMSE, and a batched
version fits one design to many count vectors at once (bootstrap replicates).

Parameters whose sufficient statistic (margin) is zero have extended-MLE value minus infinity;
following Fienberg & Rinaldo (2012, *Ann. Statist.* 40:996–1023) and Chan, Silverman & Vincent
(2021, *JASA* 116:1297–1306) the fit is then carried out on the face of the parameter space:
those parameters are fixed at −∞ and every cell containing them (fitted value 0) is removed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy.special import gammaln

from shomar.estimation.design import HierModel, design_matrix, margins

FloatArray = npt.NDArray[np.float64]

TOL = 1e-8
MAX_ITER = 60


@dataclass(frozen=True)
class Face:
    """The cells and parameters left after fixing zero-margin parameters at minus infinity."""

    cells: npt.NDArray[np.int64]  # kept cell codes
    terms: tuple[int, ...]  # estimable terms (intercept first)
    sparse_terms: tuple[int, ...]  # terms fixed at -inf

    def design(self, n_lists: int) -> FloatArray:
        return design_matrix(n_lists, self.terms, self.cells)


def face_of(model: HierModel, nstar: npt.NDArray) -> Face:
    """The face on which ``model`` is fitted, given margins ``nstar`` of the data."""
    sparse = tuple(t for t in model.terms if nstar[t] == 0)
    codes = np.arange(1, 2**model.n_lists, dtype=np.int64)
    if sparse:
        drop = np.zeros(codes.shape, dtype=bool)
        for t in sparse:
            drop |= (codes & t) == t
        codes = codes[~drop]
    terms = tuple(t for t in model.terms if t not in sparse)
    return Face(codes, terms, sparse)


@dataclass
class PoissonFit:
    """One Poisson log-linear fit on a face."""

    coef: FloatArray
    fitted: FloatArray
    cov: FloatArray  # inverse Fisher information (R's cov.unscaled)
    loglik: float
    deviance: float
    converged: bool
    iterations: int


def fit_poisson(
    X: FloatArray,
    y: FloatArray,
    *,
    start: FloatArray | None = None,
    offset: FloatArray | None = None,
) -> PoissonFit:
    """Maximum-likelihood Poisson regression with log link (IRLS/Newton).

    ``offset``: a fixed part of the linear predictor (``eta = X beta + offset``), as R's
    ``glm(offset = ...)``; used to hold an interaction at a chosen value.
    """
    y = np.asarray(y, dtype=np.float64)
    off = np.zeros(len(y)) if offset is None else np.asarray(offset, dtype=np.float64)
    if start is None:
        mu = y + 0.1
        eta = np.log(mu)
        beta = np.linalg.lstsq(X, eta - off, rcond=None)[0]
    else:
        beta = start.copy()
    eta = X @ beta + off
    mu = np.exp(eta)
    dev_old = _deviance(y, mu)
    converged = False
    it = 0
    for it in range(1, MAX_ITER + 1):  # noqa: B007
        z = eta - off + (y - mu) / mu
        XtW = X.T * mu
        info = XtW @ X
        new = _solve(info, XtW @ z)
        step = new - beta
        # step halving if the deviance increases or becomes non-finite
        for _ in range(30):
            eta = X @ (beta + step) + off
            mu = np.exp(eta)
            dev = _deviance(y, mu)
            if np.isfinite(dev) and dev <= dev_old * (1 + 1e-12) + 1e-12:
                break
            step /= 2
        beta = beta + step
        if abs(dev - dev_old) / (abs(dev) + 0.1) < TOL:
            converged = True
            dev_old = dev
            break
        dev_old = dev
    info = (X.T * mu) @ X
    try:
        cov = np.linalg.inv(info)
    except np.linalg.LinAlgError:
        cov = np.linalg.pinv(info)
    loglik = float(np.sum(y * eta - mu - gammaln(y + 1)))
    return PoissonFit(
        np.asarray(beta, dtype=np.float64),
        np.asarray(mu, dtype=np.float64),
        np.asarray(cov, dtype=np.float64),
        loglik,
        float(dev_old),
        converged,
        it,
    )


def _solve(a: FloatArray, b: FloatArray) -> FloatArray:
    try:
        out = np.linalg.solve(a, b)
    except np.linalg.LinAlgError:
        out = np.linalg.lstsq(a, b, rcond=None)[0]
    return np.asarray(out, dtype=np.float64)


def _deviance(y: FloatArray, mu: FloatArray) -> float:
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(y / mu), 0.0)
    return float(2.0 * np.sum(term - (y - mu)))


@dataclass
class BatchFit:
    """Many Poisson fits at once: row ``b`` is the fit of design ``X[b]`` to counts ``Y[b]``."""

    coef: FloatArray  # (B, p)
    fitted: FloatArray  # (B, c)
    cov: FloatArray  # (B, p, p)
    loglik: FloatArray  # (B,)
    deviance: FloatArray  # (B,)
    converged: npt.NDArray[np.bool_]  # (B,)

    def row(self, b: int, iterations: int = 0) -> PoissonFit:
        return PoissonFit(
            self.coef[b],
            self.fitted[b],
            self.cov[b],
            float(self.loglik[b]),
            float(self.deviance[b]),
            bool(self.converged[b]),
            iterations,
        )


def fit_poisson_batch(X: FloatArray, Y: FloatArray) -> BatchFit:
    """Fit designs ``X`` (cells × p, shared, or B × cells × p) to counts ``Y`` (B × cells).

    Vectorised Newton/IRLS for many data sets (bootstrap replicates) or many models of the same
    size (model search). Only for data whose MLE exists on ``X`` (callers check first), where
    Newton needs no step halving; rows that fail to converge are flagged.
    """
    Y = np.asarray(Y, dtype=np.float64)
    shared = X.ndim == 2
    eta = np.log(Y + 0.1)
    if shared:
        beta = eta @ np.linalg.pinv(X).T
        eta = beta @ X.T
    else:
        beta = np.einsum("bpc,bc->bp", np.linalg.pinv(X), eta)
        eta = np.einsum("bcp,bp->bc", X, beta)
    mu = np.exp(eta)
    dev_old = _deviance_rows(Y, mu)
    done = np.zeros(Y.shape[0], dtype=bool)
    for _ in range(MAX_ITER):
        z = eta + (Y - mu) / mu
        if shared:
            info = (mu[:, None, :] * X.T[None, :, :]) @ X
            rhs = (mu * z) @ X
        else:
            info = np.swapaxes(X * mu[:, :, None], 1, 2) @ X
            rhs = np.einsum("bc,bci->bi", mu * z, X)
        beta = np.linalg.solve(info, rhs[..., None])[..., 0]
        eta = beta @ X.T if shared else np.einsum("bcp,bp->bc", X, beta)
        mu = np.exp(eta)
        dev = _deviance_rows(Y, mu)
        done = np.abs(dev - dev_old) / (np.abs(dev) + 0.1) < TOL
        dev_old = dev
        if done.all():
            break
    if shared:
        info = (mu[:, None, :] * X.T[None, :, :]) @ X
    else:
        info = np.swapaxes(X * mu[:, :, None], 1, 2) @ X
    cov = np.linalg.inv(info)
    loglik = np.sum(Y * eta - mu - gammaln(Y + 1), axis=1)
    return BatchFit(beta, mu, cov, loglik, dev_old, done)


def _deviance_rows(Y: FloatArray, mu: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(Y > 0, Y * np.log(Y / mu), 0.0)
    return 2.0 * np.sum(term - (Y - mu), axis=1)


@dataclass
class ModelFit:
    """A hierarchical model fitted to a capture table, with the quantities MSE needs."""

    model: HierModel
    face: Face
    fit: PoissonFit
    observed: int
    counts: FloatArray  # observed counts of the cells on the face

    @property
    def dark(self) -> float:
        """Estimated number never recorded: ``exp(intercept)``."""
        return float(np.exp(self.fit.coef[0]))

    @property
    def abundance(self) -> float:
        return self.observed + self.dark

    @property
    def intercept_se(self) -> float:
        return float(np.sqrt(self.fit.cov[0, 0]))

    @property
    def stderr(self) -> float:
        """Standard error of N as in Rcapture: ``sqrt(e^b0 + e^(2 b0) var(b0))``."""
        d = self.dark
        return float(np.sqrt(d + d * d * self.fit.cov[0, 0]))

    def bic(self) -> float:
        """BIC as MultipleSystemsEstimation ``fit_hier_model``: every model parameter (those
        fixed at −∞ included) counted, sample size = records observed (= Rcapture's BIC when
        no parameter is at −∞)."""
        return self.model.n_params * float(np.log(self.observed)) - 2 * self.fit.loglik

    def aic(self) -> float:
        return 2 * self.model.n_params - 2 * self.fit.loglik


def fit_model(
    model: HierModel, counts: npt.NDArray[np.int64], *, warm: ModelFit | None = None
) -> ModelFit:
    """Fit ``model`` to counts (one per observable cell, table order), on its face.

    ``warm``: a fit of a nested model whose coefficients start Newton (new terms at 0).
    """
    y = np.asarray(counts, dtype=np.float64)
    nstar = margins(model.n_lists, y)
    face = face_of(model, nstar)
    X = face.design(model.n_lists)
    yk = y[face.cells - 1]
    start = None
    if warm is not None and warm.fit.converged:
        previous = dict(zip(warm.face.terms, warm.fit.coef.tolist(), strict=True))
        start = np.array([previous.get(t, 0.0) for t in face.terms])
    fit = fit_poisson(X, yk, start=start)
    if not fit.converged and start is not None:
        fit = fit_poisson(X, yk)
    return ModelFit(model, face, fit, int(np.rint(y.sum())), yk)


def fit_models(models: list[HierModel], counts: npt.NDArray[np.int64]) -> list[ModelFit | None]:
    """Fit many models to one table, batching models whose faces have the same shape.

    Models whose design on their face is rank deficient, or whose fit breaks down (no MLE),
    come back as ``None``; callers decide with :mod:`shomar.estimation.existence`.
    """
    if not models:
        return []
    n_lists = models[0].n_lists
    y = np.asarray(counts, dtype=np.float64)
    nstar = margins(n_lists, y)
    observed = int(np.rint(y.sum()))
    faces = [face_of(m, nstar) for m in models]
    groups: dict[tuple[int, int], list[int]] = {}
    for i, face in enumerate(faces):
        groups.setdefault((len(face.cells), len(face.terms)), []).append(i)
    out: list[ModelFit | None] = [None] * len(models)
    for members in groups.values():
        X = np.stack([faces[i].design(n_lists) for i in members])
        full = np.ones(len(members), dtype=bool)
        sparse = [k for k, i in enumerate(members) if faces[i].sparse_terms]
        if sparse:  # only faces with removed cells can lose rank
            full[sparse] = np.linalg.matrix_rank(X[sparse]) == X.shape[2]
        idx = [i for k, i in enumerate(members) if full[k]]
        if not idx:
            continue
        X = X[full]
        Y = np.stack([y[faces[i].cells - 1] for i in idx])
        try:
            with np.errstate(all="ignore"):
                batch: BatchFit | None = fit_poisson_batch(X, Y)
        except np.linalg.LinAlgError:
            batch = None
        for k, i in enumerate(idx):
            fit = batch.row(k) if batch is not None else None
            if fit is None or not fit.converged or not np.all(np.isfinite(fit.coef)):
                try:
                    with np.errstate(all="ignore"):
                        fit = fit_poisson(X[k], Y[k])
                except np.linalg.LinAlgError:
                    continue
            out[i] = ModelFit(models[i], faces[i], fit, observed, Y[k])
    return out
