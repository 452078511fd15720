class DataError(ValueError):
    """Input a user supplied cannot be used; the message says what to do."""
