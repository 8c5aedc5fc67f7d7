"""Lessons for schools: questions made from the data through the registry and the insight functions, a lesson that
lives in its address and reads any address without a 500, and a worksheet with its answers on the last page."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app import create_app
from data.load import load_dataset
from insight.analysis import change_from, rank_in_year
from insight.sentences import shown_values
from layers.families import FAMILIES
from layers.i18n import t
from layers.status import SHOWN
from lessons.lesson import MAX_QUESTIONS, Lesson, from_part
from lessons.prompts import GENERAL, PROMPTS, prompt_for
from lessons.questions import FALL, KINDS, RISE, candidates, make
from tests.conftest import write_hostile
from ui import ids
from ui.lesson_page import BLANK

LESSON = (
    "q=most:age_0_5:2016&q=rise_fall:ownership_owner:{district}:2011:2016&q=guess:age_0_5:07:2016&q=draw:age_0_5:07"
)


@pytest.fixture(scope="module")
def client(demo):
    return create_app(demo).server.test_client()


def _series(demo, indicator):
    return demo.series[indicator, "share"] if (indicator, "share") in demo.series else demo.series[indicator, "count"]


def _families_in(demo):
    present = {indicator.family.id for indicator in demo.indicators.values()}
    return [family for family in FAMILIES if family.id in present]


def _rising_or_falling_district(demo, indicator):
    series = _series(demo, indicator)
    change = change_from(series, 0)
    return next(
        demo.district_ids[d]
        for d in range(len(demo.district_ids))
        if change.status[-1, d] == SHOWN.code and round(float(change.values[-1, d]), change.unit.decimals) != 0
    )


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_every_family_has_a_prompt_in_danish_and_english(family):
    prompt = prompt_for(family.id)
    assert prompt is not GENERAL and prompt("da") and prompt("en") and prompt("da") != prompt("en")
    assert set(PROMPTS) <= {family.id for family in FAMILIES}


def test_a_family_the_registry_does_not_know_gets_the_general_prompt():
    assert prompt_for("imported_family") is GENERAL


def test_the_families_present_in_the_demo_are_many(demo):
    assert len(_families_in(demo)) >= 8


def _indicator_of(demo, family):
    present = [indicator.id for indicator in demo.indicators.values() if indicator.family.id == family.id]
    if not present:
        pytest.skip(f"the demo has no {family.id}")
    return present[0]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_most_answers_the_district_the_insight_ranks_first(demo, family):
    indicator = _indicator_of(demo, family)
    question = make(demo, "most", indicator, 2016, 2011, None)
    series = _series(demo, indicator)
    firsts = [demo.district_ids[d] for d in range(len(demo.district_ids))
              if (rank := rank_in_year(series, 5, d)) and rank.position == 1]  # fmt: skip
    assert question is not None and set(firsts) <= set(question.answer)
    top = np.nanmax(shown_values(series, 5))
    for district in question.answer:  # every tied district shows the top figure, as written
        value = series.values[5, demo.district_ids.index(district)]
        assert round(value, series.unit.decimals) == round(top, series.unit.decimals)


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_rise_fall_answers_the_sign_of_the_change(demo, family):
    indicator = _indicator_of(demo, family)
    district = _rising_or_falling_district(demo, indicator)
    question = make(demo, "rise_fall", indicator, 2016, 2011, district)
    amount = change_from(_series(demo, indicator), 0).values[-1, demo.district_ids.index(district)]
    assert question.answer == ((RISE,) if amount > 0 else (FALL,))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.id)
def test_guess_and_draw_are_made_for_every_family(demo, family):
    indicator = _indicator_of(demo, family)
    for kind in ("guess", "draw"):
        question = make(demo, kind, indicator, 2016, 2011, _rising_or_falling_district(demo, indicator))
        assert question is not None and question.low <= min(v for v in question.answer if v is not None)


def test_rise_fall_skips_a_change_that_rounds_to_nothing_or_is_not_shown(demo):
    series = _series(demo, "age_0_5")
    change = change_from(series, 0)
    for d, district in enumerate(demo.district_ids):
        nothing = change.status[-1, d] != SHOWN.code or round(float(change.values[-1, d]), change.unit.decimals) == 0
        assert (make(demo, "rise_fall", "age_0_5", 2016, 2011, district) is None) == nothing
    assert make(demo, "rise_fall", "age_0_5", 2011, 2011, "07") is None  # no years between


def test_guess_and_draw_answer_the_figures_and_span_them(demo):
    series = _series(demo, "age_0_5")
    guess = make(demo, "guess", "age_0_5", 2016, 2011, "07")
    draw = make(demo, "draw", "age_0_5", 2016, 2011, "07")
    district = demo.district_ids.index("07")
    assert guess.answer == (pytest.approx(series.values[5, district]),)
    assert list(draw.answer) == pytest.approx(series.values[:, district].tolist())
    assert guess.low <= min(draw.answer) and max(draw.answer) <= guess.high


@pytest.mark.parametrize("kind", KINDS)
def test_the_builder_offers_each_kind_over_several_families_and_each_round_trips(demo, kind):
    offered = [question for question in candidates(demo) if question.kind == kind]
    assert 2 <= len(offered) <= 4
    assert len({demo.indicators[question.indicator].family.id for question in offered}) == len(offered)
    for question in offered:
        assert from_part(demo, question.part()) == question
        for lang in ("da", "en"):
            assert question.text(demo, lang) and question.prompt(demo, lang) and question.answer_words(demo, lang)


def test_questions_are_put_in_the_language_asked(demo):
    question = make(demo, "most", "age_0_5", 2016, 2011, None)
    assert "0–5 år" in question.text(demo, "da") and "2016" in question.text(demo, "da")
    assert "0–5 years" in question.text(demo, "en") and "Which" in question.text(demo, "en")


def test_a_lesson_round_trips_through_its_address(demo):
    district = _rising_or_falling_district(demo, "ownership_owner")
    lesson, ignored = Lesson.parse(demo, "?" + LESSON.format(district=district) + "&lang=en")
    assert ignored == () and lesson.lang == "en" and lesson.complete
    assert [question.kind for question in lesson.questions] == ["most", "rise_fall", "guess", "draw"]
    assert Lesson.parse(demo, lesson.query()) == (lesson, ())


@pytest.mark.parametrize(
    "query, kept",
    [
        ("q=most:age_0_5:2016&q=most:age_0_5:2016", 1),  # asked twice
        ("q=most:nope:2016&q=guess:age_0_5:99:2016&q=guess:age_0_5:07:1900", 0),
        ("q=draw:age_0_5&q=draw:age_0_5:07:2016&q=:::&q=&q=most", 0),  # too few or too many fields
        ("q=" + "&q=".join(f"guess:age_0_5:{d:02d}:2016" for d in range(1, 10)), MAX_QUESTIONS),
        ("q=most:age_0_5:2016&lang=xx&lang=en", 1),
        ("q=%00%ff<script>&q=most:age_0_5:2016", 1),
        ("q=" + "x" * 5000, 0),
    ],
)
def test_a_hostile_address_keeps_what_it_can_and_names_the_rest(demo, query, kept):
    lesson, ignored = Lesson.parse(demo, query)
    assert len(lesson.questions) == kept


@given(st.text(max_size=300))
def test_any_address_parses(demo, query):
    lesson, ignored = Lesson.parse(demo, query)
    assert len(lesson.questions) <= MAX_QUESTIONS and isinstance(ignored, tuple)


@pytest.mark.parametrize(
    "path",
    [
        "/lektion",
        "/lektion?lang=en",
        "/lektion?q=most:age_0_5:2016",
        "/lektion?q=%3Cscript%3E&lang=%3Cb%3E",
        "/lektion?q=most:age_0_5:2016&q=most:age_0_5:2016&q=most:age_0_5:2016&lang=sv",
        "/lektion/link?q=most:age_0_5:2016",
        "/lektion/link?q=%ff",
        "/lektion.pdf",
        "/lektion.pdf?q=nothing",
    ],
)
def test_no_lesson_address_gives_a_500(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert b"<script>" not in response.data.replace(b'<script type="application/json"', b"").replace(
        b"<script src", b""
    )


def test_the_builder_lists_questions_of_every_kind_and_gives_the_link(client, demo):
    page = client.get("/lektion?lang=en").get_data(as_text=True)
    offered = re.findall(r'name="q" value="([^"]+)"', page)
    assert {part.split(":")[0] for part in offered} == set(KINDS)
    chosen = "&".join(f"q={part}" for part in offered[:3])
    linked = client.get(f"/lektion/link?{chosen}&lang=en").get_data(as_text=True)
    assert "/lektion?q=" in linked and "/lektion.pdf?q=" in linked
    assert t("lesson_builder_count", "en") in client.get(f"/lektion/link?q={offered[0]}&lang=en").get_data(as_text=True)


def test_the_lesson_page_carries_the_questions_and_no_pupil_data_leaves_it(client, demo):
    district = _rising_or_falling_district(demo, "ownership_owner")
    page = client.get("/lektion?" + LESSON.format(district=district)).get_data(as_text=True)
    block = re.search(rf'<script type="application/json" id="{ids.LESSON_DATA}">(.*?)</script>', page).group(1)
    data = json.loads(block)
    assert [question["kind"] for question in data["questions"]] == ["most", "rise_fall", "guess", "draw"]
    assert all(len(question["reveal"]) == len(demo.district_of_feature) for question in data["questions"])
    assert set(data["questions"][0]["blank"]) == {BLANK}
    assert "<form" not in page and "/assets/lesson.js" in page  # nothing to send back


def test_the_worksheet_is_a_pdf_of_several_pages_with_the_answers_last(client, demo):
    district = _rising_or_falling_district(demo, "ownership_owner")
    response = client.get("/lektion.pdf?" + LESSON.format(district=district) + "&lang=en")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    pages = PdfReader(io.BytesIO(response.data)).pages
    assert len(pages) >= 2
    first, last = pages[0].extract_text(), pages[-1].extract_text()
    lesson, _ = Lesson.parse(demo, LESSON.format(district=district) + "&lang=en")
    answers = [question.answer_words(demo, "en") for question in lesson.questions]
    assert t("lesson_sheet_answers", "en") in last
    assert any(answer[:20] in last for answer in answers)
    assert not any(answer[:20] in first for answer in answers)  # the questions' page gives nothing away


def test_a_hostile_dataset_s_texts_stay_text_in_every_lesson_page(tmp_path):
    hostile = load_dataset(write_hostile(tmp_path / "hostile"))
    client = create_app(hostile).server.test_client()
    builder = client.get("/lektion").get_data(as_text=True)
    parts = re.findall(r'name="q" value="([^"]+)"', builder)
    assert parts, "the builder offers questions about a hostile dataset too"
    chosen = "&".join(f"q={part}" for part in parts[:3])
    for path in ("/lektion", f"/lektion?{chosen}", f"/lektion/link?{chosen}"):
        response = client.get(path)
        text = response.get_data(as_text=True)
        assert response.status_code == 200
        assert "<img src=x" not in text and "<script>window" not in text and "</title><script>" not in text
