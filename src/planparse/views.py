"""Terminal views built with rich: a parsed plan as a tree, a batch run as a summary table.

They return renderables and print nothing; the CLI prints them. This module imports rich
at the top, so only the commands that show something import it (``extract`` stays fast).
"""

from __future__ import annotations

from typing import Optional, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .batch.report import RunReport
from .flat import count_items, span_label
from .model import STRATEGY_LISTS, Item, PlanDocument, Span
from .outputs import terminal_text
from .vocabulary import DISPLAY_HEADINGS

# The plan's lists and a strategy's, headed with the words the plans use.
_PLAN_LISTS = ("missions", "goals")


def plan_tree(document: PlanDocument) -> RenderableType:
    """The plan as a tree, its counts, and its warnings set apart so they are not missed."""
    tree = Tree(_heading(document))
    if document.vision is not None:
        tree.add(Text.assemble((f"{DISPLAY_HEADINGS['vision']}  ", "bold"), document.vision.text,
                               _lines(document.vision.span)))
    else:
        tree.add(Text(f"{DISPLAY_HEADINGS['vision']}  none found", style="dim"))
    for field in _PLAN_LISTS:
        _add_items(tree, DISPLAY_HEADINGS[field], getattr(document, field), always=True)
    strategies = tree.add(_count_label(DISPLAY_HEADINGS["strategies"], len(document.strategies)))
    for strategy in document.strategies:
        branch = strategies.add(Text.assemble((_numbered(strategy.number, strategy.title), "bold"),
                                              _lines(strategy.span)))
        for field in STRATEGY_LISTS:
            _add_items(branch, DISPLAY_HEADINGS[field], getattr(strategy, field), always=False)
    return Group(tree, Text(), _counts(document), _warnings(document))


def _heading(document: PlanDocument) -> Text:
    organization = document.organization.name if document.organization else "organisation not found"
    heading = Text(organization, style="bold")
    if document.period is not None:
        heading.append(f"  {document.period.start_year}-{document.period.end_year}", style="cyan")
    if document.source is not None:
        heading.append(terminal_text(f"  {document.source.path} ({document.source.encoding}, "
                                     f"{counted(document.source.line_count, 'line')})"),
                       style="dim")
    return heading


def _add_items(parent: Tree, heading: str, items: Sequence[Item], always: bool) -> None:
    """A branch for a list with its count; an empty list is shown only where it is news."""
    if not items and not always:
        return
    branch = parent.add(_count_label(heading, len(items)))
    for item in items:
        branch.add(Text.assemble(_numbered(item.number, item.text), _lines(item.span)))


def _count_label(heading: str, count: int) -> Text:
    return Text(f"{heading} ({count})", style="bold" if count else "dim")


def _numbered(number: Optional[str], text: str) -> str:
    return f"{number} {text}" if number else text


def _lines(span: Span) -> Text:
    return Text(f"  {span_label(span)}", style="dim")


def _counts(document: PlanDocument) -> Text:
    counts = count_items(document)
    return Text("  ".join(f"{kind} {count}" for kind, count in counts.items()), style="cyan")


def _warnings(document: PlanDocument) -> RenderableType:
    if not document.warnings:
        return Text("no warnings", style="green")
    lines = [Text.assemble((warning.code, "bold yellow"),
                           _lines(warning.span) if warning.span else "", f"  {warning.message}")
             for warning in document.warnings]
    return Panel(Text("\n").join(lines), title=counted(len(document.warnings), "warning"),
                 title_align="left", border_style="yellow")


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
    table = Table(title=f"planparse batch: {counted(summary.files, 'file')}", show_header=False,
                  title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value, style in rows:
        table.add_row(label, value, style=style or None)
    return table


def counted(count: int, noun: str) -> str:
    """``1 file``, ``2 files``: a count that reads well in the singular too."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
