"""A test module whose compiling warns: an invalid escape sequence in a bytes literal (aioimaplib's
tests have several, in IMAP flags). pytest compiles test modules again on every run where Python writes
no bytecode (PYTHONDONTWRITEBYTECODE), so the warning is in every run's summary, and an error filter
for it makes this file a collection error."""

import asyncio

import pytest


def test_flags():
    assert b"(\Seen)".startswith(b"(\\")


@pytest.mark.asyncio
async def test_flags_async():
    await asyncio.sleep(0)
    assert b"\Answered".endswith(b"Answered")
