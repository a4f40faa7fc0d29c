"""A plugin reads pytest's own keys, set or not (pytest-golden reads enable_assertion_pass_hook)."""


def pytest_addoption(parser):
    parser.addini("sample_unset", "a key declared with a None default", default=None)
    parser.addini("sample_count", "an int key without a default", type=int)
    parser.addini("sample_limit", "an int key set in the file", type="int")


def pytest_configure(config):
    config.read_in_configure = config.getini("enable_assertion_pass_hook")
