"""Combine an upload of several files (one per year, or one per indicator) into one table.

Each file is read by :func:`indicators.io.load.load_table` (its own limits, notes and
messages); the files are then joined on their region column (and year column, when they
have one). What did not match is reported, never fixed silently: regions in one file and
not in another, rows that appear in more than one file with different values, columns that
only some files have. The files are only read, never changed.

``combine_files`` returns one table with ``attrs["combined_from"]`` (the file names),
``attrs["combine_report"]`` (``{"en": [...], "nl": [...]}``, see :func:`combine_report`) and
the read notes of every file, each with its file's name (:func:`indicators.io.load.read_notes`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from indicators.errors import DataError
from indicators.io.load import MAX_BYTES, key_columns, load_table, read_notes
from indicators.text import text as lookup

__all__ = [
    "MAX_FILES",
    "MAX_TOTAL_BYTES",
    "combine_files",
    "combine_report",
    "combine_summary",
    "combined_digest",
    "combined_name",
]

#: Most files in one upload (a year or an indicator per file: tens, not hundreds).
MAX_FILES = 50
#: Largest size of all files of one upload together (bytes); each file has MAX_BYTES.
MAX_TOTAL_BYTES = MAX_BYTES
#: Most examples named in one line of the report.
MAX_SHOWN = 5

_YEAR_IN_NAME = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")


def combined_name(names: Sequence[str]) -> str:
    """Return the name of a combination, as shown under charts and in links.

    >>> combined_name(["a.csv", "b.csv"]), combined_name(["a", "b", "c", "d"])
    ('a.csv + b.csv', 'a + b + c + d')
    >>> combined_name([f"f{i}" for i in range(6)])
    'f0 + f1 + f2 + … (6)'
    """
    names = list(names)
    if len(names) <= 4:
        return " + ".join(names)
    return " + ".join(names[:3]) + f" + … ({len(names)})"


def combined_digest(files: Sequence[tuple[str, bytes]]) -> str:
    """Return one content digest over all files of an upload (names and bytes, in name order).

    >>> combined_digest([("a", b"1"), ("b", b"2")]) == combined_digest([("b", b"2"), ("a", b"1")])
    True
    """
    h = hashlib.blake2b(digest_size=16)
    for name, data in sorted(files, key=lambda f: f[0]):
        h.update(name.encode("utf-8", "replace") + b"\0")
        h.update(hashlib.blake2b(data, digest_size=16).digest())
    return h.hexdigest()


def combine_report(df: pd.DataFrame, lang: str = "en") -> list[str]:
    """Return what did not match between the combined files, in ``lang``; [] when all did."""
    report = df.attrs.get("combine_report") or {}
    return list(report.get(lang if lang in report else "en", []))


def combine_summary(df: pd.DataFrame, lang: str = "en") -> str:
    """Return how the files were combined ('Combined 3 files ... on 'regio'', in ``lang``),
    or "" for a table of one file."""
    summary = df.attrs.get("combine_summary") or {}
    return str(summary.get(lang if lang in summary else "en", ""))


class _Report:
    def __init__(self) -> None:
        self.en: list[str] = []
        self.nl: list[str] = []

    def add(self, which: str, /, **values: Any) -> None:
        for lang, out in (("en", self.en), ("nl", self.nl)):
            said = {k: v(lang) if callable(v) else v for k, v in values.items()}
            out.append(lookup(f"combine.{which}", lang, **said))


def _quoted(items: Sequence[Any], lang: str, limit: int = MAX_SHOWN) -> str:
    items = list(items)
    shown = ", ".join(f"'{x}'" for x in items[:limit])
    if len(items) > limit:
        shown += lookup("error_parts.and_more", lang, n=len(items) - limit)
    return shown


def _check_sizes(files: Sequence[tuple[str, bytes]], max_total: int) -> None:
    if len(files) > MAX_FILES:
        raise DataError.from_text("combine.too_many", n=len(files), limit=MAX_FILES)
    total = sum(len(data) for _, data in files)
    if total > max_total:
        raise DataError.from_text(
            "combine.too_large",
            n=len(files),
            size=lambda lang: _mb(total, lang),
            limit=lambda lang: _mb(max_total, lang),
        )
    seen: dict[bytes, str] = {}
    for name, data in files:
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if digest in seen:
            raise DataError.from_text("combine.same_file", first=seen[digest], second=name)
        seen[digest] = name


def _shown(value: Any) -> str:
    """Show a value as the file has it: 28000 rather than 28000.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _mb(size: float, lang: str) -> str:
    shown = f"{size / 1e6:,.0f}"
    return shown.replace(",", ".") if lang == "nl" else shown


