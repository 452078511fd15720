"""Streamlit pages: read widgets, call the core, show results. Only this package (and
``dashboard.py``) imports Streamlit."""
