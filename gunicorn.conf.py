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
# A stopping worker (kill -HUP of the master, max_requests, a deploy) takes no new requests and finishes those it
# holds; the slowest is a picture, a few seconds at most.
graceful_timeout = 30
# Each worker is replaced, gracefully, after this many requests: whatever grows in a long-lived process (Chromium
# for pictures, caches, fragmentation) starts fresh. The jitter keeps workers from being replaced all at once.
max_requests = int(os.environ.get("DISTRIKTSKORT_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# The master loads the dataset once and every worker is a fork of it: a worker that is replaced (killed, restarted
# by max_requests or kill -HUP) answers within a moment instead of after reading the dataset again (about 2 s at
# 10,000 districts from the binary copy, 14 s from the CSV, with one worker fewer meanwhile). A new dataset or new code therefore needs a restart
# of the master, not a HUP. Nothing runs in the master before the fork: no threads, no Chromium (each worker opens
# its own on its first picture), no warming (post_worker_init, below).
preload_app = True


def post_worker_init(worker):
    from app import app, warm_up

    warm_up(app)


def worker_exit(server, worker):
    # Close this worker's Chromium, if a picture opened it (it would also go when the worker's pipe to it closes).
    from exports.images import PICTURES

    PICTURES.close()
