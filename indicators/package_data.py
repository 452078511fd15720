"""Files shipped inside the package (``indicators/data/``): the demo data and the province layout.

They are read with ``importlib.resources``, so an installed package finds them as the source
tree does (a path built from ``__file__`` pointed outside the package, where an install has
nothing). ``data/make_demo.py`` writes the demo files; ``data/README.md`` describes them.

>>> sorted(DEMO_FILES)
['people', 'pilot']
>>> demo_file("people").name
'demo_people_synthetic.parquet'
>>> data_file(PROVINCES).is_file()
True
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

DEMO_FILES = {
    "people": "demo_people_synthetic.parquet",
    "pilot": "demo_pilot_municipalities_synthetic.parquet",
}
PROVINCES = "provinces.csv"


def data_file(name: str) -> Traversable:
    """Return a file of ``indicators/data/`` (read it with ``read_bytes`` or ``open``)."""
    return resources.files("indicators").joinpath("data", name)


def demo_file(key: str) -> Traversable:
    """Return the demo file ``key`` ("people": microdata, "pilot": municipal aggregates)."""
    return data_file(DEMO_FILES[key])
