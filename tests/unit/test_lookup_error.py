"""The missing-fixture report's source listing: the requester's lines as pytest prints them."""

from __future__ import annotations

from asynctestrun._plan.plan import _definition_header


async def requester(nope: object) -> None:
    value = 1

    assert value


def test_an_async_requester_is_listed_whole_with_blank_lines_empty() -> None:
    # pytest stops the listing at a line starting "def", which an "async def" is not.
    header = _definition_header(requester)
    assert header[0].startswith("file ") and header[0].endswith(f"line {requester.__code__.co_firstlineno}")
    assert header[1:] == [
        "  async def requester(nope: object) -> None:",
        "      value = 1",
        "",
        "      assert value",
    ]
