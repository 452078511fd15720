"""What every page shares: the data in use, its mapping, cached results, and common widgets.

The uploaded file lives in this user's session only; loading and computing are cached by the
file's content digest and the settings, never in module-level variables. The file, the table
read from it and the computed results are cached with ``st.cache_resource``: every rerun gets
the same objects, read-only (``st.cache_data`` unpickled a fresh copy of some 70 MB of demo
data on each rerun, 50 ms or more); pages never change them (pandas copy-on-write keeps a
changed selection from reaching them).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import traceback
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from indicators import package_data
from indicators.dataset import region_names
from indicators.dataset.mapping import (
    Mapping,
    mapping_from_text,
    mapping_to_text,
    suggest_mapping,
)
from indicators.dataset.own_variables import MICRODATA
from indicators.dataset.prepare import Prepared, prepare
from indicators.errors import DataError
from indicators.io.combine import combine_files, combined_digest, combined_name
from indicators.io.load import load_table
from indicators.registry.catalog import load_registry
from indicators.results import MIN_N, TOTAL, compute, whole_population
from indicators.text import area
from indicators.ui.i18n import label_func, lang, t, tr
from indicators.views.escape import escape_markdown

# package data (importlib.resources): an installed package has the demo files too
DEMOS = {key: package_data.demo_file(key) for key in package_data.DEMO_FILES}
DEMO_LABELS = area("demo_labels")


@dataclass
class Source:
    """The file in use: its bytes, name and content digest.

    An upload of several files is one Source: ``data`` is then a tuple of ``(name, bytes)``,
    ``name`` the combination's name (``a.csv + b.csv``) and ``digest`` one digest over all
    files (:func:`indicators.io.combine.combined_digest`), so caches and links work as for one.
    """

    name: str
    data: bytes | tuple[tuple[str, bytes], ...]
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
    results: pd.DataFrame  # the whole population, one value per region, year and indicator
    registry: object  # the catalogue with this mapping's own variables and indicators
    min_n: int
    full: pd.DataFrame | None = None  # the whole population's rows, decomposition parts too

    @property
    def key(self) -> tuple:
        """What the active results depend on, for the pages' caches: the file, its sheet, the
        mapping, the small-cell setting and the catalogue."""
        return (self.source.digest, self.source.sheet, self.mapping, self.min_n, catalogue_digest())

    @property
    def table(self) -> pd.DataFrame:
        """Return the full results table: the whole population, a breakdown by every mapped
        group column and decomposition parts (worked out when first asked for, once per file
        and settings: the first page does not wait for the breakdowns)."""
        if not self.mapping.groups or self.full is None:
            return self.full if self.full is not None else self.results
        return breakdowns_cached(*self.key, self.prepared, self.full)

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
def _packaged_registry():
    """Return the packaged indicator registry (immutable, shared)."""
    return load_registry()


@st.cache_resource(show_spinner=False, max_entries=8, ttl=3600)
def _merged_registry(digest: str, name: str, _data: bytes):
    """Return the packaged registry with a user's catalogue file on top (once per file)."""
    source = io.BytesIO(_data)
    source.name = name  # the file its problems are named by
    return load_registry(extra=source)


def merged_registry(name: str, data: bytes):
    """Return the packaged registry with a user's catalogue file on top; a file that cannot
    be used raises its :class:`DataError` (the entries and fields named)."""
    return _merged_registry(digest_of(data), name, data)


def set_catalogue(name: str, data: bytes) -> None:
    """Make a user's catalogue file (same schema as the packaged one) part of every page."""
    st.session_state["catalogue"] = {"name": name, "data": data, "digest": digest_of(data)}


def clear_catalogue() -> None:
    """Go back to the packaged catalogue."""
    st.session_state.pop("catalogue", None)


def catalogue_digest() -> str:
    """Return the digest of the catalogue in use ("packaged" without a file of the user's)."""
    own = st.session_state.get("catalogue")
    return own["digest"] if own else "packaged"


