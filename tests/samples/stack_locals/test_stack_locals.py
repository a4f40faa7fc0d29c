"""A test formatting its own stack with every frame's locals (kopf's check that its callbacks hide
their frames): the runner's frames are on that stack too, and must not cost a repr of the whole run."""

import traceback

import pytest


@pytest.mark.parametrize("n", range(600))
def test_one_of_many(n):
    pass


async def test_the_runners_frames_have_short_reprs():
    stack = traceback.StackSummary.extract(traceback.walk_stack(None), capture_locals=True)
    size = sum(len(value) for frame in stack for value in (frame.locals or {}).values())
    # With 600 other tests in the run: each frame local's repr stays far below one line per test detail.
    assert size < 1_000_000
