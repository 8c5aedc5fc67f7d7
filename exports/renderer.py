"""One headless Chromium per process, kept open, that draws pictures one at a time, with a bounded queue.

Starting Chromium costs 2–4 s; drawing in one that is already open costs about 0.3 s. So each gunicorn worker opens
one on its first picture and keeps it. A picture also holds a worker thread while it waits and draws: with no bound,
a burst of downloads takes every thread and the page, its callbacks and ``/healthz`` wait behind them. So a process
admits at most ``slots`` pictures at once (drawing or waiting their turn), and answers the rest at once with
``RendererBusy``, which the route turns into a 503 with ``Retry-After``.

kaleido's own ``start_sync_server()`` keeps a Chromium open too, but its calls are not safe from several threads (two
callers can swap answers) and have no time limit. Here each call is a future on the renderer's own event loop, so it
can be waited for with a limit, and a Chromium that fails is closed and replaced on the next picture.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Protocol

SLOTS_ENV = "DISTRIKTSKORT_PICTURE_SLOTS"
DEFAULT_SLOTS = 2  # of gunicorn.conf.py's 4 threads per worker: the other two always answer the page and /healthz
RETRY_AFTER_S = 2  # a picture takes about 0.3 s, and up to 2 s when the worker's Chromium is just starting
DRAW_TIMEOUT_S = 20  # per picture, inside Chromium
START_TIMEOUT_S = 30


class RendererBusy(Exception):
    """Every picture slot of this process is taken; try again after ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: int = RETRY_AFTER_S) -> None:
        super().__init__(f"Every picture maker on this server is busy; try again in {retry_after_s} seconds.")
        self.retry_after_s = retry_after_s


class Browser(Protocol):
    def draw(self, figure: dict, options: dict, topojson: str | None) -> bytes: ...

    def close(self) -> None: ...


class KaleidoBrowser:
    """Chromium with one kaleido tab, driven from an event loop in its own daemon thread."""

    def __init__(self, wait_s: float) -> None:
        self._wait_s = wait_s  # how long a call may wait, its turn included
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="distriktskort-pictures", daemon=True)
        self._thread.start()
        try:
            self._kaleido = self._run(self._open(), START_TIMEOUT_S)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    @staticmethod
    async def _open():
        import kaleido  # only where pictures are made: it starts nothing on import, but loads choreographer

        # mathjax=False: the pictures have no formulas, and kaleido would otherwise load MathJax from a CDN.
        browser = kaleido.Kaleido(n=1, timeout=DRAW_TIMEOUT_S, mathjax=False)
        await browser.open()
        return browser

    def _run(self, coroutine, timeout_s: float):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout_s)
        except TimeoutError:
            future.cancel()
            raise

    def draw(self, figure: dict, options: dict, topojson: str | None) -> bytes:
        return self._run(self._kaleido.calc_fig(figure, opts=options, topojson=topojson), self._wait_s)

    @property
    def alive(self) -> bool:
        """Whether its event loop still runs: a thread stopped from outside (a test server's shutdown raises
        SystemExit in every thread it started) leaves a browser that can only fail."""
        return self._thread.is_alive() and self._loop.is_running()

    def close(self) -> None:
        try:
            self._run(self._kaleido.close(), 10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)


class Renderer:
    """Admits at most ``slots`` pictures at once and draws them in one browser, opened on the first picture.

    >>> renderer = Renderer(slots=1, open_browser=lambda: None)
    >>> with renderer.turn():
    ...     with renderer.turn():
    ...         pass
    Traceback (most recent call last):
    ...
    exports.renderer.RendererBusy: Every picture maker on this server is busy; try again in 2 seconds.
    """

    def __init__(self, slots: int, open_browser: Callable[[], Browser] | None = None) -> None:
        if slots < 1:
            raise ValueError(f"a renderer needs at least one slot, got {slots}")
        self._slots = threading.BoundedSemaphore(slots)
        self._open_browser = open_browser or (lambda: KaleidoBrowser(wait_s=DRAW_TIMEOUT_S * slots))
        self._browser: Browser | None = None
        self._starting = threading.Lock()  # one browser per process, however many pictures ask for it first

    @contextmanager
    def turn(self) -> Iterator[None]:
        """Hold one slot for the work of one picture, or raise ``RendererBusy`` at once when none is free."""
        if not self._slots.acquire(blocking=False):
            raise RendererBusy()
        try:
            yield
        finally:
            self._slots.release()

    def draw(self, figure: dict, options: dict, topojson: str | None = None) -> bytes:
        """The picture's bytes (call it within ``turn()``). A browser that fails is closed, and the next picture
        opens a new one."""
        browser = self._browser_now()
        try:
            return browser.draw(figure, options, topojson)
        except BaseException:
            self._discard(browser)
            raise

    def close(self) -> None:
        """Close the browser, if one is open (a worker calls this as it exits)."""
        if self._browser is not None:
            self._discard(self._browser)

    def _browser_now(self) -> Browser:
        dead = self._browser if self._browser is not None and not getattr(self._browser, "alive", True) else None
        if dead is not None:
            self._discard(dead)  # a picture is not refused for a browser that died between two pictures
        with self._starting:
            if self._browser is None:
                self._browser = self._open_browser()
            return self._browser

    def _discard(self, browser: Browser) -> None:
        with self._starting:
            if self._browser is browser:
                self._browser = None
        # It is thrown away because it failed: a second failure, while closing it, says nothing new.
        with suppress(Exception):
            browser.close()


def slots_from_environment() -> int:
    """``DISTRIKTSKORT_PICTURE_SLOTS``, or the default: keep it below gunicorn's threads per worker.

    >>> slots_from_environment() >= 1
    True
    """
    text = os.environ.get(SLOTS_ENV, "").strip()
    if not text:
        return DEFAULT_SLOTS
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise ValueError(f"{SLOTS_ENV} must be a whole number of at least 1, got {text!r}")
    return int(text)
