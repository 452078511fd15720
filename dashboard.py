"""Streamlit entry point: `streamlit run dashboard.py`."""

import streamlit as st

st.set_page_config(page_title="Brede welvaart", layout="wide")
st.title("Brede welvaart")
st.write("The dashboard is being built.")
