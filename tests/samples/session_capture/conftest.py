import helper_streams  # noqa: F401


# A plugin that reads back the option it just declared (as typeguard's pytest plugin does)
def pytest_addoption(parser):
    group = parser.getgroup("demo")
    group.addoption("--demo-packages", action="store", help="packages to check")
    opt = group.options[-1]
    parser.addini(opt.names()[0][2:], opt.attrs()["help"], "linelist")
    group.addoption("--demo-flag", action="store_true", help="a flag")
    assert group.options[-1].dest == "demo_flag"
    assert group.options[-1].default is False


def pytest_configure(config):
    config.demo = (config.getini("demo-packages"), config.getoption("demo_flag"))
