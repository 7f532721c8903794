"""The review page and the batch index in a real browser (headless Debian Chromium).

Each page is written to a file and opened from the file system, as an analyst opens it.
The checks read the page as drawn (its elements, their classes and text) and compare it
with the document from the library, so the page's script is tested, not trusted.

Screenshots of a sample's page at 1366x768 and 420x800 and of an index are written to
``PLANPARSE_SCREENSHOTS`` (a folder) when it is set, else to the test's temporary folder;
``docs/review.png`` is one of them, looked at before it was committed.

Without Chromium the tests are skipped, except under CI (``CI`` set), where a missing
browser is a failure: .ci/run installs it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import planparse
from planparse.flat import count_items, flat_items, span_label
from planparse.parser import read_input
from planparse.review import IndexEntry, ReviewSource, read_text_source, review_page, write_index

import browser
from conftest import ROOT, SAMPLES, SHARED, lines

CORPUS = SHARED / "corpus"
# Corpus texts with form feeds (pages) and warnings; the largest sample-like plan.
PAGED = CORPUS / "hangdong_vision_missions_pdfminer.txt"
WARNED = CORPUS / "hangdong_strategy_full_pdfminer.txt"
SAMPLE = ROOT / "samples" / "000_2bb7112842307dc4.txt"
SHOWN = ROOT / "samples" / "001_6c530b268e208b09.txt"  # every list of a strategy: the screenshots


@pytest.fixture(scope="module")
def driver():
    reason = browser.missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with browser.chromium() as started:
        yield started


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PLANPARSE_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_review(folder: Path, path: Path):
    """Parse ``path`` as the library does, write its review page; (document, page path)."""
    data = read_input(path)
    document = planparse.parse_bytes(data, path.name)
    page = folder / f"{path.stem}.html"
    page.write_text(review_page(document, read_text_source(data, path.name)), encoding="utf-8")
    return document, page


def shown(driver, script: str):
    return driver.execute_script(script)


SELECTED_LINES = "return [...document.querySelectorAll('.line.selected')].map(n => Number(n.dataset.line))"
SELECTED_ITEMS = "return [...document.querySelectorAll('.item.selected')].map(n => Number(n.dataset.item))"


def click(driver, selector: str) -> None:
    driver.find_element("css selector", selector).click()


@pytest.mark.parametrize("path", SAMPLES + [PAGED, WARNED], ids=lambda path: path.name)
def test_the_page_shows_every_item_of_the_document(driver, tmp_path, path):
    document, page = write_review(tmp_path, path)
    browser.open_page(driver, page)
    kinds = shown(driver, "return [...document.querySelectorAll('#plan .item')].map(n => n.dataset.kind)")
    expected = [item.kind for item in flat_items(document)]
    assert kinds == expected
    chips = shown(driver, "return Object.fromEntries([...document.querySelectorAll('#counts .chip')]"
                          ".map(n => [n.dataset.kind, Number(n.querySelector('b').textContent)]))")
    assert chips == count_items(document)
    texts = shown(driver, "return [...document.querySelectorAll('#plan .item .text')].map(n => n.textContent)")
    assert texts == [item.text for item in flat_items(document)]
    assert shown(driver, "return document.querySelectorAll('#source .line').length") == document.source.line_count
    assert shown(driver, "return performance.getEntriesByType('resource').length") == 0  # nothing fetched


def test_selecting_an_item_lights_up_exactly_the_lines_of_its_span(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    browser.open_page(driver, page)
    for index, item in enumerate(flat_items(document)):
        click(driver, f'#plan .item[data-item="{index}"]')
        assert shown(driver, SELECTED_LINES) == list(range(item.span.start_line, item.span.end_line + 1))
        assert shown(driver, SELECTED_ITEMS) == [index]
        # ... and the source pane has scrolled to them.
        assert shown(driver, "const pane = document.getElementById('source').getBoundingClientRect();"
                             f"const line = document.getElementById('L{item.span.start_line}').getBoundingClientRect();"
                             "return line.top >= pane.top && line.bottom <= pane.bottom")


def test_a_span_over_several_lines_lights_up_all_of_them(driver, tmp_path):
    document, page = write_review(tmp_path, WARNED)
    long = [(index, item) for index, item in enumerate(flat_items(document))
            if item.span.end_line > item.span.start_line]
    assert long, "the corpus text has items written over several lines"
    browser.open_page(driver, page)
    for index, item in long[:5]:
        click(driver, f'#plan .item[data-item="{index}"]')
        assert shown(driver, SELECTED_LINES) == list(range(item.span.start_line, item.span.end_line + 1))


def test_selecting_a_line_shows_its_item_or_that_it_has_none(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    items = list(flat_items(document))
    used = {line for item in items for line in range(item.span.start_line, item.span.end_line + 1)}
    browser.open_page(driver, page)
    guideline = next(index for index, item in enumerate(items) if item.kind == "guideline")
    line = items[guideline].span.start_line
    click(driver, f"#L{line} .tx")
    assert shown(driver, SELECTED_ITEMS) == [guideline]
    assert shown(driver, SELECTED_LINES) == list(range(line, items[guideline].span.end_line + 1))
    # The item of a line far down is brought into view in the plan, clear of its strategy's title.
    last = len(items) - 1
    click(driver, f"#L{items[last].span.start_line} .tx")
    assert shown(driver, SELECTED_ITEMS) == [last]
    assert shown(driver, f"""const pane = document.getElementById('plan').getBoundingClientRect();
        const item = document.querySelector('#plan .item[data-item="{last}"]').getBoundingClientRect();
        const title = document.querySelector('#plan .item[data-item="{last}"]').closest('.strategy')
            .firstChild.getBoundingClientRect();
        return item.top >= title.bottom && item.bottom <= pane.bottom""")
    unused = min(set(range(1, document.source.line_count + 1)) - used)
    driver.execute_script("document.getElementById('source').scrollTop = 0")  # as a reader scrolls up
    click(driver, f"#L{unused} .ln")
    assert shown(driver, SELECTED_ITEMS) == []
    assert shown(driver, "return document.getElementById('readout').textContent") == (
        f"Line {unused} is not part of any item.")
    # Lines no item uses are dimmed until the reader turns that off.
    dimmed = shown(driver, "return [...document.querySelectorAll('.line.unused')].map(n => Number(n.dataset.line))")
    assert dimmed == sorted(set(range(1, document.source.line_count + 1)) - used)
    other = dimmed[1]  # not the selected one, which is shown in full
    opacity = f"return getComputedStyle(document.querySelector('#L{other} .tx')).opacity"
    assert float(shown(driver, opacity)) < 1
    click(driver, "#dim-unused")
    assert float(shown(driver, opacity)) == 1


def test_a_line_that_several_items_share_steps_through_them(driver, tmp_path):
    text = lines("วิสัยทัศน์", "“เมืองน่าอยู่”",
                 "พันธกิจ ประกอบด้วย 3 ด้าน ได้แก่ ด้านการศึกษา ด้านสาธารณสุข และด้านเศรษฐกิจ")
    document = planparse.parse(text)
    assert [mission.span.start_line for mission in document.missions] == [3, 3, 3]
    page = tmp_path / "shared.html"
    page.write_text(review_page(document, ReviewSource(text.splitlines())), encoding="utf-8")
    browser.open_page(driver, page)
    picked = []
    for _ in range(4):
        click(driver, "#L3 .tx")
        picked += shown(driver, SELECTED_ITEMS)
    assert picked == [1, 2, 3, 1]


@pytest.mark.parametrize("path", [SAMPLES[4], WARNED], ids=lambda path: path.name)
def test_the_warnings_are_listed_each_linked_to_its_lines(driver, tmp_path, path):
    document, page = write_review(tmp_path, path)
    assert document.warnings
    browser.open_page(driver, page)
    listed = shown(driver, """return [...document.querySelectorAll('#warnings li')].map(n => [
        n.querySelector('code').textContent, n.querySelector('.message').textContent,
        (n.querySelector('.warning-link') || n.querySelector('.lines')).textContent])""")
    assert listed == [[warning.code, warning.message,
                       span_label(warning.span) if warning.span else "the whole text"]
                      for warning in document.warnings]
    links = driver.find_elements("css selector", "#warnings .warning-link")
    spanned = [warning for warning in document.warnings if warning.span]
    assert len(links) == len(spanned)
    for link, warning in zip(links, spanned):
        link.click()
        assert shown(driver, SELECTED_LINES) == list(range(warning.span.start_line, warning.span.end_line + 1))


def test_a_page_without_warnings_has_no_warning_box(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    assert not document.warnings
    browser.open_page(driver, page)
    assert shown(driver, "return document.getElementById('warnings')") is None


HOSTILE = lines(
    "วิสัยทัศน์",
    "“เมือง <script>window.pwned = 1</script> น่าอยู่”",
    "พันธกิจ",
    '1. ส่งเสริม <img src=x onerror="window.pwned = 2"> การศึกษา',
    "2. พัฒนา </script><script>window.pwned = 3</script> ชุมชน",
    "ยุทธศาสตร์ที่ 1 : การพัฒนา <b>ตัวหนา</b> &amp; <!-- ความเห็น",
    "แนวทางการพัฒนา",
    '1.1 สร้าง <svg onload="window.pwned = 4"></svg> ถนน',
)


def test_a_plan_holding_html_or_script_shows_it_as_text_and_runs_nothing(driver, tmp_path):
    document = planparse.parse(HOSTILE).model_dump(mode="json")
    document["organization"] = {"name": "เทศบาล</title><script>window.pwned = 5</script>", "kind": None}
    document["source"] = {"path": '"><img src=x onerror="window.pwned=6">.txt', "sha256": "0",
                          "encoding": "utf-8", "line_count": 8}
    document["warnings"] = [{"code": "COUNT_MISMATCH", "message": "<script>window.pwned = 7</script>",
                             "span": {"start_line": 4, "end_line": 5}}]
    page = tmp_path / "hostile.html"
    page.write_text(review_page(document, ReviewSource(HOSTILE.splitlines())), encoding="utf-8")
    browser.open_page(driver, page)
    assert shown(driver, "return window.pwned") is None
    assert shown(driver, "return document.scripts.length") == 2  # the data and the page's own
    assert shown(driver, "return document.querySelectorAll('img, svg, i').length") == 0
    assert shown(driver, "return document.querySelectorAll("
                         "'.item .text *, .tx *, .message *, .top h1 *, .top .meta *').length") == 0
    texts = shown(driver, "return [...document.querySelectorAll('#plan .item .text')].map(n => n.textContent)")
    assert texts == [item.text for item in flat_items(planparse.parse(HOSTILE))]
    source = shown(driver, "return [...document.querySelectorAll('#source .tx')].map(n => n.textContent)")
    assert source == HOSTILE.splitlines()
    assert shown(driver, "return document.querySelector('.top h1').textContent") == document["organization"]["name"]
    assert driver.title.startswith(document["organization"]["name"])
    click(driver, '#plan .item[data-item="2"]')  # the mission holding "</script>"
    assert shown(driver, "return window.pwned") is None


def test_an_index_with_hostile_file_names_runs_nothing(driver, tmp_path):
    entries = [IndexEntry.failed("</script><script>window.pwned=1</script>.txt", "<b>bad</b>"),
               IndexEntry(file='<img src=x onerror="window.pwned=2">.txt', page="x.html",
                          organization="<i>x</i>", period="2560-2564")]
    page = write_index(tmp_path, entries, title="</title><script>window.pwned=3</script>")
    browser.open_page(driver, page)
    assert shown(driver, "return window.pwned") is None
    assert shown(driver, "return document.querySelectorAll('#files img, #files b, #files i').length") == 0
    assert shown(driver, "return [...document.querySelectorAll('#files td.file')].map(n => n.textContent)") == [
        entry.file for entry in entries]


def test_page_breaks_divide_the_source_by_page(driver, tmp_path):
    data = read_input(PAGED)
    pages = read_text_source(data, PAGED.name).pages
    document, page = write_review(tmp_path, PAGED)
    browser.open_page(driver, page)
    drawn = shown(driver, """return [...document.querySelectorAll('#source .page')].map(block => [
        Number(block.dataset.page), block.querySelector('.page-break').textContent,
        [...block.querySelectorAll('.line')].map(n => Number(n.dataset.line))])""")
    expected = {}
    for number, on_page in enumerate(pages, start=1):
        expected.setdefault(on_page, []).append(number)
    assert [[block[0], block[2]] for block in drawn] == [[on_page, numbers] for on_page, numbers in expected.items()]
    assert drawn[1][1] == f"หน้า {drawn[1][0]} · page {drawn[1][0]}"
    assert "\f" not in "".join(shown(driver, "return [...document.querySelectorAll('.tx')].map(n => n.textContent)"))


def test_a_page_image_is_shown_beside_the_lines_of_its_page(driver, tmp_path):
    browser.open_page(driver, write_review(tmp_path, SAMPLE)[1])
    png = driver.get_screenshot_as_png()  # any real PNG will do
    source = ReviewSource(["หน้าแรก", "\fหน้าสอง"], pages=[1, 2], images={2: png})
    page = tmp_path / "images.html"
    page.write_text(review_page(planparse.parse("หน้าแรก\n\fหน้าสอง\n"), source), encoding="utf-8")
    browser.open_page(driver, page)
    assert shown(driver, """return [...document.querySelectorAll('.page-image')].map(image =>
        [Number(image.closest('.page').dataset.page), image.complete && image.naturalWidth > 0])""") == [[2, True]]


def test_thai_is_drawn_with_a_thai_font(driver, tmp_path):
    """A Thai vowel above its consonant takes no width of its own in a Thai font; where no
    font has Thai, each character becomes a box of its own."""
    browser.open_page(driver, write_review(tmp_path, SAMPLE)[1])
    widths = shown(driver, """const probe = document.createElement('span');
        document.querySelector('.top h1').append(probe);
        return ['\u0e01', '\u0e01\u0e34\u0e48'].map(text => { probe.textContent = text; return probe.getBoundingClientRect().width; })""")
    assert widths[0] > 0 and widths[1] == pytest.approx(widths[0], abs=0.5)


def batch_entries(folder: Path) -> list[IndexEntry]:
    """Review pages and index entries for the samples and the corpus, and a failed file."""
    entries = []
    for path in SAMPLES + sorted(CORPUS.glob("*.txt")):
        document, page = write_review(folder, path)
        entries.append(IndexEntry.of_document(path.name, document, page.name))
    entries.append(IndexEntry.failed("ลำพูน/สแกน รูปภาพ.txt",
                                     "ลำพูน/สแกน รูปภาพ.txt: not a text file, it looks like a PNG image"))
    return entries


def test_the_index_lists_every_file_links_its_page_and_sorts(driver, tmp_path):
    entries = batch_entries(tmp_path)
    browser.open_page(driver, write_index(tmp_path, entries))
    rows = "return [...document.querySelectorAll('#files tbody tr')].map(n => n.dataset.file)"
    assert shown(driver, rows) == [entry.file for entry in entries]
    links = shown(driver, "return [...document.querySelectorAll('#files td.file a')].map(a => a.href)")
    assert links == [(tmp_path / entry.page).as_uri() for entry in entries if entry.page]
    assert all((tmp_path / entry.page).is_file() for entry in entries if entry.page)
    assert shown(driver, "return document.querySelector('#files tr.failed .reason').textContent") == entries[-1].failure

    converted = [entry for entry in entries if not entry.failure]
    by_strategies = [entry.file for entry in sorted(converted, key=lambda entry: entry.counts["strategy"])]
    click(driver, '#files th[data-key="strategy"] button')
    assert shown(driver, rows) == [entries[-1].file] + by_strategies  # a failed file counts -1
    click(driver, '#files th[data-key="strategy"] button')
    assert shown(driver, rows) == [entry.file for entry in sorted(
        converted, key=lambda entry: -entry.counts["strategy"])] + [entries[-1].file]
    assert shown(driver, "return document.querySelector('#files th[data-key=\"strategy\"]').getAttribute('aria-sort')") == "descending"
    # The chart follows the table: one column a file, tallest first now.
    assert shown(driver, "return document.querySelectorAll('.chart g').length") == len(entries)


def test_the_index_filters_by_text_and_by_state(driver, tmp_path):
    entries = batch_entries(tmp_path)
    browser.open_page(driver, write_index(tmp_path, entries))
    rows = "return [...document.querySelectorAll('#files tbody tr')].map(n => n.dataset.file)"
    driver.find_element("css selector", "#filter").send_keys("hangdong")
    assert shown(driver, rows) == [entry.file for entry in entries if "hangdong" in entry.file]
    driver.find_element("css selector", "#filter").clear()
    driver.execute_script("const which = document.getElementById('which'); which.value = 'warnings';"
                          "which.dispatchEvent(new Event('change'))")
    assert shown(driver, rows) == [entry.file for entry in entries if entry.warnings]
    driver.execute_script("const which = document.getElementById('which'); which.value = 'failed';"
                          "which.dispatchEvent(new Event('change'))")
    assert shown(driver, rows) == [entries[-1].file]
    assert shown(driver, "return document.getElementById('shown').textContent") == f"1 of {len(entries)} shown"


@pytest.mark.parametrize("width, height", [(1366, 768), (420, 800)])
def test_the_review_page_reads_at_a_wide_and_a_narrow_width(driver, tmp_path, screenshots, width, height):
    document, page = write_review(tmp_path, SHOWN)
    browser.set_viewport(driver, width, height)
    try:
        browser.open_page(driver, page)
        # A tactic of the second strategy, picked by its line in the source.
        chosen = [item for item in flat_items(document)
                  if item.kind == "tactic" and item.strategy == document.strategies[1]][2]
        driver.execute_script(f"document.getElementById('L{chosen.span.start_line}')"
                              ".scrollIntoView({block: 'center'})")  # as a reader scrolls to it
        click(driver, f"#L{chosen.span.start_line} .tx")
        assert shown(driver, SELECTED_LINES) == list(range(chosen.span.start_line, chosen.span.end_line + 1))
        # Nothing sticks out sideways, and the plan and its source both have room.
        assert shown(driver, "return document.documentElement.scrollWidth") <= width
        for pane in ("plan", "source"):
            box = shown(driver, f"return document.getElementById('{pane}').getBoundingClientRect().toJSON()")
            assert box["height"] >= height / 3 and box["width"] >= min(width, 1366) / 3
        driver.save_screenshot(str(screenshots / f"review-{SHOWN.stem}-{width}.png"))
    finally:
        browser.set_viewport(driver, 1366, 768)


@pytest.mark.parametrize("width, height", [(1366, 768), (420, 800)])
def test_the_index_reads_at_a_wide_and_a_narrow_width(driver, tmp_path, screenshots, width, height):
    browser.set_viewport(driver, width, height)
    try:
        browser.open_page(driver, write_index(tmp_path, batch_entries(tmp_path)))
        assert shown(driver, "return document.documentElement.scrollWidth") <= width
        driver.save_screenshot(str(screenshots / f"index-{width}.png"))
    finally:
        browser.set_viewport(driver, 1366, 768)
