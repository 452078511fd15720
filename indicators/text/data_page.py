"""Texts of the Data page (indicators/ui/data.py)."""

DATA_PAGE = {
    "title": {"nl": "Gegevens", "en": "Data"},
    "intro": {
        "nl": "Kies de demodata of upload uw eigen bestand, zeg welke kolommen wat betekenen, "
        "en controleer wat er gebruikt wordt. Uw bestand blijft in deze sessie en wordt niet "
        "veranderd.",
        "en": "Choose the demo data or upload your own file, say which columns mean what, and "
        "check what is used. Your file stays in this session and is never changed.",
    },
    "step_source": {"nl": "1. Welke gegevens", "en": "1. Which data"},
    "choose": {"nl": "Gegevens in gebruik", "en": "Data in use"},
    "upload_choice": {"nl": "Uw bestand: {name}", "en": "Your file: {name}"},
    "uploader": {
        "nl": "Upload een of meer bestanden (CSV, TSV, TXT, Excel of Parquet)",
        "en": "Upload one or more files (CSV, TSV, TXT, Excel or Parquet)",
    },
    "uploader_help": {
        "nl": "Eén rij per persoon (microdata) of één rij per regio en jaar (cijfers per regio). "
        "Puntkomma's en decimale komma's, CBS StatLine-bestanden en lange tabellen (regio, "
        "jaar, onderwerp, waarde, eenheid) en brede tabellen met één kolom per jaar (StatLine, "
        "Eurostat, OECD) worden herkend. Meer bestanden tegelijk (één per jaar of één per "
        "indicator, met dezelfde regiokolom) worden gecombineerd tot één tabel.",
        "en": "One row per person (microdata) or one row per region and year (figures per "
        "region). Semicolons and decimal commas, CBS StatLine files and long tables (region, "
        "year, topic, value, unit) and wide tables with one column per year (StatLine, Eurostat, "
        "OECD) are recognised. Several files at once (one per year or one per indicator, with "
        "the same region column) are combined into one table.",
    },
    "uploader_note": {
        "nl": "Klik in het vak hierboven op **Upload** om uw bestand te kiezen, of sleep het "
        "naar het vak; maximaal {mb} MB per bestand. De knop en de tekst in het vak ('per "
        "file', 'Drag and drop') komen van Streamlit en staan in het Engels: Streamlit kan ze "
        "niet vertalen.",
        "en": "",
    },
    "upload_failed": {
        "nl": "**{name} kan niet gebruikt worden.** De gegevens in gebruik blijven: {current}.",
        "en": "**{name} cannot be used.** The data in use stays: {current}.",
    },
    "sheet": {"nl": "Werkblad", "en": "Sheet"},
    "sheet_help": {
        "nl": "Dit werkboek heeft meerdere werkbladen; kies het blad met uw tabel.",
        "en": "This workbook has several sheets; choose the one with your table.",
    },
    "step_file": {"nl": "2. Wat er in het bestand staat", "en": "2. What the file holds"},
    "size": {
        "nl": "{rows} rijen en {cols} kolommen.",
        "en": "{rows} rows and {cols} columns.",
    },
    "read_notes": {"nl": "Wat er bij het inlezen is gedaan", "en": "What was done while reading"},
    "preview": {"nl": "Eerste rijen van het bestand", "en": "First rows of the file"},
    "step_mapping": {"nl": "3. Welke kolom is wat", "en": "3. Which column is what"},
    "mapping_intro": {
        "nl": "Voorgesteld op basis van de kolomnamen; pas aan waar nodig en klik op "
        "**Kolommen opslaan**.",
        "en": "Suggested from the column names; change what is needed and click **Save columns**.",
    },
    "not_used": {"nl": "— niet gebruikt —", "en": "— not used —"},
    "region_col": {"nl": "Regio (verplicht)", "en": "Region (required)"},
    "year_col": {"nl": "Jaar", "en": "Year"},
    "weight_col": {"nl": "Gewicht", "en": "Weight"},
    "weight_help": {
        "nl": "Enquêtegewicht (per persoon) of aantal inwoners (bij cijfers per regio).",
        "en": "Survey weight (per person) or population (for figures per region).",
    },
    "groups_col": {"nl": "Groepen (uitsplitsingen)", "en": "Groups (breakdowns)"},
    "merge_head": {
        "nl": "Namen die één regio kunnen zijn",
        "en": "Names that may be one region",
    },
    "merge_intro": {
        "nl": "Deze namen verschillen alleen in hoofdletters, spaties, leestekens, accenten of "
        "letters die op elkaar lijken. Nu tellen ze als aparte regio's; voeg ze samen als ze "
        "één regio zijn. Uw bestand blijft zoals het is.",
        "en": "These names differ only in case, spaces, punctuation, accents or look-alike "
        "letters. They count as separate regions now; merge them if they are one region. Your "
        "file stays as it is.",
    },
    "merge_line": {"nl": "{names} ({rows})", "en": "{names} ({rows})"},
    "merge_button": {"nl": "Tel als één: {target}", "en": "Count as one: {target}"},
    "merged": {
        "nl": "Samengevoegd op uw keuze: {pairs}.",
        "en": "Merged as you chose: {pairs}.",
    },
    "merged_pair": {
        "nl": "'{written}' telt als '{counted}'",
        "en": "'{written}' counts as '{counted}'",
    },
    "merge_undo": {"nl": "Samenvoegen ongedaan maken", "en": "Undo the merging"},
    "rows_each": {"nl": "rijen: {counts}", "en": "rows: {counts}"},
    "design_head": {
        "nl": "Steekproefopzet (optioneel, voor de intervallen)",
        "en": "Survey design (optional, for the intervals)",
    },
    "design_intro": {
        "nl": "Een enquête die getrokken is in strata of in clusters (bijvoorbeeld huishoudens of "
        "adressen) heeft andere onzekerheid dan een enkelvoudige steekproef. Kies de kolommen "
        "als uw bestand ze heeft; zonder keuze telt elke rij als een eigen trekking.",
        "en": "A survey drawn in strata or in clusters (households or addresses, say) has other "
        "uncertainty than a simple sample. Choose the columns if your file has them; without "
        "them every row counts as a draw of its own.",
    },
    "strata_col": {"nl": "Strata", "en": "Strata"},
    "strata_help": {
        "nl": "De kolom met het stratum van elke rij (bijvoorbeeld de regio waarin apart is "
        "getrokken).",
        "en": "The column with each row's stratum (for example the region drawn separately).",
    },
    "cluster_col": {
        "nl": "Clusters (primaire trekkingseenheden)",
        "en": "Clusters (primary sampling units)",
    },
    "cluster_help": {
        "nl": "De kolom met de eenheid die getrokken is (huishouden, adres, school); rijen met "
        "dezelfde waarde horen bij elkaar.",
        "en": "The column with the unit that was drawn (household, address, school); rows with "
        "the same value belong together.",
    },
    "design_fact": {
        "nl": "Intervallen (95%) volgen de steekproefopzet: {design}.",
        "en": "Intervals (95%) follow the survey design: {design}.",
    },
    "design_simple": {
        "nl": "Intervallen (95%) nemen aan dat elke rij een eigen trekking is (geen strata of "
        "clusters gekozen).",
        "en": "Intervals (95%) assume every row is a draw of its own (no strata or clusters "
        "chosen).",
    },
    "design_strata": {"nl": "strata uit kolom '{column}'", "en": "strata from column '{column}'"},
    "design_cluster": {
        "nl": "clusters uit kolom '{column}'",
        "en": "clusters from column '{column}'",
    },
    "design_and": {"nl": " en ", "en": " and "},
    "design_aggregates": {
        "nl": "Geen intervallen: cijfers per regio zijn geen steekproef van personen.",
        "en": "No intervals: figures per region are not a sample of people.",
    },
    "groups_help": {
        "nl": "Bijvoorbeeld geslacht, leeftijd, opleiding, stedelijkheid. Kolommen met een "
        "andere rol (regio, jaar, gewicht, variabele) staan hier niet bij. Een leeftijd in "
        "jaren wordt ingedeeld in leeftijdsklassen ({bands}).",
        "en": "For example gender, age, education, urbanisation. Columns with another role "
        "(region, year, weight, variable) are not listed. An age in years is split into age "
        "bands ({bands}).",
    },
    "variables": {"nl": "Variabelen uit de catalogus", "en": "Variables from the catalogue"},
    "own_head": {"nl": "Eigen variabelen", "en": "Your own variables"},
    "own_intro": {
        "nl": "Elke andere kolom kan gemeten worden zoals hij is, met uw eigen naam en eenheid. "
        "Antwoorden op een bekende schaal (niet zo gelukkig … zeer gelukkig, oneens … eens) "
        "krijgen hun volgorde; die kunt u hieronder bij stap 4 aanpassen. In een bestand met "
        "één rij per regio is elke kolom een eigen indicator, met de naam van de kolom.",
        "en": "Any other column can be measured as it is, with your own name and unit. Answers "
        "on a known scale (not too happy … very happy, disagree … agree) get their order; you "
        "can change it in step 4 below. In a file with one row per region each column is an "
        "indicator of its own, named as the column.",
    },
    "own_cols": {"nl": "Kolommen als eigen variabele", "en": "Columns as your own variables"},
    "own_label": {"nl": "Naam van '{column}'", "en": "Name of '{column}'"},
    "own_kind": {"nl": "Soort", "en": "Kind"},
    "own_unit": {"nl": "Eenheid", "en": "Unit"},
    "own_polarity": {"nl": "Wat is beter?", "en": "What is better?"},
    "kind_continuous": {"nl": "Getallen", "en": "Numbers"},
    "kind_ordinal": {"nl": "Antwoorden in een volgorde", "en": "Answers in an order"},
    "kind_binary": {"nl": "Twee antwoorden (ja/nee)", "en": "Two answers (yes/no)"},
    "kind_nominal": {"nl": "Categorieën (geen volgorde)", "en": "Categories (no order)"},
    "better_higher": {"nl": "Hoger is beter", "en": "Higher is better"},
    "better_lower": {"nl": "Lager is beter", "en": "Lower is better"},
    "better_none": {"nl": "Geen van beide", "en": "Neither"},
    "order_row_own": {"nl": "**{score}.** {answer}", "en": "**{score}.** {answer}"},
    "save_mapping": {"nl": "Kolommen opslaan", "en": "Save columns"},
    "reset_mapping": {"nl": "Voorstel herstellen", "en": "Restore the suggestion"},
    "saved": {"nl": "Opgeslagen.", "en": "Saved."},
    "unused": {"nl": "Niet gebruikt: {cols}.", "en": "Not used: {cols}."},
    "step_orders": {
        "nl": "4. Antwoorden: volgorde en categorieën",
        "en": "4. Answers: order and categories",
    },
    "orders_intro": {
        "nl": "Tekstantwoorden worden scores 1, 2, 3, ... van laag naar hoog. Zet ze met de "
        "pijlen in de goede volgorde (de eerste is de laagste); achter elk antwoord staat het "
        "niveau van de catalogus waarvoor het telt.",
        "en": "Text answers become scores 1, 2, 3, ... from low to high. Use the arrows to put "
        "them in the right order (the first is the lowest); after each answer is the "
        "catalogue level it counts as.",
    },
    "order_of": {
        "nl": "{label} (kolom '{column}'): {n} antwoorden, van '{first}' tot '{last}'",
        "en": "{label} (column '{column}'): {n} answers, from '{first}' to '{last}'",
    },
    "save_orders": {"nl": "Volgorde opslaan", "en": "Save the order"},
    "move_up": {"nl": "'{answer}' één plaats omhoog (lager)", "en": "Move '{answer}' up (lower)"},
    "move_down": {
        "nl": "'{answer}' één plaats omlaag (hoger)",
        "en": "Move '{answer}' down (higher)",
    },
    "order_row": {
        "nl": "**{score}.** {answer} → _{level}_",
        "en": "**{score}.** {answer} → _{level}_",
    },
    "order_named": {
        "nl": "Deze antwoorden heten zoals in de catalogus: elk telt als het niveau met die "
        "naam, in welke volgorde ze ook staan.",
        "en": "These answers are named as in the catalogue: each counts as the level of that "
        "name, whatever their order.",
    },
    "order_unsaved": {
        "nl": "De volgorde is veranderd maar nog niet opgeslagen.",
        "en": "The order has changed but is not saved yet.",
    },
    "categories_intro": {
        "nl": "Categorieën zonder volgorde (zoals arbeidsmarktpositie) hebben geen volgorde "
        "nodig: elke categorie in uw bestand telt als de categorie in de catalogus met "
        "dezelfde naam.",
        "en": "Categories without an order (such as work status) need no order: each "
        "category in your file counts as the catalogue category with the same name.",
    },
    "categories_of": {
        "nl": "{label} (kolom '{column}'): {n} categorieën, geen volgorde; {matched}",
        "en": "{label} (column '{column}'): {n} categories, no order; {matched}",
    },
    "all_matched": {
        "nl": "alle met een naam uit de catalogus",
        "en": "all named as in the catalogue",
    },
    "not_all_matched": {
        "nl": "niet alle met een naam uit de catalogus",
        "en": "not all named as in the catalogue",
    },
    "categories_unmatched": {
        "nl": "Niet elke categorie heeft de naam van een categorie in de catalogus ({levels}). "
        "Zulke categorieën worden op volgorde gekoppeld of kunnen niet gebruikt worden; geef "
        "ze in uw bestand de naam uit de catalogus (Nederlands of Engels).",
        "en": "Not every category has the name of a catalogue category ({levels}). Such "
        "categories are paired by position or cannot be used; give them the catalogue's "
        "name in your file (Dutch or English).",
    },
    "no_orders": {
        "nl": "Geen tekstantwoorden om te ordenen: alle gekozen kolommen zijn getallen.",
        "en": "No text answers to order: every chosen column holds numbers.",
    },
    "in_english": {
        "nl": "De toelichting hieronder is (nog) in het Engels.",
        "en": "",
    },
    "step_check": {"nl": "5. Controle", "en": "5. Check"},
    "mapping_error": {
        "nl": "**Met deze keuzes kunnen de gegevens niet gebruikt worden.**",
        "en": "**With these choices the data cannot be used.**",
    },
    "fix_hint": {
        "nl": "Pas de kolommen of de volgorde hierboven aan, of corrigeer het bestand en upload "
        "het opnieuw.",
        "en": "Change the columns or the order above, or correct the file and upload it again.",
    },
    "left_out": {"nl": "Wat er is weggelaten", "en": "What was left out"},
    "nothing_left_out": {
        "nl": "Er is niets weggelaten: elke rij heeft een waarde in elke gekozen kolom.",
        "en": "Nothing was left out: every row has a value in every chosen column.",
    },
    "missing_per_column": {
        "nl": "Rijen zonder waarde tellen alleen niet mee voor die ene variabele:",
        "en": "Rows without a value are left out of that variable only:",
    },
    "columns_used": {"nl": "Gebruikte kolommen", "en": "Columns used"},
    "step_small": {"nl": "6. Kleine aantallen", "en": "6. Small numbers"},
    "min_n": {"nl": "Minimum aantal waarnemingen", "en": "Minimum number of observations"},
    "min_n_help": {
        "nl": "Waarden uit minder dan {n} waarnemingen worden verborgen en gemarkeerd, zoals "
        "statistische bureaus doen: ze zijn te onzeker en kunnen personen herkenbaar maken.",
        "en": "Values from fewer than {n} observations are hidden and marked, as statistical "
        "offices do: they are too uncertain and could make people recognisable.",
    },
    "step_download": {"nl": "7. Resultaten downloaden", "en": "7. Download the results"},
    "download_intro": {
        "nl": "De resultatentabel: één rij per regio, jaar en indicator, met de naam van de "
        "indicator, de eenheid, het aantal waarnemingen en of de waarde verborgen is.",
        "en": "The results table: one row per region, year and indicator, with the indicator's "
        "name, its unit, the number of observations and whether the value is hidden.",
    },
    "download_csv": {"nl": "Download CSV", "en": "Download CSV"},
    "download_xlsx": {"nl": "Download Excel", "en": "Download Excel"},
    "results_preview": {
        "nl": "Voorbeeld van de resultaten ({n} rijen)",
        "en": "Preview of the results ({n} rows)",
    },
    "about_source": {"nl": "Bron", "en": "Source"},
    "about_shape": {"nl": "Vorm", "en": "Shape"},
    "about_min_n": {"nl": "Minimum aantal waarnemingen", "en": "Minimum number of observations"},
    "about_note": {
        "nl": "Gemaakt met het dashboard brede welvaart; 'Total' = alle regio's samen.",
        "en": "Made with the broad-welfare dashboard; 'Total' = all regions together.",
    },
}


AREAS = {
    "data_page": DATA_PAGE,
}
