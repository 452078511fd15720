"""Texts of the read notes (indicators/io/load.py): what the loader did beyond reading.

A key ending in ``_one`` is the text for one (``n`` is 1): Dutch says "1 lege regel", English
keeps "line(s)" as it always has. The English texts are the notes as the loader has always written them (tests and the command
line read them); the Dutch ones are what the Data page shows on the Dutch page. Values from the
file (column names, region names, rows) are filled in as they are.
"""

LOAD_NOTES = {
    # ---- numbers in a text column
    "unicode_minus": {
        "nl": "Kolom '{column}': {n} waarden met het minteken '\u2212' (U+2212) zijn gelezen als "
        "negatieve getallen.",
        "en": "Column '{column}': {n} value(s) written with the minus sign '\u2212' (U+2212) "
        "were read as negative numbers.",
    },
    "unicode_minus_one": {
        "nl": "Kolom '{column}': {n} waarde met het minteken '\u2212' (U+2212) is gelezen als "
        "negatief getal.",
        "en": "Column '{column}': {n} value(s) written with the minus sign '\u2212' (U+2212) "
        "were read as negative numbers.",
    },
    "thousands": {
        "nl": "Kolom '{column}': waarden zoals 1{sep}234 zijn gelezen met '{sep}' als "
        "scheidingsteken voor duizendtallen, zoals elders in dit bestand.",
        "en": "Column '{column}': values such as 1{sep}234 were read with '{sep}' as the "
        "thousands separator, as elsewhere in this file.",
    },
    "infinite": {
        "nl": "Kolom '{column}' bevat {n} oneindige waarden (Inf); die zijn gelezen als "
        "oneindige getallen, en een berekening met deze kolom stopt daarop.",
        "en": "Column '{column}' holds {n} infinite value(s) (Inf); they are read as infinite "
        "numbers, and a computation with this column stops on them.",
    },
    "infinite_one": {
        "nl": "Kolom '{column}' bevat {n} oneindige waarde (Inf); die is gelezen als oneindig "
        "getal, en een berekening met deze kolom stopt daarop.",
        "en": "Column '{column}' holds {n} infinite value(s) (Inf); they are read as infinite "
        "numbers, and a computation with this column stops on them.",
    },
    "percentages": {
        "nl": "Kolom '{column}' bevat percentages ('{example}'): gelezen als het getal vóór het "
        "%-teken ({first}), in procenten.",
        "en": "Column '{column}' holds percentages ('{example}'): read as the number before the "
        "% sign ({first}), in percent.",
    },
    # ---- the file and its header
    "utf16_no_bom": {
        "nl": "Het bestand is UTF-16 ({endian}-endian) zonder byte order mark (BOM); het is zo "
        "gelezen.",
        "en": "The file is UTF-16 ({endian}-endian) without a byte-order mark; it was read as "
        "such.",
    },
    "title_lines_one": {
        "nl": "{n} titelregel boven de kopregel overgeslagen (rij {row}).",
        "en": "Skipped {n} title line(s) above the header (row {row}).",
    },
    "title_lines": {
        "nl": "{n} titelregels boven de kopregel overgeslagen (rij {row}).",
        "en": "Skipped {n} title line(s) above the header (row {row}).",
    },
    "blank_lines_one": {
        "nl": "{n} lege regel boven de kopregel overgeslagen (rij {row}).",
        "en": "Skipped {n} blank line(s) above the header (row {row}).",
    },
    "blank_lines": {
        "nl": "{n} lege regels boven de kopregel overgeslagen (rij {row}).",
        "en": "Skipped {n} blank line(s) above the header (row {row}).",
    },
    "title_rows": {
        "nl": "Titelrij(en) boven de kopregel overgeslagen (rij {row}).",
        "en": "Skipped title row(s) above the header (row {row}).",
    },
    "footnotes": {
        "nl": "{n} regels aan het eind weggelaten: dat zijn noten, geen gegevens ({where}): "
        "{said}.",
        "en": "Left out {n} line(s) at the end that are notes, not data ({where}): {said}.",
    },
    "footnotes_one": {
        "nl": "{n} regel aan het eind weggelaten: dat is een noot, geen gegevens ({where}): "
        "{said}.",
        "en": "Left out {n} line(s) at the end that are notes, not data ({where}): {said}.",
    },
    "column_dropped": {
        "nl": "Kolom {letter} weggelaten: die heeft geen naam en geen waarden.",
        "en": "Dropped column {letter}: it has no name and no values.",
    },
    "column_unnamed": {
        "nl": "Kolom {letter} heeft geen naam in de kopregel; de kolom heet nu '{head}'.",
        "en": "Column {letter} has no name in the header; it is called '{head}'.",
    },
    "empty_rows_end": {
        "nl": "{n} lege rijen aan het eind van de tabel weggelaten.",
        "en": "Dropped {n} empty row(s) at the end of the table.",
    },
    "empty_rows_end_one": {
        "nl": "{n} lege rij aan het eind van de tabel weggelaten.",
        "en": "Dropped {n} empty row(s) at the end of the table.",
    },
    # ---- what the text columns hide
    "invisible": {
        "nl": "Kolom '{column}': {n} onzichtbare tekens of tekens voor de schrijfrichting "
        "(spaties zonder breedte, markeringen voor rechts-naar-links) verwijderd uit {where}.",
        "en": "Column '{column}': removed {n} invisible or text-direction character(s) "
        "(zero-width spaces, right-to-left marks) from {where}.",
    },
    "invisible_one": {
        "nl": "Kolom '{column}': {n} onzichtbaar teken of teken voor de schrijfrichting (een "
        "spatie zonder breedte, een markering voor rechts-naar-links) verwijderd uit {where}.",
        "en": "Column '{column}': removed {n} invisible or text-direction character(s) "
        "(zero-width spaces, right-to-left marks) from {where}.",
    },
    "totals_rows": {
        "nl": "{n} totaalrijen in kolom '{column}' weggelaten ({where}: {names}): een totaal "
        "van de andere rijen is geen regio; het dashboard berekent zelf het totaal.",
        "en": "Left out {n} totals row(s) from column '{column}' ({where}: {names}): totals of "
        "the other rows are not a region; the dashboard computes its own Total.",
    },
    "totals_rows_one": {
        "nl": "{n} totaalrij in kolom '{column}' weggelaten ({where}: {names}): een totaal van "
        "de andere rijen is geen regio; het dashboard berekent zelf het totaal.",
        "en": "Left out {n} totals row(s) from column '{column}' ({where}: {names}): totals of "
        "the other rows are not a region; the dashboard computes its own Total.",
    },
    "look_alike": {
        "nl": "Kolom '{column}': {n} namen gebruiken letters uit een ander alfabet die op "
        "gewone letters lijken ({names}); controleer of ze gespeld zijn zoals bedoeld.",
        "en": "Column '{column}': {n} name(s) use look-alike letters of another alphabet "
        "({names}); check that they are spelled as meant.",
    },
    "look_alike_one": {
        "nl": "Kolom '{column}': {n} naam gebruikt letters uit een ander alfabet die op gewone "
        "letters lijken ({names}); controleer of die gespeld is zoals bedoeld.",
        "en": "Column '{column}': {n} name(s) use look-alike letters of another alphabet "
        "({names}); check that they are spelled as meant.",
    },
    "near_duplicates": {
        "nl": "Kolom '{column}': namen die alleen verschillen in hoofdletters, spaties, "
        "leestekens, accenten of gelijkende letters: {shown}{more}. Nu worden ze apart geteld; "
        "gaat het om één regio, tel ze dan als één onder '5. Controle' (als de kolom de regio "
        "is) of schrijf ze in het bestand op dezelfde manier.",
        "en": "Column '{column}': names that differ only in case, spaces, punctuation, accents "
        "or look-alike letters: {shown}{more}. They are counted apart now; if they are one "
        "region, count them as one under '5. Check' (when the column is the region) or write "
        "them the same way in the file.",
    },
    # ---- workbooks, Parquet, Eurostat, long tables
    "first_sheet": {
        "nl": "Blad '{sheet}' gelezen, het eerste van {n} bladen ({sheets}). Staat uw tabel op "
        "een ander blad? Kies dat met de bladkeuze, of met --sheet NAAM op de opdrachtregel.",
        "en": "Read sheet '{sheet}', the first of {n} sheets ({sheets}). Is your table on "
        "another sheet? Choose it with the sheet picker, or with --sheet NAME on the command "
        "line.",
    },
    "nested": {
        "nl": "Kolom '{column}' bevat lijsten of records (geneste Parquet, type {type}); de "
        "kolom blijft tekst en kan niet als getal worden gebruikt.",
        "en": "Column '{column}' holds lists or records (nested Parquet, type {type}); it is "
        "kept as text and cannot be used as a number.",
    },
    "eurostat": {
        "nl": "Eurostat-download: de eerste kolom is gesplitst in {dims}; ':' is gelezen als "
        "ontbrekend.",
        "en": "Eurostat download: the first column was split into {dims}; ':' is read as missing.",
    },
    "eurostat_flags": {
        "nl": "Eurostat-download: de eerste kolom is gesplitst in {dims}; ':' is gelezen als "
        "ontbrekend, en deze vlaggen achter waarden zijn weggelaten: {said}.",
        "en": "Eurostat download: the first column was split into {dims}; ':' is read as "
        "missing, and these flags after values were left out: {said}.",
    },
    "long": {
        "nl": "De tabel was lang (één rij per regio{year} en indicator); die is omgezet naar "
        "één kolom per indicator uit kolom '{indicator}', met de waarden uit '{value}'.{extra}",
        "en": "The table was long (one row per region{year} and indicator); it was turned into "
        "one column per indicator from column '{indicator}' with values from '{value}'.{extra}",
    },
    "wide": {
        "nl": "De tabel had één kolom per jaar: {n} kolommen ({years}) zijn gelezen als de jaren "
        "{first} tot en met {last}, en omgezet naar één rij per regio en jaar (regio uit kolom "
        "'{region}', jaar in kolom '{year}').{what}{extra}",
        "en": "The table had one column per year: {n} columns ({years}) were taken as the years "
        "{first} to {last}, and turned into one row per region and year (region from column "
        "'{region}', year in column '{year}').{what}{extra}",
    },
    "wide_marks": {
        "nl": "{n} kolommen hebben een teken achter het jaar (voorlopig of een voetnoot): "
        "{columns}; hun waarden zijn gelezen zoals ze zijn.",
        "en": "{n} column(s) have a mark after the year (provisional or a footnote): {columns}; "
        "their values are read as they are.",
    },
    "wide_marks_one": {
        "nl": "{n} kolom heeft een teken achter het jaar (voorlopig of een voetnoot): "
        "{columns}; de waarden zijn gelezen zoals ze zijn.",
        "en": "{n} column(s) have a mark after the year (provisional or a footnote): {columns}; "
        "their values are read as they are.",
    },
    "units": {
        "nl": "Kolom '{column}' geeft elke indicator zijn eenheid; die staat nu achter de naam "
        "van de indicator: {examples}.",
        "en": "Column '{column}' gives each indicator its unit; it is now written after the "
        "indicator's name: {examples}.",
    },
}

