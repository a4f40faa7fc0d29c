import pytest


def test_left_out_by_keyword():
    pass


@pytest.mark.slow
def test_left_out_by_mark():
    pass


def test_left_out_by_id():
    pass


def test_hears_of_them(deselected):
    assert deselected == [
        "test_selection.py::test_left_out_by_id",
        "test_selection.py::test_left_out_by_keyword",
        "test_selection.py::test_left_out_by_mark",
    ]
