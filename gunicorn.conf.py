"""gunicorn settings, read by ``make serve`` and by any ``gunicorn app:server`` started in this folder.

Workers are independent and keep no state between requests: run as many as there are cores, on as many machines as
needed, behind any load balancer (README, "Serving a national site"). Each worker compresses what a first visit
loads as soon as it starts (``serving.warm``); ``/healthz`` reports ``"warm": true`` when it is done.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("DISTRIKTSKORT_THREADS", "4"))  # a worker answers a slow export and fast calls at once
timeout = 60  # a picture export renders in Chromium: seconds, not minutes
# Longer than a reader's pause between clicks: with gunicorn's 2 s, a browser that reuses its connection after 2.5 s
# can meet one the server is just closing ("connection closed without response"). Behind a load balancer, keep
# this above the balancer's own idle timeout.
keepalive = 15
accesslog = "-"


def post_worker_init(worker):
    from app import app, warm_up

    warm_up(app)
