"""Every sample project under both runners: asynctestrun must agree with the reference pytest +
pytest-asyncio on the exit code, each test's outcome, the summary counts, the order tests ran in, the
fixture event log, and the shape of the JUnit XML file. Skipped when no reference interpreter is
available (see harness.py)."""

from dataclasses import replace

import pytest
from harness import differences, junit_layout_differences, require_modules, run_both
from scenarios import SCENARIO_IDS, SCENARIOS


@pytest.mark.parametrize("scenario", SCENARIOS, ids=SCENARIO_IDS)
def test_asynctestrun_agrees_with_reference_pytest(scenario, tmp_path):
    require_modules(scenario.requires, reference=True)
    reference, candidate = run_both(scenario.sample, *scenario.args, tmp_root=tmp_path)
    pytest_run, asynctestrun_run = reference.observed(), candidate.observed()
    if not scenario.same_order:
        pytest_run, asynctestrun_run = replace(pytest_run, order=None), replace(asynctestrun_run, order=None)
    sections = {
        "asynctestrun disagrees with pytest on outcomes:": differences(
            pytest_run, asynctestrun_run, "pytest", "asynctestrun"
        ),
        "asynctestrun's JUnit XML is not laid out as pytest's:": junit_layout_differences(
            pytest_run, asynctestrun_run, "pytest", "asynctestrun"
        )
        if scenario.same_junit_layout
        else [],
        # The same pytest run guards scenarios.py: its hand-written tables must stay pytest's behaviour.
        "scenarios.py is out of date with the reference pytest:": differences(
            scenario.observed(), pytest_run, "scenarios.py", "pytest"
        ),
    }
    report = [line for title, lines in sections.items() if lines for line in [title, *lines]]
    assert not report, "\n".join([*report, reference.describe(), candidate.describe()])
