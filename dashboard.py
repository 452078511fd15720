"""Streamlit entry point (`streamlit run dashboard.py`): page navigation and the shared sidebar."""

import streamlit as st

from indicators.ui import state
from indicators.ui.i18n import LANGS, lang, t

st.set_page_config(page_title="Brede welvaart", page_icon=":material/balance:", layout="wide")


def _switch_language() -> None:
    st.session_state["lang"] = st.session_state["lang_switch"]


current = lang()
st.query_params["lang"] = current

PAGES = [
    ("indicators/ui/overview.py", "page_overview", ":material/dashboard:", "overview"),
    ("indicators/ui/distribution.py", "page_distribution", ":material/bar_chart:", "distribution"),
    ("indicators/ui/regions.py", "page_regions", ":material/map:", "regions"),
    ("indicators/ui/trends.py", "page_trends", ":material/trending_up:", "trends"),
    ("indicators/ui/data.py", "page_data", ":material/upload_file:", "data"),
    ("indicators/ui/catalog.py", "page_indicators", ":material/menu_book:", "indicators"),
]
pages = [
    st.Page(path, title=t(title), icon=icon, url_path=url, default=(url == "overview"))
    for path, title, icon, url in PAGES
]
page = st.navigation(pages)

state.follow_link()  # a shared link names its data: a demo, or a file to ask for

with st.sidebar:
    st.segmented_control(
        t("language"),
        LANGS,
        default=current,
        key="lang_switch",
        on_change=_switch_language,
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        required=True,
    )
    source = state.current_source()
    st.caption(f"**{t('data_in_use')}:** {source.label}")

state.run_page(page)
