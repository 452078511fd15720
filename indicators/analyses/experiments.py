"""Policy experiments in municipalities: did the pilot work, and for whom?

A :class:`Setup` names the outcome, the region and year columns and the pilots (a column with
the first pilot year per region, pilot names with a start year, or a flag column with a start
year) and the comparison regions. :func:`experiment` estimates the effect: the 2x2 difference in
differences (two-way fixed effects, region-clustered se, wild cluster bootstrap p), Callaway &
Sant'Anna (2021) for staggered starts (as R ``did``), an event study with a pre-trend test, and
synthetic difference in differences for one or a few pilots. The maths is in
:mod:`indicators.analyses.did`; texts in :mod:`indicators.text.experiments`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, stats

from indicators.analyses.did import aggregate, att_gt, interval, twfe
from indicators.errors import DataError
from indicators.text import text

__all__ = [
    "Setup",
    "cohorts",
    "arm_trends",
    "match_comparisons",
    "experiment",
    "distributional",
    "scale_up",
    "verdict",
    "format_p",
    "METHODS",
]

METHODS = ("did", "cs", "event", "sdid")
YES = {"ja", "1", "yes", "true", "j", "y", "1.0"}
NO = {"nee", "0", "no", "false", "n", "0.0", ""}
COLUMNS = ["method", "term", "estimate", "se", "ci_low", "ci_high", "p_value"]


@dataclass(frozen=True)
class Setup:
    """What is compared: the outcome, the columns and the pilots (see the module)."""

    outcome: str
    region: str
    year: str
    first_treated: str | None = None
    pilots: tuple[str, ...] = ()
    start: int | None = None
    flag: str | None = None
    control: str = "never"
    chosen: tuple[str, ...] = ()
    weight: str | None = None
    level: float = 0.95
    source: str = "the table"


def _need(frame: pd.DataFrame, setup: Setup, *cols) -> None:
    for c in cols:
        if c and c not in frame.columns:
            raise DataError.from_text(
                "experiments.no_column",
                column=c,
                source=setup.source,
                columns=", ".join(map(str, frame.columns[:12])),
            )


def _outcome(frame: pd.DataFrame, setup: Setup) -> pd.Series:
    col = frame[setup.outcome]
    if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
        return col.astype(float)
    num = pd.to_numeric(col, errors="coerce")
    bad = num.isna() & col.notna()
    ex = ", ".join(repr(v) for v in col[bad].head(3))
    raise DataError.from_text(
        "experiments.not_numeric", column=setup.outcome, source=setup.source, examples=ex
    )


def _one_per_region(frame, setup, values: pd.Series, column: str) -> pd.Series:
    per = values.groupby(frame[setup.region]).nunique(dropna=False)
    bad = per[per > 1].index.tolist()
    if bad:
        raise DataError.from_text(
            "experiments.inconsistent",
            regions=", ".join(map(str, bad[:3])),
            column=column,
            source=setup.source,
        )
    return values.groupby(frame[setup.region]).first()


def cohorts(frame: pd.DataFrame, setup: Setup) -> pd.Series:
    """Each region's first pilot year (0 = never), indexed by region; DataError on bad input."""
    _need(frame, setup, setup.region, setup.year, setup.first_treated, setup.flag)
    years = pd.to_numeric(frame[setup.year], errors="coerce")
    first, last = int(years.min()), int(years.max())
    if setup.first_treated:
        g = pd.to_numeric(frame[setup.first_treated], errors="coerce").fillna(0).astype(int)
        out = _one_per_region(frame, setup, g, setup.first_treated)
        outside = out[(out > 0) & ((out <= first) | (out > last))]
        if len(outside):
            raise DataError.from_text(
                "experiments.start_outside",
                start=int(outside.iloc[0]),
                source=setup.source,
                first=first,
                last=last,
            )
    else:
        if setup.start is None:
            raise DataError.from_text("experiments.no_start")
        if not first < int(setup.start) <= last:
            raise DataError.from_text(
                "experiments.start_outside",
                start=setup.start,
                source=setup.source,
                first=first,
                last=last,
            )
        regions = pd.Index(frame[setup.region].dropna().unique())
        if setup.flag:
            raw = frame[setup.flag].astype("string").str.strip().str.lower().fillna("")
            bad = ~raw.isin(YES | NO)
            if bad.any():
                ex = ", ".join(repr(v) for v in frame[setup.flag][bad].head(3))
                raise DataError.from_text(
                    "experiments.bad_flag", column=setup.flag, source=setup.source, examples=ex
                )
            is_pilot = _one_per_region(frame, setup, raw.isin(YES), setup.flag)
        else:
            missing = [p for p in setup.pilots if p not in set(regions)]
            if missing:
                raise DataError.from_text(
                    "experiments.unknown_pilot",
                    names=", ".join(missing),
                    column=setup.region,
                    source=setup.source,
                    examples=", ".join(map(str, regions[:5])),
                )
            is_pilot = pd.Series(regions.isin(setup.pilots), index=regions)
        out = is_pilot.astype(int) * int(setup.start)
    if not (out > 0).any():
        raise DataError.from_text("experiments.no_pilots")
    out.index.name = setup.region
    return out.rename("first_treated")


