"""What plugins and conftests see of pytest-xdist's controller / worker split under ``-n``.

pytest-xdist gives each worker's config ``workerinput`` (its id, the worker count, the run's uid, the
controller's argv) and an empty ``workeroutput`` dict before ``pytest_configure``, and configures the
controller too, which starts and finishes a session of its own without running a test. Conftests rely
on both: ``if not hasattr(config, "workerinput")`` is the usual recipe for set-up done once, in the
controller.

``workeroutput`` stays in the worker: the plugins that read it in the controller's
``pytest_testnodedown`` (syrupy) expect every worker to have collected the whole suite, as
pytest-xdist's workers do; asynctestrun's collect only the files they run.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def worker_input() -> dict[str, Any]:
    """``config.workerinput`` in a worker, from what the parent put in its environment (``prestart``)."""
    return {
        "workerid": os.environ.get("PYTEST_XDIST_WORKER", "gw0"),
        "workercount": int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")),
        "testrunuid": os.environ.get("PYTEST_XDIST_TESTRUNUID", ""),
        "mainargv": list(sys.argv),
    }
