"""Texts of reading the files users have: wide tables, units (indicators/io/load.py) and
uploads of several files (indicators/io/combine.py). Values from the files (names, columns,
regions, values) are filled in as they are."""

FILES = {
    "unit_differs": {
        "nl": "Het bestand '{name}': indicator '{indicator}' heeft meer dan één eenheid in kolom "
        "'{unit}': {units} (bijvoorbeeld in rijen {rows}){more}. Eén indicator heeft één "
        "eenheid: houd de rijen van één eenheid over (filter kolom '{unit}'), of geef elke "
        "eenheid een eigen indicatornaam, en upload het bestand opnieuw.",
        "en": "The file '{name}': indicator '{indicator}' has more than one unit in column "
        "'{unit}': {units} (for example in rows {rows}){more}. One indicator has one unit: keep "
        "the rows of one unit (filter column '{unit}'), or give each unit its own indicator "
        "name, then upload the file again.",
    },
    "more_indicators": {
        "nl": "; nog {n} indicatoren ook",
        "en": "; {n} more indicator(s) too",
    },
    "wide_text": {
        "nl": "Het bestand '{name}' heeft één kolom per jaar ({years}), maar kolom '{column}' "
        "bevat tekst die geen getal is: {examples} (rijen {rows}). Een teken achter een waarde "
        "(zoals een voetnoot of 'voorlopig') wordt niet geraden: maak er in het bestand een "
        "getal van, of laat de cel leeg (of '.') als de waarde ontbreekt, en upload het bestand "
        "opnieuw.",
        "en": "The file '{name}' has one column per year ({years}), but column '{column}' holds "
        "text that is not a number: {examples} (rows {rows}). A mark after a value (such as a "
        "footnote or 'provisional') is not guessed: make it a number in the file, or leave the "
        "cell empty (or '.') when the value is missing, then upload the file again.",
    },
    "wide_mixed": {
        "nl": "Het bestand '{name}' heeft kolommen voor jaren ({years}) en voor kwartalen "
        "({quarters}) door elkaar. Houd één van beide over (jaren of kwartalen), en upload het "
        "bestand opnieuw.",
        "en": "The file '{name}' mixes columns of years ({years}) and of quarters ({quarters}). "
        "Keep one of the two (years or quarters), then upload the file again.",
    },
    "wide_twice": {
        "nl": "Het bestand '{name}' heeft meer dan één kolom voor {year}: {columns}. Houd één "
        "kolom per jaar over (bijvoorbeeld het voorlopige of het definitieve cijfer), en upload "
        "het bestand opnieuw.",
        "en": "The file '{name}' has more than one column for {year}: {columns}. Keep one column "
        "per year (for example the provisional or the final figure), then upload the file "
        "again.",
    },
    "wide_duplicate": {
        "nl": "Het bestand '{name}': regio '{region}' (kolom '{column}'){what} staat in meer dan "
        "één rij: rijen {rows}. Houd één rij per regio{what} over (een andere kolom kan een "
        "uitsplitsing zijn, zoals geslacht of leeftijd: filter daar eerst op), en upload het "
        "bestand opnieuw.",
        "en": "The file '{name}': region '{region}' (column '{column}'){what} is in more than "
        "one row: rows {rows}. Keep one row per region{what} (another column may be a breakdown "
        "such as gender or age: filter on it first), then upload the file again.",
    },
    "wide_duplicate_indicator": {
        "nl": " met indicator '{indicator}'",
        "en": " with indicator '{indicator}'",
    },
}

