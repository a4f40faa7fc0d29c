def test_first():
    pass


def test_needs_database(database):
    pass
