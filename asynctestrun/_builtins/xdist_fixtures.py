"""pytest-xdist's ``worker_id`` and ``testrun_uid`` fixtures, provided when xdist is installed.

asynctestrun does not load xdist's plugin (``-n`` is its own), but suites that have xdist installed
use these two fixtures, for instance to give each worker its own database. A worker started by ``-n``
has the same ``PYTEST_XDIST_*`` environment variables an xdist worker has; a run without workers is
xdist's controller: ``worker_id`` is ``"master"`` and the run id is new.
"""

from __future__ import annotations

import os
import uuid

from .._declare.fixtures import fixture


@fixture(scope="session")
def worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "master")


@fixture(scope="session")
def testrun_uid() -> str:
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
