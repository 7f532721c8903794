"""Thai full-text search: words inside compounds, words cut differently in and out of
context, filters, plain-text queries, the marks; then the same on the real outputs."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from rich.text import Text

from planparse import fulltext
from planparse.database import build_from_folder, document_of, open_database
from planparse.errors import PlanParseError
from planparse.fulltext import indexed_words, parse_query, word_parts
from planparse.hits import hits_csv, hits_json, hits_table, marked, render_hits, where
from planparse.search import Hit, search

# ------------------------------------------------------------------ own data


def item(text: str, line: int, number=None) -> dict:
    return {"number": number, "text": text, "span": {"start_line": line, "end_line": line}}


def plan(path: str, organization: tuple, strategies: list, missions=(), vision=None) -> dict:
    """A document of (title, guidelines) strategies, its items one a line from line 10."""
    line = iter(range(10, 1000))
    return {
        "schema_version": "1",
        "source": {"path": path, "sha256": "0" * 64, "encoding": "utf-8", "line_count": 999},
        "organization": {"name": organization[0], "kind": organization[1]},
        "period": None,
        "vision": None if vision is None else {"text": vision, "span": {"start_line": 2, "end_line": 2}},
        "missions": [item(text, next(line), str(number)) for number, text in enumerate(missions, 1)],
        "goals": [],
        "strategies": [{"number": str(number), "title": title,
                        "span": {"start_line": (start := next(line)), "end_line": start},
                        "guidelines": [item(text, next(line), f"{number}.{sub}")
                                       for sub, text in enumerate(guidelines, 1)],
                        "goals": [], "indicators": [], "tactics": []}
                       for number, (title, guidelines) in enumerate(strategies, 1)],
        "warnings": [],
    }


TAMBON = ("เทศบาลตำบลบ้านกลาง", "เทศบาลตำบล")
PROVINCE = ("องค์การบริหารส่วนจังหวัดลำพูน", "องค์การบริหารส่วนจังหวัด")

PLANS = [
    plan("tambon.txt", TAMBON, vision="ตำบลน่าอยู่ ผู้สูงอายุมีความสุข", missions=[
        "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม",
        "พัฒนาแหล่งเรียนรู้เชิงสร้างสรรค์",
    ], strategies=[
        ("การพัฒนาคุณภาพชีวิตผู้สูงอายุ", [
            "ส่งเสริมการมีส่วนร่วมในการอนุรักษ์ทรัพยากรธรรมชาติ",
            "จัดการเรียนรู้ตลอดชีวิต",
            "ส่งเสริมอาชีพให้แก่ผู้ สูงอายุ",
        ]),
        ("การบริหารจัดการขยะมูลฝอย", [
            "ลดขยะด้วย OR code และ COVID-19 \"ฉบับใหม่\"",
            "ส่งเสริมกีฬา",
        ]),
    ]),
    plan("province.txt", PROVINCE, missions=["มีการบริหารงานองค์กร", "การจัดการน้ำเสีย"], strategies=[
        ("การส่งเสริมการท่องเที่ยว", ["พัฒนานักท่องเที่ยวคุณภาพ", "ใช้พื้นที่ดินเพื่อการเกษตร"]),
        ("ยุทธศาสตร์ผู้สูงอายุ", ["วัฒนธรรมการใช้ข้อมูล", "ผลิตสื่อ ภาพ และเสียง"]),
    ]),
]


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    connection = open_database(tmp_path_factory.mktemp("search") / "plans.sqlite")
    for document in PLANS:
        connection.store(document_of(document))
    yield connection
    connection.close()


def texts(hits: list[Hit]) -> set[str]:
    return {hit.text for hit in hits}


# A word, and a text that holds it where newmm cuts the text otherwise than the word
# alone: inside a longer dictionary word (การท่องเที่ยว), or across words
# (เรียน|รู้เชิง, มีส่วน|ร่วมใน, จัด|การเรียนรู้).
IN_OTHER_WORDS = [
    ("ท่องเที่ยว", "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม"),
    ("ท่องเที่ยว", "พัฒนานักท่องเที่ยวคุณภาพ"),
    ("สูงอายุ", "การพัฒนาคุณภาพชีวิตผู้สูงอายุ"),
    ("อายุ", "การพัฒนาคุณภาพชีวิตผู้สูงอายุ"),
    ("ธรรมชาติ", "ส่งเสริมการมีส่วนร่วมในการอนุรักษ์ทรัพยากรธรรมชาติ"),
    ("เรียนรู้", "พัฒนาแหล่งเรียนรู้เชิงสร้างสรรค์"),
    ("มีส่วนร่วม", "ส่งเสริมการมีส่วนร่วมในการอนุรักษ์ทรัพยากรธรรมชาติ"),
    ("จัดการ", "จัดการเรียนรู้ตลอดชีวิต"),
    ("การบริหาร", "มีการบริหารงานองค์กร"),
    ("พื้นที่", "ใช้พื้นที่ดินเพื่อการเกษตร"),
    ("วัฒนธรรม", "วัฒนธรรมการใช้ข้อมูล"),
    ("ขยะ", "การบริหารจัดการขยะมูลฝอย"),
]


@pytest.mark.parametrize("word, text", IN_OTHER_WORDS)
def test_a_word_is_found_where_the_text_cuts_it_otherwise(database, word, text):
    assert word not in indexed_words(text).split(), "the row must hold a word its text's cut hides"
    assert text in texts(search(database, word))


@pytest.mark.parametrize("word, text", [
    ("ผู้สูงอายุ", "ส่งเสริมอาชีพให้แก่ผู้ สูงอายุ"),  # the text wrote it as two words
    ("การท่องเที่ยว", "การส่งเสริมการท่องเที่ยว"),
    ("การส่งเสริมการท่องเที่ยว", "การส่งเสริมการท่องเที่ยว"),
    ("ท่องเที่ยว เชิงวัฒนธรรม", "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม"),
])
def test_a_word_written_whole_in_the_query_and_in_pieces_in_the_text(database, word, text):
    assert text in texts(search(database, word))


@pytest.mark.parametrize("query", ["ฟุตบอล", "รถไฟฟ้า", "ท่องเที่ยวอวกาศ", "ท่องเที่ยว ฟุตบอล"])
def test_a_word_no_text_holds_finds_nothing(database, query):
    assert search(database, query) == []


def test_words_written_together_must_stand_together_in_the_text(database):
    # การจัดการ is cut การ + จัดการ: "การบริหารจัดการขยะมูลฝอย" and "จัดการเรียนรู้…"
    # hold both words, but only one text has them one after the other.
    assert texts(search(database, "การจัดการ")) == {"การจัดการน้ำเสีย"}
    assert texts(search(database, "การ จัดการ")) == {
        "การจัดการน้ำเสีย", "การบริหารจัดการขยะมูลฝอย", "จัดการเรียนรู้ตลอดชีวิต"}


def test_kind_and_organisation_kind_filter_the_hits(database):
    everything = {(hit.kind, hit.organization_kind) for hit in search(database, "ผู้สูงอายุ")}
    assert everything == {("vision", "เทศบาลตำบล"), ("strategy", "เทศบาลตำบล"),
                          ("guideline", "เทศบาลตำบล"), ("strategy", "องค์การบริหารส่วนจังหวัด")}
    assert texts(search(database, "ผู้สูงอายุ", kind="strategy")) == {
        "การพัฒนาคุณภาพชีวิตผู้สูงอายุ", "ยุทธศาสตร์ผู้สูงอายุ"}
    assert texts(search(database, "ผู้สูงอายุ", kind="strategy", organization_kind="เทศบาลตำบล")) \
        == {"การพัฒนาคุณภาพชีวิตผู้สูงอายุ"}
    assert texts(search(database, "ท่องเที่ยว", organization_kind="องค์การบริหารส่วนจังหวัด")) == {
        "การส่งเสริมการท่องเที่ยว", "พัฒนานักท่องเที่ยวคุณภาพ"}
    assert search(database, "ท่องเที่ยว", kind="indicator") == []


@pytest.mark.parametrize("query, expected", [
    ('"ท่องเที่ยว"', {"ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", "การส่งเสริมการท่องเที่ยว",
                      "พัฒนานักท่องเที่ยวคุณภาพ"}),
    ("ท่องเที่ยว OR กีฬา", set()),  # OR is a word no text with both holds
    ("ขยะ OR code", {"ลดขยะด้วย OR code และ COVID-19 \"ฉบับใหม่\""}),  # ... and this one does
    ("ขยะ AND NOT กีฬา", set()),
    ("NEAR(ขยะ กีฬา)", set()),
    ("กีฬา*", {"ส่งเสริมกีฬา"}),
    ("กีฬา -ขยะ", set()),
    ("^กีฬา", {"ส่งเสริมกีฬา"}),
    ("{words parts}: กีฬา", set()),
    ("words: กีฬา", set()),
    ("กีฬา'; DROP TABLE items; --", set()),
    ("'; DROP TABLE items; --", set()),
    ('COVID-19 "ฉบับใหม่"', {"ลดขยะด้วย OR code และ COVID-19 \"ฉบับใหม่\""}),
    ("covid-19", {"ลดขยะด้วย OR code และ COVID-19 \"ฉบับใหม่\""}),
])
def test_quotes_sql_and_fts_operators_are_plain_text(database, query, expected):
    assert texts(search(database, query)) == expected
    assert database.connection.execute("SELECT COUNT(*) FROM items").fetchone() == (18,)


@pytest.mark.parametrize("query", ["", "   ", "\"", "*", "\"\" ()", "-- ;"])
def test_a_query_without_a_word_to_find_is_an_error(database, query):
    with pytest.raises(PlanParseError, match="has no word to look for"):
        search(database, query)


@pytest.mark.parametrize("query, text, marked_text", [
    ("ท่องเที่ยว", "ส่งเสริมการท่องเที่ยวเชิงวัฒนธรรม", "ส่งเสริมการ«ท่องเที่ยว»เชิงวัฒนธรรม"),
    ("ผู้สูงอายุ", "ส่งเสริมอาชีพให้แก่ผู้ สูงอายุ", "ส่งเสริมอาชีพให้แก่«ผู้ สูงอายุ»"),
    ("ขยะ กีฬา", "ส่งเสริมกีฬา", None),
    ("covid-19 ขยะ", "ลดขยะด้วย OR code และ COVID-19 \"ฉบับใหม่\"",
     "ลด«ขยะ»ด้วย OR code และ «COVID-19» \"ฉบับใหม่\""),
    ("การจัดการ", "การจัดการน้ำเสีย", "«การจัดการ»น้ำเสีย"),
    ("จัดการ", "การบริหารจัดการขยะมูลฝอย", "การบริหาร«จัดการ»ขยะมูลฝอย"),
])
def test_the_hit_marks_where_the_query_words_are(database, query, text, marked_text):
    hits = {hit.text: hit for hit in search(database, query)}
    if marked_text is None:
        assert text not in hits
    else:
        assert marked(hits[text]) == marked_text


def test_a_hit_says_where_it_was_written(database):
    (hit,) = search(database, "อาชีพ")
    assert (hit.path, hit.organization, hit.kind, hit.number, hit.strategy_number,
            hit.strategy_title, hit.start_line, hit.end_line, hit.page) == (
        "tambon.txt", "เทศบาลตำบลบ้านกลาง", "guideline", "1.3", "1",
        "การพัฒนาคุณภาพชีวิตผู้สูงอายุ", 15, 15, None)
    assert where(hit) == "tambon.txt line 15"


def test_a_word_standing_whole_comes_before_one_found_inside_a_compound(database):
    # ภาพ (picture) is a word of its own in the first, a part of คุณภาพ (quality) elsewhere
    ranked = [hit.text for hit in search(database, "ภาพ")]
    assert ranked[0] == "ผลิตสื่อ ภาพ และเสียง"
    assert set(ranked[1:]) == {"พัฒนานักท่องเที่ยวคุณภาพ", "การพัฒนาคุณภาพชีวิตผู้สูงอายุ"}


def test_limit_caps_the_hits(database):
    holding = [text for (text,) in database.connection.execute("SELECT text FROM items")
               if "ส่งเสริม" in text]
    assert len(search(database, "ส่งเสริม", limit=2)) == 2
    assert texts(search(database, "ส่งเสริม", limit=None)) == set(holding)
    assert len(holding) == 5


@pytest.mark.parametrize("filters, message", [
    ({"kind": "strategies"}, "unknown kind 'strategies' .choose one of: vision, mission, goal, "
                             "strategy, guideline, indicator, tactic"),
    ({"organization_kind": "อบต."}, "unknown organisation kind 'อบต.' .choose one of: "
                                    "องค์การบริหารส่วนจังหวัด, องค์การบริหารส่วนตำบล, เทศบาลนคร, "),
])
def test_an_unknown_filter_is_an_error_naming_the_choices(database, filters, message):
    with pytest.raises(PlanParseError, match=message):
        search(database, "ท่องเที่ยว", **filters)


def test_a_query_is_cut_into_words_and_parts_as_the_texts_are():
    assert indexed_words("ส่งเสริมการท่องเที่ยว, และ COVID-19").split() == [
        "ส่งเสริม", "การท่องเที่ยว", "และ", "COVID-", "19"]
    assert "ท่องเที่ยว" in word_parts("การท่องเที่ยว")
    assert word_parts("ภูเก็ต") == ()  # no whole cut into dictionary words
    nothing_contains = lambda word: ()  # noqa: E731
    assert parse_query("   ", nothing_contains).expression is None
    assert parse_query("ผู้สูงอายุ, เด็ก", nothing_contains).runs == ("ผู้สูงอายุ", "เด็ก")


# ------------------------------------------------------------------ rendering

HIT = Hit("plans/a.pdf", "เทศบาลตำบลบ้านกลาง", "เทศบาลตำบล", "guideline", "1.1",
          "ส่งเสริมการท่องเที่ยว", ((11, 21),), "1", "การพัฒนา", 5, 7, 3)


def test_the_table_shows_the_match_highlighted():
    table = hits_table([HIT])
    cells = [list(column.cells) for column in table.columns]
    assert [column.header for column in table.columns] == [
        "organisation", "kind", "number", "text", "where"]
    organisation, kind, number, text, location = (column[0] for column in cells)
    assert tuple(cell.plain for cell in (organisation, kind, number, location)) == (
        "เทศบาลตำบลบ้านกลาง", "guideline", "1.1", "plans/a.pdf page 3, lines 5-7")
    assert isinstance(text, Text) and text.plain == HIT.text
    assert [(span.start, span.end) for span in text.spans] == [(11, 21)]
    assert table.title == "1 hit"


def test_json_and_csv_hold_every_field_and_the_marks():
    (entry,) = json.loads(hits_json([HIT]))
    assert entry == {
        "file": "plans/a.pdf", "page": 3, "start_line": 5, "end_line": 7,
        "organization": "เทศบาลตำบลบ้านกลาง", "organization_kind": "เทศบาลตำบล",
        "strategy_number": "1", "strategy_title": "การพัฒนา", "kind": "guideline",
        "number": "1.1", "text": "ส่งเสริมการท่องเที่ยว", "marked": "ส่งเสริมการ«ท่องเที่ยว»",
        "marks": [[11, 21]]}
    assert render_hits([HIT], "json") == hits_json([HIT])
    table = render_hits([HIT], "csv")
    assert table == hits_csv([HIT]) and table.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(table[1:])))
    assert rows == [{key: "" if value is None else str(value) for key, value in entry.items()
                     if key != "marks"} | {"number": "'1.1"}]  # not a number to a spreadsheet
    with pytest.raises(PlanParseError, match="unknown search output format 'xml' .choose one of: csv, json"):
        render_hits([HIT], "xml")


def hit_of(text: str, marks=(), **fields) -> Hit:
    return Hit(**{**HIT.__dict__, "text": text, "marks": marks, **fields})


@pytest.mark.parametrize("text, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+66 2 123", "'+66 2 123"),
    ("-ลดขยะ", "'-ลดขยะ"),
    ("@ผู้สูงอายุ", "'@ผู้สูงอายุ"),
    ("\t=1", "'\t=1"),
    ("ส่งเสริม" * 5000, ("ส่งเสริม" * 5000)[:32_765] + " …"),
    ("ส่งเสริมการท่องเที่ยว", "ส่งเสริมการท่องเที่ยว"),
])
def test_the_csv_neutralises_what_a_spreadsheet_would_run_or_change(text, cell):
    (row,) = csv.DictReader(io.StringIO(hits_csv([hit_of(text, organization=text)])[1:]))
    assert row["text"] == row["organization"] == cell
    assert row["marked"] == cell  # no marks: the marked text is the text


def test_the_table_shows_control_characters_as_escapes_and_keeps_the_highlight():
    hit = hit_of("ท่องเที่ยว\x1b[2Jขยะ", ((0, 10),), organization="[bold]เทศบาล\x07",
                 path="plans/\x1b]0;x\x07a.txt")
    organisation, _, _, text, location = (next(iter(column.cells)) for column in hits_table([hit]).columns)
    assert organisation.plain == "[bold]เทศบาล\\x07"
    assert text.plain == "ท่องเที่ยว\\x1b[2Jขยะ"
    assert [(span.start, span.end) for span in text.spans] == [(0, 10)]
    assert location.plain.startswith("plans/\\x1b]0;x\\x07a.txt")


# ------------------------------------------------------------------ the real outputs

# Words of plans; each found exactly where its letters are (the one exception, การพัฒนา
# inside คณะอนุกรรมการพัฒนา, is not a word there and is left out).
PLAN_WORDS = (
    "ท่องเที่ยว ผู้สูงอายุ การศึกษา ศึกษา สิ่งแวดล้อม เศรษฐกิจ ยาเสพติด คุณภาพชีวิต "
    "โครงสร้างพื้นฐาน สาธารณสุข การเกษตร เกษตร ทรัพยากรธรรมชาติ วัฒนธรรม การมีส่วนร่วม "
    "มีส่วนร่วม ประชาชน ชุมชน เด็ก น้ำ ขยะ การจัดการ บริหาร ความปลอดภัย อนุรักษ์ "
    "ดิจิทัล นวัตกรรม เทคโนโลยี สุขภาพ กีฬา ศาสนา ประเพณี อาชีพ รายได้ เรียนรู้ พื้นที่ "
    "พัฒนา ธรรมาภิบาล ยั่งยืน สังคม แข่งขัน"
).split()


@pytest.fixture(scope="module")
def real_database(output_folder, tmp_path_factory):
    connection = open_database(tmp_path_factory.mktemp("real") / "plans.sqlite")
    build_from_folder(connection, output_folder)
    yield connection
    connection.close()


@pytest.mark.parametrize("word", PLAN_WORDS)
def test_on_the_real_outputs_a_word_finds_exactly_the_items_that_hold_it(real_database, word):
    holding = {text for (text,) in real_database.connection.execute("SELECT text FROM items")
               if word in text}
    assert holding, "a word of this list should be in the samples or the dev set"
    assert texts(search(real_database, word, limit=None)) == holding


def test_on_the_real_outputs_every_word_and_part_of_an_item_finds_it_on_its_own(real_database):
    wanted: dict[str, set[str]] = {}
    for (text,) in real_database.connection.execute("SELECT text FROM items"):
        for word in indexed_words(text).split():
            for query in (word, *word_parts(word)):
                wanted.setdefault(query, set()).add(text)
    assert len(wanted) > 1000
    for query, holding in wanted.items():
        assert holding <= texts(search(real_database, query, limit=None)), query


@pytest.mark.skipif(fulltext.engine() != "nlpo3", reason="nlpo3 is not installed here")
def test_newmm_where_nlpo3_has_no_wheel_gives_the_index_the_same_tokens(real_database, monkeypatch):
    """The two engines differ only in how they split punctuation, which the index's
    tokenizer drops: a database cut by one is searched right with the other."""
    item_texts = [text for (text,) in real_database.connection.execute("SELECT text FROM items")]

    def cut_by(engine: str) -> list[str]:
        monkeypatch.setattr(fulltext, "engine", lambda: engine)
        fulltext._tokens.cache_clear()
        fulltext._indexed_chunk.cache_clear()
        return [indexed_words(text) for text in item_texts]

    by_nlpo3, by_newmm = cut_by("nlpo3"), cut_by("newmm")
    monkeypatch.undo()
    fulltext._tokens.cache_clear()
    fulltext._indexed_chunk.cache_clear()
    assert by_nlpo3 != by_newmm  # they do differ, in punctuation
    index = sqlite3.connect(":memory:")
    index.execute(f"CREATE VIRTUAL TABLE cut USING fts5(words, tokenize=\"{fulltext.TOKENIZER}\")")
    index.execute("CREATE VIRTUAL TABLE token USING fts5vocab(cut, 'instance')")
    index.executemany("INSERT INTO cut (rowid, words) VALUES (?, ?)",
                      [(2 * number + engine, words) for number, pair in enumerate(zip(by_nlpo3, by_newmm))
                       for engine, words in enumerate(pair)])
    tokens: dict[int, list[str]] = {}
    for term, row in index.execute("SELECT term, doc FROM token ORDER BY doc, offset"):
        tokens.setdefault(row, []).append(term)
    differing = [item_texts[number] for number in range(len(item_texts))
                 if tokens.get(2 * number) != tokens.get(2 * number + 1)]
    assert differing == []
