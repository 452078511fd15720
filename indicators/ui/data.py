"""Data page: choose or upload a file, say which columns mean what, check it, download results.

The form's widgets are here, its logic in :mod:`indicators.dataset.mapping_form`; what the
page shows about the data in use comes from :mod:`indicators.views.data`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.dataset import region_names, setup_file
from indicators.dataset.mapping import AGE_BAND_LABELS, REGION, suggest_mapping
from indicators.dataset.mapping_form import (
    NOT_USED,
    answer_levels,
    category_table,
    group_options,
    is_nominal,
    mapping_from_choices,
    mapping_problems,
    move_answer,
    needs_order,
    order_options,
    own_from_choices,
    unused_columns,
)
from indicators.dataset.own_variables import extend_registry
from indicators.dataset.validation_report import fmt_int, localized_table
from indicators.errors import DataError
from indicators.io.combine import combine_report, combine_summary, combined_name
from indicators.io.load import read_notes, reshape_notes
from indicators.report.contents import REPORT_VIEWS, ReportData, view_title
from indicators.report.excel import report_workbook
from indicators.report.html import report_html
from indicators.results import MIN_N
from indicators.text import area, text
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr
from indicators.ui.render import render
from indicators.views.data import EXCEL, about_file, check, downloads
from indicators.views.escape import markdown_text

TEXTS = area("data_page")
SETUP_TEXTS = area("setup_page")
FILES_TEXTS = area("files_page")
DEMO_KEYS = tuple(state.DEMOS)
UPLOAD = "upload"


def _x(key: str, **values) -> str:
    return tr(TEXTS, key, **values)


# ---- 1. which data ---------------------------------------------------------------------------


def _choose_source(choice_key: str) -> None:
    choice = st.session_state[choice_key]
    if choice == UPLOAD:
        saved = st.session_state.get("data_page_upload")
        if saved:
            state.set_upload(saved["name"], saved["data"], sheet=saved.get("sheet"))
    else:
        state.clear_upload(choice)


def _source_section() -> None:
    st.subheader(_x("step_source"))
    saved = st.session_state.get("data_page_upload")
    current = state.current_source()
    options = list(DEMO_KEYS) + ([UPLOAD] if saved else [])
    labels = {key: state.DEMO_LABELS[key][lang()] for key in DEMO_KEYS}
    if saved:
        labels[UPLOAD] = _x("upload_choice", name=saved["name"])
    choice_key = "data_source_choice"
    st.session_state[choice_key] = UPLOAD if st.session_state.get("upload") else current.demo
    st.radio(
        _x("choose"),
        options,
        key=choice_key,
        format_func=labels.get,
        on_change=_choose_source,
        args=(choice_key,),
    )
    uploads = st.file_uploader(
        _x("uploader"),
        type=["csv", "txt", "tsv", "xlsx", "parquet"],
        help=_x("uploader_help"),
        key="data_uploader",
        accept_multiple_files=True,
    )
    if _x("uploader_note", mb=0):
        st.caption(_x("uploader_note", mb=st.get_option("server.maxUploadSize")))
    uploads = list(uploads or [])
    seen = tuple(u.file_id for u in uploads)
    if uploads and seen != st.session_state.get("data_seen_upload"):
        st.session_state["data_seen_upload"] = seen
        if len(uploads) == 1:
            name, data = uploads[0].name, uploads[0].getvalue()
        else:  # several files: one combination, read in order of their names
            files = tuple(sorted(((u.name, u.getvalue()) for u in uploads), key=lambda f: f[0]))
            name, data = combined_name([n for n, _ in files]), files
        try:
            sheet = _first_readable_sheet(name, data)
        except DataError as err:
            # the error itself, so that its Dutch text is shown on a Dutch page
            st.session_state["data_upload_error"] = (seen, name, err)
        else:
            st.session_state.pop("data_upload_error", None)
            saved = {"name": name, "data": data, "sheet": sheet}
            st.session_state["data_page_upload"] = saved
            state.set_upload(name, data, sheet=sheet)
            st.rerun()
    failed = st.session_state.get("data_upload_error")
    if failed and uploads and failed[0] == seen:
        st.error(
            _error_text(
                _x("upload_failed", name=failed[1], current=state.current_source().label),
                failed[2],
            )
        )


def _quoted_names(names) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _combination(raw: pd.DataFrame) -> None:
    """Say that several files were combined, and what did not match (nothing is hidden)."""
    names = raw.attrs.get("combined_from")
    if not names:
        return
    report = combine_report(raw, lang())
    head = "combined_title" if report else "combined_all_matched"
    lines = [tr(FILES_TEXTS, head, n=len(names)), ""]
    lines += [f"- {markdown_text(note)}" for note in report]
    lines += ["", markdown_text(combine_summary(raw, lang()))]
    lines += ["", markdown_text(tr(FILES_TEXTS, "combined_files", names=_quoted_names(names)))]
    (st.warning if report else st.success)("\n".join(lines), icon=":material/join:")


def _error_text(head: str, err, tail: str = "") -> str:
    """Frame a core message (in English for now) with this page's language."""
    parts = [head]
    message = err.text(lang()) if isinstance(err, DataError) else str(err)
    if _x("in_english") and message == str(err):
        parts.append(f"_{_x('in_english')}_")
    parts.append(message)
    if tail:
        parts.append(tail)
    return "\n\n".join(parts)


