"""What every page shares: the data in use, its mapping, cached results, and common widgets.

The uploaded file lives in this user's session only; loading and computing are cached by the
file's content digest and the settings (``st.cache_data``), never in module-level variables.
"""

from __future__ import annotations

import hashlib
import io
import traceback
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import region_names
from indicators.compute import MIN_N, TOTAL, compute
from indicators.dataset import Mapping, Prepared, prepare, suggest_mapping
from indicators.errors import DataError
from indicators.io import load_table
from indicators.registry import load_registry
from indicators.ui.i18n import label_func, lang, t, tr

ROOT = Path(__file__).resolve().parents[2]
DEMOS = {
    "people": ROOT / "data" / "demo_people_synthetic.parquet",
    "pilot": ROOT / "data" / "demo_pilot_municipalities_synthetic.parquet",
}
DEMO_LABELS = {
    "people": {
        "nl": "Demo: inwoners per provincie (synthetisch)",
        "en": "Demo: residents by province (synthetic)",
    },
    "pilot": {
        "nl": "Demo: gemeentelijk pilotpanel (synthetisch)",
        "en": "Demo: municipal pilot panel (synthetic)",
    },
}


@dataclass
class Source:
    """The file in use: its bytes, name and content digest."""

    name: str
    data: bytes
    digest: str
    demo: str | None = None  # key of DEMOS when it is demo data
    sheet: str | None = None

    @property
    def label(self) -> str:
        """Return the name shown under charts."""
        if self.demo:
            return f"{Path(self.name).name} ({t('demo_source')})"
        return self.name


@dataclass
class Active:
    """The dataset in use with its mapping, prepared columns and results table."""

    source: Source
    raw: pd.DataFrame
    mapping: Mapping
    prepared: Prepared
    results: pd.DataFrame
    registry: object
    min_n: int

    @property
    def shape(self) -> str:
        """Return "microdata" or "aggregates"."""
        return self.prepared.shape

    @cached_property
    def region_names(self) -> dict:
        """Return ``{region: name to show}``: CBS codes such as GM0796 by their name (the file's
        own name column first, then the packaged CBS list); the region stays the key."""
        return _region_names(
            self.source.digest,
            self.source.sheet,
            self.mapping.region,
            tuple(self.prepared.regions),
            self.raw,
        )

    def region_name(self, region) -> str:
        """Return the name to show for one region (the translated word for ``Total``)."""
        return t("total") if region == TOTAL else self.region_names.get(region, str(region))


@st.cache_resource
def registry():
    """Return the packaged indicator registry (immutable, shared)."""
    return load_registry()


@st.cache_data(show_spinner=False, max_entries=4)
def _demo_bytes(key: str) -> bytes:
    return DEMOS[key].read_bytes()


def digest_of(data: bytes) -> str:
    """Return a short content digest of a file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@st.cache_data(show_spinner=False, max_entries=8)
def load_cached(digest: str, name: str, sheet: str | None, _data: bytes) -> pd.DataFrame:
    """Read a file once per content digest (and sheet)."""
    return load_table(io.BytesIO(_data), name=name, sheet=sheet)


@st.cache_data(show_spinner=False, max_entries=16)
def _region_names(digest: str, sheet, column: str, regions: tuple, _raw: pd.DataFrame) -> dict:
    """Work out the region names once per file and region column."""
    return region_names.display_names(regions, region_names.own_names(_raw, column))


@st.cache_data(show_spinner=False, max_entries=16)
def compute_cached(digest: str, sheet, mapping: Mapping, min_n: int, _raw: pd.DataFrame, name):
    """Prepare and compute the results table once per file, mapping and small-cell setting."""
    reg = registry()
    prepared = prepare(_raw, mapping, reg, source=name)
    return prepared, compute(prepared, reg, min_n=min_n)


def current_source() -> Source:
    """Return the uploaded file of this session, or the chosen demo data."""
    upload = st.session_state.get("upload")
    if upload:
        return Source(upload["name"], upload["data"], upload["digest"], sheet=upload.get("sheet"))
    key = st.session_state.get("demo", "people")
    data = _demo_bytes(key)
    return Source(DEMOS[key].name, data, f"demo-{key}", demo=key)


def set_upload(name: str, data: bytes, sheet: str | None = None) -> None:
    """Make an uploaded file the data in use for this session."""
    st.session_state["upload"] = {
        "name": name,
        "data": data,
        "digest": digest_of(data),
        "sheet": sheet,
    }


def clear_upload(demo: str = "people") -> None:
    """Go back to demo data."""
    st.session_state.pop("upload", None)
    st.session_state["demo"] = demo


def mapping_key(source: Source) -> str:
    return f"mapping:{source.digest}:{source.sheet}"


def get_mapping(source: Source, raw: pd.DataFrame) -> Mapping:
    """Return this session's mapping for a file, suggested from the registry at first."""
    key = mapping_key(source)
    if key not in st.session_state:
        st.session_state[key] = suggest_mapping(raw, registry())
    return st.session_state[key]


def set_mapping(source: Source, mapping: Mapping) -> None:
    """Store the mapping the user chose for a file."""
    st.session_state[mapping_key(source)] = mapping


