"""Headless Chromium through selenium, for the review pages' tests and benchmark.

Nothing here downloads a browser: selenium is handed Debian's ``/usr/bin/chromium`` and
``/usr/bin/chromedriver`` (packages chromium and chromium-driver, which ``.ci/run``
installs), so Selenium Manager is never asked for one. The flags are those this machine
needs: no sandbox (tests run as root), no GPU, and no background connections, which its
closed network refuses; each browser gets a fresh profile.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

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
    from selenium.webdriver.support.wait import WebDriverWait

    driver.get(path.resolve().as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(READY))
