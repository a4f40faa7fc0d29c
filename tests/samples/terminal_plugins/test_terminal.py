import pytest


def test_reporter_from_configure():
    from conftest import BANNER

    assert BANNER and BANNER[0] is not None


def test_reporter_from_fixture(announce):
    assert announce.verbosity >= 0
    announce._tw.line("a line from the writer")
    announce.write_sep("=", "separator")


async def test_capture_manager(loud):
    assert loud.is_globally_capturing()


def test_terminal_writer(pytestconfig):
    writer = pytestconfig.get_terminal_writer()
    writer.line("through get_terminal_writer")
    assert writer.fullwidth > 0


def test_plugins_known(pytestconfig):
    assert pytestconfig.pluginmanager.hasplugin("terminalreporter")
    assert pytestconfig.pluginmanager.hasplugin("capturemanager")


def test_reporter_write_then_fail(announce):
    announce.write("partial ")
    pytest.fail("after writing")
