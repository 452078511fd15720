"""Texts of the report (indicators/report/): the HTML file, the workbook, the command and the
app's report download."""

REPORT = {
    "title": {"nl": "Rapport brede welvaart", "en": "Broad-welfare report"},
    "made": {
        "nl": "Gemaakt op {date} uit {source}, met het dashboard brede welvaart.",
        "en": "Made on {date} from {source}, with the broad-welfare dashboard.",
    },
    "about": {"nl": "Over dit rapport", "en": "About this report"},
    "about_source": {"nl": "Gegevens", "en": "Data"},
    "about_date": {"nl": "Datum", "en": "Date"},
    "about_shape": {"nl": "Soort gegevens", "en": "Kind of data"},
    "about_min_n": {"nl": "Kleine aantallen", "en": "Small cells"},
    "min_n_rule": {
        "nl": "waarden uit minder dan {n} waarnemingen zijn verborgen",
        "en": "values from fewer than {n} observations are hidden",
    },
    "about_lang": {"nl": "Taal", "en": "Language"},
    "lang_name": {"nl": "Nederlands", "en": "English"},
    "about_views": {"nl": "Onderdelen", "en": "Views"},
    "about_intervals": {"nl": "Intervallen", "en": "Intervals"},
    "intervals_micro": {
        "nl": "95%-betrouwbaarheidsintervallen uit de microdata (linearisatie); een verschil "
        "is significant als het interval nul uitsluit",
        "en": "95% confidence intervals from the microdata (linearization); a difference is "
        "significant when its interval excludes zero",
    },
    "intervals_aggregates": {
        "nl": "geen: geaggregeerde cijfers hebben geen steekproefonzekerheid",
        "en": "none: aggregate figures carry no sampling uncertainty",
    },
    "contents": {"nl": "Inhoud", "en": "Contents"},
    "definitions": {"nl": "Definities van de indicatoren", "en": "Definitions of the indicators"},
    "definitions_intro": {
        "nl": "Wat elke indicator in dit rapport meet en waarom hij erin staat.",
        "en": "What each indicator in this report measures and why it is there.",
    },
    "def_measure": {"nl": "Maat", "en": "Measure"},
    "def_unit": {"nl": "Eenheid", "en": "Unit"},
    "def_dimension": {"nl": "Dimensie", "en": "Dimension"},
    "def_polarity": {"nl": "Richting", "en": "Direction"},
    "def_rationale": {"nl": "Waarom", "en": "Rationale"},
    "def_reference": {"nl": "Bron", "en": "Reference"},
    "def_id": {"nl": "Code", "en": "Id"},
    "def_label": {"nl": "Indicator", "en": "Indicator"},
    "def_description": {"nl": "Omschrijving", "en": "Description"},
    "offline": {
        "nl": "Dit bestand werkt zonder internet: de grafieken zitten erin.",
        "en": "This file works without the internet: the charts are inside it.",
    },
    "sheet_results": {"nl": "resultaten", "en": "results"},
    "sheet_definitions": {"nl": "definities", "en": "definitions"},
    "sheet_about": {"nl": "over", "en": "about"},
    "sheet_table": {"nl": "tabel", "en": "table"},
    "no_tables": {
        "nl": "Dit onderdeel heeft geen tabel voor deze keuzes.",
        "en": "This view has no table for these choices.",
    },
    "unknown_view": {
        "nl": "--views: '{view}' is geen onderdeel van het rapport; kies uit {known}.",
        "en": "--views: '{view}' is not a view of the report; choose from {known}.",
    },
    "no_views": {
        "nl": "--views: geef ten minste één onderdeel, uit {known}.",
        "en": "--views: give at least one view, from {known}.",
    },
    "out_kind": {
        "nl": "--out '{out}': het rapport wordt een .html- of een .xlsx-bestand.",
        "en": "--out '{out}': the report is a .html or a .xlsx file.",
    },
    "no_variables": {
        "nl": "{source}: geen kolom die als variabele gebruikt kan worden. Koppel kolommen met "
        "--map VARIABELE=KOLOM (zie `python -m indicators registry`).",
        "en": "{source}: no column can be used as a variable. Tie columns with "
        "--map VARIABLE=COLUMN (see `python -m indicators registry`).",
    },
    "no_chromium": {
        "nl": "Voor afbeeldingen is Chromium nodig (Debian: apt-get install chromium), of "
        "BROWSER_PATH met het pad van een Chromium.",
        "en": "Images need Chromium (Debian: apt-get install chromium), or BROWSER_PATH "
        "set to the path of a Chromium.",
    },
    "written": {"nl": "Geschreven: {path}", "en": "Written: {path}"},
    "images_written": {
        "nl": "{n} afbeeldingen (PNG en SVG) in {folder}",
        "en": "{n} images (PNG and SVG) in {folder}",
    },
    # the app
    "app_heading": {"nl": "Rapport", "en": "Report"},
    "app_intro": {
        "nl": "Een rapport van de gekozen onderdelen, elk met de eerste keuzes van zijn "
        "pagina, in het Nederlands: een HTML-bestand dat zonder internet werkt (grafieken, de cijfers met "
        "hun intervallen, de definities) of een Excel-werkmap (alle resultaten, de definities "
        "en een blad per onderdeel). Het wordt gemaakt als u op de knop klikt.",
        "en": "A report of the chosen views, each with its page's first choices, in English: an "
        "HTML file that works without the internet (charts, the numbers with their intervals, "
        "the definitions) or an Excel workbook (all results, the definitions and a sheet per "
        "view). It is made when you click the button.",
    },
    "app_views": {"nl": "Onderdelen van het rapport", "en": "Views in the report"},
    "app_html": {"nl": "Rapport (HTML)", "en": "Report (HTML)"},
    "app_xlsx": {"nl": "Rapport (Excel)", "en": "Report (Excel)"},
    "app_pick": {"nl": "Kies ten minste één onderdeel.", "en": "Choose at least one view."},
    "image_png": {"nl": "PNG", "en": "PNG"},
    "image_svg": {"nl": "SVG", "en": "SVG"},
    "image_help": {
        "nl": "De grafiek als afbeelding (gemaakt als u klikt)",
        "en": "The chart as an image (made when you click)",
    },
}

AREAS = {"report": REPORT}
