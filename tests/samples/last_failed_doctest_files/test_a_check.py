def test_skipped_files(seen):
    # test_b.py twice (tests and doctests), helper.py, notes.txt and conftest.py once each.
    assert seen["skipped_files"] == 5


def test_not_failed_before():
    pass