def combine_files(
    files: Sequence[tuple[str, bytes]],
    *,
    max_bytes: int = MAX_BYTES,
    max_total: int = MAX_TOTAL_BYTES,
) -> pd.DataFrame:
    """Read several files and join them on their region (and year) column.

    Parameters
    ----------
    files : sequence of (name, bytes)
        The uploaded files; they are combined in order of their names.
    max_bytes : int
        Largest size of one file.
    max_total : int
        Largest size of all files together.

    Returns
    -------
    pandas.DataFrame
        One row per region (and year): the columns of the first file, then the columns the
        other files add. Where files overlap, the first file's value is kept and the report
        says where the values differ.

    Raises
    ------
    DataError
        Too many files, too large together, the same file twice, a file that cannot be read
        (its own message), a file without a region column, files with no region in common, a
        year column in some files only, or a column that is numbers in one file and text in
        another.
    """
    files = sorted(((str(n), bytes(d)) for n, d in files), key=lambda f: f[0])
    if not files:
        raise DataError.from_text("combine.no_files")
    _check_sizes(files, max_total)
    names = [n for n, _ in files]
    tables = [load_table(data, name=name, max_bytes=max_bytes) for name, data in files]
    if len(tables) == 1:
        return tables[0]
    report, summary = _Report(), _Report()
    keys = [key_columns(t) for t in tables]
    for (name, _), t, (region, _) in zip(files, tables, keys, strict=True):
        if region is None:
            raise DataError.from_text(
                "combine.no_region",
                name=name,
                columns=lambda lang, t=t: _quoted([str(c) for c in t.columns], lang, 30),
            )
    region = keys[0][0]
    renamed = []
    for i, (r, _) in enumerate(keys):
        if r != region:
            tables[i] = tables[i].rename(columns={r: region})
            renamed.append(f"'{names[i]}': '{r}'")
    if renamed:
        report.add("region_renamed", region=region, files="; ".join(renamed))
    # the years: a column in every file, or each file's name says its year
    with_year = [y is not None for _, y in keys]
    year: str | None = None
    if all(with_year):
        year = keys[0][1]
        for i, (_, y) in enumerate(keys):
            if y != year:
                tables[i] = tables[i].rename(columns={y: year})
    elif any(with_year):
        lacking = [n for n, has in zip(names, with_year, strict=True) if not has]
        having = next(n for n, has in zip(names, with_year, strict=True) if has)
        raise DataError.from_text(
            "combine.year_some",
            files=lambda lang: _quoted(lacking, lang),
            having=having,
            column=next(y for _, y in keys if y is not None),
        )
    else:
        found = [_YEAR_IN_NAME.findall(n) for n in names]
        years = [int(f[-1]) if len(f) == 1 else None for f in found]
        if all(y is not None for y in years) and len(set(years)) == len(years):
            year = "jaar" if not any("year" in map(str, t.columns) for t in tables) else "jaar_"
            for i, y in enumerate(years):
                tables[i] = tables[i].assign(**{year: y})
            report.add(
                "year_from_names",
                column=year,
                said="; ".join(f"'{n}': {y}" for n, y in zip(names, years, strict=True)),
            )
    key = [region] + ([year] if year else [])
    # the regions: the same kind of value in every file, some in common
    kinds = {"number" if pd.api.types.is_numeric_dtype(t[region]) else "text" for t in tables}
    if len(kinds) > 1:
        for i, t in enumerate(tables):
            if pd.api.types.is_numeric_dtype(t[region]):
                tables[i] = t.assign(**{region: t[region].astype("Int64").astype("str")})
        report.add("region_as_text", region=region)
    regions = [set(t[region].dropna()) for t in tables]
    for i, own in enumerate(regions):
        others = set().union(*(r for j, r in enumerate(regions) if j != i))
        if own and others and not own & others:
            other = next(j for j in range(len(tables)) if j != i)
            raise DataError.from_text(
                "combine.no_common_regions",
                name=names[i],
                other=names[other],
                region=region,
                mine=lambda lang, i=i: _quoted(sorted(map(str, regions[i])), lang),
                theirs=lambda lang, j=other: _quoted(sorted(map(str, regions[j])), lang),
            )
    # the same column: numbers in every file or text in every file
    columns: dict[str, list[int]] = {}
    for i, t in enumerate(tables):
        for c in t.columns:
            columns.setdefault(str(c), []).append(i)
    for c, where in columns.items():
        if c in key or len(where) < 2:
            continue
        numeric = [pd.api.types.is_numeric_dtype(tables[i][c]) for i in where]
        if any(numeric) and not all(numeric):
            num = names[where[numeric.index(True)]]
            txt = names[where[numeric.index(False)]]
            raise DataError.from_text("combine.column_types", column=c, numbers=num, text=txt)
    # rows that repeat within a file: person-level data, stacked; else joined on the keys
    repeated = any(t.duplicated(key).any() for t in tables)
    big = pd.concat(
        [t.assign(**{"\0file": i}) for i, t in enumerate(tables)], ignore_index=True, sort=False
    )
    order = list(dict.fromkeys(c for t in tables for c in map(str, t.columns)))
    if repeated:
        combined = big[order].reset_index(drop=True)
        if year:
            per_file = [set(t[year].dropna()) for t in tables]
            for i in range(len(tables)):
                for j in range(i + 1, len(tables)):
                    both = sorted(per_file[i] & per_file[j], key=str)
                    if both:
                        report.add(
                            "years_in_two",
                            first=names[i],
                            second=names[j],
                            years=", ".join(map(str, both[:MAX_SHOWN])),
                        )
        summary.add("stacked", n=len(tables), rows=len(combined))
    else:
        combined = _join(big, tables, names, key, order, report)
        summary.add(
            "joined", n=len(tables), keys=", ".join(f"'{k}'" for k in key), rows=len(combined)
        )
    _report_columns(tables, names, key, columns, report)
    _report_regions(tables, names, region, regions, report)
    if year and not repeated:
        _report_rows(tables, names, region, year, regions, report)
    combined.attrs = {
        "source_name": combined_name(names),
        "header_row": 1,
        "combined_from": names,
        "load_info": {"format": "combined", "files": names},
    }
    en, nl = [], []
    for name, t in zip(names, tables, strict=True):
        en += [f"'{name}': {note}" for note in read_notes(t, "en")]
        nl += [f"'{name}': {note}" for note in read_notes(t, "nl")]
    combined.attrs["combine_report"] = {"en": report.en, "nl": report.nl}
    combined.attrs["combine_summary"] = {"en": summary.en[0], "nl": summary.nl[0]}
    combined.attrs["load_notes"] = summary.en + report.en + en
    combined.attrs["load_notes_nl"] = summary.nl + report.nl + nl
    return combined


