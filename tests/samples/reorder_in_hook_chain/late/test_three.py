def test_z(backend):
    assert backend in (1, 2)
