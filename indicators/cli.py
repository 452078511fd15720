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
from indicators.stats.uncertainty import CI_METHODS
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
    _engine(m)
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
    _engine(c)
    _lang(c)

    _group_parsers(sub)
    _convergence_parser(sub)
    _index_parser(sub)
    _experiment_parser(sub)
    _report_parser(sub)
    _findings_parser(sub)

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
        help="fill se, ci_low and ci_high at LEVEL (default 0.95; 95 reads as 95%%), for "
        "microdata, by --ci-method; each year an independent sample",
    )
    p.add_argument(
        "--ci-method",
        choices=CI_METHODS,
        default="linearization",
        help="how intervals are computed: linearization (influence functions, as R convey; "
        "normal intervals; the default) or bootstrap (the rescaled bootstrap of primary "
        "sampling units within strata, Rao-Wu-Yue: SE = sd of the replicate estimates, "
        "percentile intervals; implies --ci)",
    )
    p.add_argument(
        "--replicates",
        type=int,
        default=200,
        metavar="R",
        help="bootstrap replicates for --ci-method bootstrap (default 200, at least 2)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="N",
        help="seed of the bootstrap's draws (default 0): the same seed gives the same numbers",
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


def _engine(p):
    p.add_argument(
        "--engine",
        choices=("memory", "dask"),
        default="memory",
        help="memory (the default: the whole file in this process) or dask: INPUT is a folder "
        "or pattern of Parquet files ('register/*.parquet'), read lazily and computed year by "
        "year on Dask workers, the same numbers (needs pip install '.[scale]')",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the address of a running Dask scheduler "
        "(tcp://host:8786; a cluster on Kubernetes, YARN or HPC); default a local cluster",
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="with --engine dask and no --scheduler: workers of the local cluster (default 2)",
    )
    p.add_argument(
        "--memory-limit",
        metavar="SIZE",
        help="with --engine dask and no --scheduler: memory per local worker, e.g. 4GB "
        "(default: the machine's memory shared out)",
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
        elif args.command in GROUP_COMMANDS:
            table = GROUP_COMMANDS[args.command](args)
        elif args.command == "experiment":
            table = _experiment(args)
        elif args.command == "findings":
            table = _findings(args)
        elif args.command in INDEX_COMMANDS:
            table = INDEX_COMMANDS[args.command](args)
        elif args.command == "report":
            return _report(args)
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
    if args.engine == "dask":
        from indicators.analyses import scale

        return scale.measures(
            args.input,
            value=args.value,
            region=args.region,
            year=args.year,
            weight=args.weight,
            by=args.by,
            measures=_split(args.measures),
            order=_split(args.order),
            ci=args.ci,
            strata=args.strata,
            cluster=args.cluster,
            ci_method=args.ci_method,
            scheduler=args.scheduler,
            workers=args.workers,
            memory_limit=args.memory_limit,
        )
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
        replicates=args.replicates,
        seed=args.seed,
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
    from indicators.dataset.mapping import Mapping
    from indicators.dataset.prepare import prepare
    from indicators.io.load import load_table
    from indicators.results import compute

    registry = _load_registry(args.catalog)
    variables = _mapped_variables(args, registry)
    if args.engine == "dask":
        return _compute_dask(args, registry, variables)
    df = load_table(args.input, sheet=args.sheet)
    from indicators.dataset import validate

    validate.require_columns(df, list(variables.values()), source=args.input)
    orders = _text_orders(registry, variables, lambda col: df[col])
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
        replicates=args.replicates,
        seed=args.seed,
    )
    return _named(table, args)


def _named(table: pd.DataFrame, args) -> pd.DataFrame:
    rename = {"region": args.region}
    if args.year:
        rename["year"] = args.year
    return table.rename(columns=rename)


def _mapped_variables(args, registry) -> dict[str, str]:
    """Return the registry variables and their columns of the --map options."""
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
    return variables


def _text_orders(registry, variables, column_of) -> dict:
    """Return the order of the text answers of each mapped column that has them
    (``column_of(col)``: its values, or only its distinct values)."""
    from indicators.dataset.mapping import suggest_order

    orders = {}
    for var, col in variables.items():
        if registry.variable_by_id[var].kind == "continuous":
            continue
        values = column_of(col)
        if not pd.api.types.is_numeric_dtype(values):
            orders[col] = suggest_order(values, registry.variable_by_id[var])
    return orders


def _compute_dask(args, registry, variables) -> pd.DataFrame:
    """``compute`` with --engine dask: by region-year on Dask workers (year by year with
    --ci; analyses/scale.py)."""
    from indicators.analyses import scale

    table = scale.compute_parquet(
        args.input,
        region=args.region,
        year=args.year,
        weight=args.weight,
        by=args.by,
        variables=variables,
        orders_of=lambda distinct: _text_orders(registry, variables, distinct),
        catalog=args.catalog,
        min_n=args.min_n,
        ci=args.ci,
        strata=args.strata,
        cluster=args.cluster,
        ci_method=args.ci_method,
        scheduler=args.scheduler,
        workers=args.workers,
        memory_limit=args.memory_limit,
    )
    return _named(table, args)


# ---- convergence and index (issue 13) ---------------------------------------------------------


def _convergence_parser(sub) -> None:
    p = sub.add_parser(
        "convergence",
        help="sigma and beta convergence of one column across regions, as tidy CSV",
        description="Whether regions draw together: per year the spread of the regional values "
        "(sigma: the standard deviation of the log; cv: the coefficient of variation; "
        "top_bottom_ratio: the mean of the top fifth of regions over the bottom fifth), and "
        "beta convergence (the mean annual log growth from the first to the last year on the "
        "first year's log level, by least squares) with its se, the speed of convergence "
        "-ln(1+beta T)/T and the half-life ln 2/speed, and r2. On microdata a region's value "
        "is its (weighted) mean. Unweighted unless --weight: then population-weighted. Writes "
        "CSV with columns measure,year,value,se.",
    )
    p.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    p.add_argument("--value", required=True, metavar="COL", help="the column to compare")
    p.add_argument("--region", required=True, metavar="COL", help="region column")
    p.add_argument("--year", required=True, metavar="COL", help="year or period column")
    p.add_argument(
        "--weight", metavar="COL", help="survey weight or population column (weights regions)"
    )
    p.add_argument("--from", dest="first", type=int, metavar="YEAR", help="first year")
    p.add_argument("--to", dest="last", type=int, metavar="YEAR", help="last year")
    p.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _lang(p)


def _index_parser(sub) -> None:
    from indicators.analyses.index import DRAWS, METHODS, SEED

    p = sub.add_parser(
        "index",
        help="a composite index of the regions with rank intervals, as tidy CSV",
        description="A composite index of the regions in one year: every indicator the mapped "
        "columns allow scored over the regions (minmax 0-10 by default), averaged per "
        "dimension, and the dimensions weighted (equal unless --weights). Rank intervals: the "
        "5th and 95th percentile of each region's rank under --draws weight sets drawn around "
        "the weights (Dirichlet). Weights are value choices, not facts. Writes CSV with "
        "columns region,index,rank,rank_p05,rank_p95 and one score column per dimension.",
    )
    p.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="VARIABLE=COLUMN",
        help="tie a registry variable to a column (repeatable); by default the columns the "
        "registry recognises",
    )
    p.add_argument("--region", required=True, metavar="COL", help="region column")
    p.add_argument("--year", metavar="COL", help="year or period column")
    p.add_argument("--weight", metavar="COL", help="survey weight or population column")
    p.add_argument("--at", metavar="YEAR", help="the year of the index (default: the last)")
    p.add_argument(
        "--weights",
        metavar="DIM=W,...",
        help="weights per dimension, e.g. health=2,housing=1 (others 0); default equal",
    )
    p.add_argument("--method", choices=METHODS, default="minmax", help="scores per indicator")
    p.add_argument(
        "--adjusted",
        action="store_true",
        help="use the indicators beyond the average (the bottom, the spread) instead of averages",
    )
    p.add_argument(
        "--draws", type=int, default=DRAWS, help=f"weight sets for rank intervals ({DRAWS})"
    )
    p.add_argument("--seed", type=int, default=SEED, help=f"random seed ({SEED})")
    p.add_argument("--catalog", metavar="FILE", help="your own catalogue file (TOML) to add")
    p.add_argument(
        "--min-n", type=int, default=10, help="hide values from fewer observations (default 10)"
    )
    p.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _lang(p)


