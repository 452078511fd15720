"""Texts of the errors that bad input gets (indicators.errors.DataError), English and Dutch.

The English texts are the messages as the core has always written them (tests and users'
scripts read them); parts of sentences (``where``, ``row_*``) are filled in per language.
"""

# parts of the messages about a column (indicators/dataset/validate.py)
PARTS = {
    "where": {"nl": "Kolom '{column}' in '{source}'", "en": "In '{source}', column '{column}'"},
    "row_empty": {"nl": "rij {row} (leeg)", "en": "row {row} (empty)"},
    "row_value": {"nl": "rij {row} ('{value}')", "en": "row {row} ('{value}')"},
    "more_rows": {"nl": " en nog {n} rijen", "en": " and {n} more rows"},
    "and_more": {"nl": " (en nog {n})", "en": " (and {n} more)"},
    "did_you_mean": {"nl": "; bedoelt u '{name}'?", "en": "; did you mean '{name}'?"},
    # parts of the messages about a file (indicators/io/load.py)
    "same_name": {"nl": "'{column}' (kolommen {letters})", "en": "'{column}' (columns {letters})"},
    "line_has": {"nl": "regel {line} heeft er {n}", "en": "line {line} has {n}"},
    "line_open_quote": {
        "nl": 'regel {line} heeft er {n}: een dubbel aanhalingsteken (") op die regel wordt pas '
        "op regel {end} gesloten",
        "en": 'line {line} has {n}: a double quote (") on that line is not closed until line {end}',
    },
    "more_lines": {"nl": " (en nog {n} regels)", "en": " (and {n} more lines)"},
    "other_sheets": {
        "nl": "De andere bladen zijn {sheets}: kies er een met de bladkeuze, of met --sheet NAAM "
        "op de opdrachtregel.",
        "en": "The other sheets are {sheets}: choose one with the sheet picker, or with "
        "--sheet NAME on the command line.",
    },
}