COMBINE = {
    "no_files": {
        "nl": "Er is geen bestand gekozen. Kies één of meer bestanden.",
        "en": "No file was chosen. Choose one or more files.",
    },
    "too_many": {
        "nl": "Er zijn {n} bestanden gekozen; er kunnen er ten hoogste {limit} tegelijk "
        "gecombineerd worden. Voeg bestanden eerst samen (bijvoorbeeld per indicator), of kies er "
        "minder.",
        "en": "{n} files were chosen; at most {limit} can be combined at once. Put files "
        "together first (for example one per indicator), or choose fewer.",
    },
    "too_large": {
        "nl": "De {n} bestanden zijn samen {size} MB; samen mogen ze ten hoogste {limit} MB zijn. "
        "Kies minder of kleinere bestanden (bijvoorbeeld alleen de kolommen die u nodig heeft).",
        "en": "The {n} files are {size} MB together; together they may be at most {limit} MB. "
        "Choose fewer or smaller files (for example only the columns you need).",
    },
    "same_file": {
        "nl": "'{second}' is hetzelfde bestand als '{first}' (dezelfde inhoud). Kies elk "
        "bestand één keer.",
        "en": "'{second}' is the same file as '{first}' (the same content). Choose each file once.",
    },
    "no_region": {
        "nl": "Het bestand '{name}' heeft geen regiokolom om de bestanden op te combineren (een "
        "kolom met tekst, zoals 'regio', 'gemeente' of 'geo'). De kolommen zijn {columns}. Geef "
        "elk bestand dezelfde regiokolom, of upload het bestand apart.",
        "en": "The file '{name}' has no region column to combine the files on (a column of "
        "text, such as 'regio', 'gemeente' or 'geo'). The columns are {columns}. Give every "
        "file the same region column, or upload the file on its own.",
    },
    "no_common_regions": {
        "nl": "De bestanden '{name}' en '{other}' hebben geen enkele regio gemeen in kolom "
        "'{region}': '{name}' heeft {mine}, '{other}' heeft {theirs}. Staan de regio's in het "
        "ene bestand als code en in het andere als naam? Schrijf ze in elk bestand op dezelfde "
        "manier, en upload de bestanden opnieuw.",
        "en": "The files '{name}' and '{other}' have no region in common in column '{region}': "
        "'{name}' has {mine}, '{other}' has {theirs}. Are the regions codes in one file and "
        "names in the other? Write them the same way in every file, then upload the files "
        "again.",
    },
    "year_some": {
        "nl": "Het bestand '{having}' heeft een jaarkolom ('{column}'), maar {files} niet. Geef "
        "elk bestand een jaarkolom (of geen enkel bestand), en upload de bestanden opnieuw.",
        "en": "The file '{having}' has a year column ('{column}'), but {files} not. Give every "
        "file a year column (or none of them), then upload the files again.",
    },
    "column_types": {
        "nl": "Kolom '{column}' bevat getallen in '{numbers}' maar tekst in '{text}'. Maak de "
        "kolom in elk bestand van dezelfde soort (of geef ze verschillende namen), en upload de "
        "bestanden opnieuw.",
        "en": "Column '{column}' holds numbers in '{numbers}' but text in '{text}'. Make the "
        "column of the same kind in every file (or give them different names), then upload the "
        "files again.",
    },
    # ---- the report
    "joined": {
        "nl": "{n} bestanden gecombineerd tot één tabel op {keys}: {rows} rijen.",
        "en": "Combined {n} files into one table on {keys}: {rows} rows.",
    },
    "stacked": {
        "nl": "{n} bestanden onder elkaar gezet (de rijen zijn personen of huishoudens): {rows} "
        "rijen.",
        "en": "Put {n} files one under the other (their rows are people or households): {rows} "
        "rows.",
    },
    "region_renamed": {
        "nl": "De regiokolom heet niet in elk bestand hetzelfde; overal gebruikt als "
        "'{region}': {files}.",
        "en": "The region column has another name in some files; used as '{region}' "
        "throughout: {files}.",
    },
    "region_as_text": {
        "nl": "Kolom '{region}' bevat in het ene bestand getallen en in het andere tekst; de "
        "regio's zijn overal als tekst gelezen (363 is dan niet '0363').",
        "en": "Column '{region}' holds numbers in one file and text in another; the regions "
        "are read as text everywhere (363 is then not '0363').",
    },
    "year_from_names": {
        "nl": "De bestanden hebben geen jaarkolom; het jaar komt uit hun naam (kolom "
        "'{column}'): {said}.",
        "en": "The files have no year column; each file's year is taken from its name (column "
        "'{column}'): {said}.",
    },
    "conflicts": {
        "nl": "Let op: {n} waarden staan in meer dan één bestand met een ander getal; de waarde "
        "uit het eerste bestand (op naam) is gebruikt: {examples}{more}. Controleer welk bestand "
        "klopt.",
        "en": "Note: {n} values are in more than one file with a different number; the value "
        "of the first file (by name) is used: {examples}{more}. Check which file is right.",
    },
    "overlap_same": {
        "nl": "{n} rijen staan in meer dan één bestand met dezelfde waarden; ze tellen één keer.",
        "en": "{n} row(s) are in more than one file with the same values; they count once.",
    },
    "years_in_two": {
        "nl": "Let op: de jaren {years} staan zowel in '{first}' als in '{second}'; hun rijen "
        "tellen allebei mee. Is het hetzelfde onderzoek, kies dan één van de twee.",
        "en": "Note: the years {years} are in both '{first}' and '{second}'; both files' rows "
        "count. If they are the same survey, choose one of the two.",
    },
    "columns_only_in": {
        "nl": "Alleen in {files}: kolommen {columns}.",
        "en": "Only in {files}: column(s) {columns}.",
    },
    "regions_missing": {
        "nl": "'{name}' mist {n} regio's die andere bestanden wel hebben (kolom '{region}'): "
        "{regions}.",
        "en": "'{name}' lacks {n} region(s) that other files have (column '{region}'): {regions}.",
    },
    "rows_missing": {
        "nl": "'{name}' mist {n} combinaties van regio en jaar die andere bestanden wel hebben: "
        "{rows}.",
        "en": "'{name}' lacks {n} region-year(s) that other files have: {rows}.",
    },
}

AREAS = {"files": FILES, "combine": COMBINE}