def _convergence(args) -> pd.DataFrame:
    from indicators.analyses.convergence import convergence_table
    from indicators.dataset import validate
    from indicators.io.load import load_table

    df = load_table(args.input, sheet=args.sheet)
    cols = [args.value, args.region, args.year, args.weight]
    validate.require_columns(df, [c for c in cols if c], source=args.input)
    frame = pd.DataFrame(
        {
            "region": validate.region_column(df, args.region, source=args.input),
            "year": validate.year_column(df, args.year, source=args.input),
            "value": validate.numeric_column(df, args.value, source=args.input),
        }
    )
    if args.weight:
        frame["weight"] = validate.weight_column(df, args.weight, source=args.input)
    years = sorted(pd.unique(frame["year"].dropna()))
    inside = [
        y
        for y in years
        if (args.first is None or y >= args.first) and (args.last is None or y <= args.last)
    ]
    if not inside:
        raise DataError.from_text(
            "index_cli.no_years",
            source=args.input,
            column=args.year,
            first=args.first if args.first is not None else "…",
            last=args.last if args.last is not None else "…",
            years=", ".join(str(y) for y in years),
        )
    return convergence_table(
        frame,
        "value",
        region="region",
        year="year",
        weight="weight" if args.weight else None,
        first=args.first,
        last=args.last,
    )


