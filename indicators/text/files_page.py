"""Texts of the Data page's upload of several files, and of a link made on such an upload."""

FILES_PAGE = {
    "combined_title": {
        "nl": "**{n} bestanden gecombineerd tot één tabel.** Wat niet overeenkwam:",
        "en": "**{n} files combined into one table.** What did not match:",
    },
    "combined_all_matched": {
        "nl": "**{n} bestanden gecombineerd tot één tabel.** Alles kwam overeen: dezelfde "
        "regio's en kolommen, geen waarden die verschillen.",
        "en": "**{n} files combined into one table.** Everything matched: the same regions and "
        "columns, no values that differ.",
    },
    "combined_files": {
        "nl": "Gecombineerd uit: {names}.",
        "en": "Combined from: {names}.",
    },
    "link_needs_files": {
        "nl": "De link is gemaakt op een combinatie van bestanden: upload ze allemaal tegelijk.",
        "en": "The link was made on a combination of files: upload all of them at once.",
    },
}

AREAS = {"files_page": FILES_PAGE}