def registry():
    """Return the catalogue in use: the packaged one, with the user's file on top if given."""
    own = st.session_state.get("catalogue")
    if own:
        try:
            return _merged_registry(own["digest"], own["name"], own["data"])
        except DataError:
            clear_catalogue()  # shown where it was uploaded; the packaged one serves meanwhile
    return _packaged_registry()


@st.cache_resource(show_spinner=False, max_entries=4)
def _demo_bytes(key: str) -> bytes:
    return DEMOS[key].read_bytes()


def digest_of(data: bytes | tuple[tuple[str, bytes], ...]) -> str:
    """Return a short content digest of a file, or one over all files of an upload."""
    if isinstance(data, tuple):
        return combined_digest(data)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# every cache is bounded in entries and in time (SECURITY.md): an hour after its last use a
# file's table and results are gone from memory, whoever uploaded it
CACHE_TTL = 3600


@st.cache_resource(show_spinner=False, max_entries=8, ttl=CACHE_TTL)
def load_cached(digest: str, name: str, sheet: str | None, _data) -> pd.DataFrame:
    """Read a file once per content digest (and sheet); several files are combined."""
    if isinstance(_data, tuple):  # all files together within one upload's size (SECURITY.md)
        return combine_files(_data, max_total=int(st.get_option("server.maxUploadSize")) * 1024**2)
    return load_table(io.BytesIO(_data), name=name, sheet=sheet)


@st.cache_data(show_spinner=False, max_entries=16, ttl=CACHE_TTL)
def _region_names(digest: str, sheet, column: str, regions: tuple, _raw: pd.DataFrame) -> dict:
    """Work out the region names once per file and region column."""
    return region_names.display_names(regions, region_names.own_names(_raw, column))


@st.cache_resource(show_spinner=False, max_entries=16, ttl=CACHE_TTL)
def compute_cached(
    digest: str, sheet, mapping: Mapping, min_n: int, catalogue: str, _raw: pd.DataFrame, name
):
    """Prepare and compute the results table once per file, mapping, small-cell setting and
    catalogue, for the whole population (the breakdowns: :func:`breakdowns_cached`)."""
    reg = registry()
    prepared = prepare(_raw, mapping, reg, source=name)
    table = compute(prepared, reg, min_n=min_n, **_intervals(prepared))
    return prepared, table, whole_population(table)


def _intervals(prepared: Prepared) -> dict:
    """Survey microdata: every value with its 95% interval, for the mapped design (strata,
    primary sampling units); aggregates have no sampling error, so no interval."""
    if prepared.shape != MICRODATA:
        return {}
    return {"ci": 0.95, **prepared.design}


@st.cache_resource(show_spinner=False, max_entries=8, ttl=CACHE_TTL)
def breakdowns_cached(
    digest: str, sheet, mapping: Mapping, min_n: int, catalogue: str, _prepared, _whole
):
    """Add a breakdown by every mapped group column to the results table (once per file and
    settings; each breakdown costs about as much as the whole population)."""
    groups = compute(_prepared, registry(), by=mapping.groups, min_n=min_n, **_intervals(_prepared))
    return pd.concat([_whole, groups[groups["breakdown"] != ""]], ignore_index=True)


def current_source() -> Source:
    """Return the uploaded file of this session, or the chosen demo data."""
    upload = st.session_state.get("upload")
    if upload:
        return Source(upload["name"], upload["data"], upload["digest"], sheet=upload.get("sheet"))
    key = st.session_state.get("demo", "people")
    data = _demo_bytes(key)
    return Source(DEMOS[key].name, data, f"demo-{key}", demo=key)


def set_upload(name: str, data, sheet: str | None = None) -> None:
    """Make an uploaded file (bytes) or files (a tuple of name and bytes) the data in use."""
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
    """Return this session's mapping for a file: at first the one a shared link carries (when
    its columns are in the file), else the suggestion from the registry."""
    key = mapping_key(source)
    if key not in st.session_state:
        suggested = suggest_mapping(raw, registry())
        st.session_state[f"{key}:suggested"] = suggested
        st.session_state[key] = _linked_mapping(raw) or suggested
    return st.session_state[key]


