"""Pictures never stall the site: a few at a time per worker, the rest told to come back, one browser kept open.

A fake browser that takes its time stands in for Chromium here; ``tests/serving`` does the same with the real one
behind gunicorn and nginx.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import exports.images
from app import create_app
from exports.renderer import Renderer, RendererBusy, slots_from_environment

VIEW = "indicator=age_0_5&measure=share&year=2016&lang=da"
PNG = b"\x89PNG\r\n\x1a\nfake"


class SlowBrowser:
    """Takes ``seconds`` per picture, and counts how many it draws at once."""

    opened = 0

    def __init__(self, seconds: float = 0.5) -> None:
        SlowBrowser.opened += 1
        self.seconds, self.drawing, self.most_at_once, self.closed = seconds, 0, 0, False
        self._lock = threading.Lock()

    def draw(self, figure: dict, options: dict, topojson: str | None) -> bytes:
        with self._lock:
            self.drawing += 1
            self.most_at_once = max(self.most_at_once, self.drawing)
        time.sleep(self.seconds)
        with self._lock:
            self.drawing -= 1
        return PNG

    def close(self) -> None:
        self.closed = True


class BrokenBrowser(SlowBrowser):
    def draw(self, figure: dict, options: dict, topojson: str | None) -> bytes:
        raise RuntimeError("Chromium went away")


def _picture(renderer: Renderer) -> bytes | str:
    try:
        with renderer.turn():
            return renderer.draw({"data": []}, {"format": "png"})
    except RendererBusy as busy:
        return str(busy)


def test_a_burst_gets_as_many_pictures_as_there_are_slots_and_the_rest_a_quick_no():
    browser = SlowBrowser(seconds=0.5)
    renderer = Renderer(slots=2, open_browser=lambda: browser)

    def timed(_):
        started = time.perf_counter()
        return _picture(renderer), time.perf_counter() - started

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(timed, range(8)))
    drawn = [seconds for answer, seconds in answers if answer == PNG]
    refused = [(answer, seconds) for answer, seconds in answers if answer != PNG]
    assert len(drawn) == 2 and len(refused) == 6
    assert browser.most_at_once <= 2
    assert all(seconds < 0.3 for _, seconds in refused), "the excess is told at once, not made to wait"
    assert refused[0][0] == "Every picture maker on this server is busy; try again in 2 seconds."


def test_a_slot_comes_free_when_its_picture_is_done():
    renderer = Renderer(slots=1, open_browser=lambda: SlowBrowser(seconds=0))
    assert [_picture(renderer) for _ in range(3)] == [PNG, PNG, PNG]


def test_one_browser_serves_every_picture_and_a_failed_one_is_replaced():
    SlowBrowser.opened = 0
    renderer = Renderer(slots=2, open_browser=lambda: SlowBrowser(seconds=0))
    for _ in range(5):
        _picture(renderer)
    assert SlowBrowser.opened == 1, "Chromium starts once per process, not once per picture"
    broken = BrokenBrowser()
    renderer = Renderer(slots=2, open_browser=iter([broken, SlowBrowser(seconds=0)]).__next__)
    with pytest.raises(RuntimeError), renderer.turn():
        renderer.draw({}, {})
    assert broken.closed
    assert _picture(renderer) == PNG, "the next picture opens a new browser"


def test_a_browser_that_died_between_two_pictures_is_replaced_before_the_next_is_refused():
    """A test server's shutdown once stopped the pictures' event loop from outside: the next picture then failed
    (a 503) before a new browser was opened. A browser that says it is not alive is replaced first."""
    first, second = SlowBrowser(seconds=0), SlowBrowser(seconds=0)
    renderer = Renderer(slots=1, open_browser=iter([first, second]).__next__)
    assert _picture(renderer) == PNG
    first.alive = False
    assert _picture(renderer) == PNG and first.closed and not second.closed


def test_a_slot_is_given_back_when_the_picture_fails():
    renderer = Renderer(slots=1, open_browser=BrokenBrowser)
    for _ in range(3):
        with pytest.raises(RuntimeError), renderer.turn():
            renderer.draw({}, {})


def test_the_number_of_slots_is_a_setting(monkeypatch):
    monkeypatch.setenv("DISTRIKTSKORT_PICTURE_SLOTS", "3")
    assert slots_from_environment() == 3
    for wrong in ("0", "-1", "two", "³"):
        monkeypatch.setenv("DISTRIKTSKORT_PICTURE_SLOTS", wrong)
        with pytest.raises(ValueError, match="DISTRIKTSKORT_PICTURE_SLOTS must be a whole number"):
            slots_from_environment()
    with pytest.raises(ValueError, match="at least one slot"):
        Renderer(slots=0)


@pytest.fixture
def slow_pictures(monkeypatch, demo):
    renderer = Renderer(slots=2, open_browser=lambda: SlowBrowser(seconds=1.0))
    monkeypatch.setattr(exports.images, "PICTURES", renderer)
    return create_app(demo).server


def test_eight_pictures_at_once_leave_healthz_answering_and_the_excess_is_a_503_with_retry_after(slow_pictures):
    def download(_):
        return slow_pictures.test_client().get(f"/export/view.png?{VIEW}")

    with ThreadPoolExecutor(9) as pool:
        pictures = [pool.submit(download, n) for n in range(8)]
        time.sleep(0.2)  # the pictures are in hand
        started = time.perf_counter()
        health = slow_pictures.test_client().get("/healthz")
        assert health.status_code == 200 and time.perf_counter() - started < 2
        answers = [picture.result() for picture in pictures]
    assert sorted(answer.status_code for answer in answers) == [200, 200, *[503] * 6]
    busy = next(answer for answer in answers if answer.status_code == 503)
    assert busy.headers["Retry-After"] == "2" and busy.headers["Cache-Control"] == "no-store"
    assert busy.get_data(as_text=True).count(".") == 1, "one sentence"
    assert next(answer for answer in answers if answer.status_code == 200).data == PNG
