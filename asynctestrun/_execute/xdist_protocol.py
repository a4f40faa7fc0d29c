"""What plugins and conftests see of pytest-xdist's controller / worker split under ``-n``.

pytest-xdist gives each worker's config ``workerinput`` (its id, the worker count, the run's uid, the
controller's argv) and an empty ``workeroutput`` dict before ``pytest_configure``, and configures the
controller too, which starts and finishes a session of its own without running a test. Conftests rely
on both: ``if not hasattr(config, "workerinput")`` is the usual recipe for set-up done once, in the
controller.

Before starting a worker, pytest-xdist's controller calls ``pytest_configure_node(node)``, where
plugins add to the worker's ``workerinput`` (pytest-randomly passes its seed, and its workers read it
back in ``pytest_configure``). The parent calls it for each worker it starts and sends what the hooks
added on the worker's command line (``--worker-input``, JSON).

``workeroutput`` stays in the worker: the plugins that read it in the controller's
``pytest_testnodedown`` (syrupy) expect every worker to have collected the whole suite, as
pytest-xdist's workers do; asynctestrun's collect only the files they run.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

WORKER_INPUT_FLAG = "--worker-input"


def worker_input(added: str = "") -> dict[str, Any]:
    """``config.workerinput`` in a worker, from what the parent put in its environment (``prestart``)
    and ``added``, the JSON object of what its ``pytest_configure_node`` hooks added."""
    workerinput: dict[str, Any] = {
        "workerid": os.environ.get("PYTEST_XDIST_WORKER", "gw0"),
        "workercount": int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")),
        "testrunuid": os.environ.get("PYTEST_XDIST_TESTRUNUID", ""),
        "mainargv": list(sys.argv),
    }
    if added:
        workerinput.update(json.loads(added))
    return workerinput


class WorkerNode:
    """A worker as ``pytest_configure_node`` sees it (pytest-xdist's ``WorkerController``): the
    controller's config, the ``workerinput`` the worker will get, and its gateway's id."""

    def __init__(self, config: object, workerinput: dict[str, Any]) -> None:
        self.config = config
        self.workerinput = workerinput
        self.gateway = SimpleNamespace(id=workerinput["workerid"])


def configure_node(
    call_hook: Callable[..., object], config: object, name: str, count: int, run_id: str
) -> str:
    """Call ``pytest_configure_node`` for the worker ``name`` about to start; returns what the hooks
    added to its ``workerinput`` as JSON, or "" when they added nothing. The entries the worker builds
    itself are not sent; a hook's value has to be JSON, as it has to be what execnet can send."""
    given: dict[str, Any] = {
        "workerid": name,
        "workercount": count,
        "testrunuid": run_id,
        "mainargv": list(sys.argv),
    }
    node = WorkerNode(config, dict(given))
    call_hook("pytest_configure_node", node=node)
    added = {key: value for key, value in node.workerinput.items() if key not in given or given[key] != value}
    return json.dumps(added) if added else ""
