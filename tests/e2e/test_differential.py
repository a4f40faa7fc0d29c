"""Every sample project under both runners: asynctestrun must agree with the reference pytest +
pytest-asyncio on the exit code, each test's outcome, the summary counts, the order tests ran in and
the fixture event log. Skipped when no reference interpreter is available (see harness.py)."""

import pytest
from harness import differences, run_both
from scenarios import SCENARIO_IDS, SCENARIOS


@pytest.mark.parametrize("scenario", SCENARIOS, ids=SCENARIO_IDS)
def test_asynctestrun_agrees_with_reference_pytest(scenario, tmp_path):
    reference, candidate = run_both(scenario.sample, *scenario.args, tmp_root=tmp_path)
    problems = differences(reference.observed(), candidate.observed(), "pytest", "asynctestrun")
    # The same pytest run also guards scenarios.py: its hand-written tables must stay pytest's behaviour.
    stale = differences(scenario.observed(), reference.observed(), "scenarios.py", "pytest")
    if stale:
        problems = [*problems, "scenarios.py is out of date with the reference pytest:", *stale]
    assert not problems, "\n".join([*problems, reference.describe(), candidate.describe()])
