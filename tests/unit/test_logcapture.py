"""LoggingCapture and LogCaptureFixture (asynctestrun._builtins.logging)."""

import inspect
import logging

import pytest

from asynctestrun._builtins.logging import (
    LogCaptureFixture,
    LogCaptureHandler,
    LoggingCapture,
    resolve_level,
)

LOGGER = "asynctestrun.tests.logcapture"


@pytest.fixture
def log():
    logger = logging.getLogger(LOGGER)
    saved_root = logging.getLogger().level
    yield logger
    logger.setLevel(logging.NOTSET)
    logging.getLogger().setLevel(saved_root)


@pytest.fixture
def root_at_warning():
    root = logging.getLogger()
    saved = root.level
    root.setLevel(logging.WARNING)
    yield
    root.setLevel(saved)


def test_report_text_uses_pytest_format_and_root_level(log, root_at_warning):
    capture = LoggingCapture()
    capture.start_phase("call")
    line = inspect.currentframe().f_lineno + 1
    log.warning("warned %s", 5)
    log.info("not captured at the default WARNING root level")
    report = capture.end_phase()
    assert report == f"WARNING  {LOGGER}:test_logcapture.py:{line} warned 5"
    capture.detach()
    assert capture.handler not in logging.getLogger().handlers


def test_configured_level_lowers_root_for_the_phase(log, root_at_warning):
    capture = LoggingCapture("info")
    capture.start_phase("call")
    log.info("seen")
    log.debug("below the configured level")
    assert capture.end_phase().endswith(" seen")
    assert logging.getLogger().level == logging.WARNING


def test_caplog_properties(log, root_at_warning):
    capture = LoggingCapture()
    caplog = LogCaptureFixture(capture)
    capture.start_phase("call")
    log.warning("w1 %s", 5)
    logging.error("root error")
    assert caplog.messages == ["w1 5", "root error"]
    assert caplog.record_tuples == [(LOGGER, logging.WARNING, "w1 5"), ("root", logging.ERROR, "root error")]
    assert [record.levelname for record in caplog.records] == ["WARNING", "ERROR"]
    assert caplog.text.splitlines()[1].startswith("ERROR    root:test_logcapture.py:")
    caplog.clear()
    assert caplog.records == [] and caplog.text == ""
    capture.end_phase()


def test_records_per_phase(log, root_at_warning):
    capture = LoggingCapture()
    caplog = LogCaptureFixture(capture)
    for when in ("setup", "call", "teardown"):
        capture.start_phase(when)
        log.warning(f"in {when}")
        capture.end_phase()
    assert [r.getMessage() for r in caplog.get_records("setup")] == ["in setup"]
    assert [r.getMessage() for r in caplog.get_records("call")] == ["in call"]
    assert caplog.messages == ["in teardown"]


def test_set_level_is_restored_by_finalize(log, root_at_warning):
    capture = LoggingCapture()
    caplog = LogCaptureFixture(capture)
    capture.start_phase("call")
    caplog.set_level(logging.INFO)
    caplog.set_level("DEBUG", logger=LOGGER)
    log.debug("debug message")
    assert caplog.messages == ["debug message"]
    assert logging.getLogger().level == logging.INFO
    assert caplog.handler.level == logging.DEBUG
    capture.end_phase()
    caplog._finalize()
    assert logging.getLogger().level == logging.WARNING
    assert log.level == logging.NOTSET


def test_at_level_is_scoped(log, root_at_warning):
    capture = LoggingCapture()
    caplog = LogCaptureFixture(capture)
    capture.start_phase("call")
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        log.debug("inside")
    log.debug("outside")
    assert caplog.messages == ["inside"]
    assert log.level == logging.NOTSET
    assert caplog.handler.level == logging.NOTSET
    capture.end_phase()


def test_set_level_overrides_logging_disable(log, root_at_warning):
    logging.disable(logging.CRITICAL)
    try:
        capture = LoggingCapture()
        caplog = LogCaptureFixture(capture)
        capture.start_phase("call")
        caplog.set_level(logging.INFO, logger=LOGGER)
        log.info("visible despite disable")
        assert caplog.messages == ["visible despite disable"]
        capture.end_phase()
        caplog._finalize()
        assert logging.root.manager.disable == logging.CRITICAL
    finally:
        logging.disable(logging.NOTSET)


def test_malformed_log_call_raises(log, root_at_warning):
    capture = LoggingCapture()
    capture.start_phase("call")
    try:
        with pytest.raises(TypeError, match="not enough arguments"):
            log.warning("%s %s", 1)  # noqa: PLE1206 - the malformed call under test
    finally:
        capture.end_phase()


def test_handler_reset_keeps_old_list():
    handler = LogCaptureHandler()
    handler.handle(logging.makeLogRecord({"msg": "one"}))
    old = handler.records
    handler.reset()
    assert [r.msg for r in old] == ["one"] and handler.records == []


def test_resolve_level():
    assert resolve_level(None) is None
    assert resolve_level(15) == 15
    assert resolve_level("info") == logging.INFO
    assert resolve_level("25") == 25
    with pytest.raises(ValueError, match="'LOUD' is not recognized as a logging level name"):
        resolve_level("LOUD")


def test_handlers_stay_for_the_run_and_come_back_after_removal(log, root_at_warning):
    capture = LoggingCapture()
    capture.start_phase("setup")
    capture.end_phase()
    assert capture.handler in logging.getLogger().handlers  # not re-added per phase
    capture.start_phase("call")
    logging.getLogger().removeHandler(capture.handler)  # as logging.basicConfig(force=True) does
    capture.end_phase()
    capture.start_phase("teardown")
    log.warning("captured again")
    assert [r.getMessage() for r in capture.handler.records] == ["captured again"]
    capture.end_phase()
    capture.detach()
    assert capture.handler not in logging.getLogger().handlers
