import warnings

from libplugin import IgnoredWarning, StrictWarning


def test_a_warning_the_plugin_ignored_is_seen():
    # pytest drops the filters a plugin's import set once the plugins are loaded.
    with warnings.catch_warnings(record=True) as caught:
        warnings.warn(IgnoredWarning("seen"))
    assert [str(w.message) for w in caught] == ["seen"]


def test_a_warning_the_plugin_made_an_error_is_a_warning():
    warnings.warn(StrictWarning("only a warning"))
