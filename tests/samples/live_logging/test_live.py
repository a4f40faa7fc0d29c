"""Tests that log in each phase, for live logging's layout (log_cli)."""

import asyncio
import logging

import pytest

log = logging.getLogger("svc")


@pytest.fixture
def resource():
    log.info("setting up")
    yield 1
    log.info("tearing down")


@pytest.fixture
def bad_teardown():
    yield
    log.warning("teardown about to break")
    raise RuntimeError("teardown broke")


def test_quiet():
    pass


async def test_logs_in_every_phase(resource):
    await asyncio.sleep(0)
    log.info("in the test")
    log.debug("below the level: not shown")
    log.warning("careful")


def test_fails_after_logging():
    log.error("about to fail")
    assert False


def test_logs_at_set_up_and_teardown_only(resource):
    pass


def test_teardown_breaks(bad_teardown):
    log.info("call ran")


def test_skipped_after_logging():
    log.info("skipping now")
    pytest.skip("not today")


def test_caplog_still_sees_records(caplog):
    log.info("seen twice")
    assert caplog.messages == ["seen twice"]


# Logged while the module imports: under "live log collection", above the "collected" line.
log.warning("imported")
