def test_y(backend):
    assert backend in (1, 2)
