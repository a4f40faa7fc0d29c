import logging

log = logging.getLogger("svc")


def test_caplog_text_follows_the_ini_format(caplog):
    log.info("hello")
    assert caplog.text == "INFO [svc] hello\n"


def test_the_captured_log_section_follows_it_too():
    log.warning("shown in the report")
    assert False


def test_the_root_logger_has_pytests_four_handlers():
    # The session's live-logging and log-file handlers (empty ones when neither is on), then the
    # test's caplog and report handlers; a test counting them saw three.
    assert len(logging.getLogger().handlers) == 4