def _dimension_weights(given: str | None) -> dict | None:
    if not given:
        return None
    weights = {}
    for item in given.split(","):
        dim, _, weight = item.partition("=")
        try:
            value = float(weight)
        except ValueError:
            value = -1.0
        if not dim.strip() or value < 0 or value != value:
            raise DataError.from_text("index_cli.weights_form", item=item.strip())
        weights[dim.strip()] = value
    if not any(weights.values()):
        raise DataError.from_text("index_cli.weights_zero")
    return weights


def _suggested_mapping(df, args, registry, roles, groups=()):
    """Return the mapping of the index and report commands: the columns the registry
    recognises (or the ``--map`` ones) as variables, the roles as given."""
    from indicators.dataset import validate
    from indicators.dataset.mapping import suggest_mapping, suggest_order

    validate.require_columns(df, roles, source=args.input)
    suggested = suggest_mapping(df.drop(columns=roles), registry)
    variables, own = dict(suggested.variables), suggested.own
    orders = dict(suggested.orders)
    if args.map:
        variables, own = _mapped_variables(args, registry), ()
        validate.require_columns(df, list(variables.values()), source=args.input)
        orders = {
            col: suggest_order(df[col], registry.variable_by_id[var])
            for var, col in variables.items()
            if registry.variable_by_id[var].kind != "continuous"
            and not pd.api.types.is_numeric_dtype(df[col])
        }
    return suggested, variables, own, orders


def _index(args) -> pd.DataFrame:
    from indicators.analyses.index import composite
    from indicators.dataset import validate
    from indicators.dataset.mapping import suggest_mapping, suggest_order
    from indicators.dataset.prepare import prepare
    from indicators.io.load import load_table
    from indicators.results import compute

    weights = _dimension_weights(args.weights)
    registry = _load_registry(args.catalog)
    df = load_table(args.input, sheet=args.sheet)
    roles = [c for c in (args.region, args.year, args.weight) if c]
    validate.require_columns(df, roles, source=args.input)
    suggested = suggest_mapping(df.drop(columns=roles), registry)
    variables, own = dict(suggested.variables), suggested.own
    orders = dict(suggested.orders)
    if args.map:
        variables, own = {}, ()
        for item in args.map:
            if "=" not in item:
                raise DataError.from_text("cli.map_form", item=item)
            var, col = (part.strip() for part in item.split("=", 1))
            if var not in registry.variable_by_id:
                known = ", ".join(v.id for v in registry.variables)
                raise DataError.from_text("cli.map_unknown", item=item, variable=var, known=known)
            variables[var] = col
        validate.require_columns(df, list(variables.values()), source=args.input)
        orders = {
            col: suggest_order(df[col], registry.variable_by_id[var])
            for var, col in variables.items()
            if registry.variable_by_id[var].kind != "continuous"
            and not pd.api.types.is_numeric_dtype(df[col])
        }
    if not variables and not own:
        raise DataError.from_text("index_cli.no_variables", source=args.input)
    mapping = suggested.with_changes(
        region=args.region,
        year=args.year,
        weight=args.weight,
        groups=(),
        variables=variables,
        orders=orders,
        own=own,
        strata=None,
        cluster=None,
    )
    prepared = prepare(df, mapping, registry, source=args.input)
    results = compute(prepared, registry, min_n=args.min_n)
    years = list(prepared.years)
    year = None
    if years:
        year = years[-1]
        if args.at is not None:
            found = [y for y in years if str(y) == str(args.at).strip()]
            if not found:
                raise DataError.from_text(
                    "index_cli.no_year", year=args.at, years=", ".join(map(str, years))
                )
            year = found[0]
    reg = prepared.registry if prepared.registry is not None else registry
    options = {"year": year, "method": args.method, "adjusted": args.adjusted}
    plain = composite(results, reg, draws=0, **options)  # the dimensions the index has
    if plain is None:
        raise DataError.from_text("index_cli.no_index", source=args.input, year=year)
    unknown = [d for d in (weights or {}) if d not in plain.dimensions]
    if unknown:
        raise DataError.from_text(
            "index_cli.weights_unknown", dimension=unknown[0], known=", ".join(plain.dimensions)
        )
    result = composite(results, reg, weights=weights, draws=args.draws, seed=args.seed, **options)
    return result.table.rename(columns={"region": args.region})


