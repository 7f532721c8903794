"""The one error type the library raises; the CLI turns it into a one-line message."""


class PlanParseError(Exception):
    """Input planparse cannot turn into a document: unreadable, binary, undecodable.

    The message is one sentence naming the file (when there is one) and the reason.
    """


class RetryableError(PlanParseError):
    """Input planparse could not read this time for a reason outside its bytes: a PDF's
    password missing or wrong, OCR asked for but not installed, or failing. Another try
    with other options, or after installing OCR, may read the same bytes (a batch does
    not record such a file as unconvertible)."""
