import asyncio

import pytest


@pytest.mark.parametrize("number", [1, 2])
@pytest.mark.parametrize("letter", ["a", "b"])
def test_stacked_parametrize_is_a_cartesian_product(number, letter):
    assert number in (1, 2) and letter in ("a", "b")


@pytest.mark.parametrize(("left", "right", "total"), [(1, 2, 3), (2, 2, 5)])
def test_several_argnames_one_failing_case(left, right, total):
    assert left + right == total


@pytest.mark.parametrize("word", ["x", "hello world", "a/b"], ids=["short", "with-space", "slash"])
def test_explicit_ids(word):
    assert word


@pytest.mark.parametrize("value", [10, 20], ids=lambda value: f"v{value}")
def test_ids_from_a_callable(value):
    assert value % 10 == 0


@pytest.mark.parametrize("thing", [object(), None, 1.5, True, "text"])
def test_automatic_ids_for_various_types(thing):
    pass


@pytest.mark.parametrize(
    "n",
    [
        1,
        pytest.param(2, id="two"),
        pytest.param(3, marks=pytest.mark.xfail(reason="three is odd", strict=True), id="three-xfail"),
        pytest.param(4, marks=pytest.mark.skip(reason="not today")),
        pytest.param(5, marks=pytest.mark.xfail(reason="expected to fail but passes")),
    ],
)
def test_pytest_param_with_marks_and_ids(n):
    assert n != 3


@pytest.mark.parametrize("doubled", [1, 5], indirect=True)
def test_indirect_parametrize_goes_through_fixture(doubled):
    assert doubled in (2, 10)


@pytest.mark.parametrize(("doubled", "raw"), [(3, 3)], indirect=["doubled"])
def test_indirect_list_only_routes_named_args(doubled, raw):
    assert (doubled, raw) == (6, 3)


def test_fixture_params_multiply_the_test(level):
    assert level in ("low", "high")


def test_fixture_params_with_ids_combine(level, count):
    assert count in (1, 2)


@pytest.mark.parametrize("extra", [0])
def test_fixture_params_combine_with_parametrize(count, extra):
    assert count + extra > 0


@pytest.mark.asyncio
@pytest.mark.parametrize("delay", [0, 0.001])
async def test_parametrized_async_test(delay):
    await asyncio.sleep(delay)


@pytest.mark.parametrize("value", [1, 1])
def test_duplicate_ids_are_disambiguated(value):
    assert value == 1


@pytest.mark.parametrize("never", [])
def test_empty_parameter_set_is_skipped(never):
    pass


@pytest.mark.parametrize("base", [100, 200])
class TestParametrizedClass:
    def test_every_method_gets_the_class_params(self, base):
        assert base >= 100

    @pytest.mark.parametrize("offset", [1])
    def test_method_params_stack_on_class_params(self, base, offset):
        assert base + offset in (101, 201)
