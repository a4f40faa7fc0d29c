import logging

import pytest

# A library's logger that keeps its records to itself (uvicorn's access log is configured so).
access = logging.getLogger("sample.access")
access.propagate = False
access.addHandler(logging.NullHandler())
access.setLevel(logging.INFO)


def test_caplog_sees_a_logger_that_does_not_propagate(caplog):
    access.info("GET / 200")
    assert caplog.record_tuples == [("sample.access", logging.INFO, "GET / 200")]


@pytest.mark.asyncio
async def test_in_an_async_test_too(caplog):
    access.info("GET /async 200")
    assert [r.getMessage() for r in caplog.records] == ["GET /async 200"]


def test_its_record_is_in_the_failure_report():
    access.warning("GET /missing 404")
    assert False

