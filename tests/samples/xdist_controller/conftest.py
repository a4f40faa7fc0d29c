"""pytest-xdist's controller / worker split as conftests use it: the workers get ``config.workerinput``
(and a ``workeroutput`` dict to fill); the main process is configured and starts and finishes a session
of its own, whose ``pytest_sessionfinish`` may change the run's exit status (as syrupy's does). Only the
main process writes events.log, so its order does not depend on the workers'."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def _log(line: str) -> None:
    with EVENTS.open("a") as events:
        events.write(line + "\n")


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config):
    if not _is_worker(config):
        _log("controller configured")


def pytest_sessionstart(session):
    if not _is_worker(session.config):
        _log("controller session started")


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if _is_worker(config):
        config.workeroutput["workerid"] = config.workerinput["workerid"]
        return
    _log(f"controller session finished with exit status {int(exitstatus)}")
    if exitstatus == 1:
        session.exitstatus = 3


def pytest_unconfigure(config):
    if not _is_worker(config):
        _log("controller unconfigured")