# parts of the notes above
LOAD_NOTE_PARTS = {
    "row": {"nl": "rij {rows}", "en": "row {rows}"},
    "rows": {"nl": "rijen {rows}", "en": "rows {rows}"},
    "line": {"nl": "regel {rows}", "en": "line {rows}"},
    "lines": {"nl": "regels {rows}", "en": "lines {rows}"},
    "more_groups": {"nl": " (en nog {n})", "en": " (and {n} more)"},
    "year": {"nl": ", jaar", "en": ", year"},
    "wide_indicators": {
        "nl": " Eén kolom per indicator ({n}) uit {columns}.",
        "en": " One column per indicator ({n}) from {columns}.",
    },
    "wide_value": {
        "nl": " Er is geen indicatorkolom: de waarden staan in kolom '{value}', genoemd naar "
        "het bestand.",
        "en": " There is no indicator column: the values are in column '{value}', named after "
        "the file.",
    },
    "left_out_column": {
        "nl": " Kolom {columns} weggelaten: die is constant of beschrijft de indicator.",
        "en": " Left out column(s) {columns}: constant or describing the indicator.",
    },
    "left_out_columns": {
        "nl": " Kolommen {columns} weggelaten: die zijn constant of beschrijven de indicator.",
        "en": " Left out column(s) {columns}: constant or describing the indicator.",
    },
}

# the flags Eurostat writes after a value (33090 p)
EUROSTAT_FLAGS = {
    "b": {"nl": "breuk in de tijdreeks", "en": "break in time series"},
    "c": {"nl": "vertrouwelijk", "en": "confidential"},
    "d": {"nl": "definitie wijkt af", "en": "definition differs"},
    "e": {"nl": "geschat", "en": "estimated"},
    "f": {"nl": "prognose", "en": "forecast"},
    "n": {"nl": "niet significant", "en": "not significant"},
    "p": {"nl": "voorlopig", "en": "provisional"},
    "r": {"nl": "herzien", "en": "revised"},
    "s": {"nl": "schatting van Eurostat", "en": "Eurostat estimate"},
    "u": {"nl": "lage betrouwbaarheid", "en": "low reliability"},
    "z": {"nl": "niet van toepassing", "en": "not applicable"},
    "other": {"nl": "vlag", "en": "flag"},
}

AREAS = {
    "load_notes": LOAD_NOTES,
    "load_note_parts": LOAD_NOTE_PARTS,
    "eurostat_flags": EUROSTAT_FLAGS,
}
