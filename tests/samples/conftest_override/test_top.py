def test_root_conftest_fixtures_are_visible(greeting, layers):
    assert greeting == "hello"
    assert layers == ["root"]


def test_sub_conftest_fixture_is_not_visible_at_root(sub_only):
    pass
