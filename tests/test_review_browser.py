"""The review page and the batch index in a real browser (headless Debian Chromium).

Each page is written to a file and opened from the file system, as an analyst opens it.
The checks read the page as drawn (its elements, their classes and text) and compare it
with the document from the library, so the page's script is tested, not trusted.

Screenshots of a sample's page at 1366x768 and 420x800 and of an index are written to
``PLANPARSE_SCREENSHOTS`` (a folder) when it is set, else to the test's temporary folder;
``docs/review.png`` is one of them, looked at before it was committed.

Without Chromium the tests are skipped, except under CI (``CI`` set), where a missing
browser is a failure: .ci/run installs it (browser.py's ``driver`` fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import planparse
from planparse.flat import count_items, flat_items, span_label
from planparse.inputs import read_input
from planparse.reading import read_text
from planparse.review import IndexEntry, ReviewSource, review_page, write_index
from planparse.review_input import review_source

import browser
from browser import (choose, click, driver, each, item_at, lines_of, screenshots,  # noqa: F401
                     selected_items, selected_lines, shown, within)
from conftest import ROOT, SAMPLES, SHARED, lines

CORPUS = SHARED / "corpus"
# Corpus texts with form feeds (pages) and warnings; the largest sample-like plan.
PAGED = CORPUS / "hangdong_vision_missions_pdfminer.txt"
WARNED = CORPUS / "hangdong_strategy_full_pdfminer.txt"
SAMPLE = ROOT / "samples" / "000_2bb7112842307dc4.txt"
SHOWN = ROOT / "samples" / "001_6c530b268e208b09.txt"  # every list of a strategy: the screenshots


def write_review(folder: Path, path: Path):
    """Parse ``path`` as the library does, write its review page; (document, page path)."""
    data = read_input(path)
    document = planparse.parse_bytes(data, path.name)
    page = folder / f"{path.stem}.html"
    page.write_text(review_page(document, review_source(read_text(data, path.name))), encoding="utf-8")
    return document, page


@pytest.mark.parametrize("path", SAMPLES + [PAGED, WARNED], ids=lambda path: path.name)
def test_the_page_shows_every_item_of_the_document(driver, tmp_path, path):
    document, page = write_review(tmp_path, path)
    browser.open_page(driver, page)
    assert each(driver, "#plan .item", "n.dataset.kind") == [item.kind for item in flat_items(document)]
    assert each(driver, "#plan .item .text") == [item.text for item in flat_items(document)]
    chips = each(driver, "#counts .chip", "[n.dataset.kind, Number(n.querySelector('b').textContent)]")
    assert dict(chips) == count_items(document)
    assert len(each(driver, "#source .line")) == document.source.line_count
    assert shown(driver, "return performance.getEntriesByType('resource').length") == 0  # nothing fetched


def test_selecting_an_item_lights_up_exactly_the_lines_of_its_span(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    browser.open_page(driver, page)
    for index, item in enumerate(flat_items(document)):
        click(driver, item_at(index))
        assert selected_lines(driver) == lines_of(item.span)
        assert selected_items(driver) == [index]
        assert within(driver, f"#L{item.span.start_line}", "#source", below="#readout")  # scrolled to


def test_a_span_over_several_lines_lights_up_all_of_them(driver, tmp_path):
    document, page = write_review(tmp_path, WARNED)
    long = [(index, item) for index, item in enumerate(flat_items(document))
            if item.span.end_line > item.span.start_line]
    assert long, "the corpus text has items written over several lines"
    browser.open_page(driver, page)
    for index, item in long[:5]:
        click(driver, item_at(index))
        assert selected_lines(driver) == lines_of(item.span)


def test_selecting_a_line_shows_its_item_or_that_it_has_none(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    items = list(flat_items(document))
    unused = sorted(set(range(1, document.source.line_count + 1))
                    - {line for item in items for line in lines_of(item.span)})
    browser.open_page(driver, page)
    guideline = next(index for index, item in enumerate(items) if item.kind == "guideline")
    click(driver, f"#L{items[guideline].span.start_line} .tx")
    assert selected_items(driver) == [guideline]
    assert selected_lines(driver) == lines_of(items[guideline].span)
    # The item of a line far down is brought into view in the plan, clear of its strategy's title.
    last = len(items) - 1
    click(driver, f"#L{items[last].span.start_line} .tx")
    assert selected_items(driver) == [last]
    title = next(index for index, item in enumerate(items)
                 if item.kind == "strategy" and item.strategy is items[last].strategy)
    assert within(driver, item_at(last), "#plan", below=item_at(title))
    driver.execute_script("document.getElementById('source').scrollTop = 0")  # as a reader scrolls up
    click(driver, f"#L{unused[0]} .ln")
    assert selected_items(driver) == []
    assert each(driver, "#readout") == [f"Line {unused[0]} is not part of any item."]
    # Lines no item uses are dimmed until the reader turns that off (the selected one is not).
    assert each(driver, ".line.unused", "Number(n.dataset.line)") == unused
    opacity = f"#L{unused[1]} .tx"
    assert float(each(driver, opacity, "getComputedStyle(n).opacity")[0]) < 1
    click(driver, "#dim-unused")
    assert float(each(driver, opacity, "getComputedStyle(n).opacity")[0]) == 1


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
        picked += selected_items(driver)
    assert picked == [1, 2, 3, 1]


@pytest.mark.parametrize("path", [SAMPLES[4], WARNED], ids=lambda path: path.name)
def test_the_warnings_are_listed_each_linked_to_its_lines(driver, tmp_path, path):
    document, page = write_review(tmp_path, path)
    assert document.warnings
    browser.open_page(driver, page)
    listed = each(driver, "#warnings li", """[n.querySelector('code').textContent,
        n.querySelector('.message').textContent,
        (n.querySelector('.warning-link') || n.querySelector('.lines')).textContent]""")
    assert listed == [[warning.code, warning.message,
                       span_label(warning.span) if warning.span else "the whole text"]
                      for warning in document.warnings]
    # A long list starts folded, so that it does not push the plan out of sight: a reader opens it.
    assert shown(driver, "return document.getElementById('warnings').open") == (len(document.warnings) <= 5)
    if len(document.warnings) > 5:
        click(driver, "#warnings summary")
    links = driver.find_elements("css selector", "#warnings .warning-link")
    spanned = [warning for warning in document.warnings if warning.span]
    assert len(links) == len(spanned)
    for link, warning in zip(links, spanned):
        link.click()
        assert selected_lines(driver) == lines_of(warning.span)


def test_a_page_without_warnings_has_no_warning_box(driver, tmp_path):
    document, page = write_review(tmp_path, SAMPLE)
    assert not document.warnings
    browser.open_page(driver, page)
    assert each(driver, "#warnings") == []


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
    assert len(each(driver, "script")) == 2  # the data and the page's own
    assert each(driver, "img, svg, i") == []
    assert each(driver, ".item .text *, .tx *, .message *, .top h1 *, .top .meta *") == []
    assert each(driver, "#plan .item .text") == [item.text for item in flat_items(planparse.parse(HOSTILE))]
    assert each(driver, "#source .tx") == HOSTILE.splitlines()
    assert each(driver, ".top h1") == [document["organization"]["name"]]
    assert each(driver, "#warnings .message") == [document["warnings"][0]["message"]]
    assert driver.title.startswith(document["organization"]["name"])
    click(driver, item_at(2))  # the mission holding "</script>"
    assert shown(driver, "return window.pwned") is None


def test_an_index_with_hostile_file_names_runs_nothing(driver, tmp_path):
    entries = [IndexEntry.failed("</script><script>window.pwned=1</script>.txt", "<b>bad</b>"),
               IndexEntry(file='<img src=x onerror="window.pwned=2">.txt', page="x.html",
                          organization="<i>x</i>", period="2560-2564")]
    page = write_index(tmp_path, entries, title="</title><script>window.pwned=3</script>")
    browser.open_page(driver, page)
    assert shown(driver, "return window.pwned") is None
    assert each(driver, "#files img, #files b, #files i") == []
    assert each(driver, "#files td.file") == [entry.file for entry in entries]
    assert each(driver, "#files td.reason") == ["<b>bad</b>"]


def test_page_breaks_divide_the_source_by_page(driver, tmp_path):
    data = read_input(PAGED)
    pages = review_source(read_text(data, PAGED.name)).pages
    document, page = write_review(tmp_path, PAGED)
    browser.open_page(driver, page)
    drawn = each(driver, "#source .page", """[Number(n.dataset.page),
        n.querySelector('.page-break').textContent,
        [...n.querySelectorAll('.line')].map(line => Number(line.dataset.line))]""")
    expected = {}
    for number, on_page in enumerate(pages, start=1):
        expected.setdefault(on_page, []).append(number)
    assert [[block[0], block[2]] for block in drawn] == [list(pair) for pair in expected.items()]
    assert drawn[1][1] == f"หน้า {drawn[1][0]} · page {drawn[1][0]}"
    assert "\f" not in "".join(each(driver, ".tx"))


def test_a_page_image_is_shown_beside_the_lines_of_its_page(driver, tmp_path):
    browser.open_page(driver, write_review(tmp_path, SAMPLE)[1])
    png = driver.get_screenshot_as_png()  # any real PNG will do
    source = ReviewSource(["หน้าแรก", "\fหน้าสอง"], pages=[1, 2], images={2: png})
    page = tmp_path / "images.html"
    page.write_text(review_page(planparse.parse("หน้าแรก\n\fหน้าสอง\n"), source), encoding="utf-8")
    browser.open_page(driver, page)
    drawn = "[Number(n.closest('.page').dataset.page), n.complete && n.naturalWidth > 0]"
    assert each(driver, ".page-image", drawn) == [[2, True]]


def test_thai_is_drawn_with_a_thai_font(driver, tmp_path):
    """A Thai vowel above its consonant takes no width of its own in a Thai font; where no
    font has Thai, each character becomes a box of its own."""
    browser.open_page(driver, write_review(tmp_path, SAMPLE)[1])
    widths = shown(driver, """const probe = document.createElement('span');
        document.querySelector('.top h1').append(probe);
        return arguments[0].map(text => {
            probe.textContent = text;
            return probe.getBoundingClientRect().width;
        })""", ["\u0e01", "\u0e01\u0e34\u0e48"])  # ก, and ก with sara i and mai ek above it
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


def rows(driver) -> list[str]:
    """The files of the index's table as shown, top to bottom."""
    return each(driver, "#files tbody tr", "n.dataset.file")


