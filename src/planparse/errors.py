"""The one error type the library raises; the CLI turns it into a one-line message."""


class PlanParseError(Exception):
    """Input planparse cannot turn into a document: unreadable, binary, undecodable.

    The message is one sentence naming the file (when there is one) and the reason.
    """
