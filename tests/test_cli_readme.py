"""The README is the user's guide: it must keep up with the registry and the command line.

Warning codes are read from the registry, commands and options from the typer app and
exit codes from the CLI's constants, so a new one cannot ship undocumented.
"""

from __future__ import annotations

import re

import typer.main

from planparse import cli
from planparse.diagnostics import WARNING_CODES
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    """The text of the README section headed ``## title``, up to the next ``## ``."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def _table_rows(text: str) -> list[list[str]]:
    """The cells of every row of the markdown tables in ``text``, header and rule skipped."""
    rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in text.splitlines() if line.startswith("|")]
    return [row for row in rows if not set("".join(row)) <= set("-: ")][1:]


def _warning_rows() -> dict[str, list[str]]:
    return {row[0].strip("`"): row for row in _table_rows(_section("Warnings"))}


def test_the_readme_documents_every_registered_warning_code():
    documented = _warning_rows()
    missing = sorted(set(WARNING_CODES) - set(documented))
    assert not missing, f"add these codes to the README's warning table: {missing}"
    for code in WARNING_CODES:
        _, meaning, remedy = documented[code]
        assert meaning and remedy, f"{code}: the README gives no meaning or remedy"


def test_the_readme_documents_no_code_that_does_not_exist():
    stale = sorted(set(_warning_rows()) - set(WARNING_CODES))
    assert not stale, f"the README documents codes planparse no longer emits: {stale}"


def test_the_readme_lists_every_exit_code_of_the_cli():
    codes = set(cli.EXIT_CODES)
    assert codes == {value for name, value in vars(cli).items()
                     if name.startswith("EXIT_") and isinstance(value, int)}
    documented = {int(row[0].strip("`")) for row in _table_rows(_section("Exit codes"))}
    assert documented == codes


def test_the_readme_lists_every_command_and_every_batch_option():
    group = typer.main.get_command(cli.app)
    commands = _section("Command line")
    for name in group.commands:
        assert f"`planparse {name}" in commands, f"the README's command table lacks {name}"
    for parameter in group.commands["batch"].params:
        if parameter.name == "help" or not parameter.opts[0].startswith("--"):
            continue
        assert f"`{parameter.opts[0]}" in commands, f"the README lacks batch {parameter.opts[0]}"


def test_the_set_up_commands_are_the_ones_ci_runs():
    ci_command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"```sh\n{ci_command}\n```" in README
    install_and_run = ci_command.replace(
        ".venv/bin/python -m pytest -q", ".venv/bin/planparse extract samples/003_34ee8eea179c00b5.txt")
    assert f"```sh\n{install_and_run}\n```" in README
