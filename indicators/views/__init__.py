"""The views: for each page, a function from the user's choices to what it shows (headings,
sentences, figures, tables), with no Streamlit, so the pages only render and a report can reuse
them. The parts are in :mod:`indicators.views.blocks`."""
