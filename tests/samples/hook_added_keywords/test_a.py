def test_with_resource(resource):
    assert resource == 1


def test_plain():
    pass
