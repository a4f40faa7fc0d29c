"""log_cli_level lowers the root logger for the whole run (live logging off): caplog sees DEBUG."""

import logging

log = logging.getLogger("sample.levels")


def test_debug_reaches_caplog(caplog):
    log.debug("debug record")
    assert caplog.messages == ["debug record"]


async def test_in_an_async_test(caplog):
    log.debug("async debug")
    assert caplog.messages == ["async debug"]


def test_a_handler_level_still_filters(caplog):
    caplog.handler.setLevel(logging.INFO)
    log.debug("dropped")
    log.info("kept")
    assert caplog.messages == ["kept"]

