"""Render a view (:mod:`indicators.views.blocks`) with Streamlit: the one place where blocks
become elements. Pages read their widgets, ask a view function for the view, and render it."""

from __future__ import annotations

import streamlit as st

from indicators.report.html import chart_file_name
from indicators.ui import state
from indicators.views.blocks import (
    Chart,
    Columns,
    Download,
    Expander,
    Heading,
    Html,
    PageLink,
    Table,
    Text,
)

CHART_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def chart_config(figure) -> dict:
    """Return a chart's menu: PNG at twice the size, named by the chart's title (the HTML
    report has PNG and SVG for every chart)."""
    name = chart_file_name(figure, 0).removeprefix("chart_00_").removeprefix("chart_00")
    options = {**CHART_CONFIG["toImageButtonOptions"], "filename": name or "chart"}
    return {**CHART_CONFIG, "toImageButtonOptions": options}


NOTES = {"info": st.info, "warning": st.warning, "success": st.success, "error": st.error}


def render(blocks) -> None:
    """Show blocks (a :class:`~indicators.views.blocks.View` or a list of blocks) in order."""
    for block in getattr(blocks, "blocks", blocks):
        _one(block)


def _one(block) -> None:
    if isinstance(block, Heading):
        if block.level <= 1:
            st.title(block.text)
        elif block.level == 2:
            st.subheader(block.text, divider="gray" if block.divider else False)
        else:
            st.markdown(f"**{block.text}**")
    elif isinstance(block, Text):
        if block.tone in NOTES:
            NOTES[block.tone](block.text, icon=block.icon)
        elif block.tone == "caption":
            st.caption(block.text, unsafe_allow_html=block.html)
        else:
            st.markdown(block.text, unsafe_allow_html=block.html)
    elif isinstance(block, Html):
        st.markdown(block.html, unsafe_allow_html=True)
    elif isinstance(block, Chart):
        st.plotly_chart(
            block.figure, width="stretch", key=block.key, config=chart_config(block.figure)
        )
        if block.caption:
            st.caption(block.caption)
    elif isinstance(block, Table):
        if block.static:
            st.table(block.frame, hide_index=True)
        else:
            st.dataframe(block.frame, hide_index=True, width=block.width, key=block.key)
        if block.caption:
            st.caption(block.caption)
    elif isinstance(block, Download):
        st.download_button(
            block.label,
            block.data,  # bytes, or a function that makes them when clicked (Excel)
            file_name=block.file_name,
            mime=block.mime,
            key=block.key,
            icon=":material/download:",
            on_click="ignore",
        )
    elif isinstance(block, Columns):
        spec = list(block.widths) if block.widths else len(block.columns)
        for column, inner in zip(st.columns(spec), block.columns, strict=True):
            with column:
                render(inner)
    elif isinstance(block, Expander):
        with st.expander(block.label, expanded=block.expanded, icon=block.icon):
            render(block.blocks)
    elif isinstance(block, PageLink):
        if st.button(block.label, key=block.key, icon=":material/open_in_new:", type="tertiary"):
            state.open_page(block.page, block.params)
    else:
        raise TypeError(f"cannot render {type(block).__name__}")
