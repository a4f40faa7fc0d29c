"""The run's exit statuses: pytest's (0-5), pytest's ``--max-warnings`` (6) and pytest-rerunfailures'
``--fail-on-flaky`` (7), so CI scripts that read pytest's statuses read these the same."""

from __future__ import annotations

EXIT_OK = 0
EXIT_TESTS_FAILED = 1
EXIT_INTERRUPTED = 2  # Ctrl-C, pytest.exit(), a collection error
EXIT_INTERNAL_ERROR = 3
EXIT_USAGE_ERROR = 4  # bad options or configuration, a bad -k/-m expression
EXIT_NO_TESTS = 5
EXIT_MAX_WARNINGS = 6  # a passing run with more warnings than --max-warnings allows
EXIT_FLAKY = 7  # --fail-on-flaky: a test passed only on a rerun