def min_n() -> int:
    """Return the small-cell threshold (values from fewer observations are hidden)."""
    return int(st.session_state.get("min_n", MIN_N))


def active() -> Active | None:
    """Load, prepare and compute the data in use; show a plain message and return None when
    that is not possible."""
    source = current_source()
    raw = load_cached(source.digest, source.name, source.sheet, source.data)
    mapping = get_mapping(source, raw)
    if not mapping.region or not mapping.variables:
        st.info(t("no_data"))
        return None
    with st.spinner(t("computing"), show_time=True):
        prepared, results = compute_cached(
            source.digest, source.sheet, mapping, min_n(), raw, source.name
        )
    return Active(source, raw, mapping, prepared, results, registry(), min_n())


def page_start(texts: dict) -> Active | None:
    """Show a page's title and intro (``texts`` keys "title" and "intro") and the data in use;
    return the active dataset, or None when there are no results to show yet."""
    st.title(tr(texts, "title"))
    st.caption(tr(texts, "intro"))
    act = active()
    if act is not None:
        st.caption(f"**{t('data_in_use')}:** {act.source.label}")
    return act


def run_page(page) -> None:
    """Run a page; a DataError shows its message, anything else a short apology with details."""
    try:
        page.run()
    except DataError as err:
        note = t("details_in_english")
        st.error(f"**{t('error_title')}**\n\n" + (f"{note}\n\n" if note else "") + str(err))
    except Exception:
        st.error(t("unexpected"))
        with st.expander(t("details")):
            st.code(traceback.format_exc(), language=None)


# ---- shared widgets -------------------------------------------------------------------------


def indicator_label(ind) -> str:
    """Return an indicator's label in the current language."""
    return ind.label(lang())


def available_indicators(act: Active) -> list:
    """Return the registry indicators present in the results, in registry order."""
    present = set(act.results["indicator"].unique())
    return [ind for ind in act.registry.indicators if ind.id in present]


def shared_select(key, options, *, label, format_func=str, default=None, container=st, help=None):
    """Select one of ``options``, kept in the URL as ``?key=<option>`` so a view can be shared.

    The URL holds the option itself (an id, a region name, a year), never its translated label,
    so a link works in either language, and the choice survives a page or language switch.
    A value from the URL or session that is not among the options falls back to ``default``.
    """
    if not options:
        return None
    keep = f"_shared_{key}"
    text = [str(o) for o in options]
    current = st.session_state.get(key)
    if current not in options:
        # first visit (take the link's value, else this session's last one), or a value the
        # browser sent as the label of another language (take this session's last one)
        wanted = st.query_params.get(key) if current is None else None
        candidate = wanted if wanted is not None else st.session_state.get(keep)
        if candidate is not None and str(candidate) in text:
            current = options[text.index(str(candidate))]
        else:
            current = default if default in options else options[0]
    # Always set the value before the widget is made: the same key on another page is another
    # widget to Streamlit, which would otherwise open on its first option (the year reset).
    st.session_state[key] = current
    value = container.selectbox(label, options, key=key, format_func=format_func, help=help)
    st.session_state[keep] = value
    st.query_params[key] = str(value)
    return value


def pick_indicator(
    act: Active, *, key: str = "indicator", label: str | None = None, only=None, container=st
):
    """Select an indicator (kept in the URL as ?indicator=<id>)."""
    inds = [ind for ind in available_indicators(act) if only is None or only(ind)]
    if not inds:
        return None
    by_id = {ind.id: ind for ind in inds}
    chosen = shared_select(
        key,
        list(by_id),
        label=label or t("indicator"),
        container=container,
        format_func=label_func(by_id, lambda i: by_id[i].label(lang())),
    )
    return by_id.get(chosen, inds[0])


def pick_region(
    act: Active, *, key: str = "region", include_total: bool = False, container=st
) -> str:
    """Select a region (kept in the URL as ?region=...)."""
    options = ([TOTAL] if include_total else []) + act.prepared.regions
    return shared_select(
        key,
        options,
        label=t("region"),
        container=container,
        format_func=label_func(options, act.region_name),
    )


def with_region_names(act: Active, frame: pd.DataFrame, column: str = "region") -> pd.DataFrame:
    """Return a copy of ``frame`` with its regions replaced by the names to show (for charts
    and tables on screen; downloads keep the codes, with a name column beside them)."""
    out = frame.copy()
    out[column] = out[column].map(act.region_name)
    return out


def pick_year(act: Active, *, key: str = "year", container=st):
    """Select a year, the latest by default (kept in the URL as ?year=...)."""
    years = act.prepared.years
    if not years:
        return None
    options = [str(y) for y in years]
    chosen = shared_select(key, options, label=t("year"), default=options[-1], container=container)
    return years[options.index(chosen)]


def show_chart(fig, act: Active, *, key: str | None = None) -> None:
    """Show a plotly figure with numbers in the user's language and a source line under it."""
    fig.update_layout(separators=",." if lang() == "nl" else ".,")
    st.plotly_chart(
        fig,
        key=key,
        config={"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}},
    )
    st.caption(f"{t('source')}: {act.source.label}")
