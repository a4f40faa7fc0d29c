import inspect

import pytest


def test_a_passing_example_gives_its_globals(run_example):
    module = run_example("adds", "total = 1 + 2\nassert total == 3\n")
    assert module.total == 3


def test_a_failing_assert_is_explained(run_example):
    with pytest.raises(AssertionError) as info:
        run_example("compares", "x = 1\nassert x == 2\n")
    assert "assert 1 == 2" in str(info.value)


def test_a_failing_example_fails_its_test(run_example):
    run_example("fails", "items = [1, 2]\nassert items == [1, 3]\n")


def test_its_source_is_found(run_example):
    module = run_example("described", "def f():\n    return 42\n")
    assert inspect.getsource(module.f) == "def f():\n    return 42\n"


def test_the_hook_is_a_loader(request):
    from _pytest.assertion.rewrite import AssertionRewritingHook

    hook = AssertionRewritingHook(request.config)
    assert callable(hook.exec_module) and callable(hook.find_spec)
