import not_installed_dependency


def test_also_left_out():
    assert not_installed_dependency
