def test_the_declared_hook_was_called(settings):
    assert settings == {"root": "conftest", "tests": "conftest"}