ERRORS = {
    # ---- columns (indicators/dataset/validate.py)
    "no_column": {
        "nl": "'{source}' heeft geen kolom '{column}'{hint} De kolommen zijn: {shown}. Kies een "
        "van deze kolommen, of geef de kolom in uw bestand die naam.",
        "en": "'{source}' has no column '{column}'{hint} The columns are: {shown}. Choose one of "
        "these columns, or rename the column in your file.",
    },
    "not_numbers": {
        "nl": "{where} hoort getallen te bevatten, maar heeft tekst in {examples}. Schrijf deze "
        "als getallen (bijvoorbeeld 12,5 of 12.5), laat de cel leeg voor een ontbrekende "
        "waarde, of kies een andere kolom.",
        "en": "{where} should hold numbers, but has text in {examples}. Write these as numbers "
        "(for example 12,5 or 12.5), leave the cell empty for a missing value, or choose "
        "another column.",
    },
    "negative_weights": {
        "nl": "{where} mag alleen gewichten van nul of meer hebben, maar heeft negatieve "
        "gewichten in {examples}. Verbeter deze gewichten of kies een andere gewichtkolom.",
        "en": "{where} weights must be zero or more, but there are negative weights in "
        "{examples}. Correct these weights or choose another weight column.",
    },
    "weights_all_missing": {
        "nl": "{where}: alle gewichten ontbreken, dus er kan niets gewogen worden. Kies een "
        "andere gewichtkolom, of geen gewicht.",
        "en": "{where} all weights are missing, so nothing can be weighted. Choose another "
        "weight column, or choose no weight.",
    },
    "weights_all_zero": {
        "nl": "{where}: alle gewichten zijn nul, dus er kan niets gewogen worden. Kies een "
        "andere gewichtkolom, of geen gewicht.",
        "en": "{where} all weights are zero, so nothing can be weighted. Choose another "
        "weight column, or choose no weight.",
    },
    "infinite_values": {
        "nl": "{where} heeft oneindig grote waarden (Inf) in {examples}. Een gemiddelde of "
        "spreiding ermee is niet te berekenen: verbeter deze waarden of laat de cellen leeg.",
        "en": "{where} has infinite values (Inf) in {examples}. No mean or spread can be "
        "computed with them: correct these values or leave the cells empty.",
    },
    "huge_values": {
        "nl": "{where} heeft waarden zo groot dat hun som oneindig is, in {examples}. Controleer "
        "deze waarden (een verkeerde eenheid of een foutcode?) en verbeter ze.",
        "en": "{where} has values so large that their sum is infinite, in {examples}. Check "
        "these values (a wrong unit or an error code?) and correct them.",
    },
    "mixed_decimals": {
        "nl": "{where} schrijft getallen met een decimale komma ({commas}) en met een decimale "
        "punt ({points}). Schrijf alle getallen in deze kolom met hetzelfde decimaalteken.",
        "en": "{where} writes numbers with a decimal comma ({commas}) and with a decimal point "
        "({points}). Write every number in this column with the same decimal mark.",
    },
    "no_values": {
        "nl": "{where} heeft geen enkele waarde: alle {n} cellen zijn leeg of ontbrekend. Kies "
        "de kolom met de gegevens, of vul deze kolom.",
        "en": "{where} has no values at all: all {n} cells are empty or missing. Choose the "
        "column that holds the data, or fill this one.",
    },
    "infinite_weights": {
        "nl": "{where} heeft oneindig grote gewichten in {examples}. Verbeter deze gewichten.",
        "en": "{where} has infinite weights in {examples}. Correct these weights.",
    },
    "no_region": {
        "nl": "{where} heeft geen regio in {examples}. Vul de regio in voor deze rijen, of haal "
        "de rijen uit het bestand.",
        "en": "{where} has no region in {examples}. Fill in the region for these rows, or "
        "remove the rows from the file.",
    },
    "not_a_year_or_period": {
        "nl": "'{value}' is geen jaar (zoals 2019) of CBS-periode (2019JJ00).",
        "en": "'{value}' is not a year (such as 2019) or a CBS period (2019JJ00).",
    },
    "not_a_year": {
        "nl": "'{value}' is geen jaar (zoals 2019) of CBS-periode (2019JJ00, 2019KW01, 2019MM01).",
        "en": "'{value}' is not a year (such as 2019) or a CBS period (2019JJ00, 2019KW01, "
        "2019MM01).",
    },
    "not_years": {
        "nl": "{where} hoort jaren (zoals 2019) of CBS-perioden (zoals 2019JJ00) te bevatten, "
        "maar heeft {examples}. Verbeter deze waarden, of kies een andere kolom als jaar.",
        "en": "{where} should hold years (such as 2019) or CBS periods (such as 2019JJ00), but "
        "has {examples}. Correct these values, or choose another column as the year.",
    },
    "no_year": {
        "nl": "{where} heeft geen jaar in {examples}. Vul het jaar in voor deze rijen, of haal "
        "de rijen uit het bestand.",
        "en": "{where} has no year in {examples}. Fill in the year for these rows, or remove "
        "the rows from the file.",
    },
    # ---- files (indicators/io/load.py)
    "not_a_table": {
        "nl": "Het bestand '{name}' is {what}, geen tabel. {advice}",
        "en": "The file '{name}' is {what}, not a table. {advice}",
    },
    "advice_excel": {
        "nl": "Open het in Excel en sla het op als .xlsx of als CSV.",
        "en": "Open it in Excel and save it as .xlsx or as CSV.",
    },
    "advice_table": {
        "nl": "Kies het CSV-, Excel- (.xlsx) of Parquet-bestand met uw tabel.",
        "en": "Choose the CSV, Excel (.xlsx) or Parquet file that contains your table.",
    },
    "duplicate_columns": {
        "nl": "Het bestand '{name}' heeft meer dan één kolom met dezelfde naam in de kopregel "
        "(rij {row}): {parts}. Geef elke kolom een eigen naam en upload het bestand opnieuw.",
        "en": "The file '{name}' has more than one column with the same name in the header "
        "(row {row}): {parts}. Give every column its own name and upload the file again.",
    },
    "not_columns": {
        "nl": "Het bestand '{name}' kan niet gelezen worden als een tabel met {width} kolommen, "
        "gescheiden door {seps}. Controleer of elke regel evenveel waarden heeft.",
        "en": "The file '{name}' could not be read as a table with {width} columns separated by "
        "{seps}. Check that every line has the same number of values.",
    },
    "ragged_lines": {
        "nl": "Het bestand '{name}' heeft regels met een ander aantal waarden dan de kopregel "
        "({width} kolommen, gescheiden door {seps}): {lines}. Een waarde met een {sep} erin "
        "moet tussen dubbele aanhalingstekens staan; haal regels weg die niet bij de tabel "
        "horen (titels, opmerkingen, bronnen) en upload het bestand opnieuw.",
        "en": "The file '{name}' has lines with a different number of values than the header "
        "({width} columns, separated by {seps}): {lines}. A value that contains a {sep} must "
        "be put in double quotes; remove lines that are not part of the table (titles, notes, "
        "sources) and upload the file again.",
    },
    "file_not_found": {
        "nl": "Het bestand '{name}' is niet gevonden in {path}. Controleer de naam en de map.",
        "en": "The file '{name}' was not found at {path}. Check the name and folder.",
    },
    "file_too_large": {
        "nl": "Het bestand '{name}' is {size} MB, meer dan de {limit} MB die dit dashboard kan "
        "lezen. Haal kolommen of rijen weg die u niet nodig hebt, of sla het op als Parquet, "
        "dat veel kleiner is.",
        "en": "The file '{name}' is {size} MB, more than the {limit} MB this dashboard can "
        "read. Remove columns or rows you do not need, or save it as Parquet, which is much "
        "smaller.",
    },
    "empty_file": {
        "nl": "Het bestand '{name}' is leeg. Kies het bestand met uw tabel.",
        "en": "The file '{name}' is empty. Choose the file that contains your table.",
    },
    "web_page": {
        "nl": "Het bestand '{name}' is een webpagina, geen tabel. Download de gegevens zelf "
        "(bijvoorbeeld 'CSV' op de downloadpagina van StatLine) en kies dat bestand.",
        "en": "The file '{name}' is a web page, not a table. Download the data itself (for "
        "example 'CSV' on the StatLine download page) and choose that file.",
    },
    "binary": {
        "nl": "Het bestand '{name}' is geen teksttabel (het bevat binaire gegevens). Kies een "
        "CSV-, Excel- (.xlsx) of Parquet-bestand.",
        "en": "The file '{name}' is not a text table (it contains binary data). Choose a CSV, "
        "Excel (.xlsx) or Parquet file.",
    },
    "undecodable": {
        "nl": "De tekst in '{name}' kan niet gelezen worden: regel {line} bevat tekens in een "
        "onbekende codering. Kies in Excel 'Opslaan als' > 'CSV UTF-8 (door komma's "
        "gescheiden)' en upload dat bestand.",
        "en": "The text in '{name}' cannot be read: line {line} contains characters in an "
        "unknown encoding. In Excel choose 'Save as' > 'CSV UTF-8 (comma delimited)' and "
        "upload that file.",
    },
    "header_no_rows": {
        "nl": "Het bestand '{name}' heeft een kopregel maar geen rijen met gegevens. Zet de "
        "gegevens onder de kopregel ({header}) of kies een ander bestand.",
        "en": "The file '{name}' has a header row but no data rows. Add the data under the "
        "header ({header}) or choose another file.",
    },
    "header_no_rows_plain": {
        "nl": "Het bestand '{name}' heeft een kopregel maar geen rijen met gegevens. Zet de "
        "gegevens onder de kopregel of kies een ander bestand.",
        "en": "The file '{name}' has a header row but no data rows. Add the data under the "
        "header or choose another file.",
    },
    "columns_no_rows": {
        "nl": "Het bestand '{name}' heeft kolommen maar geen rijen met gegevens. Kies een ander "
        "bestand.",
        "en": "The file '{name}' has columns but no data rows. Choose another file.",
    },
    "not_xlsx": {
        "nl": "Het bestand '{name}' is geen Excel-werkmap (.xlsx) die geopend kan worden (het "
        "is misschien een Word-document, een zipbestand of beschadigd). Open het in Excel, "
        "sla het op als .xlsx of CSV, en upload het opnieuw.",
        "en": "The file '{name}' is not an Excel workbook (.xlsx) that can be opened (it may be "
        "a Word document, a zip file or damaged). Open it in Excel, save it as .xlsx or CSV, "
        "and upload it again.",
    },
    "no_sheet_number": {
        "nl": "De werkmap '{name}' heeft geen blad nummer {number}; de bladen zijn {sheets}. "
        "Kies een van deze bladen.",
        "en": "The workbook '{name}' has no sheet number {number}; its sheets are {sheets}. "
        "Choose one of these sheets.",
    },
    "no_sheet_named": {
        "nl": "De werkmap '{name}' heeft geen blad '{sheet}'; de bladen zijn {sheets}. Kies een "
        "van deze bladen.",
        "en": "The workbook '{name}' has no sheet named '{sheet}'; its sheets are {sheets}. "
        "Choose one of these sheets.",
    },
    "too_many_cells": {
        "nl": "De tabel in '{name}' heeft {rows} rijen en {cols} kolommen; dit dashboard leest "
        "ten hoogste {max_rows} rijen, {max_cols} kolommen en {max_cells} cellen. Haal rijen of "
        "kolommen weg die u niet nodig hebt, of deel het bestand op (bijvoorbeeld per jaar).",
        "en": "The table in '{name}' has {rows} rows and {cols} columns; this dashboard reads at "
        "most {max_rows} rows, {max_cols} columns and {max_cells} cells. Remove rows or columns "
        "you do not need, or split the file (for example by year).",
    },
    "open_quote": {
        "nl": "Het bestand '{name}' heeft op regel {line} een dubbel aanhalingsteken (\") dat "
        "nergens gesloten wordt, zodat de rest van het bestand als een waarde gelezen wordt. "
        "Haal het teken weg of sluit het, en upload het bestand opnieuw.",
        "en": "The file '{name}' has a double quote (\") on line {line} that is never closed, "
        "so the rest of the file reads as one value. Remove the quote or close it, and upload "
        "the file again.",
    },
    "too_many_cells_about": {
        "nl": "De tabel in '{name}' heeft ongeveer {rows} rijen en {cols} kolommen (geschat uit "
        "de eerste regels, voordat het bestand gelezen is); dit dashboard leest ten hoogste "
        "{max_rows} rijen, {max_cols} kolommen en {max_cells} cellen. Haal rijen of kolommen weg "
        "die u niet nodig hebt, of deel het bestand op (bijvoorbeeld per jaar).",
        "en": "The table in '{name}' has about {rows} rows and {cols} columns (estimated from its "
        "first lines, before the file is read); this dashboard reads at most {max_rows} rows, "
        "{max_cols} columns and {max_cells} cells. Remove rows or columns you do not need, or "
        "split the file (for example by year).",
    },
    "xlsx_unpacked": {
        "nl": "De werkmap '{name}' is uitgepakt {size} MB, meer dan de {limit} MB die dit "
        "dashboard opent (een .xlsx-bestand is een ingepakte map). Sla alleen het blad met uw "
        "tabel op als CSV of Parquet en upload dat.",
        "en": "The workbook '{name}' unpacks to {size} MB, more than the {limit} MB this "
        "dashboard opens (an .xlsx file is a packed folder). Save only the sheet with your "
        "table as CSV or Parquet and upload that.",
    },
    "xlsx_parts": {
        "nl": "De werkmap '{name}' bestaat uit {n} delen, meer dan de {limit} die dit dashboard "
        "opent; een echte werkmap heeft er tientallen. Sla het blad met uw tabel op als CSV en "
        "upload dat.",
        "en": "The workbook '{name}' holds {n} parts, more than the {limit} this dashboard "
        "opens; a real workbook has tens. Save the sheet with your table as CSV and upload "
        "that.",
    },
    "xlsx_bomb": {
        "nl": "De werkmap '{name}' is niet geopend: het deel '{part}' pakt uit tot {ratio} keer "
        "zijn grootte, wat een echte werkmap niet doet (een 'zipbom' kan de computer "
        "vastzetten). Open het bestand alleen als u de afzender vertrouwt, sla het op als CSV "
        "en upload dat.",
        "en": "The workbook '{name}' was not opened: its part '{part}' unpacks to {ratio} times "
        "its size, which no real workbook does (a 'zip bomb' can freeze the computer). Open "
        "the file only if you trust who sent it, save it as CSV and upload that.",
    },
    "xlsx_extent": {
        "nl": "Het blad '{sheet}' van '{name}' loopt tot cel {corner}: {rows} rijen bij {cols} "
        "kolommen, meer dan de {limit} cellen die dit dashboard leest. Meestal staat er een "
        "losse cel ver buiten uw tabel (Ctrl+End in Excel gaat erheen): verwijder de rijen en "
        "kolommen na uw tabel, sla op en upload opnieuw, of sla het blad op als CSV.",
        "en": "The sheet '{sheet}' of '{name}' reaches to cell {corner}: {rows} rows by {cols} "
        "columns, more than the {limit} cells this dashboard reads. Usually a stray cell lies "
        "far outside your table (Ctrl+End in Excel goes there): delete the rows and columns "
        "after your table, save and upload again, or save the sheet as CSV.",
    },
    "xlsx_formulas": {
        "nl": "Het blad '{sheet}' van '{name}' heeft {n} cel(len) met een formule zonder "
        "berekende waarde ({cells}): het bestand is door een programma gemaakt en nooit in een "
        "rekenblad opgeslagen. Open het in Excel of LibreOffice, sla het op en upload het "
        "opnieuw.",
        "en": "The sheet '{sheet}' of '{name}' has {n} cell(s) with a formula but no calculated "
        "value ({cells}): the file was made by a program and never saved in a spreadsheet. "
        "Open it in Excel or LibreOffice, save it and upload it again.",
    },
    "empty_sheet": {
        "nl": "Het blad '{sheet}' van '{name}' is leeg. Kies het blad met uw tabel.{others}",
        "en": "The sheet '{sheet}' of '{name}' is empty. Choose the sheet that contains your "
        "table.{others}",
    },
    "sheet_header_no_rows": {
        "nl": "Het blad '{sheet}' van '{name}' heeft een kopregel maar geen rijen met gegevens. "
        "Zet de gegevens onder de kopregel ({header}) of kies een ander blad.{others}",
        "en": "The sheet '{sheet}' of '{name}' has a header row but no data rows. Add the data "
        "under the header ({header}) or choose another sheet.{others}",
    },
    "parquet_damaged": {
        "nl": "Het bestand '{name}' lijkt Parquet maar kan niet gelezen worden (het is "
        "misschien beschadigd of onvolledig). Exporteer het opnieuw en upload het nieuwe "
        "bestand.",
        "en": "The file '{name}' looks like Parquet but cannot be read (it may be damaged or "
        "incomplete). Export it again and upload the new file.",
    },
    # ---- measures (indicators/stats/measures.py, indicators/results.py)
    "unknown_measure": {
        "nl": "Onbekende maat '{raw}'. Bekende maten: {known}.",
        "en": "Unknown measure '{raw}'. Known measures: {known}.",
    },
    "measure_is_part": {
        "nl": "Maat '{raw}' is het deel {part} van '{part_of}', geen maat op zich: vraag om "
        "{part_of}; de delen staan op de rijen van alle regio's samen.",
        "en": "Measure '{raw}' is the {part} part of '{part_of}', not a measure of its own: ask "
        "for {part_of}; its parts come on the rows of all regions together.",
    },
    "measure_needs_parameter": {
        "nl": "Maat '{raw}' heeft een {parameter} nodig na '{written}', bijvoorbeeld {example}.",
        "en": "Measure '{raw}' needs a {parameter} after '{written}', e.g. {example}.",
    },
    "measure_parameter_not_a_number": {
        "nl": "Maat '{raw}': '{arg}' is geen getal. Schrijf bijvoorbeeld {example}.",
        "en": "Measure '{raw}': '{arg}' is not a number. Write for example {example}.",
    },
    "measure_parameter_too_low": {
        "nl": "Maat '{raw}': de parameter {parameter} moet boven {above} liggen (bijvoorbeeld "
        "{example}).",
        "en": "Measure '{raw}': the parameter {parameter} must be above {above} (for example "
        "{example}).",
    },
    "text_answers_need_order": {
        "nl": "{source}: kolom '{column}' bevat tekstantwoorden ({examples}). Geef hun volgorde "
        'van laag naar hoog met --order "LAAG,...,HOOG" om scores 1..k te berekenen, of vraag '
        "alleen om share:LABEL-maten.",
        "en": "{source}: column '{column}' holds text answers ({examples}). Give their order from "
        'low to high with --order "LOW,...,HIGH" to compute scores 1..k, or ask only for '
        "share:LABEL measures.",
    },
    "not_a_group_column": {
        "nl": "Kan niet uitsplitsen naar {columns}: geen groepkolom in de koppeling. "
        "Groepkolommen: {groups}.",
        "en": "Cannot break down by {columns}: not a group column in the mapping. Group "
        "columns: {groups}.",
    },
    "no_groups": {"nl": "geen", "en": "none"},
    # ---- long tables (indicators/io/load.py)
    "not_long": {
        "nl": "Het bestand '{name}' lijkt geen lange tabel: verwacht zijn een kolom met namen "
        "van indicatoren (zoals 'indicator', 'onderwerp' of 'variabele'), een kolom met getallen "
        "(zoals 'value' of 'waarde') en een regiokolom. De kolommen zijn {columns}.",
        "en": "The file '{name}' does not look like a long table: expected a column of indicator "
        "names (such as 'indicator', 'onderwerp' or 'variabele'), a column of numbers (such as "
        "'value' or 'waarde') and a region column. The columns are {columns}.",
    },
    # ---- maps (indicators/analyses/)
    "geojson_not_json": {
        "nl": "{name} is geen GeoJSON-bestand: het kan niet als JSON gelezen worden ({err}). "
        "Exporteer de kaart als GeoJSON (bijvoorbeeld uit QGIS of mapshaper) en upload hem "
        "opnieuw.",
        "en": "{name} is not a GeoJSON file: it cannot be read as JSON ({err}). Export the map as "
        "GeoJSON (for example from QGIS or mapshaper) and upload it again.",
    },
    "topojson": {
        "nl": "{name} is TopoJSON, geen GeoJSON. Zet het om naar GeoJSON (bijvoorbeeld met "
        "mapshaper: -o format=geojson) en upload het opnieuw.",
        "en": "{name} is TopoJSON, not GeoJSON. Convert it to GeoJSON (for example with "
        "mapshaper: -o format=geojson) and upload it again.",
    },
    "geojson_no_features": {
        "nl": "{name} bevat geen kaartvlakken: een GeoJSON FeatureCollection met een lijst "
        "'features' van gebieden is nodig.",
        "en": "{name} holds no map features: a GeoJSON FeatureCollection with a 'features' list "
        "of areas is needed.",
    },
    "geojson_no_properties": {
        "nl": "{name}: de kaartvlakken hebben geen eigenschappen, dus geen regiocode of naam om "
        "op te koppelen.",
        "en": "{name}: the features have no properties, so no region code or name to match on.",
    },
    # ---- mapping (indicators/dataset/)
    "link_map_unreadable": {
        "nl": "De kolomkeuzes in deze link kunnen niet gelezen worden (de link is misschien "
        "afgebroken of veranderd); de kolommen worden opnieuw voorgesteld. Kies ze op de pagina "
        "Gegevens.",
        "en": "The column choices in this link cannot be read (the link may be cut off or "
        "changed); the columns are suggested anew. Choose them on the Data page.",
    },
    "not_a_registry_variable": {
        "nl": "'{variable}' is geen variabele in het indicatorregister.",
        "en": "'{variable}' is not a variable in the indicator registry.",
    },
    "answers_not_in_order": {
        "nl": "{source}: kolom '{column}' heeft antwoorden die niet in de opgegeven volgorde "
        "staan: {examples}. De volgorde is: {order}. Zet deze antwoorden in de volgorde (van "
        "laag naar hoog), of verbeter ze in het bestand.",
        "en": "{source}: column '{column}' has answers that are not in the order you gave: "
        "{examples}. The order lists: {order}. Add these answers to the order (low to high), "
        "or correct them in the file.",
    },
    "answers_not_levels": {
        "nl": "{source}: kolom '{column}' heeft {n} antwoorden ({answers}), maar '{label}' heeft "
        "{k} niveaus ({levels}). Geef een volgorde met één antwoord per niveau, van laag naar "
        "hoog, of koppel deze kolom niet aan '{label}'.",
        "en": "{source}: column '{column}' has {n} answers ({answers}), but '{label}' has {k} "
        "levels ({levels}). Give an order with one answer per level, low to high, or do not "
        "tie this column to '{label}'.",
    },
}