def _panel(frame: pd.DataFrame, setup: Setup):
    """Wide outcome matrix (regions x years, balanced), years, cohorts, weights per region."""
    _need(frame, setup, setup.outcome, setup.weight)
    g = cohorts(frame, setup)
    y = _outcome(frame, setup)
    # microdata (several rows per region and year): each region-year's value is the mean of
    # its rows, weighted by the survey weight when there is one; a regional table's one row
    # per region-year is its own mean
    wt = pd.to_numeric(frame[setup.weight], errors="coerce") if setup.weight else 1.0
    long = pd.DataFrame(
        {"r": frame[setup.region], "t": pd.to_numeric(frame[setup.year]), "y": y, "w": wt}
    ).dropna()
    long = long[long["w"] > 0]
    long["wy"] = long["w"] * long["y"]
    sums = long.groupby(["r", "t"])[["wy", "w"]].sum()
    full = (sums["wy"] / sums["w"]).unstack("t")
    wide = full.dropna()
    # regions without a value in every year cannot enter a balanced panel: said in attrs
    wide.attrs["dropped"] = [str(r) for r in full.index[full.isna().any(axis=1)]]
    g = g.reindex(wide.index).fillna(0).astype(int)
    if setup.control == "chosen":
        missing = [c for c in setup.chosen if c not in set(full.index)]
        if missing:
            raise DataError.from_text(
                "experiments.unknown_comparison",
                names=", ".join(missing),
                column=setup.region,
                source=setup.source,
                examples=", ".join(map(str, full.index[:5])),
            )
        keep = (g > 0) | g.index.isin(setup.chosen)
        wide, g = wide[keep], g[keep]
    elif setup.control == "matched":
        m = match_comparisons(frame, Setup(**{**setup.__dict__, "control": "never"}))
        keep = (g > 0) | g.index.isin(m.loc[m["chosen"], "region"])
        wide, g = wide[keep], g[keep]
    w = None
    if setup.weight:  # people per region: the weights of a region-year summed, over its years
        w = sums["w"].groupby(level="r").mean().reindex(wide.index)
    if not ((g == 0).any() or (setup.control == "notyet" and g.nunique() > 1)):
        raise DataError.from_text("experiments.no_controls", control=setup.control)
    return wide, wide.columns.to_numpy(), g, w


def arm_trends(frame: pd.DataFrame, setup: Setup) -> pd.DataFrame:
    """Mean outcome per year of pilots and comparisons (weighted if ``weight``): columns year,
    arm ("pilot"/"comparison"), value, n_regions."""
    wide, years, g, w = _panel(frame, setup)
    rows = []
    for arm, mask in (("pilot", g > 0), ("comparison", g == 0)):
        sub = wide[mask.to_numpy()]
        ww = np.ones(len(sub)) if w is None else w[mask.to_numpy()].to_numpy()
        vals = (sub.to_numpy() * ww[:, None]).sum(axis=0) / ww.sum()
        for t, v in zip(years, vals, strict=True):
            rows.append({"year": int(t), "arm": arm, "value": float(v), "n_regions": len(sub)})
    return pd.DataFrame(rows)


