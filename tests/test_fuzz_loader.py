"""Fuzzing the loader: whatever bytes, dialect or table comes in, `load_table` returns a table
or raises DataError, never another exception, and each example finishes quickly.

Three generators: raw bytes (with the start of each format the loader recognises), text in
every dialect it reads (separators, quotes, decimal marks, line ends, encodings, lines around
the table), and real tables written as CSV, xlsx and Parquet. About 3,000 examples in all,
under a minute.
"""

from __future__ import annotations

import io
import signal
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.errors import DataError
from indicators.io.load import load_table

SECONDS_PER_EXAMPLE = 5


def fuzz(n: int) -> settings:
    return settings(FUZZ_BASE, max_examples=n)


FUZZ_BASE = settings(
    deadline=None,  # the alarm below is the time box (a deadline would only report after)
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class _TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise _TooSlow


def outcome(data: bytes, name: str = "fuzz.csv") -> pd.DataFrame | DataError:
    """Load ``data``; fail the test on any exception but DataError, or after 5 seconds."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS_PER_EXAMPLE)
    started = time.perf_counter()
    try:
        return load_table(data, name=name)
    except DataError as err:
        assert str(err) and err.text("nl"), "a DataError says something in both languages"
        return err
    except _TooSlow:
        pytest.fail(f"{name}: loading took more than {SECONDS_PER_EXAMPLE} s: {data[:200]!r}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        assert time.perf_counter() - started < SECONDS_PER_EXAMPLE + 1


PREFIXES = [b"", b"PK\x03\x04", b"PAR1", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF",
            b"\x1f\x8b", b"<html>", b"sep=;\n", b'"', b"\r\n"]  # fmt: skip


@fuzz(1200)
@given(st.sampled_from(PREFIXES), st.binary(max_size=400), st.sampled_from(["csv", "xlsx", "txt"]))
def test_bytes(prefix, body, suffix):
    outcome(prefix + body, f"fuzz.{suffix}")


CELL = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    st.sampled_from(["", ".", "x", "-", "NA", "Inf", "-inf", "1e308", "20,0%", "1.234,5",
                     "1,234.5", "0014", "2020JJ00", "2021KW03", '"', '""', "=1+1", "Totaal",
                     "Nederland", "\u200b", "\u202eA", "\r", "\n", ";", ",", "\t"]),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)  # fmt: skip


@st.composite
def dialect_text(draw):
    sep = draw(st.sampled_from([";", ",", "\t", "|", " "]))
    quote_all = draw(st.booleans())
    width = draw(st.integers(1, 6))
    n = draw(st.integers(0, 8))
    header = [draw(st.sampled_from(["regio", "jaar", "x", "", "Regio's", "waarde"])) + str(i)
              for i in range(width)]  # fmt: skip
    rows = [header] + [[draw(CELL) for _ in range(draw(st.integers(max(width - 1, 1), width + 1)))]
                       for _ in range(n)]  # fmt: skip

    def cell(v):
        return '"' + v.replace('"', '""') + '"' if quote_all or sep in v or '"' in v else v

    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = [sep.join(cell(v) for v in row) for row in rows]
    above = draw(st.lists(st.sampled_from(["", "Tabel 1", sep * width, "Bron: CBS"]), max_size=2))
    below = draw(st.lists(st.sampled_from(["", "Bron: CBS", sep * width, "* voorlopig"]),
                          max_size=2))  # fmt: skip
    text = eol.join([*above, *lines, *below]) + draw(st.sampled_from(["", eol]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]))
    return text.encode(encoding, errors="replace")


@fuzz(1200)
@given(dialect_text())
def test_dialects(data):
    outcome(data)


TABLES = st.lists(
    st.tuples(
        st.sampled_from(["A", "B", "Totaal", "=X", "![x](http://x)", "Fryslân", ""]),
        st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 5)),
        st.one_of(
            st.none(),
            st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=5),
        ),
    ),
    min_size=0,
    max_size=12,
)


@fuzz(400)
@given(TABLES, st.sampled_from(["csv;", "csv,", "xlsx", "parquet"]))
def test_tables(rows, kind):
    df = pd.DataFrame(rows, columns=["regio", "x", "t"])
    buffer = io.BytesIO()
    if kind == "xlsx":
        df.to_excel(buffer, index=False)
    elif kind == "parquet":
        df.astype({"x": float}).to_parquet(buffer)
    else:
        df.to_csv(buffer, index=False, sep=kind[-1])
    result = outcome(buffer.getvalue(), f"fuzz.{kind[:4].rstrip(';,')}")
    if isinstance(result, pd.DataFrame):
        assert list(result.columns)[:1] in (["regio"], []) or len(result.columns)
