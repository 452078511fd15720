"""The error for input a user supplied that cannot be used, in English and Dutch."""

from __future__ import annotations

from indicators.text import text as lookup


class DataError(ValueError):
    """Input a user supplied cannot be used; the message says what to do.

    The message is English; ``nl`` optionally holds the same message in Dutch, which
    :meth:`text` returns for a Dutch page.

    >>> err = DataError("Column 'x' is empty.", nl="Kolom 'x' is leeg.")
    >>> str(err), err.text("nl"), DataError("Only English.").text("nl")
    ("Column 'x' is empty.", "Kolom 'x' is leeg.", 'Only English.')
    """

    def __init__(self, *args, nl: str | None = None):
        super().__init__(*args)
        self.nl = nl

    @classmethod
    def from_text(cls, key: str, **values) -> DataError:
        """Return the error with text ``key`` of the text catalogue, in English and in Dutch.

        A value that differs by language (a part of the sentence) is given as a function of
        the language; other values fill in both texts as they are.

        >>> err = DataError.from_text("errors.empty_file", name="x.csv")
        >>> str(err)
        "The file 'x.csv' is empty. Choose the file that contains your table."
        >>> err.text("nl")
        "Het bestand 'x.csv' is leeg. Kies het bestand met uw tabel."
        """

        def filled(lang: str) -> str:
            said = {k: v(lang) if callable(v) else v for k, v in values.items()}
            return lookup(key, lang, **said)

        return cls(filled("en"), nl=filled("nl"))

    def text(self, lang: str = "en") -> str:
        """Return the message in ``lang`` ("nl" or "en"); English when there is no Dutch one."""
        return self.nl if lang == "nl" and self.nl else str(self)
