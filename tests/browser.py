"""Headless Chromium through selenium, for the review pages' tests and benchmark.

Nothing here downloads a browser: selenium is handed Debian's ``/usr/bin/chromium`` and
``/usr/bin/chromedriver`` (packages chromium and chromium-driver, which ``.ci/run``
installs), so Selenium Manager is never asked for one. The flags are those this machine
needs: no sandbox (tests run as root), no GPU, and no background connections, which its
closed network refuses; each browser gets a fresh profile.

The tests take the browser as the ``driver`` fixture (one a test module), which skips
them without Chromium except under CI (``CI`` set), where a missing browser is a failure,
and read the pages they open through the small helpers at the end.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
READY = "return document.documentElement.dataset.ready === 'true'"


def missing() -> Optional[str]:
    """Why no browser can be started here, or None when one can."""
    absent = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if absent:
        return (f"{' and '.join(absent)} not installed: apt-get install chromium "
                f"chromium-driver fonts-thai-tlwg (as .ci/run does)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed: pip install -e '.[test]'"
    return None


@contextmanager
def chromium(width: int = 1366, height: int = 768) -> Iterator:
    """A headless Chromium whose page area is ``width`` x ``height``, quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="planparse-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            set_viewport(driver, width, height)
            yield driver
        finally:
            driver.quit()


def set_viewport(driver, width: int, height: int) -> None:
    """Size the window so that the page itself (innerWidth x innerHeight) is this size."""
    driver.set_window_rect(width=width, height=height)
    inner_width, inner_height = driver.execute_script("return [innerWidth, innerHeight]")
    driver.set_window_rect(width=2 * width - inner_width, height=2 * height - inner_height)


def open_page(driver, path: Path) -> None:
    """Open an HTML file from the file system and wait until its script has drawn it."""
    driver.get(path.resolve().as_uri())
    wait_until_drawn(driver)


def wait_until_drawn(driver) -> None:
    """Wait until the page the browser shows (after a link was followed) has drawn itself."""
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.execute_script(READY))


# ------------------------------------------------------------ for the tests

@pytest.fixture(scope="module")
def driver() -> Iterator:
    """A headless Chromium at 1366x768 for the tests of a module."""
    reason = missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with chromium() as started:
        yield started


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where a test keeps its screenshots: ``PLANPARSE_SCREENSHOTS`` or its own folder."""
    folder = Path(os.environ.get("PLANPARSE_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shown(driver, script: str, *arguments):
    """What a script reads off the page (``arguments`` are its ``arguments[0]``, ...)."""
    return driver.execute_script(script, *arguments)


def each(driver, selector: str, expression: str = "n.textContent") -> list:
    """``expression`` of every element ``n`` that ``selector`` finds, in page order."""
    return shown(driver, f"return [...document.querySelectorAll(arguments[0])].map(n => {expression})",
                 selector)


def selected_lines(driver) -> list[int]:
    return each(driver, ".line.selected", "Number(n.dataset.line)")


def selected_items(driver) -> list[int]:
    return each(driver, ".item.selected", "Number(n.dataset.item)")


def lines_of(span) -> list[int]:
    return list(range(span.start_line, span.end_line + 1))


def within(driver, inner: str, outer: str, below: str | None = None) -> bool:
    """Whether the element ``inner`` is wholly inside ``outer`` (and under ``below``)."""
    return shown(driver, """const [inner, outer, below] = arguments;
        const box = document.querySelector(inner).getBoundingClientRect();
        const frame = document.querySelector(outer).getBoundingClientRect();
        const top = below ? document.querySelector(below).getBoundingClientRect().bottom : frame.top;
        return box.top >= top && box.bottom <= frame.bottom""", inner, outer, below)


def item_at(index: int) -> str:
    """The selector of the plan's item ``index`` (in document order, as flat_items)."""
    return f'#plan .item[data-item="{index}"]'


def click(driver, selector: str) -> None:
    driver.find_element("css selector", selector).click()


def choose(driver, selector: str, value: str) -> None:
    """Pick ``value`` in the ``<select>`` of ``selector``, as a reader does."""
    from selenium.webdriver.support.select import Select

    Select(driver.find_element("css selector", selector)).select_by_value(value)
