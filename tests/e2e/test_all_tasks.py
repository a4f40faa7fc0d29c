"""A test that waits for every other task of its loop must not wait for the runner's own tasks.

pytest-asyncio runs a test as the only task of its loop; helpers that drain ``asyncio.all_tasks()``
rely on that. Without a timeout the ``all_tasks`` scenario covers it; this runs the same sample under
``--timeout``, which pytest only has through pytest-timeout, so it has no differential twin.
"""

from __future__ import annotations

from harness import run_asynctestrun


def test_draining_every_other_task_ends_under_a_timeout() -> None:
    result = run_asynctestrun("all_tasks", "--timeout", "30")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert sorted(result.outcomes.values()) == ["passed"] * 3, result.outcomes
