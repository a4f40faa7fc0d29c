import logging

log = logging.getLogger("svc")


def test_caplog_text_follows_the_ini_format(caplog):
    log.info("hello")
    assert caplog.text == "INFO [svc] hello\n"


def test_the_captured_log_section_follows_it_too():
    log.warning("shown in the report")
    assert False
