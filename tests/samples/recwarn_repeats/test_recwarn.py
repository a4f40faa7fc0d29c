import warnings

import pytest


def deprecated():
    warnings.warn("old", DeprecationWarning, stacklevel=1)


def test_a_repeat_from_one_line_is_recorded_once(recwarn):
    for _ in range(3):
        deprecated()
    assert len(recwarn) == 1


def test_other_lines_and_messages_are_recorded(recwarn):
    deprecated()
    warnings.warn("old", DeprecationWarning)
    warnings.warn("new", UserWarning)
    assert len(recwarn) == 3


def test_warns_keeps_every_repeat():
    with pytest.warns(DeprecationWarning) as record:
        for _ in range(3):
            deprecated()
    assert len(record) == 3