def _pre_features(wide, years, start):
    pre = wide.loc[:, years < start]
    level = pre.mean(axis=1)
    x = pre.columns.to_numpy(float)
    slope = ((pre.to_numpy() - level.to_numpy()[:, None]) * (x - x.mean())).sum(axis=1) / (
        ((x - x.mean()) ** 2).sum() or 1.0
    )
    return level, pd.Series(slope, index=wide.index)


def match_comparisons(frame: pd.DataFrame, setup: Setup, k: int | None = None) -> pd.DataFrame:
    """Never-pilot regions by their distance to the pilots in pre-start level and trend of the
    outcome (each standardised over all regions); the ``k`` closest (default: twice the pilots,
    at least 5) are ``chosen``. ``attrs['quality']`` holds the level and trend gap of pilots
    minus comparisons before (all) and after matching."""
    base = Setup(**{**setup.__dict__, "control": "never"})
    wide, years, g, _ = _panel(frame, base)
    start = int(g[g > 0].min())
    level, slope = _pre_features(wide, years, start)
    z = pd.DataFrame({"level": level, "slope": slope})
    z = (z - z.mean()) / z.std(ddof=0).replace(0, 1)
    pil = (g > 0).to_numpy()
    target = z[pil].mean()
    dist = np.sqrt(((z[~pil] - target) ** 2).sum(axis=1))
    k = k or max(5, 2 * int(pil.sum()))
    out = pd.DataFrame({"region": dist.index, "distance": dist.to_numpy()})
    out = out.sort_values("distance", kind="stable").reset_index(drop=True)
    out["chosen"] = out.index < k
    chosen = out.loc[out["chosen"], "region"]
    q = {}
    for name, mask in (("before", ~pil), ("after", g.index.isin(chosen))):
        q[name] = {
            "level_gap": float(level[pil].mean() - level[mask].mean()),
            "trend_gap": float(slope[pil].mean() - slope[mask].mean()),
        }
    out.attrs["quality"] = q
    return out


def _rows(method, terms, est, se, level, **extra):
    lo, hi, p = interval(est, se, level)
    df = pd.DataFrame(
        {
            "method": method,
            "term": terms,
            "estimate": est,
            "se": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
        }
    )
    for k, v in extra.items():
        df[k] = v
    return df