def _first_readable_sheet(name: str, data: bytes):
    """Load an upload once (cached) to check it; return the sheet to use (None = default).

    When the first sheet of a workbook cannot be read (empty, a note), the next sheets are
    tried, so the user can still choose the right one; the first error is raised otherwise.
    """
    digest = state.digest_of(data)
    try:
        state.load_cached(digest, name, None, data)
        return None
    except DataError as first:
        if isinstance(data, tuple) or not name.lower().endswith(".xlsx"):
            raise
        for number in range(1, 10):
            try:
                raw = state.load_cached(digest, name, number, data)
            except DataError:
                continue
            return raw.attrs.get("load_info", {}).get("sheet", number)
        raise first


def _sheet_choice(source, raw: pd.DataFrame) -> None:
    info = raw.attrs.get("load_info") or {}
    sheets = info.get("sheets") or []
    if source.demo or len(sheets) < 2 or isinstance(source.data, tuple):
        return
    chosen = st.selectbox(
        _x("sheet"),
        sheets,
        index=sheets.index(info.get("sheet")) if info.get("sheet") in sheets else 0,
        help=_x("sheet_help"),
        key=f"data_sheet:{source.digest}",
    )
    if chosen != info.get("sheet"):
        try:
            state.load_cached(source.digest, source.name, chosen, source.data)
        except DataError as err:
            st.error(_error_text(f"**{t('error_title')}**", err))
            return
        state.set_upload(source.name, source.data, sheet=chosen)
        st.session_state["data_page_upload"] = {
            "name": source.name,
            "data": source.data,
            "sheet": chosen,
        }
        st.rerun()


# ---- 3. mapping --------------------------------------------------------------------------------


