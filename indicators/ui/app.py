"""The Streamlit app: page navigation and the shared sidebar, run on every rerun by :func:`main`.

It lives in the package so that an installed package can start it from any folder
(``python -m indicators dashboard``, which runs this file); ``dashboard.py`` at the top of the
source tree is the thin entry for ``streamlit run dashboard.py``. Pages are given by absolute
paths inside the package, whichever script started the app.
"""

from importlib import resources

import streamlit as st

from indicators.ui import state
from indicators.ui.i18n import LANGS, lang, t

# (page file in indicators/ui/, title key, icon, url path)
PAGES = [
    ("findings.py", "page_findings", ":material/lightbulb:", "findings"),
    ("overview.py", "page_overview", ":material/dashboard:", "overview"),
    ("distribution.py", "page_distribution", ":material/bar_chart:", "distribution"),
    ("regions.py", "page_regions", ":material/map:", "regions"),
    ("profiles.py", "page_profiles", ":material/radar:", "profiles"),
    ("trends.py", "page_trends", ":material/trending_up:", "trends"),
    ("groups.py", "page_groups", ":material/groups:", "groups"),
    ("experiments.py", "page_experiments", ":material/science:", "experiments"),
    ("data.py", "page_data", ":material/upload_file:", "data"),
    ("catalog.py", "page_indicators", ":material/menu_book:", "indicators"),
]


def navigation_order(uploaded: bool) -> list:
    """The pages in the order of the navigation: with a file of the user's loaded, Findings
    first (what the averages hide in it); on the demo data the Overview first, Findings next."""
    if uploaded:
        return PAGES
    return [PAGES[1], PAGES[0], *PAGES[2:]]


def page_path(file: str) -> str:
    """Return the absolute path of a page file of :mod:`indicators.ui`."""
    return str(resources.files("indicators.ui").joinpath(file))


def _switch_language() -> None:
    st.session_state["lang"] = st.session_state["lang_switch"]


def main() -> None:
    """Run one pass of the app: page config, navigation, sidebar, then the chosen page."""
    st.set_page_config(page_title="Brede welvaart", page_icon="⚖️", layout="wide")
    current = lang()
    st.query_params["lang"] = current
    pages = [
        st.Page(page_path(file), title=t(title), icon=icon, url_path=url, default=url == "overview")
        for file, title, icon, url in navigation_order(bool(st.session_state.get("upload")))
    ]
    page = st.navigation(pages)

    state.follow_link()  # a shared link names its data: a demo, or a file to ask for

    with st.sidebar:
        _sidebar(current)

    state.run_page(page)


def _sidebar(current: str) -> None:
    """Show the language switch and the data in use."""
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


if __name__ == "__main__":  # ``streamlit run`` runs this file as __main__ (the installed command)
    main()