def test_the_index_lists_every_file_links_its_page_and_sorts(driver, tmp_path):
    entries = batch_entries(tmp_path)
    browser.open_page(driver, write_index(tmp_path, entries))
    assert rows(driver) == [entry.file for entry in entries]
    links = each(driver, "#files td.file a", "n.href")
    assert links == [(tmp_path / entry.page).as_uri() for entry in entries if entry.page]
    assert all((tmp_path / entry.page).is_file() for entry in entries if entry.page)
    assert each(driver, "#files tr.failed .reason") == [entries[-1].failure]

    converted = [entry for entry in entries if not entry.failure]
    by_strategies = [entry.file for entry in sorted(converted, key=lambda entry: entry.counts["strategy"])]
    click(driver, '#files th[data-key="strategy"] button')
    assert rows(driver) == [entries[-1].file] + by_strategies  # a failed file counts -1
    click(driver, '#files th[data-key="strategy"] button')
    assert rows(driver) == [entry.file for entry in sorted(
        converted, key=lambda entry: -entry.counts["strategy"])] + [entries[-1].file]
    assert each(driver, "#files th[aria-sort]", "[n.dataset.key, n.getAttribute('aria-sort')]") == [
        ["strategy", "descending"]]
    # The chart follows the table: a column a file, in the table's order.
    assert [title.split(":")[0] for title in each(driver, ".chart g title")] == rows(driver)



