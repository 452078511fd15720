"""The Experiments page as a view: did a pilot in some regions work? The headline effect with
its interval and the plain verdict (:func:`indicators.analyses.experiments.verdict`), pilots
and comparisons over the years, the event study with its pre-trend test, all estimates with a
CSV download, the scale-up as an extrapolation and, for microdata, the effect on the
distribution. All numbers come from :mod:`indicators.analyses.experiments`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analyses import experiments as X
from indicators.analyses.distribution import lower_first
from indicators.charts import experiments as charts
from indicators.errors import DataError
from indicators.io import export
from indicators.text import text
from indicators.views.blocks import Download, Heading, Table, Text, View
from indicators.views.common import chart
from indicators.views.escape import escape_markdown

CONTROLS = ("never", "notyet", "chosen", "matched")
PILOTS_BY = ("first", "flag", "list")
TERMS = ["method", "term", "estimate", "se", "ci_low", "ci_high", "p_value"]
HEADLINE_TERMS = ("simple", "att", "event:0")


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Experiments page."""

    outcome: str
    region: str
    year: str
    pilots_by: str = "first"  # "first" (a first-year column), "flag" or "list"
    first_treated: str | None = None
    flag: str | None = None
    pilots: tuple = ()
    start: int | None = None
    control: str = "never"
    chosen: tuple = ()
    method: str = "did"
    weight: str | None = None
    level: float = 0.95
    threshold: float | None = None

    def setup(self, source: str) -> X.Setup:
        return X.Setup(
            outcome=self.outcome,
            region=self.region,
            year=self.year,
            first_treated=self.first_treated if self.pilots_by == "first" else None,
            pilots=tuple(self.pilots) if self.pilots_by == "list" else (),
            start=None if self.pilots_by == "first" else self.start,
            flag=self.flag if self.pilots_by == "flag" else None,
            control=self.control,
            chosen=tuple(self.chosen),
            weight=self.weight,
            level=self.level,
            source=source,
        )


def _t(key: str, lang: str, **values) -> str:
    return text(f"experiments_page.{key}", lang, **values)


def num(x, lang: str, digits: int = 3) -> str:
    """A number as the language writes it, ``digits`` decimals ("1,89" in Dutch)."""
    if x is None or not np.isfinite(float(x)):
        return ""
    s = f"{float(x):,.{digits}f}"
    return s.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "nl" else s


def why_not(frame: pd.DataFrame | None, year: str | None, lang: str) -> View | None:
    """Why this data cannot hold an experiment (no year column, one year), or None."""
    if frame is None or not year or year not in frame.columns:
        return View([Text(_t("no_years", lang), tone="info")])
    years = pd.to_numeric(frame[year], errors="coerce").dropna().unique()
    if len(years) < 2:
        only = int(years[0]) if len(years) else ""
        return View([Text(_t("one_year", lang, year=only), tone="info")])
    return None


def start_columns(frame: pd.DataFrame, region: str, year: str) -> list[str]:
    """Columns that can hold each region's first pilot year: whole numbers, one per region,
    each 0/empty or a year after the first year of the data."""
    years = pd.to_numeric(frame[year], errors="coerce")
    first, last = years.min(), years.max()
    out = []
    for c in frame.columns:
        if c in (region, year) or not pd.api.types.is_numeric_dtype(frame[c]):
            continue
        v = pd.to_numeric(frame[c], errors="coerce").fillna(0)
        if not ((v == v.round()).all() and (v > 0).any()):
            continue
        pos = v[v > 0]
        if (
            (pos > first).all()
            and (pos <= last).all()
            and v.groupby(frame[region]).nunique().max() == 1
        ):
            out.append(c)
    return out


def flag_columns(frame: pd.DataFrame, region: str, year: str) -> list[str]:
    """Columns of yes/no values (ja/nee, 1/0, true/false) with at least one yes."""
    out = []
    for c in frame.columns:
        if c in (region, year):
            continue
        raw = frame[c].astype("string").str.strip().str.lower().fillna("")
        if raw.isin(X.YES | X.NO).all() and raw.isin(X.YES).any() and raw.nunique() <= 2:
            out.append(c)
    return out


def outcome_columns(frame: pd.DataFrame, region: str, year: str, skip: Sequence = ()) -> list:
    """Numeric columns that can be an outcome (not the region, year or pilot columns)."""
    return [
        c
        for c in frame.columns
        if c not in {region, year, *skip}
        and pd.api.types.is_numeric_dtype(frame[c])
        and not pd.api.types.is_bool_dtype(frame[c])
        and frame[c].nunique() > 2
    ]


def headline_row(table: pd.DataFrame) -> pd.Series:
    """The row the verdict speaks of: the average effect (simple/att), else the start year."""
    main = table[table["term"].isin(HEADLINE_TERMS)]
    return (main if len(main) else table).iloc[0]


