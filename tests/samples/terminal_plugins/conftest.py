import pytest

BANNER = []


# trylast: pytest's terminal plugin registers its reporter in its own pytest_configure, which runs
# after a conftest's unless the conftest's is marked trylast.
@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    reporter = config.pluginmanager.getplugin("terminalreporter")
    reporter.write_line("conftest banner from pytest_configure")
    BANNER.append(reporter)


@pytest.fixture
def announce(request):
    reporter = request.config.pluginmanager.getplugin("terminalreporter")
    reporter.write_line("fixture announcing itself")
    reporter.section("a section from a fixture", sep="-")
    return reporter


@pytest.fixture
async def loud(request):
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("printed past the capture")
    yield capture