# what a file is, by its first bytes (indicators/io/load.py _SIGNATURES)
FILE_KINDS = {
    "pdf": {"nl": "een PDF-document", "en": "a PDF document"},
    "png": {"nl": "een PNG-afbeelding", "en": "a PNG image"},
    "jpeg": {"nl": "een JPEG-afbeelding", "en": "a JPEG image"},
    "gif": {"nl": "een GIF-afbeelding", "en": "a GIF image"},
    "xls": {
        "nl": "een Excel-bestand (.xls) of Word-bestand (.doc) van het oude soort",
        "en": "an old-style Excel (.xls) or Word (.doc) file",
    },
    "gz": {"nl": "een gecomprimeerd bestand (.gz)", "en": "a compressed (.gz) file"},
}
# the separators of a CSV file, one and many (io._SEP_NAMES, spaces as _)
SEPARATORS = {
    "tab": {"nl": "tab", "en": "tab"},
    "semicolon": {"nl": "puntkomma", "en": "semicolon"},
    "comma": {"nl": "komma", "en": "comma"},
    "vertical_bar": {"nl": "verticale streep", "en": "vertical bar"},
    "space": {"nl": "spatie", "en": "space"},
}
SEPARATORS_PLURAL = {
    "tab": {"nl": "tabs", "en": "tabs"},
    "semicolon": {"nl": "puntkomma's", "en": "semicolons"},
    "comma": {"nl": "komma's", "en": "commas"},
    "vertical_bar": {"nl": "verticale strepen", "en": "vertical bars"},
    "space": {"nl": "spaties", "en": "spaces"},
}

# the names of measure parameters (measures.toml "parameter"), in the messages about them
MEASURE_PARAMETERS = {
    "threshold": {"nl": "drempel", "en": "threshold"},
    "label": {"nl": "antwoord", "en": "label"},
}

AREAS = {
    "measure_parameters": MEASURE_PARAMETERS,
    "error_parts": PARTS,
    "errors": ERRORS,
    "file_kinds": FILE_KINDS,
    "separators": SEPARATORS,
    "separators_plural": SEPARATORS_PLURAL,
}
