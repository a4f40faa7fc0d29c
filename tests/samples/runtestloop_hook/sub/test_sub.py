import warnings


def test_warning_in_a_subdirectory_ignored():
    warnings.warn("ignored by the session's mark", UserWarning)