def _mapping_section(source, raw: pd.DataFrame, reg) -> None:
    st.subheader(_x("step_mapping"))
    st.caption(_x("mapping_intro"))
    mapping = state.get_mapping(source, raw)
    version = st.session_state.get("data_mapping_version", 0)
    prefix = f"data_map:{source.digest}:{source.sheet}:{version}"
    columns = [str(c) for c in raw.columns]
    options = [NOT_USED, *columns]

    def pick(label, value, key, help=None, container=st):
        index = options.index(value) if value in options else 0
        return container.selectbox(
            label,
            options,
            index=index,
            key=f"{prefix}:{key}",
            help=help,
            format_func=label_func(options, lambda c: _x("not_used") if c == NOT_USED else c),
        )

    with st.form(f"{prefix}:form", border=True):
        c1, c2, c3 = st.columns(3)
        region = pick(_x("region_col"), mapping.region, "region", container=c1)
        year = pick(_x("year_col"), mapping.year, "year", container=c2)
        weight = pick(_x("weight_col"), mapping.weight, "weight", _x("weight_help"), container=c3)
        groups = st.multiselect(
            _x("groups_col"),
            group_options(columns, mapping),
            default=[g for g in mapping.groups if g in columns],
            help=_x("groups_help", bands=", ".join(AGE_BAND_LABELS)),
            key=f"{prefix}:groups",
        )
        st.markdown(f"**{_x('variables')}**")
        current_vars = mapping.variable_columns
        grid = st.columns(3)
        chosen_vars = {}
        for i, variable in enumerate(reg.variables):
            unit = variable.unit(lang())
            chosen_vars[variable.id] = pick(
                variable.label(lang()),
                current_vars.get(variable.id),
                f"var:{variable.id}",
                help=unit or None,
                container=grid[i % 3],
            )
        own_cols, own_edits = _own_inputs(mapping, columns, prefix)
        with st.expander(_x("design_head"), expanded=bool(mapping.strata or mapping.cluster)):
            st.caption(_x("design_intro"))
            d1, d2 = st.columns(2)
            strata = pick(_x("strata_col"), mapping.strata, "strata", _x("strata_help"), d1)
            cluster = pick(_x("cluster_col"), mapping.cluster, "cluster", _x("cluster_help"), d2)
        b1, b2 = st.columns([1, 4])
        save = b1.form_submit_button(_x("save_mapping"), type="primary")
        reset = b2.form_submit_button(_x("reset_mapping"))
    if reset:
        state.set_mapping(source, suggest_mapping(raw, reg))
        st.session_state["data_mapping_version"] = version + 1
        st.rerun()
    if save:
        orders = {col: order for col, order in mapping.orders}
        own = own_from_choices(raw, own_cols, own_edits, mapping.own)
        new = mapping_from_choices(
            region,
            year=year,
            weight=weight,
            groups=groups,
            variables=chosen_vars,
            orders=orders,
            own=own,
            strata=strata,
            cluster=cluster,
        )
        if new.region == mapping.region:  # merged spellings stay merged
            new = new.with_changes(merges=mapping.merges)
        problems = mapping_problems(new, lang(), reg, raw)
        if problems:
            for problem in problems:
                st.warning(problem)
        else:
            state.set_mapping(source, new)
            st.session_state["data_mapping_version"] = version + 1
            st.rerun()
    left = unused_columns(columns, mapping)
    if left:
        st.caption(_x("unused", cols=", ".join(left)))


KINDS_SHOWN = ("continuous", "ordinal", "binary", "nominal")
BETTER = (True, False, None)


def _own_inputs(mapping, columns, prefix):
    """Inside the mapping form: which other columns are own variables, and their words."""
    st.markdown(f"**{_x('own_head')}**")
    st.caption(_x("own_intro"))
    taken = {mapping.region, mapping.year, mapping.weight, *mapping.groups}
    taken |= set(dict(mapping.variables).values())
    options = [c for c in columns if c not in taken]
    chosen = st.multiselect(
        _x("own_cols"),
        options,
        default=[o.column for o in mapping.own if o.column in options],
        key=f"{prefix}:own",
    )
    edits = {}
    better_words = {True: "better_higher", False: "better_lower", None: "better_none"}
    for own in mapping.own:
        key = f"{prefix}:own:{own.column}"
        a, b, c, d = st.columns([3, 2, 2, 2])
        label = a.text_input(_x("own_label", column=own.column), value=own.name, key=f"{key}:l")
        kind = b.selectbox(
            _x("own_kind"),
            KINDS_SHOWN,
            index=KINDS_SHOWN.index(own.kind),
            format_func=label_func(KINDS_SHOWN, lambda k: _x(f"kind_{k}")),
            key=f"{key}:k",
        )
        unit = c.text_input(_x("own_unit"), value=own.unit, key=f"{key}:u")
        better = d.selectbox(
            _x("own_polarity"),
            BETTER,
            index=BETTER.index(own.higher_is_better),
            format_func=label_func(BETTER, lambda v: _x(better_words[v])),
            key=f"{key}:b",
        )
        edits[own.column] = {
            "label": "" if label.strip() in ("", own.column) else label.strip(),
            "kind": kind,
            "unit": unit.strip(),
            "higher_is_better": better,
        }
    return chosen, edits


