import pytest

# How many times each test's body ran, across its attempts.
RUNS: dict[str, int] = {}


@pytest.fixture
def attempt(request):
    RUNS[request.node.name] = RUNS.get(request.node.name, 0) + 1
    return RUNS[request.node.name]


MODULE_SETUPS: list[int] = []


@pytest.fixture(scope="module")
def module_resource():
    # Set up again before each retry: pytest-retry tears down every scope but the session's.
    MODULE_SETUPS.append(len(MODULE_SETUPS) + 1)
    return len(MODULE_SETUPS)
