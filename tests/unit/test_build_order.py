"""The order a test module's tests are built in: pytest's collectors', module first."""

from asynctestrun._collect.build_order import build_order, first_test_under


def test_the_module_builds_its_own_tests_before_any_class():
    collectors = [(), ("TestX",), ("TestX", "TestY"), ("TestX",), (), ("TestZ",)]
    assert build_order(collectors) == [0, 4, 1, 3, 2, 5]


def test_an_outer_class_reached_through_its_nested_class_comes_first():
    # The first test under TestX is in the nested TestY: TestX is still collected before TestY.
    collectors = [("TestX", "TestY"), ("TestX",), ()]
    assert build_order(collectors) == [2, 1, 0]


def test_definition_order_is_kept_within_one_collector():
    assert build_order([(), (), ()]) == [0, 1, 2]
    assert build_order([]) == []


def test_a_collector_is_reached_at_its_first_test():
    collectors = [(), ("TestX",), ("TestX", "TestY"), ("TestX",), ()]
    assert first_test_under(collectors, ("TestX",)) == 1
    assert first_test_under(collectors, ("TestX", "TestY")) == 2
    assert first_test_under(collectors, ()) == 0