def _linked_mapping(raw: pd.DataFrame) -> Mapping | None:
    """Return the column choices of the link this session came by, if they fit the file."""
    text = st.query_params.get(LINK_MAP)
    if not text:
        return None
    try:
        mapping = mapping_from_text(text)
    except DataError as err:
        st.session_state["_link_map_problem"] = err.text(lang())
        return None
    missing = [c for c in mapping.role_columns() if c not in raw.columns]
    if missing or not mapping.region:
        st.session_state["_link_map_problem"] = t("link_map_columns", cols=", ".join(missing))
        return None
    return mapping


def _link_mapping(source: Source) -> None:
    """Keep the column choices in the link when they are not the suggestion, so that someone
    opening the link with the same file sees the same view."""
    key = mapping_key(source)
    mapping, suggested = st.session_state.get(key), st.session_state.get(f"{key}:suggested")
    if mapping is not None and suggested is not None and mapping != suggested:
        st.query_params[LINK_MAP] = mapping_to_text(mapping)
    elif mapping is not None:
        st.query_params.pop(LINK_MAP, None)


def view_choices() -> dict:
    """Return the choices of the views this session keeps in the URL (region, indicator, year,
    ...), not the data, file, column choices or language."""
    skip = {LINK_DATA, LINK_FILE, LINK_MAP, "lang"}
    # this session's choices on every page (the address holds only the current page's)
    kept = {}
    for name, value in st.session_state.items():
        if not str(name).startswith("_shared_") or value is None or value == []:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        kept[str(name)[len("_shared_") :]] = [str(v) for v in values]
    here = {key: st.query_params.get_all(key) for key in st.query_params}
    return {k: v for k, v in (kept | here).items() if k not in skip}


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
    if not mapping.region or not mapping.variable_columns:
        st.info(t("no_data"))
        return None
    with st.spinner(t("computing"), show_time=True):
        prepared, table, results = compute_cached(
            source.digest, source.sheet, mapping, min_n(), catalogue_digest(), raw, source.name
        )
    return Active(source, raw, mapping, prepared, results, prepared.registry, min_n(), table)


def page_start(texts: dict) -> Active | None:
    """Show a page's title and intro (``texts`` keys "title" and "intro") and the data in use;
    return the active dataset, or None when there are no results to show yet."""
    st.title(tr(texts, "title"))
    st.caption(tr(texts, "intro"))
    act = active()
    if act is not None:
        st.caption(f"**{t('data_in_use')}:** {act.source.label}")
    return act


# ---- the data a shared link was made on ------------------------------------------------------

LINK_DATA, LINK_FILE = "data", "file"  # ?data=demo:people | file:<digest>, ?file=<name>
LINK_MAP = "map"  # the column choices, when they are not the suggestion
PENDING = "_link_pending"


def source_id(source: Source) -> str:
    """Return how a link names the data in use: ``demo:<key>`` or ``file:<content digest>``."""
    return f"demo:{source.demo}" if source.demo else f"file:{source.digest[:12]}"


def follow_link() -> None:
    """On a session's first run, take the data the link names: a demo is switched to; a file
    this browser does not have is asked for (see :func:`run_page`), with the link's choices
    kept until it is uploaded."""
    if st.session_state.get("_link_followed"):
        return
    st.session_state["_link_followed"] = True
    wanted = st.query_params.get(LINK_DATA)
    if not wanted or wanted == source_id(current_source()):
        return
    kind, _, ref = wanted.partition(":")
    if kind == "demo" and ref in DEMOS and not st.session_state.get("upload"):
        st.session_state["demo"] = ref
    elif kind == "file" and ref:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        name = st.query_params.get(LINK_FILE) or ""
        st.session_state[PENDING] = {"digest": ref, "name": name, "params": params}


