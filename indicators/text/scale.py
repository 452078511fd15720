"""Texts of the Dask engine (indicators/analyses/scale.py, ``--engine dask``): its errors."""

SCALE = {
    "no_dask": {
        "nl": "De Dask-engine (--engine dask) heeft de pakketten dask en distributed nodig. "
        "Installeer ze met: pip install '.[scale]' (of pip install 'dask[dataframe]' "
        "distributed) en probeer het opnieuw.",
        "en": "The Dask engine (--engine dask) needs the packages dask and distributed. "
        "Install them with: pip install '.[scale]' (or pip install 'dask[dataframe]' "
        "distributed) and try again.",
    },
    "no_files": {
        "nl": "Geen Parquet-bestanden gevonden bij '{pattern}'. Geef een map of een patroon "
        "zoals 'register/*.parquet'.",
        "en": "No Parquet files found at '{pattern}'. Give a folder or a pattern such as "
        "'register/*.parquet'.",
    },
    "worker_too_small": {
        "nl": "{source}: een worker heeft {limit} GB; alleen al Python, pandas en Dask vragen "
        "ongeveer {base} GB geheugen per worker, nog zonder rijen. Geef de workers meer "
        "geheugen (--memory-limit, of minder workers per machine).",
        "en": "{source}: a worker has {limit} GB; Python, pandas and Dask alone take about "
        "{base} GB of memory per worker, before any rows. Give the workers more memory "
        "(--memory-limit, or fewer workers per machine).",
    },
    "region_year_too_large": {
        "nl": "{source}: regio-jaar {cell} heeft {rows} rijen; daarvoor is ongeveer {need} GB "
        "geheugen per worker nodig, maar een worker heeft {limit} GB. Elk regio-jaar wordt in "
        "zijn geheel op één worker berekend. Geef de workers meer geheugen (--memory-limit, of "
        "minder workers per machine) of neem minder kolommen mee.",
        "en": "{source}: region-year {cell} has {rows} rows; that needs about {need} GB of "
        "memory per worker, but a worker has {limit} GB. Each region-year is computed whole "
        "on one worker. Give the workers more memory (--memory-limit, or fewer workers per "
        "machine) or take fewer columns.",
    },
    "year_too_large": {
        "nl": "{source}: jaar {year} heeft {rows} rijen; daarvoor is ongeveer {need} GB "
        "geheugen per worker nodig, maar een worker heeft {limit} GB. Met intervallen (--ci, "
        "--strata, --cluster) wordt elk jaar in zijn geheel op één worker berekend (de "
        "standaardfout van een Total-rij heeft alle regio's van een jaar nodig). Geef de "
        "workers meer geheugen (--memory-limit, of minder workers per machine), neem minder "
        "kolommen mee, of laat de intervallen weg: zonder intervallen hoeft alleen een "
        "regio-jaar op een worker te passen.",
        "en": "{source}: year {year} has {rows} rows; that needs about {need} GB of memory per "
        "worker, but a worker has {limit} GB. With intervals (--ci, --strata, --cluster) each "
        "year is computed whole on one worker (the standard error of a Total row needs all "
        "regions of a year). Give the workers more memory (--memory-limit, or fewer workers "
        "per machine), take fewer columns, or leave out the intervals: without them only a "
        "region-year has to fit in a worker.",
    },
    "parquet_only": {
        "nl": "--engine dask leest Parquet (een map of een patroon zoals "
        "'register/*.parquet'); '{source}' is geen Parquet. Zet het bestand om naar Parquet "
        "of gebruik de standaardengine (zonder --engine dask).",
        "en": "--engine dask reads Parquet (a folder or a pattern such as "
        "'register/*.parquet'); '{source}' is not Parquet. Convert the file to Parquet or use "
        "the default engine (without --engine dask).",
    },
    "no_bootstrap": {
        "nl": "--engine dask berekent gelineariseerde intervallen (--ci, --ci-method "
        "linearization), per jaar precies als de standaardengine; de bootstrap trekt over "
        "het hele bestand en kan dat niet per jaar. Gebruik --ci-method linearization of de "
        "standaardengine.",
        "en": "--engine dask computes linearized intervals (--ci, --ci-method linearization), "
        "per year exactly as the default engine; the bootstrap draws over the whole file and "
        "cannot do that per year. Use --ci-method linearization or the default engine.",
    },
}

AREAS = {"scale": SCALE}