def _join(
    big: pd.DataFrame,
    tables: list[pd.DataFrame],
    names: list[str],
    key: list[str],
    order: list[str],
    report: _Report,
) -> pd.DataFrame:
    """Join tables of one row per key: the first file's value where files overlap."""
    big = big.dropna(subset=key)
    grouped = big.groupby(key, sort=False, dropna=False)
    values = [c for c in order if c not in key]
    conflicts: list[str] = []
    same = 0
    for c in values:
        present = big[c].notna()
        if not present.any():
            continue
        sub = big.loc[present, key + [c, "\0file"]]
        counts = sub.groupby(key, sort=False, dropna=False)["\0file"].transform("size")
        sub = sub[counts.to_numpy() > 1]
        if sub.empty:
            continue
        differ = sub.groupby(key, sort=False, dropna=False)[c].transform("nunique") > 1
        same += int(sub[~differ.to_numpy()].groupby(key, sort=False, dropna=False).ngroups)
        for _, rows in sub[differ.to_numpy()].groupby(key, sort=False, dropna=False):
            where = ", ".join(f"{k} {rows[k].iloc[0]}" for k in key)
            said = "; ".join(
                f"'{names[int(f)]}': {_shown(v)}"
                for f, v in zip(rows["\0file"], rows[c], strict=True)
            )
            conflicts.append(f"'{c}' ({where}): {said}")
    if conflicts:
        report.add(
            "conflicts",
            n=len(conflicts),
            examples="; ".join(conflicts[:MAX_SHOWN]),
            more=lambda lang: (
                lookup("error_parts.and_more", lang, n=len(conflicts) - MAX_SHOWN)
                if len(conflicts) > MAX_SHOWN
                else ""
            ),
        )
    if same:
        report.add("overlap_same", n=same)
    combined = grouped[values].first().reset_index()
    combined = combined[[c for c in order if c in combined.columns]]
    for c in values:  # whole numbers stay whole where the files had them so
        kinds = [t[c].dtype for t in tables if c in t.columns]
        if all(pd.api.types.is_integer_dtype(k) for k in kinds) and combined[c].notna().all():
            combined[c] = combined[c].astype("int64")
    return combined