def restore_choices(params: dict) -> None:
    """Put a link's choices back in the URL, so every widget opens on them again."""
    for key, values in params.items():
        if key in (LINK_DATA, LINK_FILE):
            continue
        st.session_state.pop(key, None)
        # kept for this session too: the address loses it at the next page change, and a
        # page visited later opens on it (a list: one or several values)
        st.session_state[f"_shared_{key}"] = list(values)
        st.query_params[key] = values if len(values) > 1 else values[0]


def open_page(url: str, params: dict) -> None:
    """Go to the page at ``url`` (its url path, e.g. "groups") with its widgets on ``params``
    (the query parameters they read), in this session: the data in use stays."""
    from indicators.ui.app import PAGES, page_path  # the app imports this module

    files = {path: file for file, _, _, path in PAGES}
    wanted = {str(k): str(v) for k, v in params.items() if v not in (None, "")}
    restore_choices({k: [v] for k, v in wanted.items()})  # over this session's earlier ones
    keep = {k: st.query_params.get_all(k) for k in (LINK_DATA, LINK_FILE, "lang")}
    query = {k: v[0] for k, v in keep.items() if v} | wanted
    st.switch_page(page_path(files[url]), query_params=query)


def _ask_for_linked_file(pending: dict) -> None:
    """Say that the link was made on a file this browser does not have, and offer its upload."""
    name = escape_markdown(pending["name"]) or t("link_unnamed")
    st.warning(t("link_needs_file", name=name), icon=":material/link:")
    if " + " in pending["name"]:  # made on a combination of files: all of them are asked for
        st.caption(tr(area("files_page"), "link_needs_files"))
    uploads = st.file_uploader(
        t("link_upload"),
        type=["csv", "txt", "tsv", "xlsx", "parquet"],
        key="link_upload",
        accept_multiple_files=True,
    )
    if uploads:
        if len(uploads) == 1:
            name, data = uploads[0].name, uploads[0].getvalue()
        else:
            data = tuple(sorted(((u.name, u.getvalue()) for u in uploads), key=lambda f: f[0]))
            name = combined_name([n for n, _ in data])
        set_upload(name, data)
        st.session_state["data_page_upload"] = {"name": name, "data": data, "sheet": None}
        if not digest_of(data).startswith(pending["digest"]):
            st.session_state["_link_other_file"] = name
        st.session_state.pop(PENDING, None)
        restore_choices(pending["params"])
        st.rerun()
    if st.button(t("link_use_demo"), key="link_use_demo"):
        st.session_state.pop(PENDING, None)
        st.rerun()


def run_page(page) -> None:
    """Run a page; a DataError shows its message, anything else a short apology with details."""
    pending = st.session_state.get(PENDING)
    if pending is not None:
        st.title(page.title)
        _ask_for_linked_file(pending)
        return
    source = current_source()
    st.query_params[LINK_DATA] = source_id(source)
    if source.demo:
        st.query_params.pop(LINK_FILE, None)
    else:
        st.query_params[LINK_FILE] = source.name
    other = st.session_state.pop("_link_other_file", None)
    if other:
        st.warning(t("link_other_file", name=escape_markdown(other)), icon=":material/link:")
    # the mapping first: a link's column choices are taken (or refused) before the page; a
    # file that cannot be read is the page's to explain
    with contextlib.suppress(DataError):
        get_mapping(source, load_cached(source.digest, source.name, source.sheet, source.data))
    problem = st.session_state.pop("_link_map_problem", None)
    if problem:
        st.warning(problem, icon=":material/link:")
    _link_mapping(source)
    try:
        page.run()
    except DataError as err:
        message = err.text(lang())  # the Dutch text when there is one; else the note says why
        note = t("details_in_english") if message == str(err) else ""
        st.error(f"**{t('error_title')}**\n\n" + (f"{note}\n\n" if note else "") + message)
    except Exception:
        st.error(t("unexpected"))
        with st.expander(t("details")):
            st.code(traceback.format_exc(), language=None)
    _link_mapping(current_source())  # the page may have changed the data or its columns


