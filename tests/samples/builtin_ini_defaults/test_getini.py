import pytest


def test_configure_hook_read_an_unset_key(pytestconfig):
    assert pytestconfig.read_in_configure is False


def test_unset_string_keys_give_pytests_defaults(pytestconfig):
    assert pytestconfig.getini("log_format") == "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s"
    assert pytestconfig.getini("log_date_format") == "%H:%M:%S"
    assert pytestconfig.getini("junit_family") == "xunit2"
    assert pytestconfig.getini("log_file") is None
    assert pytestconfig.getini("asyncio_default_test_loop_scope") == "function"


def test_unset_list_keys_give_pytests_defaults(pytestconfig):
    assert pytestconfig.getini("python_files") == ["test_*.py", "*_test.py"]
    assert pytestconfig.getini("python_classes") == ["Test"]
    assert "node_modules" in pytestconfig.getini("norecursedirs")


def test_unset_keys_of_other_types(pytestconfig):
    assert pytestconfig.getini("verbosity_assertions") == "auto"
    assert pytestconfig.getini("faulthandler_timeout") == 0.0
    assert pytestconfig.getini("strict_markers") is None


def test_a_union_type_reads_an_int_or_a_word(pytestconfig):
    assert pytestconfig.getini("tmp_path_retention_count") == 5
    assert pytestconfig.getini("log_cli_level") == "WARNING"


def test_an_alias_and_its_key_read_the_same_value(pytestconfig):
    assert pytestconfig.getini("strict_xfail") is True
    assert pytestconfig.getini("xfail_strict") is True


async def test_declared_keys_keep_their_defaults(pytestconfig):
    assert pytestconfig.getini("sample_unset") is None
    assert pytestconfig.getini("sample_count") == 0
    assert pytestconfig.getini("sample_limit") == 7


def test_an_unknown_key_is_a_value_error(pytestconfig):
    with pytest.raises(ValueError, match="unknown configuration value: 'no_such_key'"):
        pytestconfig.getini("no_such_key")
