"""Run with ``-p no:logging``: pytest then puts no handler of its own on the root logger, so a record
reaches Python's last-resort handler, which writes it to ``sys.stderr`` (the test's captured stderr)."""

import logging

log = logging.getLogger("app")


def test_a_warning_goes_to_stderr(capsys):
    log.warning("disk almost full")
    assert capsys.readouterr().err == "disk almost full\n"


def test_the_root_logger_has_no_handler():
    assert logging.getLogger().handlers == []


async def test_an_async_test_logs_to_stderr_too(capsys):
    log.error("lost connection")
    assert "lost connection" in capsys.readouterr().err


def test_caplog_is_not_there(caplog):
    pass
