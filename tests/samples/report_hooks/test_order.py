ORDER = []


def test_first_defined():
    ORDER.append("first")


def test_second_defined():
    ORDER.append("second")
    assert ORDER == ["second"]  # the reversing plugin ran this one first
