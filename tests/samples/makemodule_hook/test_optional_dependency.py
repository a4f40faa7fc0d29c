import not_installed_dependency


def test_uses_the_dependency():
    assert not_installed_dependency