INDEX_COMMANDS = {"convergence": _convergence, "index": _index}


def _write(table: pd.DataFrame, out: str | None) -> None:
    from indicators.io.export import write_table

    write_table(table, out or None, stream=sys.stdout)


# ---------------------------------------------------------------------------------------------
# groups and stapeling (issue 11): groups within regions, accumulated disadvantage
# ---------------------------------------------------------------------------------------------


def _group_parsers(sub) -> None:
    g = sub.add_parser(
        "groups",
        help="each group's value and its gap to the rest of its region, as tidy CSV",
        description="Compute measures of one value column per region (and year) for each "
        "value of a group column, and compare each group with the rest of its region "
        "(everyone else; for a column with two values, such as men and women, the other "
        "group): the gap (group minus rest) with its standard error (linearized; the two are "
        "disjoint samples, so se = sqrt(se_group^2 + se_rest^2)), its interval and whether "
        "it is significant. Rows for all regions together as region 'Total'. Writes CSV with "
        "columns region,year,group,measure,value,se,ci_low,ci_high,n,rest_value,gap,gap_se,"
        "gap_ci_low,gap_ci_high,significant (region and year named as in the input).",
    )
    g.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    g.add_argument("--value", required=True, metavar="COL", help="the column to measure")
    g.add_argument("--region", required=True, metavar="COL", help="region column")
    g.add_argument("--year", metavar="COL", help="year or period column")
    g.add_argument("--weight", metavar="COL", help="survey weight column")
    g.add_argument(
        "--by",
        required=True,
        metavar="COL",
        help="the group column (ages in years become age bands)",
    )
    g.add_argument(
        "--order",
        metavar='"LOW,...,HIGH"',
        help="order of text answers, low to high: they become scores 1..k",
    )
    g.add_argument("--measures", metavar="LIST", help=MEASURE_HELP)
    g.add_argument(
        "--ci",
        nargs="?",
        type=float,
        const=0.95,
        default=None,
        metavar="LEVEL",
        help="level of the intervals and of the test (default 0.95; 95 reads as 95%%); the "
        "comparison always has its standard errors",
    )
    g.add_argument("--strata", metavar="COL", help="design strata column")
    g.add_argument(
        "--cluster",
        metavar="COL",
        help="primary sampling unit column (then the gap's standard error is an "
        "approximation: the covariance of the two groups within units is left out)",
    )
    g.add_argument(
        "--min-n", type=int, default=10, help="no value from fewer observations (default 10)"
    )
    g.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    g.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _lang(g)

    s = sub.add_parser(
        "stapeling",
        help="accumulated disadvantage: shares with 0, 1, 2, 3+ unfavourable outcomes",
        description="Count per person the unfavourable outcomes among the rules (e.g. "
        '--rule "levenstevredenheid<=5" --rule "inkomen<poverty_line" --rule "eenzaam=ja"; '
        "operators <, <=, >, >=, =; poverty_line is 0.6 x the year's weighted median of all "
        "regions); rows without an answer on a counted column are left out (their number goes "
        "to standard error). Without --rule: the catalogue's unfavourable outcome of every "
        "variable the column names suggest. Writes CSV with columns region,year,group,count,"
        "share,se,n (group with --by; the highest count written as e.g. 3+).",
    )
    s.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    s.add_argument("--region", required=True, metavar="COL", help="region column")
    s.add_argument("--year", metavar="COL", help="year or period column")
    s.add_argument("--weight", metavar="COL", help="survey weight column")
    s.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar='"COL<=T"',
        help="an unfavourable outcome (repeatable): COL<T, COL<=T, COL>T, COL>=T or COL=LABEL",
    )
    s.add_argument("--by", metavar="COL", help="group column to break down by")
    s.add_argument(
        "--cap", type=int, default=3, help="the highest count, written as e.g. 3+ (default 3)"
    )
    s.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    s.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _lang(s)


