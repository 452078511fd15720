"""Streamlit entry of the source tree (`streamlit run dashboard.py`): runs the packaged app.

The navigation and the shared sidebar live in :mod:`indicators.ui.app`, so that an installed
package starts the same app from any folder with ``python -m indicators dashboard``.
"""

from indicators.ui.app import main

main()