def _report_columns(tables, names, key, columns, report: _Report) -> None:
    """Say which columns only some files have."""
    partial = {
        c: where for c, where in columns.items() if c not in key and len(where) < len(tables)
    }
    if not partial:
        return
    by_files: dict[tuple[int, ...], list[str]] = {}
    for c, where in partial.items():
        by_files.setdefault(tuple(where), []).append(c)
    for where, cols in list(by_files.items())[: MAX_SHOWN * 2]:
        report.add(
            "columns_only_in",
            files=lambda lang, where=where: _quoted([names[i] for i in where], lang),
            columns=lambda lang, cols=cols: _quoted(cols, lang, 10),
        )


def _report_rows(tables, names, region, year, regions, report: _Report) -> None:
    """Say which region-years one file lacks that another file has, for the regions and the
    years the file has (a region it lacks altogether is said by :func:`_report_regions`)."""
    every = [set(zip(t[region], t[year], strict=True)) for t in tables]
    union = set().union(*every)
    for i, own in enumerate(every):
        years = set(tables[i][year].dropna())  # a file of one year lacks no other year's rows
        lacking = sorted(
            (k for k in union - own if k[0] in regions[i] and k[1] in years),
            key=lambda k: (str(k[0]), str(k[1])),
        )
        if lacking:
            report.add(
                "rows_missing",
                name=names[i],
                n=len(lacking),
                rows=lambda lang, lacking=lacking: _quoted([f"{r} {y}" for r, y in lacking], lang),
            )


def _report_regions(tables, names, region, regions, report: _Report) -> None:
    """Say which regions one file lacks that another file has."""
    union = set().union(*regions)
    for i, own in enumerate(regions):
        lacking = sorted(union - own, key=str)
        if lacking:
            report.add(
                "regions_missing",
                name=names[i],
                n=len(lacking),
                region=region,
                regions=lambda lang, lacking=lacking: _quoted(lacking, lang),
            )
