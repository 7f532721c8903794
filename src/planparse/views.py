"""Terminal views built with rich: a batch run as a summary table.

They return renderables and print nothing; the CLI prints them. This module imports rich
at the top, so only the commands that show something import it (``extract`` stays fast).
"""

from __future__ import annotations

from rich.table import Table

from .batch import RunReport


def summary_table(report: RunReport) -> Table:
    """What a batch run did: converted, skipped, with warnings, failed, strategies found, time."""
    summary = report.summary
    time = f"{report.seconds:.1f} s"
    if summary.converted and report.seconds:
        time += f" ({summary.converted / report.seconds:.0f} files/s converted)"
    rows = [
        ("converted", str(summary.converted), ""),
        ("skipped (unchanged)", str(summary.skipped), ""),
        ("with warnings", str(summary.with_warnings), "yellow" if summary.with_warnings else ""),
        ("failed", str(summary.failed), "bold red" if summary.failed else ""),
        ("strategies found", str(summary.strategies), ""),
        ("time", time, ""),
    ]
    if summary.interrupted:
        rows.insert(4, ("not reached", str(summary.interrupted), "bold red"))
    table = Table(title=f"planparse batch: {summary.files} files", show_header=False,
                  title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value, style in rows:
        table.add_row(label, value, style=style or None)
    return table
