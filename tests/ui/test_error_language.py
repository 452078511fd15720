"""A data error on a Dutch page is shown in Dutch, wherever it is raised (issue 9)."""

from __future__ import annotations

import pytest
from apptest_helpers import mapping_state, new_app
from test_data_page import ess_csv

from indicators.dataset.mapping import Mapping


@pytest.mark.parametrize("page", ["overview", "regions", "trends"])
def test_a_dutch_page_shows_the_dutch_text_of_a_data_error(page):
    # an order that leaves out an answer in the file: a DataError with a Dutch text
    data = ess_csv()
    mapping = Mapping.build(
        "state",
        year="year",
        variables={"happiness": "happy"},
        orders={"happy": ("not too happy", "pretty happy")},
    )
    at = new_app("nl", upload=("gss.csv", data), state=mapping_state(data, mapping))
    at.switch_page(f"indicators/ui/{page}.py").run()
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert "niet in de opgegeven volgorde" in message and "'very happy'" in message
    assert "in het Engels" not in message
    assert "not in the order you gave" not in message  # not the English text as well
