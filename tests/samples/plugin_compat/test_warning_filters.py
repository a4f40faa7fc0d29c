import warnings


def deprecated():
    warnings.warn("old", DeprecationWarning)


def test_deprecation_warning_twice_from_one_place():
    # pytest turns DeprecationWarning to "always" for each test: both calls are recorded.
    with warnings.catch_warnings(record=True) as caught:
        deprecated()
        deprecated()
    assert len(caught) == 2


def test_resource_warning_stays_ignored():
    # pytest keeps Python's default filters otherwise: ResourceWarning / ImportWarning are ignored.
    with warnings.catch_warnings(record=True) as caught:
        warnings.warn("unclosed thing", ResourceWarning)
        warnings.warn("import thing", ImportWarning)
    assert caught == []


def test_message_with_regex_characters():
    # With -W "error:call f(x) is deprecated" the message is literal text, so this fails.
    warnings.warn("call f(x) is deprecated", UserWarning)