def experiment(
    frame: pd.DataFrame, setup: Setup, method: str = "cs", *, bootstrap: int = 999, seed: int = 0
) -> pd.DataFrame:
    """The effect of the pilot as a tidy table (method, term, estimate, se, ci_low, ci_high,
    p_value, n_pilots, n_comparisons, note); see the module for the methods and terms."""
    if method not in METHODS:
        raise DataError.from_text("experiments.bad_method", method=method, methods=METHODS)
    wide, years, g, _ = _panel(frame, setup)
    Y, G = wide.to_numpy(float), g.to_numpy()
    n_p, n_c = int((G > 0).sum()), int((G == 0).sum())
    staggered = len(np.unique(G[G > 0])) > 1
    if method == "did":
        if setup.control != "notyet":
            pass  # never-treated (or chosen/matched) comparisons plus pilots: all rows kept
        D = (G[:, None] > 0) & (years[None, :] >= np.where(G > 0, G, 1e9)[:, None])
        beta, se, p_boot = twfe(Y, D, bootstrap=bootstrap, seed=seed)
        out = _rows("did", ["att"], [beta], [se], setup.level, p_boot=p_boot)
        out["note"] = "twfe_staggered" if staggered else ""
    elif method in ("cs", "event"):
        gt = att_gt(
            Y,
            years,
            G,
            "notyet" if setup.control == "notyet" else "never",
            base="universal" if method == "event" else "varying",
        )
        if method == "cs":
            ses = gt.se(gt.psi)
            out = _rows(
                "cs",
                [f"att_gt:{int(a)}:{int(b)}" for a, b in zip(gt.group, gt.time, strict=True)],
                gt.att,
                ses,
                setup.level,
            )
            agg = aggregate(gt)
            order = ["simple", "group", "dynamic", "calendar"]
            keys = order + sorted(
                (k for k in agg if ":" in k), key=lambda k: (k.split(":")[0], int(k.split(":")[1]))
            )
            keys = [k for k in keys if k in agg]
            est = [agg[k][0] for k in keys]
            se = [float(gt.se(agg[k][1][:, None])[0]) for k in keys]
            out = pd.concat([_rows("cs", keys, est, se, setup.level), out], ignore_index=True)
        else:
            agg = aggregate(gt)
            es = sorted(int(k.split(":")[1]) for k in agg if k.startswith("dynamic:"))
            est = [agg[f"dynamic:{e}"][0] for e in es]
            infs = np.column_stack([agg[f"dynamic:{e}"][1] for e in es])
            se = gt.se(infs)
            out = _rows("event", [f"event:{e}" for e in es], est, se, setup.level)
            ref = _rows("event", ["event:-1"], [0.0], [0.0], setup.level)
            out = pd.concat([out, ref]).sort_values(
                "term", key=lambda s: s.str.split(":").str[1].astype(int)
            )
            pre = [i for i, e in enumerate(es) if e < -1]
            if pre:
                b = np.array(est)[pre]
                V = infs[:, pre].T @ infs[:, pre] / gt.n**2
                stat = float(b @ np.linalg.pinv(V) @ b)
                p = float(stats.chi2.sf(stat, len(pre)))
                out = pd.concat(
                    [
                        out,
                        pd.DataFrame(
                            [
                                {
                                    "method": "event",
                                    "term": "pretrend",
                                    "estimate": stat,
                                    "p_value": p,
                                    "df": len(pre),
                                }
                            ]
                        ),
                    ],
                    ignore_index=True,
                )
        out["note"] = ""
    else:
        out = _sdid(Y, years, G, setup, seed)
    out["n_pilots"], out["n_comparisons"] = n_p, n_c
    out.attrs["years"] = [int(y) for y in years]
    out.attrs["post_years"] = int((years >= G[G > 0].min()).sum())
    out.attrs["staggered"] = staggered
    out.attrs["dropped"] = wide.attrs.get("dropped", [])
    return out.reset_index(drop=True)


def _simplex_ls(A: np.ndarray, b: np.ndarray, zeta2: float) -> np.ndarray:
    """Weights w >= 0, sum 1, and an intercept minimising |A w + c - b|^2 + zeta2 |w|^2."""
    k = A.shape[1]
    Ac = A - A.mean(axis=0)
    bc = b - b.mean()

    def f(w):
        r = Ac @ w - bc
        return r @ r + zeta2 * w @ w, 2 * Ac.T @ r + 2 * zeta2 * w

    res = optimize.minimize(
        f,
        np.full(k, 1 / k),
        jac=True,
        method="SLSQP",
        bounds=[(0, 1)] * k,
        constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1, "jac": lambda w: np.ones(k)}],
    )
    w = np.clip(res.x, 0, None)
    return w / w.sum()


def _sdid_tau(Y, pre, treated):
    Yc, Yt = Y[~treated], Y[treated].mean(axis=0)
    T0 = int(pre.sum())
    d = np.diff(Yc[:, pre], axis=1)
    sigma = d.std(ddof=1) if d.size > 1 else 0.0
    zeta = (treated.sum() * (~pre).sum()) ** 0.25 * sigma
    omega = _simplex_ls(Yc[:, pre].T, Yt[pre], zeta**2 * T0)
    lam = _simplex_ls(Yc[:, pre], Yc[:, ~pre].mean(axis=1), 1e-12 * max(sigma, 1e-12) ** 2)
    tr = Yt[~pre].mean() - lam @ Yt[pre]
    co = omega @ (Yc[:, ~pre].mean(axis=1) - Yc[:, pre] @ lam)
    return float(tr - co), omega, lam