def _groups(args) -> pd.DataFrame:
    from indicators.analyses.groups import raw_gaps
    from indicators.io.load import load_table

    df = load_table(args.input, sheet=args.sheet)
    return raw_gaps(
        df,
        value=args.value,
        region=args.region,
        by=args.by,
        year=args.year,
        weight=args.weight,
        measures=_split(args.measures),
        order=_split(args.order),
        source=args.input,
        level=0.95 if args.ci is None else args.ci,
        strata=args.strata,
        cluster=args.cluster,
        min_n=args.min_n,
    )


def _stapeling(args) -> pd.DataFrame:
    from indicators.analyses.stapeling import raw_accumulation
    from indicators.io.load import load_table

    df = load_table(args.input, sheet=args.sheet)
    acc = raw_accumulation(
        df,
        region=args.region,
        rules=args.rule,
        year=args.year,
        weight=args.weight,
        by=args.by,
        cap=args.cap,
        source=args.input,
    )
    if acc.left_out:
        from indicators.registry.catalog import format_number

        n = format_number(acc.left_out, 0, args.lang)
        print(text("stapeling.left_out", args.lang, n=n), file=sys.stderr)
    keys = [args.region, *([args.year] if args.year else []), *(["group"] if args.by else [])]
    return acc.table[[*keys, "count", "share", "se", "n"]]


GROUP_COMMANDS = {"groups": _groups, "stapeling": _stapeling}


# ---------------------------------------------------------------------------------------------
# findings (issue 17): the strongest findings of the whole results table
# ---------------------------------------------------------------------------------------------


def _findings_parser(sub) -> None:
    p = sub.add_parser(
        "findings",
        help="the strongest findings (what the averages hide), as tidy CSV",
        description="Compute every registry indicator the mapped columns allow (with "
        "linearized standard errors) and scan the results: the mean and the bottom moving "
        "apart, regions with the same mean and a different bottom, group gaps that widened or "
        "narrowed, regions whose change differs from the rest of the country, years far "
        "off the line of the others, and regions whose share with two or more unfavourable "
        "outcomes (accumulated disadvantage, microdata) or its change differs from the rest "
        "of the country. The tests' false discovery rate is controlled "
        "(Benjamini-Hochberg, --fdr); findings are ranked by the effect over the indicator's "
        "spread; aggregates (no standard errors) follow by size, p_value and q_value empty. "
        "Writes CSV with columns rank,kind,region,breakdown,group,indicator,year_from,year_to,"
        "estimate,se,p_value,q_value,sentence.",
    )
    p.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="VARIABLE=COLUMN",
        help="tie a registry variable to a column (repeatable), e.g. "
        "life_satisfaction=levenstevredenheid",
    )
    _roles(p)
    p.add_argument("--catalog", metavar="FILE", help="your own catalogue file (TOML) to add")
    p.add_argument("--fdr", type=float, default=0.05, help="false discovery rate (default 0.05)")
    p.add_argument("--top", type=int, metavar="N", help="only the N strongest findings")
    p.add_argument(
        "--min-n", type=int, default=10, help="hide values from fewer observations (default 10)"
    )
    _lang(p)


def _findings(args) -> pd.DataFrame:
    from indicators.analyses.findings import COLUMNS, findings_table
    from indicators.dataset import validate
    from indicators.dataset.mapping import Mapping
    from indicators.dataset.prepare import prepare
    from indicators.io.load import load_table
    from indicators.results import compute

    if not 0 < args.fdr < 1:
        raise DataError.from_text("findings.bad_fdr", fdr=args.fdr)
    registry = _load_registry(args.catalog)
    variables = _mapped_variables(args, registry)
    df = load_table(args.input, sheet=args.sheet)
    validate.require_columns(df, list(variables.values()), source=args.input)
    mapping = Mapping.build(
        args.region,
        year=args.year,
        weight=args.weight,
        groups=args.by,
        variables=variables,
        orders=_text_orders(registry, variables, lambda col: df[col]),
    )
    prepared = prepare(df, mapping, registry, source=args.input)
    results = compute(prepared, registry, by=args.by, min_n=args.min_n, ci=0.95)
    table = findings_table(
        results,
        registry,
        fdr=args.fdr,
        top=args.top,
        lang=args.lang,
        prepared=prepared,
        min_n=args.min_n,
    )
    return table[COLUMNS]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