def experiments_view(
    frame: pd.DataFrame,
    choices: Choices,
    *,
    lang: str,
    source: str,
    label: Callable[[str], str] = str,
    microdata: bool = False,
    file_stem: str = "experiment",
    bootstrap: int = 999,
) -> View:
    """Return the Experiments view of ``frame`` (one row per region and year, or microdata
    rows) for ``choices``; a set-up the data cannot support is said in an info note."""
    why = why_not(frame, choices.year, lang)
    if why is not None:
        return why
    if choices.pilots_by == "list" and (not choices.pilots or choices.start is None):
        return View([Text(_t("pick_some", lang), tone="info")])
    setup = choices.setup(source)
    try:
        table = X.experiment(frame, setup, choices.method, bootstrap=bootstrap)
        trends = X.arm_trends(frame, setup)
        match = X.match_comparisons(frame, setup) if choices.control == "matched" else None
    except DataError as err:
        return View([Text(_t("cannot", lang, why=err.text(lang)), tone="info")])
    outcome = label(choices.outcome)
    view = View()
    dropped = table.attrs.get("dropped", [])
    if dropped:
        shown = ", ".join(dropped[:10]) + (" ..." if len(dropped) > 10 else "")
        view.add(
            Text(
                escape_markdown(
                    text("experiments.dropped", lang, n=len(dropped), source=source, regions=shown)
                ),
                tone="warning",
            )
        )
    view.add(*_headline(table, choices, outcome, lang, label))
    starts = X.cohorts(frame, setup)
    start = int(starts[starts > 0].min())
    view.add(*_trends(trends, choices, start, outcome, lang, source, label))
    if match is not None:
        view.add(*_match(match, lang))
    if choices.method == "event":
        view.add(*_event(table, choices, outcome, lang, source))
    else:
        view.add(Text(_t("event_hint", lang), tone="caption"))
    view.add(*_terms(table, choices, lang, file_stem))
    if microdata:  # a survey's weights are no count of people per region: no scale-up
        view.add(Heading(_t("scale", lang)), Text(_t("scale_micro", lang), tone="caption"))
        view.add(*_distribution(frame, setup, choices, lang))
    else:
        view.add(*_scale(table, frame, setup, choices, lang, label))
    return view


def _count(key: str, n: int, lang: str) -> str:
    return _t(f"{key}_one", lang) if n == 1 else _t(key, lang, n=n)


def _headline(table, choices, outcome, lang, label=str) -> list:
    r = headline_row(table)
    level = round(100 * choices.level)
    info = {
        "outcome": lower_first(outcome),
        "n_pilots": int(r["n_pilots"]),
        "level": choices.level,
        "post_years": table.attrs.get("post_years"),
        "staggered": table.attrs.get("staggered"),
        "weight": label(choices.weight) if choices.weight else None,
    }
    sentences = X.verdict(table, info, lang)
    clear = r["ci_low"] > 0 or r["ci_high"] < 0
    sign = "+" if r["estimate"] > 0 else ""
    unit = f" {_t('pp', lang)}" if "(%" in outcome else ""
    big = f"### {escape_markdown(outcome)}: {sign}{num(r['estimate'], lang, 2)}{unit}"
    sub = _t(
        "headline_term",
        lang,
        method=_t(f"method_{choices.method}", lang)
        + (_t("at_start", lang) if r["term"] == "event:0" else ""),
        level=level,
        low=num(r["ci_low"], lang, 2),
        high=num(r["ci_high"], lang, 2),
        pilots=_count("n_pilots", int(r["n_pilots"]), lang),
        comparisons=_count("n_comparisons", int(r["n_comparisons"]), lang),
    )
    if "p_boot" in r and np.isfinite(float(r["p_boot"])):
        phrase = X.format_p(float(r["p_boot"]), lang)
        sub += _t("p_boot", lang, p=phrase if phrase.startswith("<") else f"= {phrase}")
    return [
        Heading(_t("headline", lang)),
        Text(big),
        Text(escape_markdown(sub), tone="caption"),
        Text(
            escape_markdown(sentences[0] + " " + sentences[1]), tone="success" if clear else "info"
        ),
        *(Text(escape_markdown(s), tone="warning") for s in sentences[2:]),
    ]


def _trends(trends, choices, start, outcome, lang, source, label) -> list:
    n = trends.groupby("arm")["n_regions"].first()
    names = {
        "pilot": _t("pilot_arm", lang, n=int(n.get("pilot", 0))),
        "comparison": _t("comparison_arm", lang, n=int(n.get("comparison", 0))),
    }
    title = _t("trends_title", lang, outcome=outcome)
    if choices.weight:
        title += _t("trends_weighted", lang, weight=lower_first(label(choices.weight)))
    fig = charts.arm_lines(
        trends,
        start=start,
        title=title,
        y_title=outcome,
        x_title=_t("year", lang),
        names=names,
        start_label=_t("start_mark", lang, year=start),
    )
    block = chart(fig, lang, source, key="experiment_trends")
    return [Heading(_t("trends", lang)), block, Text(_t("trends_caption", lang), tone="caption")]


