"""Difference-in-differences maths on a balanced panel: Callaway & Sant'Anna (2021) group-time
effects with their influence functions and aggregations (as R ``did``'s ``att_gt`` and
``aggte``, never- or not-yet-treated controls, no covariates), the two-way fixed effects
2x2 with region-clustered standard errors and a wild cluster bootstrap with Webb weights.

Inputs are a wide matrix ``Y`` (regions x years, no gaps), the years and each region's first
treated year ``G`` (0 = never)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import stats

WEBB = np.array([-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)])


@dataclass
class GroupTime:
    """ATT(g,t) with influence functions ``psi`` (n_units x k), scaled as R did's (se =
    sqrt(sum psi^2)/n)."""

    group: np.ndarray
    time: np.ndarray
    att: np.ndarray
    psi: np.ndarray
    G: np.ndarray
    pg: np.ndarray = field(default=None)

    @property
    def n(self) -> int:
        return self.psi.shape[0]

    def se(self, psi: np.ndarray) -> np.ndarray:
        return np.sqrt((psi**2).sum(axis=0)) / self.n


def att_gt(Y: np.ndarray, years, G: np.ndarray, control: str = "never", base: str = "varying"):
    """Group-time average treatment effects, R ``did::att_gt`` with no covariates.

    Post periods compare t with g-1; pre periods with t-1 (``varying``) or g-1
    (``universal``). Units treated in the first year are dropped (as R did)."""
    years = np.asarray(years)
    keep = ~((G > 0) & (years[0] >= G))
    Y, G = Y[keep], G[keep]
    n = len(G)
    groups = np.sort(np.unique(G[G > 0]))
    out_g, out_t, atts, psis = [], [], [], []
    for g in groups:
        gi = int(np.searchsorted(years, g))  # index of year g
        if gi == 0:
            continue
        for ti in range(1, len(years)):
            t = years[ti]
            if t >= g:
                bi = gi - 1
            elif base == "varying":
                bi = ti - 1
            else:
                bi = gi - 1
                if ti == bi:
                    continue
            if control == "never":
                ctrl = G == 0
            else:
                ctrl = ((G == 0) | (years[max(ti, bi)] < G)) & (g != G)
            treat = g == G
            if ctrl.sum() == 0:
                continue
            dy = Y[:, ti] - Y[:, bi]
            m1, m0 = dy[treat].mean(), dy[ctrl].mean()
            n1, n0 = treat.sum(), ctrl.sum()
            psi = np.zeros(n)
            psi[treat] = n * (dy[treat] - m1) / n1
            psi[ctrl] = -n * (dy[ctrl] - m0) / n0
            out_g.append(g)
            out_t.append(t)
            atts.append(m1 - m0)
            psis.append(psi)
    pg = np.array([np.mean(g == G) for g in groups])
    return GroupTime(
        np.array(out_g),
        np.array(out_t),
        np.array(atts),
        np.column_stack(psis) if psis else np.zeros((n, 0)),
        G,
        pg,
    )


def _wif(gt: GroupTime, keepers: np.ndarray, groups: np.ndarray) -> np.ndarray:
    # the influence of estimating the weights (R did's wif): n x len(keepers)
    G = gt.G
    pgk = np.array([np.mean(g == G) for g in groups[keepers]])
    ind = np.column_stack([(g == G).astype(float) for g in groups[keepers]])
    s = pgk.sum()
    if1 = (ind - pgk) / s
    if2 = (ind - pgk).sum(axis=1, keepdims=True) * (pgk / s**2)[None, :]
    return if1 - if2


def _agg(att, psi, which, weights, wif=None):
    est = float(np.sum(att[which] * weights))
    inf = psi[:, which] @ weights
    if wif is not None:
        inf = inf + wif @ att[which]
    return est, inf


def aggregate(gt: GroupTime) -> dict[str, tuple[float, np.ndarray]]:
    """R ``aggte`` (simple, group, dynamic, calendar and their parts): term -> (estimate,
    influence function)."""
    out: dict[str, tuple[float, np.ndarray]] = {}
    g, t, att, psi = gt.group, gt.time, gt.att, gt.psi
    pg = np.array([np.mean(x == gt.G) for x in g])
    post = np.flatnonzero(t >= g)
    if len(post):
        out["simple"] = _agg(att, psi, post, pg[post] / pg[post].sum(), _wif(gt, post, g))
    groups = np.unique(g)
    g_est = []
    for x in groups:
        w = np.flatnonzero((g == x) & (t >= g))
        if not len(w):
            continue
        est, inf = _agg(att, psi, w, np.full(len(w), 1 / len(w)))
        out[f"group:{int(x)}"] = (est, inf)
        g_est.append((x, est, inf))
    if g_est:
        gs = np.array([x for x, _, _ in g_est])
        ests = np.array([e for _, e, _ in g_est])
        infs = np.column_stack([i for _, _, i in g_est])
        pgs = np.array([np.mean(x == gt.G) for x in gs])
        idx = np.arange(len(gs))
        out["group"] = _agg(ests, infs, idx, pgs / pgs.sum(), _wif(gt, idx, gs))
    e = t - g
    e_est = []
    for x in np.unique(e):
        w = np.flatnonzero(e == x)
        est, inf = _agg(att, psi, w, pg[w] / pg[w].sum(), _wif(gt, w, g))
        out[f"dynamic:{int(x)}"] = (est, inf)
        if x >= 0:
            e_est.append((est, inf))
    if e_est:
        ests = np.array([a for a, _ in e_est])
        infs = np.column_stack([i for _, i in e_est])
        out["dynamic"] = _agg(ests, infs, np.arange(len(ests)), np.full(len(ests), 1 / len(ests)))
    c_est = []
    for x in np.unique(t[t >= g.min()]) if len(g) else []:
        w = np.flatnonzero((t == x) & (g <= t))
        if not len(w):
            continue
        est, inf = _agg(att, psi, w, pg[w] / pg[w].sum(), _wif(gt, w, g))
        out[f"calendar:{int(x)}"] = (est, inf)
        c_est.append((est, inf))
    if c_est:
        ests = np.array([a for a, _ in c_est])
        infs = np.column_stack([i for _, i in c_est])
        out["calendar"] = _agg(ests, infs, np.arange(len(ests)), np.full(len(ests), 1 / len(ests)))
    return out


def demean_twoway(Z: np.ndarray, tol: float = 1e-12, max_iter: int = 1000) -> np.ndarray:
    """Two-way demeaning of each column of a (regions x years x k) array (balanced panel)."""
    Z = Z - Z.mean(axis=0, keepdims=True)
    return Z - Z.mean(axis=1, keepdims=True)


def twfe(Y: np.ndarray, D: np.ndarray, *, bootstrap: int = 999, seed: int = 0):
    """y_it = a_i + b_t + beta D_it + e: beta, the region-clustered se (CR1, the absorbed fixed
    effects not counted, as reghdfe) and the restricted wild cluster bootstrap p-value with
    Webb weights. Y and D are regions x years."""
    y = demean_twoway(Y)
    x = demean_twoway(D.astype(float))
    xx = (x**2).sum()
    beta = (x * y).sum() / xx
    e = y - beta * x
    scores = (x * e).sum(axis=1)
    n_g, N = Y.shape[0], Y.size
    adj = n_g / (n_g - 1) * (N - 1) / (N - 1 - (Y.shape[1] - 1) - 1)
    se = float(np.sqrt(adj * (scores**2).sum()) / xx)
    p_boot = np.nan
    if bootstrap and n_g > 1:
        rng = np.random.default_rng(seed)
        v = WEBB[rng.integers(0, 6, size=(bootstrap, n_g))]  # B x regions
        # null imposed: the restricted residuals are y itself (fixed effects only)
        ystar = demean_twoway(np.moveaxis(v[:, :, None] * y[None], 0, -1))  # regions x T x B
        bstar = np.einsum("it,itb->b", x, ystar) / xx
        estar = ystar - bstar[None, None, :] * x[:, :, None]
        sc = np.einsum("it,itb->ib", x, estar)
        sestar = np.sqrt(adj * (sc**2).sum(axis=0)) / xx
        tstar = bstar / sestar
        p_boot = float(np.mean(np.abs(tstar) >= abs(beta / se)))
    return float(beta), se, p_boot


def interval(est, se, level):
    z = stats.norm.ppf(0.5 + level / 2)
    est, se = np.asarray(est, float), np.asarray(se, float)
    p = 2 * stats.norm.sf(np.abs(est / np.where(se > 0, se, np.nan)))
    return est - z * se, est + z * se, p
