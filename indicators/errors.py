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

    def text(self, lang: str = "en") -> str:
        """Return the message in ``lang`` ("nl" or "en"); English when there is no Dutch one."""
        return self.nl if lang == "nl" and self.nl else str(self)