def _event(table, choices, outcome, lang, source) -> list:
    ev = table[table["term"].str.startswith("event:")].copy()
    ev["e"] = ev["term"].str.split(":").str[1].astype(int)
    level = round(100 * choices.level)
    fig = charts.event_effects(
        ev,
        title=_t("event_title", lang, outcome=outcome, level=level),
        y_title=_t("effect_y", lang, outcome=lower_first(outcome)),
        x_title=_t("event_x", lang),
        name=_t("effect_name", lang),
        interval_name=f"{level}%",
    )
    out = [Heading(_t("event", lang)), chart(fig, lang, source, key="experiment_event")]
    pre = table[table["term"] == "pretrend"]
    if len(pre):
        p = float(pre["p_value"].iloc[0])
        phrase = X.format_p(p, lang)
        phrase = phrase if phrase.startswith("<") else f"= {phrase}"
        out.append(
            Text(
                _t(
                    "pretrend",
                    lang,
                    stat=num(pre["estimate"].iloc[0], lang, 2),
                    df=int(pre["df"].iloc[0]),
                    p=phrase,
                    meaning=_t("pretrend_bad" if p < 0.10 else "pretrend_ok", lang),
                ),
                tone="warning" if p < 0.10 else "plain",
            )
        )
    else:
        out.append(Text(_t("no_pretrend", lang), tone="caption"))
    return out


def _match(match, lang) -> list:
    q = match.attrs["quality"]
    rows = pd.DataFrame(
        {
            _t("match_measure", lang): [_t("match_level", lang), _t("match_trend", lang)],
            _t("match_before", lang): [
                num(q["before"]["level_gap"], lang),
                num(q["before"]["trend_gap"], lang),
            ],
            _t("match_after", lang): [
                num(q["after"]["level_gap"], lang),
                num(q["after"]["trend_gap"], lang),
            ],
        }
    )
    chosen = match.loc[match["chosen"], "region"].astype(str).tolist()
    caption = _t("match_caption", lang, k=len(chosen), regions=", ".join(chosen))
    return [Heading(_t("matched", lang), level=3), Table(rows, caption=caption, static=True)]


def terms_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The estimates with the fixed column names (method, term, estimate, se, ci_low,
    ci_high, p_value), the pre-trend test's row left to its own sentence."""
    rows = table[table["term"] != "pretrend"]
    return rows[[c for c in TERMS if c in rows]].reset_index(drop=True)


def _terms(table, choices, lang, file_stem) -> list:
    frame = terms_frame(table)
    shown = frame.copy()
    for c in ("estimate", "se", "ci_low", "ci_high"):
        shown[c] = [num(v, lang, 4) for v in shown[c]]  # the language's decimal mark
    shown["p_value"] = [X.format_p(p, lang) for p in shown["p_value"]]
    return [
        Heading(_t("terms", lang)),
        Table(shown, caption=_t("terms_caption", lang), key="experiment_terms"),
        Download(
            _t("download", lang),
            export.to_csv(frame, lang),
            file_name=f"{file_stem}_{choices.outcome}_{choices.method}.csv",
            mime="text/csv",
            key="experiment_download",
        ),
    ]


def _scale(table, frame, setup, choices, lang, label) -> list:
    r = headline_row(table)
    s = X.scale_up(r, frame, setup, lang=lang).iloc[0]
    year = int(pd.to_numeric(frame[choices.year]).max())
    # an outcome in percent (points): effect / 100 x the people it is a share of
    percent = bool(choices.weight) and "(%" in label(choices.outcome)
    per = 100.0 if percent else 1.0
    base = label(choices.weight) if choices.weight else ""
    base = lower_first(base)
    if percent:
        what = _t("scale_percent", lang, base=base)
    elif choices.weight:
        what = _t("scale_people", lang, base=base)
    else:
        what = _t("scale_regions", lang)
    return [
        Heading(_t("scale", lang)),
        Text(
            escape_markdown(
                _t(
                    "scale_text" if choices.weight else "scale_text_regions",
                    lang,
                    n=int(s["regions"]),
                    population=num(s["population"], lang, 0),
                    base=base,
                    year=year,
                    what=what,
                    estimate=num(s["estimate"] / per, lang, 0),
                    low=num(s["ci_low"] / per, lang, 0),
                    high=num(s["ci_high"] / per, lang, 0),
                )
            ),
            tone="warning",
        ),
        Text(escape_markdown(str(s["note"])), tone="caption"),
    ]


def _distribution(frame, setup, choices, lang) -> list:
    try:
        d = X.distributional(frame, setup, choices.outcome, threshold=choices.threshold)
    except DataError as err:
        return [Text(_t("cannot", lang, why=err.text(lang)), tone="info")]
    shown = pd.DataFrame(
        {
            _t("measure", lang): [_t(f"m_{m}", lang) for m in d["measure"]],
            "estimate": [num(v, lang) for v in d["estimate"]],
            "ci_low": [num(v, lang) for v in d["ci_low"]],
            "ci_high": [num(v, lang) for v in d["ci_high"]],
            "p_value": [X.format_p(p, lang) for p in d["p_value"]],
        }
    )
    thr = num(d["threshold"].iloc[0], lang, 2)
    return [
        Heading(_t("distribution", lang)),
        Table(shown, caption=_t("dist_caption", lang, threshold=thr), static=True),
    ]