def _orders_section(source, raw: pd.DataFrame, reg) -> None:
    st.subheader(_x("step_orders"))
    mapping = state.get_mapping(source, raw)
    reg = extend_registry(reg, mapping.own)  # own variables' answers are ordered here too
    text_vars = [
        (var_id, col)
        for var_id, col in mapping.variable_columns.items()
        if col in raw.columns and needs_order(raw[col], reg.variable_by_id.get(var_id))
    ]
    if not text_vars:
        st.caption(_x("no_orders"))
        return
    ordered = [(v, c) for v, c in text_vars if not is_nominal(reg.variable_by_id[v])]
    nominal = [
        (v, c)
        for v, c in text_vars
        if is_nominal(reg.variable_by_id[v]) and mapping.own_for(c) is None
    ]
    if ordered:
        _order_form(source, raw, reg, mapping, ordered)
    if nominal:
        _categories(raw, reg, mapping, nominal)


def _move(key: str, position: int, step: int) -> None:
    st.session_state[key] = move_answer(st.session_state[key], position, step)


def _order_form(source, raw: pd.DataFrame, reg, mapping, text_vars) -> None:
    """Ordered answers (ordinal, yes/no): move them up or down, see each one's catalogue level."""
    st.caption(_x("orders_intro"))
    version = st.session_state.get("data_mapping_version", 0)
    prefix = f"data_order:{source.digest}:{source.sheet}:{version}"
    drafts, changed = {}, False
    for var_id, col in text_vars:
        variable = reg.variable_by_id[var_id]
        answers, order = order_options(raw[col], variable, mapping.order_for(col))
        order = order + [a for a in answers if a not in order]  # every answer has a place
        key = f"{prefix}:{col}"
        if key not in st.session_state:
            st.session_state[key] = list(order)
        draft = st.session_state[key]
        drafts[col] = draft
        changed |= draft != order
        title = _x(
            "order_of",
            label=variable.label(lang()),
            column=col,
            n=len(draft),
            first=draft[0] if draft else "",
            last=draft[-1] if draft else "",
        )
        levels, named = answer_levels(draft, variable, lang())
        with st.expander(title, expanded=draft != order):
            for i, (answer, level) in enumerate(zip(draft, levels, strict=True)):
                up, down, text = st.columns([1, 1, 14], vertical_alignment="center", gap="small")
                up.button(
                    ":material/arrow_upward:",
                    key=f"{key}:up:{i}",
                    help=_x("move_up", answer=answer),
                    disabled=i == 0,
                    on_click=_move,
                    args=(key, i, -1),
                )
                down.button(
                    ":material/arrow_downward:",
                    key=f"{key}:down:{i}",
                    help=_x("move_down", answer=answer),
                    disabled=i == len(draft) - 1,
                    on_click=_move,
                    args=(key, i, 1),
                )
                level = level.removeprefix("– ")  # "no match" reads as a level after the arrow
                if mapping.own_for(col) is not None:  # its own answers: no catalogue level
                    text.markdown(_x("order_row_own", score=i + 1, answer=answer))
                else:
                    text.markdown(_x("order_row", score=i + 1, answer=answer, level=level))
            if named:
                st.caption(_x("order_named"))
    b1, b2 = st.columns([1, 4])
    save = b1.button(_x("save_orders"), type="primary", key=f"{prefix}:save", disabled=not changed)
    if changed:
        b2.caption(_x("order_unsaved"))
    if save:
        orders = dict(mapping.orders)
        orders.update({col: tuple(order) for col, order in drafts.items()})
        state.set_mapping(source, mapping.with_changes(orders=orders))
        st.session_state["data_mapping_version"] = version + 1
        st.rerun()


def _categories(raw: pd.DataFrame, reg, mapping, nominal) -> None:
    """Categories without an order: which catalogue category each one counts as."""
    st.caption(_x("categories_intro"))
    for var_id, col in nominal:
        variable = reg.variable_by_id[var_id]
        table, matched = category_table(raw[col], variable, lang(), mapping.order_for(col))
        title = _x(
            "categories_of",
            label=variable.label(lang()),
            column=col,
            n=len(table),
            matched=_x("all_matched" if matched else "not_all_matched"),
        )
        with st.expander(title, expanded=not matched):
            if not matched:
                st.warning(_x("categories_unmatched", levels=", ".join(variable.levels(lang()))))
            st.dataframe(table, hide_index=True, width="content")


