"""The real-world corpus in ../shared/corpus: every file parses, and what was checked by
hand stays true. The texts are unedited PDF extractions and news; see SOURCES.md there."""

from __future__ import annotations

import pytest

import planparse
from conftest import SHARED

CORPUS = SHARED / "corpus"
FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.exists() else []

pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")


@pytest.fixture(scope="module")
def documents():
    return {path.stem: planparse.parse_file(path) for path in FILES}


def test_every_corpus_file_parses_and_validates(documents):
    assert len(documents) == len(FILES)
    for document in documents.values():
        planparse.PlanDocument.model_validate_json(planparse.to_json(document))


def _all_items(document):
    items = [*document.missions, *document.goals]
    for strategy in document.strategies:
        items += [*strategy.guidelines, *strategy.goals, *strategy.indicators, *strategy.tactics]
    return items


def test_no_item_is_empty_and_every_span_is_inside_the_file(documents):
    for stem, document in documents.items():
        for item in _all_items(document):
            assert item.text.strip(), stem
            assert 1 <= item.span.start_line <= item.span.end_line <= document.source.line_count


HANGDONG_VISION = "สังคมน่าอยู่อาศัย ก้าวไกลทางเศรษฐกิจ"


@pytest.mark.parametrize("stem", ["hangdong_vision_missions_pdfminer", "hangdong_strategy_full_pdfminer"])
def test_hangdong_vision_and_owner_survive_the_pdf_damage(documents, stem):
    document = documents[stem]
    assert document.organization.name == "เทศบาลตำบลหางดง"  # written "เทศบาลต าบลหางดง"
    assert document.vision.text == HANGDONG_VISION  # after an introduction, letters scattered


def test_hangdong_full_plan_period(documents):
    period = documents["hangdong_strategy_full_pdfminer"].period
    assert (period.start_year, period.end_year) == (2560, 2564)


def test_hangdong_missions_include_its_main_missions(documents):
    # pdfminer reads the two-column mission table a column at a time: numbers first,
    # then texts, so only some texts meet their number again. (The PDF itself is read
    # row by row: tests/test_pdf*.py.)
    missions = documents["hangdong_vision_missions_pdfminer"].missions
    texts = [mission.text for mission in missions]
    assert "การพัฒนาด้านเศรษฐกิจ" in texts
    assert "การพัฒนาด้านสาธารณสุข" in texts
    assert ("1.7", "การพัฒนาส่งเสริมด้านการศาสนา ศิลปวัฒนธรรม") in [(m.number, m.text) for m in missions]


def test_the_cabinet_summary_only_mentions_plans(documents):
    document = documents["large_cabinet_summary"]
    assert (document.vision, document.missions, document.goals, document.strategies) == (None, [], [], [])
    assert [w.code for w in document.warnings] == ["NO_PLAN_FOUND"]


def test_the_budget_speech_gives_its_budget_strategies_not_its_amounts(documents):
    document = documents["large_budget_speech"]
    assert document.organization is None  # provinces are only named in passing
    titles = [strategy.title for strategy in document.strategies]
    assert "ด้านความมั่นคง" in titles
    assert not any(title.startswith("งบประมาณรายจ่าย") for title in titles)