# ---- policy experiments (issue 12) -----------------------------------------------------------


def _experiment_parser(sub) -> None:
    p = sub.add_parser(
        "experiment",
        help="the effect of a pilot in some regions (difference in differences), as tidy CSV",
        description="Did the pilot work? Compares the outcome of pilot regions before and after "
        "the start with comparison regions: did = the 2x2 difference in differences (two-way "
        "fixed effects, region-clustered se, wild cluster bootstrap p_boot with Webb weights); "
        "cs = Callaway & Sant'Anna (2021) for staggered starts (terms att_gt:G:T, simple, "
        "group, group:G, dynamic, dynamic:E, calendar, calendar:T; as R did); event = the "
        "effect per year relative to the start (event:E, reference -1) and a pre-trend test "
        "(pretrend: chi2 statistic, p_value); sdid = synthetic difference in differences for "
        "one or a few pilots. Writes CSV with columns method,term,estimate,se,ci_low,ci_high,"
        "p_value.",
    )
    p.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    p.add_argument("--outcome", required=True, metavar="COL", help="the outcome column")
    p.add_argument("--region", required=True, metavar="COL", help="region column")
    p.add_argument("--year", required=True, metavar="COL", help="year column")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--first-treated",
        metavar="COL",
        help="column with each region's first pilot year (0 or empty = never)",
    )
    who.add_argument("--pilot", metavar="NAME[,NAME...]", help="the pilot regions (with --start)")
    who.add_argument(
        "--flag", metavar="COL", help="column flagging pilot regions ja/nee (with --start)"
    )
    p.add_argument("--start", type=int, metavar="YEAR", help="the pilot's first year")
    p.add_argument(
        "--control",
        choices=("never", "notyet", "matched"),
        default="never",
        help="comparison regions: never treated (default), not yet treated, matched",
    )
    p.add_argument(
        "--comparison",
        metavar="NAME[,NAME...]",
        help="a chosen set of comparison regions (instead of --control)",
    )
    p.add_argument("--method", choices=("did", "cs", "event", "sdid"), default="cs")
    p.add_argument("--weight", metavar="COL", help="population column (for the trends)")
    p.add_argument("--ci", type=float, default=0.95, metavar="LEVEL", help="interval level (0.95)")
    p.add_argument("--bootstrap", type=int, default=999, help="wild bootstrap replicates (999)")
    p.add_argument("--seed", type=int, default=0, help="random seed (0)")
    p.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    _lang(p)


def _experiment(args) -> pd.DataFrame:
    from indicators.analyses.experiments import Setup, experiment
    from indicators.io.load import load_table

    if (args.pilot or args.flag) and args.start is None:
        raise DataError.from_text("experiments.no_start")
    df = load_table(args.input, sheet=args.sheet)
    setup = Setup(
        outcome=args.outcome,
        region=args.region,
        year=args.year,
        first_treated=args.first_treated,
        pilots=tuple(_split(args.pilot) or ()),
        start=args.start,
        flag=args.flag,
        control="chosen" if args.comparison else args.control,
        chosen=tuple(_split(args.comparison) or ()),
        weight=args.weight,
        level=args.ci,
        source=str(args.input),
    )
    table = experiment(df, setup, args.method, bootstrap=args.bootstrap, seed=args.seed)
    if args.weight:  # never silent: the estimates do not use the weight
        print(text("experiments.unweighted", args.lang, weight=args.weight), file=sys.stderr)
    dropped = table.attrs.get("dropped", [])
    if dropped:  # never silent: the regions the balanced panel left out are named
        shown = ", ".join(dropped[:10]) + (" ..." if len(dropped) > 10 else "")
        note = text(
            "experiments.dropped", args.lang, n=len(dropped), source=setup.source, regions=shown
        )
        print(note, file=sys.stderr)
    return table


