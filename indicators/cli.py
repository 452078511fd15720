"""Command line for analysts who script: ``python -m indicators --help``."""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Mapping

import pandas as pd

from indicators.errors import DataError
from indicators.stats.measure_table import cli_help
from indicators.text import LANGS, text

MEASURE_HELP = cli_help()  # from the measure table (indicators/stats/measures.toml)


# argparse's own error messages, each with its text in the catalogue (for --lang nl)
ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.*)"), "cli.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"), "cli.unrecognized"),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)"
        ),
        "cli.invalid_choice",
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid (?P<kind>\S+) value: (?P<value>.*)"),
        "cli.invalid_value",
    ),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "cli.expected_one"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser that says its own errors (a missing --region, an unknown option) in
    ``lang``; in English exactly as argparse does."""

    def __init__(self, *args, lang: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str):
        if self.lang == "en":
            super().error(message)
        for pattern, key in ARGPARSE_ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = text(key, self.lang, **found.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, text("cli.usage_error", self.lang, prog=self.prog, message=message) + "\n")


def _asked_lang(argv: list[str]) -> str:
    """Return the language of ``--lang`` in ``argv`` (before parsing: argparse's own errors
    need it), else of the locale."""
    for i, arg in enumerate(argv):
        wanted = arg.split("=", 1)[1] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        if wanted in LANGS:
            return wanted
    return default_lang()


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m indicators",
        description="Broad-welfare indicators beyond the average: distributional measures per "
        "region, the indicator registry, and registry indicators over your own file.",
        lang=lang,
    )
    sub = parser.add_subparsers(
        dest="command",
        required=True,
        metavar="COMMAND",
        parser_class=functools.partial(_Parser, lang=lang),
    )

    m = sub.add_parser(
        "measures",
        help="distributional measures of one column per region (year, group), as tidy CSV",
        description="Compute measures of one value column per region (and year, and group), "
        "with rows for all regions together as region 'Total' (where theil_between and "
        "theil_within decompose theil by region). Writes CSV with columns "
        "region,year,<by>,measure,value,n (with --ci: se,ci_low,ci_high after value).",
    )
    m.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    m.add_argument("--value", required=True, metavar="COL", help="the column to measure")
    _roles(m)
    m.add_argument(
        "--order",
        metavar='"LOW,...,HIGH"',
        help="order of text answers, low to high: they become scores 1..k",
    )
    m.add_argument("--measures", metavar="LIST", help=MEASURE_HELP)
    _intervals(m)
    _lang(m)

    r = sub.add_parser(
        "registry",
        help="list the indicator registry",
        description="List the indicators of the registry.",
    )
    r.add_argument("--catalog", metavar="FILE", help="your own catalogue file (TOML) to add")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _lang(r)

    c = sub.add_parser(
        "compute",
        help="every registry indicator the mapped columns allow, as tidy CSV",
        description="Compute every registry indicator that the mapped variables allow.",
    )
    c.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    c.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="VARIABLE=COLUMN",
        help="tie a registry variable to a column (repeatable), e.g. "
        "life_satisfaction=levenstevredenheid",
    )
    _roles(c)
    c.add_argument("--catalog", metavar="FILE", help="your own catalogue file (TOML) to add")
    c.add_argument(
        "--min-n", type=int, default=10, help="hide values from fewer observations (default 10)"
    )
    _intervals(c)
    _lang(c)

    d = sub.add_parser(
        "dashboard",
        usage="python -m indicators dashboard [--lang nl|en] [STREAMLIT OPTIONS]",
        help="start the dashboard on the packaged demo data (options go to streamlit run)",
        description="Start the dashboard (Streamlit) from the installed package, in any folder, "
        "on its packaged demo data: at http://127.0.0.1:8501, headless, uploads up to 500 MB "
        "(the settings of indicators/ui/config.toml, as in the source tree's "
        ".streamlit/config.toml). Further options go to `streamlit run` and win over those "
        "settings, e.g. --server.port 8502 or --server.address 0.0.0.0. Stop it with Ctrl+C.",
    )
    d.add_argument(
        "--lang",
        choices=("en", "nl"),
        default=None,
        help="the language the dashboard opens in (default: the browser's); the switch in the "
        "sidebar and a link's ?lang= still change it",
    )
    return parser


def _lang(p):
    p.add_argument(
        "--lang",
        choices=("en", "nl"),
        default=None,
        help="language of the output and of error messages (default: from the locale, "
        "LC_ALL, LC_MESSAGES or LANG: nl when it starts with 'nl', else en)",
    )


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """Return the language the environment's locale asks for: "nl" or "en".

    The first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set decides, as for any
    program: Dutch when it starts with "nl" (``nl_NL.UTF-8``, ``nl_BE``), else English.

    >>> default_lang({"LANG": "nl_NL.UTF-8"}), default_lang({"LANG": "C.UTF-8"}), default_lang({})
    ('nl', 'en', 'en')
    >>> default_lang({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"})
    'en'
    """
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def _intervals(p):
    p.add_argument(
        "--ci",
        nargs="?",
        type=float,
        const=0.95,
        default=None,
        metavar="LEVEL",
        help="fill se, ci_low and ci_high: linearized standard errors and normal intervals at "
        "LEVEL (default 0.95; 95 reads as 95%%), for microdata; each year an independent sample",
    )
    p.add_argument(
        "--ci-method",
        choices=("linearization",),
        default="linearization",
        help="how intervals are computed: linearization (influence functions, as R convey) "
        "is the only method so far; a bootstrap is not available yet",
    )
    p.add_argument(
        "--strata",
        metavar="COL",
        help="design strata column for --ci (implies --ci 0.95 when --ci is not given)",
    )
    p.add_argument(
        "--cluster",
        metavar="COL",
        help="primary sampling unit column for --ci, drawn with replacement within strata "
        "(default: each row its own unit)",
    )


def _roles(p):
    p.add_argument("--region", required=True, metavar="COL", help="region column")
    p.add_argument("--year", metavar="COL", help="year or period column")
    p.add_argument("--weight", metavar="COL", help="survey weight or population column")
    p.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="COL",
        help="group column to break down by (repeatable)",
    )
    p.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def main(argv=None) -> int:
    """Run the command line; return the exit status (2 for unusable input)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(_asked_lang(argv))
    args, extra = parser.parse_known_args(argv)
    if args.command == "dashboard":  # everything after the command is for `streamlit run`
        from indicators.ui.launch import LANG_VARIABLE, run

        if args.lang:  # the app reads it as its first language (indicators.ui.i18n.lang)
            os.environ[LANG_VARIABLE] = args.lang
        return run(extra)
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.lang = args.lang if args.lang in LANGS else default_lang()
    try:
        if args.command == "measures":
            table = _measures(args)
        elif args.command == "registry":
            return _registry(args)
        else:
            table = _compute(args)
    except DataError as err:
        print(text("cli.error", args.lang, message=err.text(args.lang)), file=sys.stderr)
        return 2
    _write(table, args.out)
    return 0


def _split(text: str | None) -> list[str] | None:
    if not text:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _measures(args) -> pd.DataFrame:
    from indicators.io.load import load_table
    from indicators.results import compute_measures

    df = load_table(args.input, sheet=args.sheet)
    return compute_measures(
        df,
        value=args.value,
        region=args.region,
        year=args.year,
        weight=args.weight,
        by=args.by,
        measures=_split(args.measures),
        order=_split(args.order),
        source=args.input,
        ci=args.ci,
        strata=args.strata,
        cluster=args.cluster,
        ci_method=args.ci_method,
    )


def _load_registry(catalog):
    from indicators.registry.catalog import load_registry

    return load_registry(extra=catalog)


def _registry(args) -> int:
    registry = _load_registry(args.catalog)
    frame = registry.to_frame(args.lang)
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    else:
        cols = [c for c in ("id", "label", "dimension", "measure", "unit") if c in frame]
        with pd.option_context(
            "display.max_rows", None, "display.max_colwidth", 60, "display.width", 200
        ):
            print(frame[cols].to_string(index=False))
    return 0


def _compute(args) -> pd.DataFrame:
    from indicators.dataset.mapping import Mapping, suggest_order
    from indicators.dataset.prepare import prepare
    from indicators.io.load import load_table
    from indicators.results import compute

    registry = _load_registry(args.catalog)
    df = load_table(args.input, sheet=args.sheet)
    variables = {}
    for item in args.map:
        if "=" not in item:
            raise DataError.from_text("cli.map_form", item=item)
        var, col = (part.strip() for part in item.split("=", 1))
        if var not in registry.variable_by_id:
            known = ", ".join(v.id for v in registry.variables)
            raise DataError.from_text("cli.map_unknown", item=item, variable=var, known=known)
        variables[var] = col
    if not variables:
        raise DataError.from_text("cli.map_none")
    from indicators.dataset import validate

    validate.require_columns(df, list(variables.values()), source=args.input)
    orders = {
        col: suggest_order(df[col], registry.variable_by_id[var])
        for var, col in variables.items()
        if registry.variable_by_id[var].kind != "continuous"
        and not pd.api.types.is_numeric_dtype(df[col])
    }
    mapping = Mapping.build(
        args.region,
        year=args.year,
        weight=args.weight,
        groups=args.by,
        variables=variables,
        orders=orders,
    )
    prepared = prepare(df, mapping, registry, source=args.input)
    validate.require_columns(df, [c for c in (args.strata, args.cluster) if c], source=args.input)
    table = compute(
        prepared,
        registry,
        by=args.by,
        min_n=args.min_n,
        ci=args.ci,
        strata=None if args.strata is None else df[args.strata].reset_index(drop=True),
        cluster=None if args.cluster is None else df[args.cluster].reset_index(drop=True),
        ci_method=args.ci_method,
    )
    rename = {"region": args.region}
    if args.year:
        rename["year"] = args.year
    return table.rename(columns=rename)


def _write(table: pd.DataFrame, out: str | None) -> None:
    from indicators.io.export import write_table

    write_table(table, out or None, stream=sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
