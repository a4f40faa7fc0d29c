def test_x(backend):
    assert backend in (1, 2)


def test_plain():
    pass
