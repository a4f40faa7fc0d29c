"""A module attribute that raises on every lookup (as ``flask.g`` outside an app context) is neither
a fixture nor a class: the module's tests are collected as under pytest."""


class _UnboundProxy:
    def __getattribute__(self, name):
        raise RuntimeError("Working outside of application context.")


g = _UnboundProxy()


def test_collected_despite_the_proxy():
    pass