# ---- shared widgets -------------------------------------------------------------------------


def indicator_label(ind) -> str:
    """Return an indicator's label in the current language."""
    return ind.label(lang())


def available_indicators(act: Active) -> list:
    """Return the registry indicators present in the results, in registry order."""
    present = set(act.results["indicator"].unique())
    return [ind for ind in act.registry.indicators if ind.id in present]


def link_value(key, options, *, default=None, multi=False):
    """Set, before its widget is made, the value a widget kept in the URL shows; return it.

    This session's value when it is still among ``options``; on a first visit the link's value
    (``?key=<option>``, repeated for several); else this session's last value; else
    ``default`` (for ``multi``, a list). Call :func:`link_store` with the widget's value after
    it, and never give such a widget a ``default``/``index`` of its own.

    The value is always set here: the same key on another page is another widget to
    Streamlit, which would otherwise open on its first option (the year reset of issue 9).
    """
    keep = f"_shared_{key}"
    text = [str(o) for o in options]

    def valid(value):
        if multi:
            return isinstance(value, list | tuple) and all(v in options for v in value)
        return value in options

    def from_text(values):
        found = [options[text.index(str(v))] for v in values if str(v) in text]
        return found if multi else (found[0] if found else None)

    current = st.session_state.get(key)
    if not valid(current):
        # first visit (take the link's value, else this session's last one), or a value the
        # browser sent as the label of another language (take this session's last one)
        candidate = None
        if current is None and key in st.query_params:
            wanted = st.query_params.get_all(key) if multi else [st.query_params.get(key)]
            candidate = from_text(wanted) or None
        if candidate is None and st.session_state.get(keep) is not None:
            last = st.session_state[keep]
            if isinstance(last, list | tuple):  # a restored link or set-up keeps a list
                last = list(last) if multi else (last[0] if last else None)
            candidate = from_text(last if multi else [last]) or None
        if candidate is None:
            if multi:
                candidate = [v for v in (default or []) if v in options]
            else:
                candidate = default if default in options else (options[0] if options else None)
        current = list(candidate) if multi else candidate
    st.session_state[key] = list(current) if multi else current
    return current


def link_store(key, value, *, multi=False) -> None:
    """Keep a widget's value for this session and in the URL, so the view can be shared."""
    st.session_state[f"_shared_{key}"] = list(value) if multi and value is not None else value
    if value is None or value == "" or (multi and not value):  # "": none or all, no link part
        st.query_params.pop(key, None)
    elif multi:
        st.query_params[key] = [str(v) for v in value]
    else:
        st.query_params[key] = str(value)


def shared_select(key, options, *, label, format_func=str, default=None, container=st, help=None):
    """Select one of ``options``, kept in the URL as ``?key=<option>`` so a view can be shared.

    The URL holds the option itself (an id, a region name, a year), never its translated label,
    so a link works in either language, and the choice survives a page or language switch.
    A value from the URL or session that is not among the options falls back to ``default``.
    """
    if not options:
        return None
    link_value(key, options, default=default)
    value = container.selectbox(label, options, key=key, format_func=format_func, help=help)
    link_store(key, value)
    return value


def shared_multiselect(
    key, options, *, label, default=(), format_func=str, container=st, help=None
):
    """Select several of ``options``, kept in the URL as ``?key=a&key=b`` (see shared_select)."""
    link_value(key, options, default=list(default), multi=True)
    value = container.multiselect(label, options, key=key, format_func=format_func, help=help)
    link_store(key, value, multi=True)
    return value


def shared_segmented(key, options, *, label, default, format_func=str, container=st):
    """One of a few ``options`` as buttons, kept in the URL (see shared_select)."""
    link_value(key, options, default=default)
    value = container.segmented_control(
        label, options, key=key, format_func=format_func, required=True
    )
    value = value if value in options else default
    link_store(key, value)
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
    options = ([TOTAL] if include_total else []) + region_names.in_order(act.prepared.regions)
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
