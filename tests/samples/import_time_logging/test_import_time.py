"""A test module that configures logging and logs while it is imported, that is during collection,
when pytest's run-wide log handlers are already on the root logger (slixmpp's test modules call
``logging.basicConfig(level=logging.DEBUG)`` at import)."""

import logging

import pytest

LEVEL_AT_IMPORT = logging.getLevelName(logging.getLogger().getEffectiveLevel())
# A no-op under pytest: basicConfig configures only a root logger that has no handler.
logging.basicConfig(level=logging.DEBUG)
logging.getLogger("sample.import").warning("logged while importing")


def _record(line: str) -> None:
    with open("events.log", "a") as log:
        log.write(line + "\n")


def test_basic_config_at_import_added_no_handler():
    root = logging.getLogger()
    assert not [handler for handler in root.handlers if type(handler) is logging.StreamHandler]


def test_root_levels():
    # WARNING (the default) without --log-level, which lowers the root logger during collection too.
    _record(f"at import {LEVEL_AT_IMPORT}")
    _record(f"in the test {logging.getLevelName(logging.getLogger().level)}")


@pytest.mark.asyncio
async def test_debug_records_of_an_async_test_reach_no_stream(caplog):
    logging.getLogger("sample.async").debug("debug")
    assert caplog.messages == []