# ---- 5-7. check, small numbers, downloads -----------------------------------------------------


def _check_section(act, error: DataError | None) -> None:
    st.subheader(_x("step_check"))
    if error is not None:
        st.error(_error_text(_x("mapping_error"), error, _x("fix_hint")))
        return
    if act is None:
        return
    render(
        check(
            act.prepared,
            act.results,
            act.registry,
            min_n=act.min_n,
            lang=lang(),
            names=act.region_names,
        )
    )
    _merge_section(act)


def _merge_section(act) -> None:
    """Offer to count spellings of one region as one (Den Haag / den haag); the file stays."""
    counts = act.prepared.frame[REGION].value_counts()
    groups = region_names.near_duplicates(act.prepared.regions)
    if not groups and not act.mapping.merges:
        return
    st.markdown(f"**{_x('merge_head')}**")
    if groups:
        st.caption(_x("merge_intro"))
    for i, group in enumerate(groups[:20]):
        target = max(group, key=lambda name: counts.get(name, 0))  # the first of the most used
        shown = " / ".join(f"'{markdown_text(name)}'" for name in group)
        rows = _x("rows_each", counts=", ".join(fmt_int(counts.get(n, 0), lang()) for n in group))
        left, right = st.columns([3, 2], vertical_alignment="center")
        left.markdown(_x("merge_line", names=shown, rows=rows))
        if right.button(_x("merge_button", target=markdown_text(target)), key=f"data_merge:{i}"):
            merges = dict(act.mapping.merges)
            merges.update({name: target for name in group if name != target})
            state.set_mapping(act.source, act.mapping.with_changes(merges=merges))
            st.rerun()
    if act.mapping.merges:
        pairs = "; ".join(
            _x("merged_pair", written=markdown_text(a), counted=markdown_text(b))
            for a, b in act.mapping.merges
        )
        st.caption(_x("merged", pairs=pairs))
        if st.button(_x("merge_undo"), key="data_merge_undo"):
            state.set_mapping(act.source, act.mapping.with_changes(merges=()))
            st.rerun()


def _small_cells_section() -> None:
    st.subheader(_x("step_small"))
    st.number_input(
        _x("min_n"),
        min_value=1,
        max_value=1000,
        value=MIN_N,
        step=1,
        key="min_n",
        persist_state="session",
        width=260,
    )
    st.caption(_x("min_n_help", n=state.min_n()))


def _download_section(act) -> None:
    st.subheader(_x("step_download"))
    render(
        downloads(
            act.table,
            act.prepared,
            act.registry,
            source_label=act.source.label,
            source_name=act.source.name,
            min_n=act.min_n,
            lang=lang(),
            names=act.region_names,
        )
    )


# ---- saved work ------------------------------------------------------------------------------


def _s(key: str, **values) -> str:
    return tr(SETUP_TEXTS, key, **values)


def _setup_section(source, raw: pd.DataFrame) -> None:
    """Save the whole set-up to a small file, or load one: what fits the data in use is taken
    over, and what does not is said."""
    with st.expander(_s("head"), icon=":material/save:"):
        st.caption(_s("intro"))
        said = st.session_state.pop("_setup_said", None)
        if said:
            st.success(said[0])
            for note in said[1:]:
                st.info(note)
        catalogue = st.session_state.get("catalogue")
        setup = setup_file.SetUp(
            file_name=source.name,
            file_digest=source.digest,
            columns=tuple(str(c) for c in raw.columns),
            mapping=state.get_mapping(source, raw),
            catalogue_name=catalogue["name"] if catalogue else "",
            catalogue=catalogue["data"].decode("utf-8-sig") if catalogue else "",
            min_n=state.min_n(),
            views=tuple((k, tuple(v)) for k, v in state.view_choices().items()),
        )
        left, right = st.columns(2)
        left.download_button(
            _s("save"),
            data=setup_file.to_bytes(setup),
            file_name=f"setup_{source.name.rsplit('.', 1)[0][:60] or 'data'}.json",
            mime="application/json",
            icon=":material/download:",
            key="setup_save",
        )
        upload = right.file_uploader(_s("load"), type=["json"], key="setup_upload")
        if upload is None:
            return
        data = upload.getvalue()
        seen = state.digest_of(data)
        if st.session_state.get("_setup_applied") == seen:
            return
        try:
            loaded = setup_file.from_bytes(data, upload.name)
            if loaded.catalogue:
                state.merged_registry(loaded.catalogue_name, loaded.catalogue.encode("utf-8"))
        except DataError as err:
            st.error(_s("bad", reason=markdown_text(err.text(lang()))))
            return
        _apply_setup(source, raw, loaded, upload.name, seen)