def _sdid(Y, years, G, setup, seed=0):
    """Synthetic difference in differences (Arkhangelsky et al. 2021), one start year; se from
    placebo pilots drawn among the comparisons (synthdid's placebo method)."""
    treated = G > 0
    pre = years < G[treated].min()
    tau, omega, lam = _sdid_tau(Y, pre, treated)
    Yc = Y[~treated]
    n_tr, n_c = int(treated.sum()), len(Yc)
    rng = np.random.default_rng(seed)
    reps = []
    if n_c > n_tr + 1:
        for _ in range(min(200, 20 * n_c)):
            fake = np.zeros(n_c, bool)
            fake[rng.choice(n_c, n_tr, replace=False)] = True
            reps.append(_sdid_tau(Yc, pre, fake)[0])
    se = float(np.sqrt((len(reps) - 1) / len(reps)) * np.std(reps, ddof=1)) if reps else np.nan
    out = _rows("sdid", ["att"], [tau], [se], setup.level)
    out.attrs["unit_weights"] = dict(enumerate(omega))
    out.attrs["time_weights"] = dict(zip(years[pre].tolist(), lam.tolist(), strict=True))
    out["note"] = ""
    return out


def distributional(
    micro: pd.DataFrame,
    setup: Setup,
    value: str,
    *,
    threshold: float | None = None,
    replicates: int = 199,
    seed: int = 0,
) -> pd.DataFrame:
    """DiD (post minus pre, pilots minus comparisons) of P10, median, P90, mean and the share
    below ``threshold`` on microdata; intervals from a bootstrap over regions within arms."""
    _need(micro, setup, value, setup.weight)
    g = cohorts(micro, setup)
    start = int(g[g > 0].min())
    vals = pd.to_numeric(micro[value], errors="coerce")
    w = pd.to_numeric(micro[setup.weight]) if setup.weight else pd.Series(1.0, index=micro.index)
    df = pd.DataFrame(
        {
            "r": micro[setup.region],
            "post": pd.to_numeric(micro[setup.year]) >= start,
            "v": vals,
            "w": w,
        }
    ).dropna()
    thr = threshold if threshold is not None else float(df.loc[~df["post"], "v"].median() * 0.6)

    def wq(v, ww, q):
        o = np.argsort(v)
        c = np.cumsum(ww[o]) / ww.sum()
        return v[o][min(np.searchsorted(c, q), len(v) - 1)]

    def measures(d):
        v, ww = d["v"].to_numpy(), d["w"].to_numpy()
        return np.array(
            [
                wq(v, ww, 0.1),
                wq(v, ww, 0.5),
                wq(v, ww, 0.9),
                np.average(v, weights=ww),
                np.average(v < thr, weights=ww),
            ]
        )

    groups = {r: d for r, d in df.groupby("r", sort=False)}
    pil = [r for r in groups if g.get(r, 0) > 0]
    con = [r for r in groups if g.get(r, 0) == 0]

    def did(p, c):
        dp = pd.concat([groups[r] for r in p])
        dc = pd.concat([groups[r] for r in c])
        return (measures(dp[dp.post]) - measures(dp[~dp.post])) - (
            measures(dc[dc.post]) - measures(dc[~dc.post])
        )

    est = did(pil, con)
    rng = np.random.default_rng(seed)
    reps = np.array(
        [
            did(list(rng.choice(pil, len(pil))), list(rng.choice(con, len(con))))
            for _ in range(replicates)
        ]
    )
    se = reps.std(axis=0, ddof=1)
    a = (1 - setup.level) / 2
    lo, hi = np.quantile(reps, a, axis=0), np.quantile(reps, 1 - a, axis=0)
    p = 2 * stats.norm.sf(np.abs(est / np.where(se > 0, se, np.nan)))
    return pd.DataFrame(
        {
            "measure": ["p10", "median", "p90", "mean", "share_below"],
            "estimate": est,
            "se": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
            "threshold": thr,
        }
    )


