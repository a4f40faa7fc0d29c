"""Every sample project under asynctestrun: exit code, each test's outcome and, where the sample keeps
one, its fixture event log must be what pytest + pytest-asyncio produce (written out in scenarios.py)."""

import pytest
from harness import differences, require_modules, run_asynctestrun
from scenarios import SCENARIO_IDS, SCENARIOS


@pytest.mark.parametrize("scenario", SCENARIOS, ids=SCENARIO_IDS)
def test_asynctestrun_gives_pytests_outcomes(scenario, tmp_path):
    require_modules(scenario.requires)
    result = run_asynctestrun(scenario.sample, *scenario.args, tmp_root=tmp_path)
    problems = differences(scenario.observed(), result.observed(), "expected", "asynctestrun")
    assert not problems, "\n".join([*problems, result.describe()])