def _apply_setup(source, raw, loaded, name: str, seen: str) -> None:
    fit = setup_file.fit(loaded, raw.columns, source.digest, source.name)
    if fit.mapping is not None:
        state.set_mapping(source, fit.mapping)
        st.session_state["data_mapping_version"] = (
            st.session_state.get("data_mapping_version", 0) + 1
        )
    if loaded.catalogue:
        state.set_catalogue(loaded.catalogue_name, loaded.catalogue.encode("utf-8"))
    if loaded.min_n is not None:
        st.session_state["min_n"] = loaded.min_n
    state.restore_choices({k: list(v) for k, v in loaded.views})
    notes = [markdown_text(text(key, lang(), **values)) for key, values in fit.problems]
    loaded_name = markdown_text(name)
    st.session_state["_setup_said"] = [_s("loaded", name=loaded_name, saved=loaded.saved), *notes]
    st.session_state["_setup_applied"] = seen
    st.rerun()


def _report_section(act) -> None:
    """Offer the report of the chosen views as HTML and Excel, made when a button is clicked."""
    lg = lang()
    st.subheader(text("report.app_heading", lg))
    st.caption(text("report.app_intro", lg))
    names = list(REPORT_VIEWS)
    chosen = st.multiselect(
        text("report.app_views", lg),
        names,
        default=names,
        format_func=label_func(names, lambda n: view_title(n, lg)),
        key="report_views",
    )
    if not chosen:
        st.info(text("report.app_pick", lg))
        return
    data = ReportData(
        act.prepared,
        act.table,
        act.registry,
        act.source.label,
        act.min_n,
        act.raw,
        act.source.name,
    )
    views = tuple(chosen)
    stem = data.stem.removesuffix("_results") + "_report"
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        text("report.app_html", lg),
        lambda: report_html(data, views, lg).encode("utf-8"),
        file_name=f"{stem}.html",
        mime="text/html",
        key="report_html",
        icon=":material/description:",
        on_click="ignore",
    )
    right.download_button(
        text("report.app_xlsx", lg),
        lambda: report_workbook(data, views, lg),
        file_name=f"{stem}.xlsx",
        mime=EXCEL,
        key="report_xlsx",
        icon=":material/table_view:",
        on_click="ignore",
    )


# ---- the page ----------------------------------------------------------------------------------


def main() -> None:
    st.title(_x("title"))
    st.caption(_x("intro"))
    _source_section()

    source = state.current_source()
    raw = state.load_cached(source.digest, source.name, source.sheet, source.data)
    reg = state.registry()
    _sheet_choice(source, raw)
    _setup_section(source, raw)

    st.subheader(_x("step_file"))
    _combination(raw)
    turned = reshape_notes(raw, lang())
    if turned:  # the table was turned round: said in full view, not only in the read notes
        st.info("\n\n".join(markdown_text(n) for n in turned), icon=":material/table_rows:")
    about = st.container()
    notes = read_notes(raw, lang())
    if notes:
        with st.expander(_x("read_notes")):
            for note in notes:  # notes quote the file: shown as written, never as markdown
                st.markdown(f"- {markdown_text(note)}")
    with st.expander(_x("preview")):
        st.dataframe(localized_table(raw.head(20), lang()), hide_index=True, width="stretch")

    _mapping_section(source, raw, reg)
    _orders_section(source, raw, reg)

    check = st.container()
    _small_cells_section()

    act, error = None, None
    with check:
        try:
            act = state.active()
        except DataError as err:
            error = err
        _check_section(act, error)

    with about:
        render(about_file(raw, None if act is None else act.prepared, lang=lang()))

    if act is not None and len(act.results):
        _download_section(act)
        _report_section(act)


main()