def test_the_index_sorts_names_as_a_thai_reader_does(driver, tmp_path):
    """By consonant, leading vowels aside (แพร่ under พ), and numbers by their value."""
    names = ["ลำปาง/แผน 10.txt", "plan.txt", "แพร่/แผน 10.txt", "ขอนแก่น/แผน.txt", "แพร่/แผน 2.txt"]
    entries = [IndexEntry(file=name, page=None) for name in names]
    browser.open_page(driver, write_index(tmp_path, entries))
    click(driver, '#files th[data-key="file"] button')
    assert rows(driver) == ["ขอนแก่น/แผน.txt", "แพร่/แผน 2.txt", "แพร่/แผน 10.txt", "ลำปาง/แผน 10.txt",
                            "plan.txt"]


def test_the_index_filters_by_text_and_by_state(driver, tmp_path):
    from selenium.webdriver.common.keys import Keys

    entries = batch_entries(tmp_path)
    browser.open_page(driver, write_index(tmp_path, entries))
    driver.find_element("css selector", "#filter").send_keys("HANGDONG")
    assert rows(driver) == [entry.file for entry in entries if "hangdong" in entry.file]
    driver.find_element("css selector", "#filter").send_keys(Keys.BACKSPACE * 8 + "หางดง")  # organisation
    assert rows(driver) == [entry.file for entry in entries if entry.organization == "เทศบาลตำบลหางดง"]
    driver.find_element("css selector", "#filter").send_keys(Keys.BACKSPACE * 5)
    choose(driver, "#which", "warnings")
    assert rows(driver) == [entry.file for entry in entries if entry.warnings]
    choose(driver, "#which", "empty")
    assert rows(driver) == [entry.file for entry in entries
                            if not entry.failure and not sum(entry.counts.values())]
    choose(driver, "#which", "failed")
    assert rows(driver) == [entries[-1].file]
    assert each(driver, "#shown") == [f"1 of {len(entries)} shown"]


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
        assert selected_lines(driver) == lines_of(chosen.span)
        # Nothing sticks out sideways, and the plan and its source both have room.
        assert shown(driver, "return document.documentElement.scrollWidth") <= width
        for box in each(driver, "#plan, #source", "n.getBoundingClientRect().toJSON()"):
            assert box["height"] >= height / 3 and box["width"] >= width / 3
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
