"""Quality gates on real Thai PDFs (../shared/pdf, ../shared/corpus), pinned: a regression
fails CI. The PDFs, ``thai_text_checks.py`` (the measures the work is checked with) and
tesseract are required: a missing one fails these tests rather than skipping them.

- the Royal Gazette decree: character error rate, white space removed, <= 0.5%;
- the Hangdong plan, all 57 pages: no split ำ, no stranded mark, no letter-spaced run,
  at most 1% of Thai words outside pythainlp's dictionary;
- the forms: no private-use character left;
- the scanned pages: SCANNED_PAGES without OCR; with OCR, at least 85% dictionary words;
- the Hangdong plan against its gold (../shared/eval/pdf), scored on the PDF itself through
  the installed command: micro-F1 >= 0.97 (issue 10 asks 0.80; pinned at what it gives).
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from planparse import ocr
from planparse.pdf import OcrMode, pdf_text

PDFS = SHARED / "pdf"
CHECKS = PDFS / "thai_text_checks.py"
GAZETTE = PDFS / "gazette_2566_dissolution_decree.pdf"
HANGDONG = SHARED / "corpus" / "hangdong_strategy_2560-2564.pdf"
SCANNED = PDFS / "scanned_hangdong_p4_p12.pdf"

MAX_GAZETTE_CER = 0.005
MAX_BAD_WORD_SHARE = 0.01
MIN_OCR_WORD_SHARE = 0.85


def _required(path: Path) -> bytes:
    assert path.exists(), f"{path} is missing: these gates need ../shared beside the checkout"
    return path.read_bytes()


def _checks(text: str, tmp_path: Path, expected: Path | None = None) -> dict:
    """``thai_text_checks.py`` on ``text``, run as it is when the work is checked."""
    _required(CHECKS)
    target = tmp_path / "text.txt"
    target.write_text(text, encoding="utf-8")
    command = [sys.executable, str(CHECKS), str(target)]
    if expected is not None:
        command += ["--expected", str(expected)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_the_gazette_matches_its_checked_text(tmp_path):
    text = pdf_text(_required(GAZETTE), GAZETTE.name, ocr=OcrMode.NEVER).text
    measured = _checks(text, tmp_path, expected=GAZETTE.with_suffix(".expected.txt"))
    assert measured["cer"] <= MAX_GAZETTE_CER, measured


@pytest.fixture(scope="module")
def hangdong():
    return pdf_text(_required(HANGDONG), HANGDONG.name, ocr=OcrMode.NEVER)


def test_every_page_of_the_hangdong_plan_is_read(hangdong):
    assert sorted(set(hangdong.line_pages)) == list(range(1, 58))
    assert hangdong.warnings == ()


def test_the_hangdong_plan_has_no_thai_pdf_damage(hangdong, tmp_path):
    measured = _checks(hangdong.text, tmp_path)
    assert measured["split_sara_am"] == 0, measured
    assert measured["stranded_marks"] == 0, measured
    assert measured["letter_spaced_runs"] == 0, measured
    assert measured["thai_tokens"] > 10_000, measured  # the plan's text, not a part of it
    assert measured["bad_word_share"] <= MAX_BAD_WORD_SHARE, measured


def test_the_forms_keep_no_private_use_character(tmp_path):
    forms = sorted((PDFS / "forms").glob("*.pdf"))
    assert len(forms) == 13, f"expected the 13 forms in {PDFS / 'forms'}"
    texts = [pdf_text(form.read_bytes(), form.name, ocr=OcrMode.NEVER).text for form in forms]
    measured = _checks("\n".join(texts), tmp_path)
    assert measured["private_use"] == 0, measured


def test_scanned_pages_are_reported_and_left_out_without_ocr():
    result = pdf_text(_required(SCANNED), SCANNED.name, ocr=OcrMode.NEVER)
    assert result.text.strip("\n\f") == ""
    (warning,) = result.warnings
    assert warning.code == "SCANNED_PAGES" and "page(s) 1-2 " in warning.message


def test_scanned_pages_read_by_ocr_are_mostly_dictionary_words(tmp_path):
    assert ocr.missing() is None, f"the OCR gate needs tesseract here: {ocr.missing()}"
    result = pdf_text(_required(SCANNED), SCANNED.name, ocr=OcrMode.AUTO)
    assert [warning.code for warning in result.warnings] == ["OCR_TEXT"]
    assert set(result.line_pages) == {1, 2}
    measured = _checks(result.text, tmp_path)
    assert measured["thai_tokens"] > 500, measured
    assert 1 - measured["bad_word_share"] >= MIN_OCR_WORD_SHARE, measured


def test_importing_planparse_does_not_need_pytesseract():
    code = ("import sys; sys.modules['pytesseract'] = None\n"  # as if it were not installed
            "import planparse, planparse.pdf\n"
            "from planparse import ocr\n"
            "print(ocr.missing())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'planparse[ocr]'" in result.stdout


def test_without_ocr_scanned_pages_are_reported_with_how_to_install_it():
    code = ("import sys; sys.modules['pytesseract'] = None\n"
            "from planparse.pdf import pdf_text\n"
            f"data = open({str(_required(SCANNED) and SCANNED)!r}, 'rb').read()\n"
            "for warning in pdf_text(data, 'scan.pdf', ocr='auto').warnings:\n"
            "    print(warning.code, warning.message)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("SCANNED_PAGES page(s) 1-2 are images with no text layer")
    assert "pip install 'planparse[ocr]'" in result.stdout


def test_asking_for_ocr_without_it_is_an_error_that_says_how_to_install_it(tmp_path):
    code = ("import sys; sys.modules['pytesseract'] = None\n"
            "from planparse.pdf import pdf_text\n"
            "from planparse.errors import PlanParseError\n"
            f"data = open({str(_required(SCANNED) and SCANNED)!r}, 'rb').read()\n"
            "try:\n    pdf_text(data, 'scan.pdf', ocr='always')\n"
            "except PlanParseError as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("scan.pdf: OCR was asked for but OCR is not installed")
    assert "apt-get install tesseract-ocr tesseract-ocr-tha" in result.stdout


# Issue 10 asks for 0.80; pinned just under what the plan gives (0.981, 127 of 129
# units), so that losing two units fails.
MIN_PDF_MICRO_F1 = 0.97


@pytest.fixture(scope="module")
def hangdong_score(tmp_path_factory):
    """score.py on the Hangdong PDF itself through the installed command, as
    ../shared/eval/pdf/README.md runs it: (its output, the micro-F1)."""
    inputs = tmp_path_factory.mktemp("inputs")
    scorer = SHARED / "eval" / "score.py"
    _required(HANGDONG) and _required(scorer)
    (inputs / HANGDONG.name).symlink_to(HANGDONG)
    command = f"{shlex.quote(str(Path(sys.executable).parent / 'planparse'))} extract {{}} --format json"
    done = subprocess.run([sys.executable, str(scorer),
                           "--gold", str(SHARED / "eval" / "pdf" / "gold"), "--inputs", str(inputs),
                           "--cmd", command], capture_output=True, text=True, check=True)
    micro = re.search(r"^micro-F1 (\d\.\d+)", done.stdout.splitlines()[-1])
    assert micro, done.stdout
    return done.stdout, float(micro.group(1))


def test_the_hangdong_pdf_is_scored_through_the_command(hangdong_score):
    output, micro = hangdong_score
    assert "ERROR" not in output  # the command read the PDF and printed a document
    assert re.search(r"hangdong_strategy_2560-2564 +gold +129 +pred +[1-9]", output)
    assert micro > 0


def test_the_hangdong_plan_scores_against_its_gold(hangdong_score):
    _, micro = hangdong_score
    assert micro >= MIN_PDF_MICRO_F1