def scale_up(effect_row, frame: pd.DataFrame, setup: Setup, lang: str = "en") -> pd.DataFrame:
    """The effect times the population (``weight``, last year) of the comparison regions, with
    the interval; marked as an extrapolation (the note in ``lang``)."""
    g = cohorts(frame, setup)
    last = pd.to_numeric(frame[setup.year]).max()
    at = frame[pd.to_numeric(frame[setup.year]) == last]
    if setup.weight:
        pop = pd.to_numeric(at[setup.weight]).groupby(at[setup.region]).sum()
    else:
        pop = pd.Series(1.0, index=at[setup.region].unique())
    comp = pop[pop.index.isin(g[g == 0].index)]
    total = float(comp.sum())
    return pd.DataFrame(
        [
            {
                "regions": len(comp),
                "population": total,
                "estimate": float(effect_row["estimate"]) * total,
                "ci_low": float(effect_row["ci_low"]) * total,
                "ci_high": float(effect_row["ci_high"]) * total,
                "extrapolation": True,
                "note": text("experiments.scale_note", lang),
            }
        ]
    )


def _fmt(x: float, lang: str) -> str:
    s = f"{x:.3g}"
    return s.replace(".", ",") if lang == "nl" else s


def format_p(p: float, lang: str) -> str:
    """A p-value as people read it: "< 0,001" (nl) / "< 0.001" (en) below 0.001, else 3
    significant digits ("0,0412"); never "3,85e-13"."""
    if p is None or not np.isfinite(p):
        return ""
    if p < 0.001:
        return text("experiments.p_below", lang)
    return _fmt(p, lang)


def _p_phrase(p: float, lang: str) -> str:
    s = format_p(p, lang)
    return s if s.startswith("<") else f"= {s}"


def verdict(table: pd.DataFrame, setup_info: dict, lang: str) -> list[str]:
    """Plain sentences on the effect with the caveats that apply. ``setup_info`` may hold
    outcome, n_pilots, post_years, staggered, pretrend_p, level_gap (match quality, in sd)."""
    main = table[table["term"].isin(["simple", "att", "dynamic", "event:0"])].head(1)
    if main.empty:
        main = table.head(1)
    if "pretrend" in set(table["term"]) and "pretrend_p" not in setup_info:
        pre = table.loc[table["term"] == "pretrend", "p_value"].iloc[0]
        setup_info = {**setup_info, "pretrend_p": float(pre)}
    r = main.iloc[0]
    level = round(100 * float(setup_info.get("level", 0.95)))
    out = [
        text(
            "experiments.verdict_effect",
            lang,
            outcome=setup_info.get("outcome", ""),
            estimate=_fmt(r["estimate"], lang),
            level=level,
            low=_fmt(r["ci_low"], lang),
            high=_fmt(r["ci_high"], lang),
        )
    ]
    clear = r["ci_low"] > 0 or r["ci_high"] < 0
    out.append(text("experiments.verdict_clear" if clear else "experiments.verdict_unclear", lang))
    if setup_info.get("weight"):  # never silent: the estimate itself does not use the weight
        out.append(text("experiments.unweighted", lang, weight=setup_info["weight"]))
    n = setup_info.get("n_pilots", r.get("n_pilots", 99))
    if n < 5:
        key = "experiments.caveat_one" if int(n) == 1 else "experiments.caveat_few"
        out.append(text(key, lang, n=int(n)))
    p = setup_info.get("pretrend_p")
    if p is not None and p < 0.10:
        out.append(text("experiments.caveat_pretrend", lang, p=_p_phrase(p, lang)))
    post = setup_info.get("post_years", table.attrs.get("post_years"))
    if post is not None and post < 2:
        out.append(text("experiments.caveat_short", lang, n=int(post)))
    gap = setup_info.get("level_gap")
    if gap is not None and abs(gap) > 0.5:
        out.append(text("experiments.caveat_unlike", lang, gap=_fmt(gap, lang)))
    if setup_info.get("staggered", table.attrs.get("staggered")) and r["method"] == "did":
        out.append(text("experiments.caveat_twfe", lang))
    return out