# ---- the report (issue 14) ---------------------------------------------------------------------


def _report_parser(sub) -> None:
    from indicators.report.contents import REPORT_VIEWS

    p = sub.add_parser(
        "report",
        help="a standalone HTML report or an Excel workbook of the dashboard's views",
        description="Write the dashboard's views of a file, as the pages show them with their "
        "first choices, to one file: --out FILE.html is a standalone HTML report that works "
        "offline (plotly.js embedded: the charts, the numbers behind them with their "
        "intervals, each indicator's definition and rationale, the data source, the date, the "
        "small-cell setting); --out FILE.xlsx an Excel workbook of all results with a sheet of "
        "definitions and one per view (numbers as numbers, no formulas). The columns the "
        "registry recognises are used unless --map ties them. Views: "
        + ", ".join(REPORT_VIEWS)
        + ".",
    )
    p.add_argument("input", metavar="INPUT", help="CSV, Excel (.xlsx) or Parquet file")
    p.add_argument("--region", required=True, metavar="COL", help="region column")
    p.add_argument("--year", metavar="COL", help="year or period column")
    p.add_argument("--weight", metavar="COL", help="survey weight or population column")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="VARIABLE=COLUMN",
        help="tie a registry variable to a column (repeatable); by default the columns the "
        "registry recognises",
    )
    p.add_argument(
        "--by",
        action="append",
        default=None,
        metavar="COL",
        help="group column of the Groups view (repeatable); by default the ones recognised",
    )
    p.add_argument(
        "--views",
        metavar="LIST",
        help="the views, comma-separated, in this order (default all: "
        + ",".join(REPORT_VIEWS)
        + ")",
    )
    p.add_argument(
        "--images",
        action="store_true",
        help="also write every chart as PNG and SVG into the folder FILE_images next to the "
        "report (kaleido with the system's Chromium)",
    )
    p.add_argument("--catalog", metavar="FILE", help="your own catalogue file (TOML) to add")
    p.add_argument(
        "--min-n", type=int, default=10, help="hide values from fewer observations (default 10)"
    )
    p.add_argument("--sheet", metavar="NAME", help="Excel sheet (default: the first)")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.html or FILE.xlsx")
    _lang(p)


def _report(args) -> int:
    from pathlib import Path

    from indicators.io.load import load_table
    from indicators.report.contents import build_sections, chosen_views, report_data
    from indicators.views.blocks import Chart

    out = Path(args.out)
    kind = out.suffix.lower()
    if kind not in (".html", ".htm", ".xlsx"):
        raise DataError.from_text("report.out_kind", out=args.out)
    views = chosen_views(None if args.views is None else args.views.split(","))
    registry = _load_registry(args.catalog)
    df = load_table(args.input, sheet=args.sheet)
    roles = [c for c in (args.region, args.year, args.weight) if c]
    suggested, variables, own, orders = _suggested_mapping(df, args, registry, roles)
    if not variables and not own:
        raise DataError.from_text("report.no_variables", source=args.input)
    groups = suggested.groups if args.by is None else tuple(args.by)
    from indicators.dataset import validate

    validate.require_columns(df, list(groups), source=args.input)
    mapping = suggested.with_changes(
        region=args.region,
        year=args.year,
        weight=args.weight,
        groups=tuple(g for g in groups if g not in roles),
        variables=variables,
        orders=orders,
        own=own,
    )
    name = Path(str(args.input)).name
    data = report_data(df, mapping, registry, source=name, min_n=args.min_n, source_name=name)
    sections = build_sections(data, views, args.lang)
    if kind == ".xlsx":
        from indicators.report.excel import sections_workbook

        out.write_bytes(sections_workbook(data, sections, args.lang))
    else:
        from indicators.report.html import document_html

        out.write_text(document_html(data, sections, args.lang), encoding="utf-8")
    print(text("report.written", args.lang, path=out), file=sys.stderr)
    if args.images:
        from indicators.report.html import chart_file_name
        from indicators.report.images import write_images

        figures = [b.figure for s in sections for b in s.view.walk() if isinstance(b, Chart)]
        names = [chart_file_name(fig, i) for i, fig in enumerate(figures, start=1)]
        folder = out.with_name(f"{out.stem}_images")
        written = write_images(figures, folder, names)
        print(
            text("report.images_written", args.lang, n=len(written), folder=folder), file=sys.stderr
        )
    return 0
