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


def pytest_sessionfinish(session):
    # inline-snapshot's way of printing its report past the capture: peeking at pytest's private
    # ``_global_capturing`` (an AttributeError here aborted the run).
    capture = session.config.pluginmanager.getplugin("capturemanager")
    stdin = capture._global_capturing.in_ if capture._global_capturing is not None else None
    if stdin is not None and stdin._state == "started":
        stdin.suspend()
        stdin.resume()
