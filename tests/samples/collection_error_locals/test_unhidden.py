def check(count):
    __tracebackhide__ = False
    expected = {"count": 2}
    assert count == expected["count"]


def test_unhidden_helper_frame():
    check(1)
