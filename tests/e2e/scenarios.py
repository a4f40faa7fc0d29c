"""The end-to-end scenarios: which sample, which arguments, and what pytest + pytest-asyncio do with them.

Each expectation below is pytest 9.2 + pytest-asyncio 1.5's behaviour, written out so that
``test_samples`` means something on a machine without pytest; ``test_differential`` re-checks every
table against the reference whenever one is available, so a stale table cannot hide.

An expectation table has one ``node id  outcome`` line per JUnit testcase, in the order pytest reports
them (collection reports first, then tests in the order they ran; the order of test lines is checked).
Outcomes are what the JUnit XML can say: ``passed``, ``failed``, ``error``, ``skipped``, plus ``xfailed``
(a ``skipped`` of type ``pytest.xfail``) and ``xpassed`` (JUnit reports a non-strict xpass as a plain
pass; the word records the intent, and ``counts`` checks the summary line's ``xpassed``).

``counts`` is the final summary line ("1 failed, 2 passed, 3 deselected"), warnings left out: it catches
what JUnit cannot show, such as deselection, xpasses, or a test run twice. ``events`` is the content of
the ``events.log`` the fixture samples write: the order fixtures were set up and torn down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from harness import Observed

_OUTCOMES_IN_JUNIT = {"xfailed": "skipped", "xpassed": "passed"}


@dataclass(frozen=True)
class Scenario:
    id: str
    sample: str
    args: tuple[str, ...]
    exit_code: int
    expected: str
    counts: Mapping[str, int]
    events: str | None = None
    # Modules the sample relies on (a third-party pytest plugin): skipped where they are not installed.
    requires: tuple[str, ...] = ()
    # False where pytest's JUnit file has a shape asynctestrun does not copy on purpose (box/flaky's
    # earlier runs each leave an empty <testcase> there); outcomes are compared all the same.
    same_junit_layout: bool = True
    # False where no runner fixes the order tests report in (pytest-xdist's workers report as they
    # go): outcomes, counts and events are compared, the order is not.
    same_order: bool = True

    def __post_init__(self) -> None:
        known = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
        for nodeid, outcome in self.rows:
            assert outcome in known, f"{self.id}: {nodeid}: unknown outcome {outcome!r}"

    @property
    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for line in self.expected.strip().splitlines():
            if line.strip():
                nodeid, outcome = line.strip().rsplit(None, 1)
                rows.append((nodeid, outcome))
        return rows

    def observed(self) -> Observed:
        rows = self.rows
        return Observed(
            exit_code=self.exit_code,
            outcomes={nodeid: _OUTCOMES_IN_JUNIT.get(outcome, outcome) for nodeid, outcome in rows},
            xfailed=frozenset(nodeid for nodeid, outcome in rows if outcome == "xfailed"),
            events=tuple(self.events.strip().splitlines()) if self.events is not None else None,
            order=tuple(nodeid for nodeid, _ in rows if "::" in nodeid) if self.same_order else None,
            counts=self.counts,
        )


EVENTS_COLLECTION_FINISH_KEYWORD = """
modifyitems test_one test_two test_three
finish test_one
"""

EVENTS_COLLECTION_FINISH_MARK = """
modifyitems test_one test_two test_three
finish test_one test_two
"""

EVENTS_COLLECTION_FINISH_DESELECT = """
modifyitems test_one test_two test_three
finish test_one test_three
"""

EVENTS_XDIST_CONTROLLER = """
controller configured
controller session started
controller session finished with exit status 1
controller unconfigured
"""

EVENTS_TEARDOWN_ERROR_GROUPS = """
test_two_fixtures raised ExceptionGroup('errors while tearing down <Function test_two_fixtures>')[ValueError, KeyError]
test_one_fixture raised ValueError
test_parametrized[1] raised ExceptionGroup('errors while tearing down <Function test_parametrized[1]>')[ZeroDivisionError, IndexError]
test_last raised ExceptionGroup('errors while tearing down <Class TestClassScope>')[OSError, EOFError]
test_module_and_function raised ExceptionGroup('errors during test teardown')[ExceptionGroup('errors while tearing down <Module test_groups.py>')[TypeError, AttributeError], IndexError]
test_last_of_the_run raised ExceptionGroup('errors during test teardown')[ExceptionGroup('errors while tearing down <Session  exitstatus=<ExitCode.OK: 0> testsfailed=7 testscollected=10>')[RuntimeError, LookupError], NotImplementedError]
"""


EVENTS_CLASSMETHOD_FIXTURES = """
set up resource for TestGenerator
set up per_test
tear down per_test
tear down resource for TestGenerator
open connection for TestAsyncGenerator
close connection for TestAsyncGenerator
tear down broken
test_after_the_classes
"""


EVENTS_REPORT_CRASH = """
call test_assert_with_message: test_crash.py:10 'AssertionError: x is one\\nassert 1 == 2' rendered=True
call test_raised_in_a_helper: test_crash.py:5 "KeyError: 'deep'" rendered=True
call test_pytest_fail: test_crash.py:18 'Failed: explicit' rendered=True
teardown test_teardown: conftest.py:27 'ValueError: in teardown' rendered=True
setup test_setup: test_crash.py:27 'RuntimeError: in set-up' rendered=True
call test_compared_strings: test_crash.py:35 "AssertionError: assert 'a' in 'bcd'" rendered=True
call test_async: test_crash.py:40 'LookupError: async' rendered=True
"""


EVENTS_LOGREPORT_HOOK = """
setup test_passes passed
call test_passes passed
teardown test_passes passed
setup test_fails passed
call test_fails failed
wrapper saw test_fails fail
teardown test_fails passed
setup test_skipped skipped
teardown test_skipped passed
setup test_xfails passed
call test_xfails skipped xfail
teardown test_xfails passed
setup test_setup_error failed
teardown test_setup_error passed
setup test_teardown_error passed
call test_teardown_error passed
teardown test_teardown_error failed
setup test_async_passes passed
call test_async_passes passed
teardown test_async_passes passed
"""

EVENTS_SETUP_MODES = """
setup module_fixture
setup sync_fixture
teardown sync_fixture
setup async_fixture
teardown async_fixture
setup broken_fixture
setup sync_fixture
teardown sync_fixture
setup from_conftest
teardown from_conftest
setup sync_fixture
teardown sync_fixture
setup sync_fixture
teardown sync_fixture
teardown module_fixture
"""

EVENTS_FIXTURE_SCOPES = """
setup session_sync
setup session_gen
setup session_async
setup session_agen
setup package_sync
setup package_gen
setup package_async
setup package_agen
setup root_package_gen
setup module_sync
setup module_gen
setup module_async
setup module_agen
setup class_sync
setup class_gen
setup class_async
setup class_agen
setup function_gen
setup function_agen
run test_one
teardown function_agen
teardown function_gen
setup function_sync
setup function_async
run test_two
teardown class_agen
teardown class_gen
setup class_sync
setup class_gen
setup class_async
setup class_agen
run test_three
teardown class_agen
teardown class_gen
setup class_sync
setup class_gen
setup class_async
setup class_agen
run test_module_level_function_gets_its_own_class_scope
teardown class_agen
teardown class_gen
teardown module_agen
teardown module_gen
teardown package_agen
teardown package_gen
setup pkg_b package_gen
setup module_gen
run test_four
setup function_agen
run test_five
teardown function_agen
teardown module_gen
teardown pkg_b package_gen
setup module_agen
setup function_gen
run test_six
teardown function_gen
teardown module_agen
teardown root_package_gen
teardown session_agen
teardown session_gen
"""
# A module-scoped fixture, once per outermost describe block that uses it (a block is a module to pytest).
EVENTS_DESCRIBE_BLOCKS = """
setup per_block
teardown per_block
setup per_block
teardown per_block
"""

EVENTS_FIXTURE_ORDER = """
setup conftest_autouse
setup module_autouse
setup independent
setup base
setup dependent
run test_dependencies_set_up_first_torn_down_last
teardown dependent
teardown base
teardown independent
teardown module_autouse
teardown conftest_autouse
setup conftest_autouse
setup module_autouse
setup base
setup dependent
setup async_dependent
run test_async_fixture_on_top_of_sync_chain
teardown async_dependent
teardown dependent
teardown base
teardown module_autouse
teardown conftest_autouse
setup module_param[m1]
setup conftest_autouse
setup module_autouse
run test_module_param_first_user[m1]
teardown module_autouse
teardown conftest_autouse
setup conftest_autouse
setup module_autouse
run test_module_param_second_user[m1]
teardown module_autouse
teardown conftest_autouse
teardown module_param[m1]
finalizer module_param[m1]
setup module_param[m2]
setup conftest_autouse
setup module_autouse
run test_module_param_first_user[m2]
teardown module_autouse
teardown conftest_autouse
setup conftest_autouse
setup module_autouse
run test_module_param_second_user[m2]
teardown module_autouse
teardown conftest_autouse
setup backend[x]
setup conftest_autouse
setup module_autouse
run test_session_param_in_first_module[x]
teardown module_autouse
teardown conftest_autouse
teardown module_param[m2]
finalizer module_param[m2]
setup conftest_autouse
run test_session_param_in_second_module[x]
teardown conftest_autouse
teardown backend[x]
setup backend[y]
setup conftest_autouse
setup module_autouse
run test_session_param_in_first_module[y]
teardown module_autouse
teardown conftest_autouse
setup conftest_autouse
run test_session_param_in_second_module[y]
teardown conftest_autouse
setup conftest_autouse
setup module_autouse
setup base
setup class_autouse
run test_class_autouse_runs_after_module_autouse
teardown class_autouse
teardown base
teardown module_autouse
teardown conftest_autouse
setup conftest_autouse
run test_plain_test_in_second_module
teardown conftest_autouse
teardown backend[y]
"""


# Loop factories: the numbered loops (a1, b2, ...) show which loop each fixture and test ran on, and
# when pytest-asyncio retires a loop because the factory changed.
EVENTS_LOOP_FACTORIES = """
run test_inner_hook_answers on c1
run test_inner_hook_defers_to_outer[a] on a1
run test_inner_hook_defers_to_outer[b] on b1
run test_one[a] on a2
run test_two[a] on a2
run test_one[b] on b2
run test_two[b] on b2
setup function_async on a3
run test_three[a] on a4 with function_async from a3
teardown function_async on a3
setup function_async on b3
run test_three[b] on b4 with function_async from b3
teardown function_async on b3
run test_only_b on b4
run test_runs_once_per_factory[a] on a5
run test_runs_once_per_factory[b] on b5
run test_factory_id_comes_before_parametrize_ids[a-1] on a6
run test_factory_id_comes_before_parametrize_ids[a-2] on a7
run test_factory_id_comes_before_parametrize_ids[b-1] on b6
run test_factory_id_comes_before_parametrize_ids[b-2] on b7
setup function_async on a8
run test_fixture_runs_on_the_test_loop[a] on a8
teardown function_async on a8
setup function_async on b8
run test_fixture_runs_on_the_test_loop[b] on b8
teardown function_async on b8
run test_sync_test_runs_once
setup function_async on default
run test_sync_test_async_fixture_gets_default_loop with fixture on default
teardown function_async on default
run test_one_factory_gives_no_id_suffix on a9
run test_mark_selects_one_factory on b9
run test_mark_order_is_kept[b] on b10
run test_mark_order_is_kept[a] on a10
run test_unknown_factory_in_mark_is_skipped[a] on a11
run test_duplicate_names_get_numbered_ids[a0] on a12
run test_duplicate_names_get_numbered_ids[a1] on a13
run test_method[a] on a15
run test_method[b] on b12
setup module_async on a16
setup module_sync
run test_first[a] on a16 with module_async from a16
run test_second[a] on a16 with module_async from a16
run test_parametrized[a-1] on a16
run test_parametrized[a-2] on a16
teardown module_async on a16
setup module_async on b13
run test_first[b] on b13 with module_async from b13
run test_second[b] on b13 with module_async from b13
run test_parametrized[b-1] on b13
run test_parametrized[b-2] on b13
run test_sync_between
teardown module_async on b13
setup module_async on a17
run test_function_loop_in_between[a] on a18 with module_async from a17
teardown module_async on a17
setup module_async on b14
run test_function_loop_in_between[b] on b15 with module_async from b14
teardown module_async on b14
teardown module_sync
setup session_async on a19
run test_function_loop_with_session_fixture[a] on a20 with session_async from a19
teardown session_async on a19
setup session_async on b16
run test_function_loop_with_session_fixture[b] on b17 with session_async from b16
teardown session_async on b16
setup session_async on a21
run test_session_loop[a] on a21 with session_async from a21
teardown session_async on a21
setup session_async on b18
run test_session_loop[b] on b18 with session_async from b18
run test_sync_with_session_fixture with session_async from b18
teardown session_async on b18
"""


SCENARIOS = [
    Scenario(
        "strict_mode",
        "strict_mode",
        (),
        1,
        r"""
            test_strict.py::test_sync_test_passes                                             passed
            test_strict.py::test_sync_test_failure_is_reported                                failed
            test_strict.py::test_marked_async_test_runs_on_a_running_loop                     passed
            test_strict.py::test_marked_async_test_failure_is_reported                        failed
            test_strict.py::test_async_fixtures_are_awaited                                   passed
            test_strict.py::test_sync_test_gets_value_of_async_fixture                        passed
            test_strict.py::test_unmarked_async_test_fails_in_strict_mode                     failed
            test_strict.py::test_sync_test_returning_a_coroutine_fails                        failed
            test_strict.py::test_plain_async_fixture_is_an_error_in_strict_mode               error
            test_strict.py::test_sync_test_returning_a_value_only_warns                       passed
            test_strict_edges.py::test_event_loop_fixture_was_removed_in_pytest_asyncio_1     error
            test_strict_edges.py::TestUnmarkedAsyncMethods::test_unmarked_async_method_fails  failed
            test_strict_edges.py::TestClassLevelMark::test_class_mark_covers_async_methods    passed
            test_strict_edges.py::test_cancelled_error_in_test_is_a_failure                   failed
            test_strict_edges.py::test_timeout_error_in_test_is_a_failure                     failed
            test_strict_edges.py::test_leaving_a_pending_task_behind_passes                   passed
            test_strict_edges.py::test_exception_inside_gathered_task_fails                   failed
            test_strict_edges.py::test_sync_test_can_run_its_own_loop                         passed
            test_strict_edges.py::test_async_fixture_teardown_error                           error
            test_strict_edges.py::test_sync_fixture_may_depend_on_async_fixture               passed
        """,
        counts={"failed": 8, "passed": 10, "errors": 3},
    ),
    Scenario(
        "strict_mode-exitfirst",
        "strict_mode",
        ("-x",),
        1,
        r"""
            test_strict.py::test_sync_test_passes               passed
            test_strict.py::test_sync_test_failure_is_reported  failed
        """,
        counts={"failed": 1, "passed": 1},
    ),
    Scenario(
        "unknown_flag",
        "strict_mode",
        ("--no-such-flag",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "auto_mode",
        "auto_mode",
        (),
        1,
        r"""
            test_auto.py::test_unmarked_async_test_runs                            passed
            test_auto.py::test_plain_fixture_decorator_drives_async_fixtures       passed
            test_auto.py::test_sync_test_still_runs                                passed
            test_auto.py::test_unmarked_async_failure_is_reported                  failed
            test_auto.py::test_explicit_mark_is_harmless_in_auto_mode              passed
            test_auto.py::TestAsyncMethods::test_async_method_runs                 passed
            test_auto.py::TestAsyncMethods::test_parametrized_async_method[0]      passed
            test_auto.py::TestAsyncMethods::test_parametrized_async_method[0.001]  passed
        """,
        counts={"failed": 1, "passed": 7},
    ),
    Scenario(
        "auto_mode-overridden-to-strict-on-cli",
        "auto_mode",
        ("--asyncio-mode=strict",),
        1,
        r"""
            test_auto.py::test_unmarked_async_test_runs                            failed
            test_auto.py::test_plain_fixture_decorator_drives_async_fixtures       error
            test_auto.py::test_sync_test_still_runs                                error
            test_auto.py::test_unmarked_async_failure_is_reported                  failed
            test_auto.py::test_explicit_mark_is_harmless_in_auto_mode              passed
            test_auto.py::TestAsyncMethods::test_async_method_runs                 failed
            test_auto.py::TestAsyncMethods::test_parametrized_async_method[0]      failed
            test_auto.py::TestAsyncMethods::test_parametrized_async_method[0.001]  failed
        """,
        counts={"failed": 5, "passed": 1, "errors": 2},
    ),
    Scenario(
        "fixture_scopes",
        "fixture_scopes",
        (),
        0,
        r"""
            pkg_a/test_alpha.py::TestFirstClass::test_one                             passed
            pkg_a/test_alpha.py::TestFirstClass::test_two                             passed
            pkg_a/test_alpha.py::TestSecondClass::test_three                          passed
            pkg_a/test_alpha.py::test_module_level_function_gets_its_own_class_scope  passed
            pkg_b/test_beta.py::test_four                                             passed
            pkg_b/test_beta.py::test_five                                             passed
            test_gamma.py::test_six                                                   passed
        """,
        counts={"passed": 7},
        events=EVENTS_FIXTURE_SCOPES,
    ),
    Scenario(
        "fixture_order",
        "fixture_order",
        (),
        0,
        r"""
            test_order.py::test_dependencies_set_up_first_torn_down_last                   passed
            test_order.py::test_async_fixture_on_top_of_sync_chain                         passed
            test_order.py::test_module_param_first_user[m1]                                passed
            test_order.py::test_module_param_second_user[m1]                               passed
            test_order.py::test_module_param_first_user[m2]                                passed
            test_order.py::test_module_param_second_user[m2]                               passed
            test_order.py::test_session_param_in_first_module[x]                           passed
            test_order_second_module.py::test_session_param_in_second_module[x]            passed
            test_order.py::test_session_param_in_first_module[y]                           passed
            test_order_second_module.py::test_session_param_in_second_module[y]            passed
            test_order.py::TestClassAutouse::test_class_autouse_runs_after_module_autouse  passed
            test_order_second_module.py::test_plain_test_in_second_module                  passed
        """,
        counts={"passed": 12},
        events=EVENTS_FIXTURE_ORDER,
    ),
    Scenario(
        "conftest_override",
        "conftest_override",
        (),
        1,
        r"""
            sub/test_sub.py::test_sub_conftest_replaces_root_fixture                                passed
            sub/test_sub.py::test_override_can_request_the_fixture_it_overrides                     passed
            sub/test_sub.py::test_root_fixture_still_visible_below                                  passed
            sub/test_sub.py::test_async_fixture_builds_on_overridden_fixture                        passed
            sub/test_sub.py::TestClassOverride::test_class_fixture_extends_sub_conftest_fixture     passed
            sub/test_sub.py::TestClassOverride::test_dependent_fixture_sees_class_override          passed
            sub/test_sub.py::test_class_override_does_not_leak_to_module                            passed
            sub/test_sub_module_override.py::test_module_fixture_extends_sub_conftest_fixture       passed
            sub/test_sub_module_override.py::test_parametrize_argument_shadows_fixture[direct]      passed
            test_module_override.py::test_module_fixture_extends_the_conftest_fixture_it_overrides  passed
            test_top.py::test_root_conftest_fixtures_are_visible                                    passed
            test_top.py::test_sub_conftest_fixture_is_not_visible_at_root                           error
        """,
        counts={"passed": 11, "errors": 1},
    ),
    Scenario(
        "conftest_hooks",
        "conftest_hooks",
        (),
        1,
        r"""
            test_hooks.py::test_fast                                              passed
            test_hooks.py::test_slow_is_skipped_without_runslow                   skipped
            test_hooks.py::test_slow_failure_only_shows_with_runslow              skipped
            test_hooks.py::test_runslow_option_is_readable                        passed
            test_hooks.py::test_fixture_from_pytest_plugins_module                passed
            test_hooks.py::test_fixture_found_by_name_argument                    passed
            test_hooks.py::test_xfail_added_by_fixture_turns_failure_into_xfail   xfailed
            test_hooks.py::test_xfail_added_by_fixture_with_strict_fails_on_pass  failed
            test_hooks.py::test_closest_marker_is_visible                         passed
            test_hooks.py::test_marker_args_visible_through_request               skipped
            test_hooks.py::test_xfail_added_inside_the_test_body                  xfailed
        """,
        counts={"failed": 1, "passed": 5, "skipped": 3, "xfailed": 2},
    ),
    Scenario(
        "conftest_hooks-runslow",
        "conftest_hooks",
        ("--runslow",),
        1,
        r"""
            test_hooks.py::test_fast                                              passed
            test_hooks.py::test_slow_is_skipped_without_runslow                   passed
            test_hooks.py::test_slow_failure_only_shows_with_runslow              failed
            test_hooks.py::test_runslow_option_is_readable                        passed
            test_hooks.py::test_fixture_from_pytest_plugins_module                passed
            test_hooks.py::test_fixture_found_by_name_argument                    passed
            test_hooks.py::test_xfail_added_by_fixture_turns_failure_into_xfail   xfailed
            test_hooks.py::test_xfail_added_by_fixture_with_strict_fails_on_pass  failed
            test_hooks.py::test_closest_marker_is_visible                         passed
            test_hooks.py::test_marker_args_visible_through_request               passed
            test_hooks.py::test_xfail_added_inside_the_test_body                  xfailed
        """,
        counts={"failed": 2, "passed": 7, "xfailed": 2},
    ),
    Scenario(
        "parametrize",
        "parametrize",
        (),
        1,
        r"""
            test_param_ids.py::test_ids_of_unusual_values[-1]                                       passed
            test_param_ids.py::test_ids_of_unusual_values[0.0]                                      passed
            test_param_ids.py::test_ids_of_unusual_values[inf]                                      passed
            test_param_ids.py::test_ids_of_unusual_values[\xe9]                                     passed
            test_param_ids.py::test_ids_of_unusual_values[]                                         passed
            test_param_ids.py::test_ids_of_unusual_values[line\nbreak]                              passed
            test_param_ids.py::test_ids_of_unusual_values[bytes]                                    passed
            test_param_ids.py::test_ids_of_unusual_values[value7]                                   passed
            test_param_ids.py::test_ids_of_unusual_values[Colour.RED]                               passed
            test_param_ids.py::test_ids_of_unusual_values[len]                                      passed
            test_param_ids.py::test_ids_of_unusual_values[int]                                      passed
            test_param_ids.py::test_ids_of_unusual_values[None]                                     passed
            test_param_ids.py::test_ids_of_unusual_values[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]           passed
            test_param_ids.py::test_ids_of_unusual_values[with[brackets]]                           passed
            test_param_ids.py::test_ids_of_unusual_values[double::colon]                            passed
            test_param_ids.py::test_duplicate_explicit_ids[same0]                                   passed
            test_param_ids.py::test_duplicate_explicit_ids[same1]                                   passed
            test_param_ids.py::test_duplicate_explicit_ids[3]                                       passed
            test_param_ids.py::test_explicit_unusual_ids[\xe9-explicit]                             passed
            test_param_ids.py::test_explicit_unusual_ids[]                                          passed
            test_param_ids.py::test_ids_of_stacked_multi_argument_parametrize[True-pair]            passed
            test_param_ids.py::test_ids_of_values_with_a_name[json]                                 passed
            test_param_ids.py::test_ids_of_values_with_a_name[named]                                passed
            test_param_ids.py::test_ids_of_values_with_a_name[value2]                               passed
            test_params.py::test_stacked_parametrize_is_a_cartesian_product[a-1]                    passed
            test_params.py::test_stacked_parametrize_is_a_cartesian_product[a-2]                    passed
            test_params.py::test_stacked_parametrize_is_a_cartesian_product[b-1]                    passed
            test_params.py::test_stacked_parametrize_is_a_cartesian_product[b-2]                    passed
            test_params.py::test_several_argnames_one_failing_case[1-2-3]                           passed
            test_params.py::test_several_argnames_one_failing_case[2-2-5]                           failed
            test_params.py::test_explicit_ids[short]                                                passed
            test_params.py::test_explicit_ids[with-space]                                           passed
            test_params.py::test_explicit_ids[slash]                                                passed
            test_params.py::test_ids_from_a_callable[v10]                                           passed
            test_params.py::test_ids_from_a_callable[v20]                                           passed
            test_params.py::test_automatic_ids_for_various_types[thing0]                            passed
            test_params.py::test_automatic_ids_for_various_types[None]                              passed
            test_params.py::test_automatic_ids_for_various_types[1.5]                               passed
            test_params.py::test_automatic_ids_for_various_types[True]                              passed
            test_params.py::test_automatic_ids_for_various_types[text]                              passed
            test_params.py::test_pytest_param_with_marks_and_ids[1]                                 passed
            test_params.py::test_pytest_param_with_marks_and_ids[two]                               passed
            test_params.py::test_pytest_param_with_marks_and_ids[three-xfail]                       xfailed
            test_params.py::test_pytest_param_with_marks_and_ids[4]                                 skipped
            test_params.py::test_pytest_param_with_marks_and_ids[5]                                 xpassed
            test_params.py::test_indirect_parametrize_goes_through_fixture[1]                       passed
            test_params.py::test_indirect_parametrize_goes_through_fixture[5]                       passed
            test_params.py::test_indirect_list_only_routes_named_args[3-3]                          passed
            test_params.py::test_fixture_params_multiply_the_test[low]                              passed
            test_params.py::test_fixture_params_multiply_the_test[high]                             passed
            test_params.py::test_fixture_params_with_ids_combine[low-one]                           passed
            test_params.py::test_fixture_params_with_ids_combine[low-two]                           passed
            test_params.py::test_fixture_params_with_ids_combine[high-one]                          passed
            test_params.py::test_fixture_params_with_ids_combine[high-two]                          passed
            test_params.py::test_fixture_params_combine_with_parametrize[one-0]                     passed
            test_params.py::test_fixture_params_combine_with_parametrize[two-0]                     passed
            test_params.py::test_parametrized_async_test[0]                                         passed
            test_params.py::test_parametrized_async_test[0.001]                                     passed
            test_params.py::test_duplicate_ids_are_disambiguated[1_0]                               passed
            test_params.py::test_duplicate_ids_are_disambiguated[1_1]                               passed
            test_params.py::test_empty_parameter_set_is_skipped[NOTSET]                             skipped
            test_params.py::TestParametrizedClass::test_every_method_gets_the_class_params[100]     passed
            test_params.py::TestParametrizedClass::test_every_method_gets_the_class_params[200]     passed
            test_params.py::TestParametrizedClass::test_method_params_stack_on_class_params[1-100]  passed
            test_params.py::TestParametrizedClass::test_method_params_stack_on_class_params[1-200]  passed
            test_params_overridden.py::test_indirect_mark_replaces_fixture_params[only-async]       passed
            test_params_overridden.py::test_indirect_mark_next_to_other_fixture_params[1-sync]      passed
            test_params_overridden.py::test_indirect_mark_next_to_other_fixture_params[2-sync]      passed
        """,
        counts={"failed": 1, "passed": 63, "skipped": 2, "xfailed": 1, "xpassed": 1},
    ),
    Scenario(
        "indirect_scopes",
        "indirect_scopes",
        (),
        0,
        r"""
            test_a_module.py::test_one[a]                                     passed
            test_a_module.py::test_two[a]                                     passed
            test_a_module.py::test_three_indirect_list[a]                     passed
            test_a_module.py::test_one[b]                                     passed
            test_a_module.py::test_two[b]                                     passed
            test_a_module.py::test_three_indirect_list[b]                     passed
            test_a_module.py::test_direct_argument_keeps_function_scope[a-1]  passed
            test_a_module.py::test_direct_argument_keeps_function_scope[b-2]  passed
            test_a_module.py::test_explicit_scope_wins[a]                     passed
            test_a_module.py::TestClassScoped::test_x[1]                      passed
            test_a_module.py::TestClassScoped::test_y[1]                      passed
            test_a_module.py::TestClassScoped::test_x[2]                      passed
            test_a_module.py::TestClassScoped::test_y[2]                      passed
            test_a_module.py::test_session_server[s1]                         passed
            test_b_other.py::test_session_server_again[s1]                    passed
            test_a_module.py::test_session_server[s2]                         passed
            test_b_other.py::test_session_server_again[s2]                    passed
            test_a_module.py::test_async_pool[p1]                             passed
            test_a_module.py::test_async_pool_again[p1]                       passed
            test_a_module.py::test_async_pool[p2]                             passed
            test_a_module.py::test_async_pool_again[p2]                       passed
            test_a_module.py::test_setups_in_this_module                      passed
            test_b_other.py::test_all_setups                                  passed
            test_c_equal_values.py::test_a[x]                                 passed
            test_c_equal_values.py::test_b[x]                                 passed
            test_c_equal_values.py::test_a[y]                                 passed
            test_c_equal_values.py::test_b[y]                                 passed
            test_c_equal_values.py::test_equal_lists[res0]                    passed
            test_c_equal_values.py::test_equal_lists[res1]                    passed
            test_c_equal_values.py::test_equal_numbers[1000]                  passed
            test_c_equal_values.py::test_equal_numbers[1000.0]                passed
            test_c_equal_values.py::test_setups                               passed
        """,
        counts={"passed": 32},
    ),
    Scenario(
        "raises_group",
        "raises_group",
        (),
        1,
        r"""
            test_raises_group.py::test_one_type                                           passed
            test_raises_group.py::test_any_order                                          passed
            test_raises_group.py::test_raises_exc_with_match_and_check                    passed
            test_raises_group.py::test_nested_group                                       passed
            test_raises_group.py::test_flatten_subgroups                                  passed
            test_raises_group.py::test_nested_without_flatten_fails                       failed
            test_raises_group.py::test_allow_unwrapped                                    passed
            test_raises_group.py::test_bare_exception_without_allow_unwrapped_fails       failed
            test_raises_group.py::test_too_few_fails                                      failed
            test_raises_group.py::test_unexpected_extra_fails                             failed
            test_raises_group.py::test_greedy_pairing_fails_where_another_pairing_exists  failed
            test_raises_group.py::test_group_match_is_on_the_group_message                passed
            test_raises_group.py::test_group_match_mismatch_fails                         failed
            test_raises_group.py::test_group_check                                        passed
            test_raises_group.py::test_nothing_raised_fails                               failed
            test_raises_group.py::test_matches_method                                     passed
            test_raises_group.py::test_raises_exc_as_context_manager                      passed
            test_raises_group.py::test_raises_exc_lets_another_type_through               failed
            test_raises_group.py::test_task_group_failures                                passed
        """,
        counts={"failed": 8, "passed": 11},
    ),
    Scenario(
        "subtests",
        "subtests",
        (),
        1,
        r"""
            test_subtests.py::test_one_of_three_fails                           failed
            test_subtests.py::test_all_pass                                     passed
            test_subtests.py::test_async_with_a_failing_and_a_skipped_subtest   failed
            test_subtests.py::test_the_test_fails_after_its_subtests_pass       failed
            test_subtests.py::test_errors_are_caught_too                        failed
            test_subtests.py::test_skipped_subtest_only                         skipped
            test_subtests.py::TestCaseWithSubTests::test_all_subtests_pass      passed
            test_subtests.py::TestCaseWithSubTests::test_two_fail               failed
        """,
        # Each failed subtest counts as a failure of its own, beside its test's.
        counts={"failed": 10, "passed": 4},
    ),
    Scenario(
        "strict_options",
        "strict_options",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_duplicate_fixture_params.py                    error
            test_duplicate_ids.py                               error
            test_strict_xfail.py::test_unexpected_pass          failed
            test_strict_xfail.py::test_unexpected_pass_allowed  xpassed
            test_strict_xfail.py::test_expected_failure         xfailed
            test_strict_xfail.py::test_unique_ids[one]          passed
            test_strict_xfail.py::test_unique_ids[two]          passed
        """,
        counts={"errors": 2, "failed": 1, "passed": 2, "xfailed": 1, "xpassed": 1},
    ),
    Scenario(
        "unraisable",
        "unraisable",
        (),
        1,
        r"""
            test_unraisable.py::test_exception_in_del                                          failed
            test_unraisable.py::test_exception_in_del_of_a_cycle                               failed
            test_unraisable.py::test_exception_in_a_thread                                     failed
            test_unraisable.py::test_coroutine_never_awaited                                   failed
            test_unraisable.py::test_unclosed_file                                             failed
            test_unraisable.py::test_teardown_error_from_a_fixture                             error
            test_unraisable.py::test_failing_test_reports_its_own_failure_then_teardown_error  error
            test_unraisable.py::test_ignored_by_a_mark_filter                                  failed
            test_unraisable.py::test_category_ignored_by_a_mark                                passed
            test_unraisable.py::test_clean_afterwards                                          passed
        """,
        counts={"errors": 2, "failed": 7, "passed": 3},
    ),
    Scenario(
        "warnings_as_errors",
        "warnings_as_errors",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_imports_a_deprecated_module.py                      error
            test_unknown_mark.py                                     error
            test_old_scope_kwarg.py                                  error
            test_class_with_init.py::TestWithInit                    error
            policy/test_policy.py::test_async_with_overridden_policy  error
            policy/test_policy.py::test_sync_in_the_same_directory    error
            test_class_with_init.py::test_returns_a_value            failed
            test_class_with_init.py::test_beside_it                  passed
            test_registered_marks.py::test_registered_mark           passed
            test_registered_marks.py::test_asyncio_mark              passed
            test_registered_marks.py::test_warning_in_a_test_fails_it  failed
            test_registered_marks.py::test_mark_filter_wins          passed
            test_registered_marks.py::test_ini_ignore_applies_in_tests  passed
        """,
        counts={"failed": 2, "passed": 5, "errors": 6},
    ),
    Scenario(
        "report_hooks",
        "report_hooks",
        (),
        1,
        r"""
            test_reports.py::test_passes                    passed
            test_reports.py::test_fails                     failed
            test_reports.py::test_skipped                   skipped
            test_reports.py::test_xfails                    xfailed
            test_reports.py::test_async_passes              passed
            test_reports.py::test_what_the_hooks_saw        passed
            test_order.py::test_second_defined              passed
            test_order.py::test_first_defined               passed
        """,
        counts={"failed": 1, "passed": 5, "skipped": 1, "xfailed": 1},
    ),
    Scenario(
        "log_levels",
        "log_levels",
        (),
        0,
        r"""
            test_log_levels.py::test_debug_reaches_caplog             passed
            test_log_levels.py::test_in_an_async_test                 passed
            test_log_levels.py::test_a_handler_level_still_filters    passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        "parametrize_id_hook",
        "parametrize_id_hook",
        (),
        0,
        r"""
            test_hidden_param.py::test_only_hidden                                   passed
            test_hidden_param.py::test_one_hidden                                    passed
            test_hidden_param.py::test_one_hidden[2]                                 passed
            test_hidden_param.py::test_stacked[a]                                    passed
            test_hidden_param.py::test_stacked[b]                                    passed
            test_hidden_param.py::test_ids_list                                      passed
            test_hidden_param.py::test_ids_list[two]                                 passed
            test_id_hook.py::test_hook_names_its_values_and_leaves_others[P1]        passed
            test_id_hook.py::test_hook_names_its_values_and_leaves_others[P2]        passed
            test_id_hook.py::test_hook_names_its_values_and_leaves_others[3]         passed
            test_id_hook.py::test_hook_names_its_values_and_leaves_others[\xe9]      passed
            test_id_hook.py::test_explicit_id_wins_and_none_falls_back_to_the_hook[given]     passed
            test_id_hook.py::test_explicit_id_wins_and_none_falls_back_to_the_hook[d=dict0]   passed
            test_id_hook.py::test_ids_callable_first_then_the_hook[fn]               passed
            test_id_hook.py::test_ids_callable_first_then_the_hook[P6]               passed
            test_id_hook.py::test_fixture_params_get_hook_ids[P7]                    passed
            test_id_hook.py::test_fixture_params_get_hook_ids[fx=dict1]              passed
            test_id_hook.py::test_duplicate_hook_ids_are_disambiguated[P1_0]         passed
            test_id_hook.py::test_duplicate_hook_ids_are_disambiguated[P1_1]         passed
            test_id_hook.py::test_async_test_gets_hook_ids[P8]                       passed
        """,
        counts={"passed": 20},
    ),
    Scenario(
        "marks",
        "marks",
        (),
        1,
        r"""
            test_importorskip.py                                                        skipped
            test_marks.py::test_skip_mark_skips                                         skipped
            test_marks.py::test_skipif_true_condition_skips                             skipped
            test_marks.py::test_skipif_false_condition_runs                             passed
            test_marks.py::test_skipif_string_condition_is_evaluated                    passed
            test_marks.py::test_xfail_that_fails_is_xfailed                             xfailed
            test_marks.py::test_xfail_that_passes_is_xpassed                            xpassed
            test_marks.py::test_strict_xfail_that_passes_fails                          failed
            test_marks.py::test_xfail_raises_matching_exception_is_xfailed              xfailed
            test_marks.py::test_xfail_raises_other_exception_fails                      failed
            test_marks.py::test_xfail_run_false_is_not_run                              xfailed
            test_marks.py::test_async_xfail_is_xfailed                                  xfailed
            test_marks.py::test_imperative_skip                                         skipped
            test_marks.py::test_imperative_xfail                                        xfailed
            test_marks.py::test_imperative_fail                                         failed
            test_marks.py::test_usefixtures_runs_the_fixture                            passed
            test_marks.py::test_usefixtures_teardown_ran                                passed
            test_marks.py::TestSkippedClass::test_method_is_skipped                     skipped
            test_marks_in_fixtures.py::test_skip_from_fixture                           skipped
            test_marks_in_fixtures.py::test_xfail_from_fixture                          xfailed
            test_marks_in_fixtures.py::test_fail_from_fixture_is_an_error               error
            test_marks_in_fixtures.py::test_first_user_of_skipping_module_fixture       skipped
            test_marks_in_fixtures.py::test_second_user_of_skipping_module_fixture      skipped
            test_marks_in_fixtures.py::test_skipif_string_condition_can_read_config     passed
            test_marks_in_fixtures.py::test_xfail_with_false_condition_fails_normally   failed
            test_marks_in_fixtures.py::test_xfail_with_true_condition                   xfailed
            test_marks_in_fixtures.py::test_any_true_skipif_skips                       skipped
            test_marks_in_fixtures.py::test_xfail_also_covers_teardown_errors            xfailed
            test_module_pytestmark.py::test_module_asyncio_mark_applies_to_async_tests  passed
            test_module_pytestmark.py::test_module_usefixtures_applies_to_every_test    passed
            test_module_pytestmark.py::test_sync_test_under_module_asyncio_mark         passed
            test_module_skip.py::test_skipped_by_module_pytestmark                      skipped
            test_module_skip.py::TestAlsoSkipped::test_method                           skipped
        """,
        counts={"failed": 4, "passed": 8, "skipped": 11, "xfailed": 9, "xpassed": 1, "errors": 1},
    ),
    Scenario(
        "classes",
        "classes",
        (),
        1,
        r"""
            test_classes.py::TestBase::test_inherited_from_plain_base                   passed
            test_classes.py::TestBase::test_autouse_fixture_from_class_ran              passed
            test_classes.py::TestBase::test_uses_class_attribute                        passed
            test_classes.py::TestBase::test_fixture_defined_in_class                    passed
            test_classes.py::TestBase::test_async_method                                passed
            test_classes.py::TestBase::test_overridden_in_child                         passed
            test_classes.py::TestChild::test_inherited_from_plain_base                  passed
            test_classes.py::TestChild::test_autouse_fixture_from_class_ran             passed
            test_classes.py::TestChild::test_uses_class_attribute                       passed
            test_classes.py::TestChild::test_fixture_defined_in_class                   passed
            test_classes.py::TestChild::test_async_method                               passed
            test_classes.py::TestChild::test_overridden_in_child                        passed
            test_classes.py::TestChild::test_only_in_child                              passed
            test_classes.py::TestFreshInstancePerTest::test_first_sets_attribute        passed
            test_classes.py::TestFreshInstancePerTest::test_second_does_not_see_it      passed
            test_classes.py::TestOuter::test_outer                                      passed
            test_classes.py::TestOuter::TestInner::test_nested_class_is_collected       passed
            test_classes.py::TestStaticAndClassMethods::test_staticmethod_is_collected  passed
            test_classes.py::TestStaticAndClassMethods::test_classmethod_is_collected   passed
            test_classes.py::TestXunitMethods::test_first                               passed
            test_classes.py::TestXunitMethods::test_second                              passed
            test_classes.py::TestFailingMethod::test_failure_inside_class               failed
            test_classes.py::test_module_level_function                                 passed
        """,
        counts={"failed": 1, "passed": 22},
    ),
    Scenario(
        "loop_scopes",
        "loop_scopes",
        (),
        1,
        r"""
            test_cross_loop.py::test_queue_from_module_loop_fixture_works_in_module_loop_test    passed
            test_cross_loop.py::test_future_from_module_loop_cannot_be_awaited_on_function_loop  failed
            test_cross_loop.py::test_session_fixture_with_narrower_default_loop_scope            error
            test_loops.py::test_module_loop_first                                                passed
            test_loops.py::test_module_loop_second_shares_the_loop                               passed
            test_loops.py::test_function_loop_first                                              passed
            test_loops.py::test_function_loop_second_gets_a_fresh_loop                           passed
            test_loops.py::test_module_fixture_runs_in_the_module_loop                           passed
            test_loops.py::test_default_fixture_loop_scope_from_ini                              passed
            test_loops.py::test_function_loop_fixture_shares_the_test_loop                       passed
            test_loops.py::test_module_loop_test_may_use_function_loop_fixture                   passed
            test_loops.py::test_function_loop_test_gets_module_loop_fixture_value                passed
            test_loops.py::TestClassLoop::test_first_records_class_loop                          passed
            test_loops.py::TestClassLoop::test_second_shares_class_loop                          passed
            test_loops.py::TestClassLoopViaPytestmark::test_first                                passed
            test_loops.py::TestClassLoopViaPytestmark::test_second                               passed
            test_loops.py::test_session_loop_recorded                                            passed
            test_module_wide_loop.py::test_module_pytestmark_first                               passed
            test_module_wide_loop.py::test_module_pytestmark_second_shares_loop                  passed
            test_module_wide_loop.py::test_session_loop_shared_across_modules                    passed
        """,
        counts={"failed": 1, "passed": 18, "errors": 1},
    ),
    Scenario(
        "fixture_errors",
        "fixture_errors",
        (),
        1,
        r"""
            test_fixture_errors.py::test_requests_unknown_fixture              error
            test_fixture_errors.py::test_neighbour_of_missing_fixture_passes   passed
            test_fixture_errors.py::test_fixture_dependency_is_missing         error
            test_fixture_errors.py::test_async_test_requests_unknown_fixture   error
            test_fixture_errors.py::test_fixture_setup_raises                  error
            test_fixture_errors.py::test_fixture_teardown_raises               error
            test_fixture_errors.py::test_failure_and_teardown_error_together   error
            test_fixture_errors.py::test_first_user_of_broken_module_fixture   error
            test_fixture_errors.py::test_second_user_of_broken_module_fixture  error
            test_fixture_errors.py::test_scope_mismatch_is_an_error            error
            test_fixture_errors.py::test_fixture_dependency_cycle_is_an_error  error
            test_fixture_errors.py::test_skip_before_missing_fixture           skipped
            test_fixture_errors.py::test_missing_fixture_before_skip           error
            test_fixture_errors.py::test_last_test_still_runs                  passed
        """,
        counts={"failed": 1, "passed": 3, "skipped": 1, "errors": 11},
    ),
    Scenario(
        "collection_errors",
        "collection_errors",
        (),
        2,
        r"""
            sub/test_import_error.py  error
            test_module_skip.py       skipped
            test_syntax_error.py      error
        """,
        counts={"skipped": 1, "errors": 2},
    ),
    Scenario(
        "collection_errors-continue",
        "collection_errors",
        ("--continue-on-collection-errors",),
        1,
        r"""
            sub/test_import_error.py                                        error
            test_module_skip.py                                             skipped
            test_syntax_error.py                                            error
            test_good.py::test_good_sync_runs                               passed
            test_good.py::test_good_async_runs                              passed
            test_good.py::test_good_failure_counts                          failed
            test_zz_after_errors.py::test_collected_after_the_broken_files  passed
        """,
        counts={"failed": 1, "passed": 3, "skipped": 1, "errors": 2},
    ),
    Scenario(
        # A run whose only module skipped at import collected no test: exit status 5, as pytest's.
        "collection_errors-only-a-module-skip",
        "collection_errors",
        ("test_module_skip.py",),
        5,
        r"""
            test_module_skip.py  skipped
        """,
        counts={"skipped": 1},
    ),
    Scenario(
        "collection_rules",
        "collection_rules",
        (),
        2,
        r"""
            plain_two/test_clash.py  error
            test_yield_in_test.py    error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        "collection_rules-continue",
        "collection_rules",
        ("--continue-on-collection-errors",),
        1,
        r"""
            plain_two/test_clash.py                                                   error
            test_yield_in_test.py                                                     error
            pkg_one/test_same_name.py::test_in_package_one                            passed
            pkg_two/test_same_name.py::test_in_package_two                            passed
            plain_one/test_clash.py::test_in_plain_dir_one                            passed
            test_async_generator_test.py::test_async_generator_function_as_test       xfailed
            test_async_generator_test.py::test_neighbour_of_async_generator           passed
            test_naming.py::testnounderscore                                          passed
            test_naming.py::test_lambda                                               passed
            test_naming.py::Tests::test_class_named_tests_is_collected                passed
            test_naming.py::test_default_argument_is_not_a_fixture                    passed
            test_naming.py::test_wrapped_function_gets_fixtures_of_wrapped_signature  passed
        """,
        counts={"passed": 9, "xfailed": 1, "errors": 2},
    ),
    Scenario(
        "select-keyword",
        "selection",
        ("-k", "alpha"),
        0,
        r"""
            test_other.py::test_other_alpha                 passed
            test_select.py::test_alpha                      passed
            test_select.py::TestGroup::test_alpha_in_class  passed
        """,
        counts={"passed": 3, "deselected": 9},
    ),
    Scenario(
        "select-keyword-is-case-insensitive",
        "selection",
        ("-k", "ALPHA"),
        0,
        r"""
            test_other.py::test_other_alpha                 passed
            test_select.py::test_alpha                      passed
            test_select.py::TestGroup::test_alpha_in_class  passed
        """,
        counts={"passed": 3, "deselected": 9},
    ),
    Scenario(
        "select-keyword-class-and-not",
        "selection",
        ("-k", "TestGroup and not alpha"),
        1,
        r"""
            test_select.py::TestGroup::test_numbers[1]  passed
            test_select.py::TestGroup::test_numbers[2]  passed
            test_select.py::TestGroup::test_numbers[3]  failed
        """,
        counts={"failed": 1, "passed": 2, "deselected": 9},
    ),
    Scenario(
        "select-keyword-param-id",
        "selection",
        ("-k", "numbers and 2"),
        0,
        r"""
            test_select.py::TestGroup::test_numbers[2]  passed
        """,
        counts={"passed": 1, "deselected": 11},
    ),
    Scenario(
        "select-keyword-matches-mark-names",
        "selection",
        ("-k", "slow"),
        0,
        r"""
            test_select.py::test_beta_is_slow                 passed
            test_select.py::test_gamma_is_slow_and_networked  passed
            test_select.py::test_speed[crawl]                 passed
        """,
        counts={"passed": 3, "deselected": 9},
    ),
    Scenario(
        "select-mark",
        "selection",
        ("-m", "slow"),
        0,
        r"""
            test_select.py::test_beta_is_slow                 passed
            test_select.py::test_gamma_is_slow_and_networked  passed
            test_select.py::test_speed[crawl]                 passed
        """,
        counts={"passed": 3, "deselected": 9},
    ),
    Scenario(
        "select-mark-and-not",
        "selection",
        ("-m", "network and not slow"),
        0,
        r"""
            test_select.py::test_delta_async_networked  passed
        """,
        counts={"passed": 1, "deselected": 11},
    ),
    Scenario(
        "select-mark-not-not",
        "selection",
        ("-m", "not slow and not network"),
        1,
        r"""
            test_other.py::test_other_alpha                 passed
            test_other.py::test_other_omega                 passed
            test_select.py::test_alpha                      passed
            test_select.py::TestGroup::test_numbers[1]      passed
            test_select.py::TestGroup::test_numbers[2]      passed
            test_select.py::TestGroup::test_numbers[3]      failed
            test_select.py::TestGroup::test_alpha_in_class  passed
            test_select.py::test_speed[fast]                passed
        """,
        counts={"failed": 1, "passed": 7, "deselected": 4},
    ),
    Scenario(
        "select-deselect-option",
        "selection",
        ("--deselect", "test_select.py::TestGroup::test_numbers[3]", "--deselect", "test_other.py"),
        0,
        r"""
            test_select.py::test_alpha                        passed
            test_select.py::test_beta_is_slow                 passed
            test_select.py::test_gamma_is_slow_and_networked  passed
            test_select.py::test_delta_async_networked        passed
            test_select.py::TestGroup::test_numbers[1]        passed
            test_select.py::TestGroup::test_numbers[2]        passed
            test_select.py::TestGroup::test_alpha_in_class    passed
            test_select.py::test_speed[fast]                  passed
            test_select.py::test_speed[crawl]                 passed
        """,
        counts={"passed": 9, "deselected": 3},
    ),
    Scenario(
        "select-nodeid-with-param",
        "selection",
        ("test_select.py::TestGroup::test_numbers[2]",),
        0,
        r"""
            test_select.py::TestGroup::test_numbers[2]  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "select-nodeid-without-param",
        "selection",
        ("test_select.py::TestGroup::test_numbers",),
        1,
        r"""
            test_select.py::TestGroup::test_numbers[1]  passed
            test_select.py::TestGroup::test_numbers[2]  passed
            test_select.py::TestGroup::test_numbers[3]  failed
        """,
        counts={"failed": 1, "passed": 2},
    ),
    Scenario(
        "select-nodeid-param-carrying-a-mark",
        "selection",
        ("test_select.py::test_speed[crawl]",),
        0,
        r"""
            test_select.py::test_speed[crawl]  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "select-nodeid-class-and-function",
        "selection",
        ("test_select.py::TestGroup", "test_other.py::test_other_omega"),
        1,
        r"""
            test_select.py::TestGroup::test_numbers[1]      passed
            test_select.py::TestGroup::test_numbers[2]      passed
            test_select.py::TestGroup::test_numbers[3]      failed
            test_select.py::TestGroup::test_alpha_in_class  passed
            test_other.py::test_other_omega                 passed
        """,
        counts={"failed": 1, "passed": 4},
    ),
    Scenario(
        "select-overlapping-directory-and-file",
        "selection",
        (".", "test_other.py"),
        1,
        r"""
            test_other.py::test_other_alpha                   passed
            test_other.py::test_other_omega                   passed
            test_select.py::test_alpha                        passed
            test_select.py::test_beta_is_slow                 passed
            test_select.py::test_gamma_is_slow_and_networked  passed
            test_select.py::test_delta_async_networked        passed
            test_select.py::TestGroup::test_numbers[1]        passed
            test_select.py::TestGroup::test_numbers[2]        passed
            test_select.py::TestGroup::test_numbers[3]        failed
            test_select.py::TestGroup::test_alpha_in_class    passed
            test_select.py::test_speed[fast]                  passed
            test_select.py::test_speed[crawl]                 passed
        """,
        counts={"failed": 1, "passed": 11},
    ),
    Scenario(
        "select-overlapping-nodeid-and-file",
        "selection",
        ("test_other.py::test_other_alpha", "test_other.py"),
        0,
        r"""
            test_other.py::test_other_alpha  passed
            test_other.py::test_other_omega  passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        "select-nothing-matches",
        "selection",
        ("-k", "nomatch"),
        5,
        "",
        counts={"deselected": 12},
    ),
    Scenario(
        "select-unknown-nodeid",
        "selection",
        ("test_select.py::test_missing",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "select-unknown-param",
        "selection",
        ("test_select.py::TestGroup::test_numbers[9]",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "select-unknown-file",
        "selection",
        ("no_such_file.py",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "select-bad-mark-expression",
        "selection",
        ("-m", "slow and"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "ini_options",
        "ini_options",
        (),
        1,
        r"""
            checks/check_things.py::check_function_with_custom_prefix               passed
            checks/check_things.py::check_async_function_in_auto_mode               passed
            checks/check_things.py::CheckGroup::check_method_in_custom_class        passed
            checks/check_things.py::check_xpass_fails_under_xfail_strict            failed
            checks/check_things.py::check_explicit_non_strict_xpass_passes          xpassed
            checks/check_things.py::check_warning_is_an_error_under_filterwarnings  failed
            checks/check_things.py::check_ignored_warning_stays_harmless            passed
            checks/check_things.py::check_filterwarnings_mark_overrides_the_ini     passed
        """,
        counts={"failed": 2, "passed": 5, "deselected": 1, "xpassed": 1},
    ),
    Scenario(
        "ini_options-override-xfail-strict",
        "ini_options",
        ("-o", "xfail_strict=false"),
        1,
        r"""
            checks/check_things.py::check_function_with_custom_prefix               passed
            checks/check_things.py::check_async_function_in_auto_mode               passed
            checks/check_things.py::CheckGroup::check_method_in_custom_class        passed
            checks/check_things.py::check_xpass_fails_under_xfail_strict            xpassed
            checks/check_things.py::check_explicit_non_strict_xpass_passes          xpassed
            checks/check_things.py::check_warning_is_an_error_under_filterwarnings  failed
            checks/check_things.py::check_ignored_warning_stays_harmless            passed
            checks/check_things.py::check_filterwarnings_mark_overrides_the_ini     passed
        """,
        counts={"failed": 1, "passed": 5, "deselected": 1, "xpassed": 2},
    ),
    Scenario(
        "ini_options-path-outside-testpaths",
        "ini_options",
        ("elsewhere",),
        0,
        r"""
            elsewhere/check_outside_testpaths.py::check_only_collected_when_named  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "ini_options-mark-overrides-addopts",
        "ini_options",
        ("-m", "slow"),
        1,
        r"""
            checks/check_things.py::check_deselected_by_addopts  failed
        """,
        counts={"failed": 1, "deselected": 8},
    ),
    Scenario(
        "early_exit",
        "early_exit",
        (),
        2,
        r"""
            test_a_system_exit.py::test_sys_exit_in_a_test_is_a_failure  failed
            test_a_system_exit.py::test_runs_after_sys_exit              passed
            test_a_system_exit.py::test_second_failure                   failed
            test_a_system_exit.py::test_third_failure                    failed
            test_b_pytest_exit.py::test_before_pytest_exit               passed
        """,
        counts={"failed": 3, "passed": 2},
    ),
    Scenario(
        "early_exit-maxfail",
        "early_exit",
        ("--maxfail=2",),
        1,
        r"""
            test_a_system_exit.py::test_sys_exit_in_a_test_is_a_failure  failed
            test_a_system_exit.py::test_runs_after_sys_exit              passed
            test_a_system_exit.py::test_second_failure                   failed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        "early_exit-pytest-exit",
        "early_exit",
        ("test_b_pytest_exit.py", "test_a_system_exit.py"),
        2,
        r"""
            test_b_pytest_exit.py::test_before_pytest_exit  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "early_exit-pytest-exit-returncode",
        "early_exit",
        ("test_d_exit_with_returncode.py",),
        7,
        "",
        counts={},
    ),
    Scenario(
        "early_exit-keyboard-interrupt",
        "early_exit",
        ("test_c_keyboard_interrupt.py", "test_a_system_exit.py"),
        2,
        "",
        counts={},
    ),
    Scenario(
        "junit_layout",
        "junit_layout",
        (),
        1,
        r"""
            test_layout.py::test_passing_test_that_prints           passed
            test_layout.py::test_failing_test_that_prints_and_logs  failed
            test_layout.py::test_teardown_error_after_print         error
            test_layout.py::test_skip_after_print                   skipped
            test_layout.py::test_xfail_after_print                  xfailed
            test_layout.py::test_strict_xpass                       failed
            test_layout.py::test_record_property                    passed
            test_layout.py::test_async_failure_that_prints          failed
        """,
        counts={"failed": 3, "passed": 3, "skipped": 1, "xfailed": 1, "errors": 1},
    ),
    Scenario(
        "junit_escaping",
        "junit_escaping",
        (),
        1,
        r"""
            test_control_characters.py::test_control_characters_in_parameter_ids[nul\x00byte]     passed
            test_control_characters.py::test_control_characters_in_parameter_ids[bell\x07]        passed
            test_control_characters.py::test_control_characters_in_parameter_ids[escape\x1b[31m]  passed
            test_control_characters.py::test_control_characters_in_failure_message                failed
            test_control_characters.py::test_plain_neighbour                                      passed
        """,
        counts={"failed": 1, "passed": 4},
    ),
    Scenario(
        "empty",
        "empty",
        (),
        5,
        "",
        counts={},
    ),
    Scenario(
        "builtins",
        "builtins",
        (),
        1,
        r"""
            test_builtins.py::test_raises_catches_expected_exception           passed
            test_builtins.py::test_raises_accepts_a_callable                   passed
            test_builtins.py::test_raises_fails_when_nothing_is_raised         failed
            test_builtins.py::test_raises_fails_when_match_does_not_match      failed
            test_builtins.py::test_raises_lets_other_exceptions_through        failed
            test_builtins.py::test_raises_around_await                         passed
            test_builtins.py::test_approx_equal_floats                         passed
            test_builtins.py::test_approx_collections_and_tolerances           passed
            test_builtins.py::test_approx_mismatch_fails                       failed
            test_builtins.py::test_warns_captures_matching_warning             passed
            test_builtins.py::test_warns_fails_when_no_warning                 failed
            test_builtins.py::test_deprecated_call                             passed
            test_builtins.py::test_monkeypatch_setenv_setattr_setitem          passed
            test_builtins.py::test_monkeypatch_is_undone_after_the_test        passed
            test_builtins.py::test_monkeypatch_delattr_and_syspath             passed
            test_builtins.py::test_tmp_path_is_an_empty_writable_directory     passed
            test_builtins.py::test_tmp_path_is_fresh_for_each_test             passed
            test_builtins.py::test_capsys_reads_stdout_and_stderr              passed
            test_builtins.py::test_capsys_in_async_test                        passed
            test_builtins.py::test_caplog_records_warnings                     passed
            test_builtins.py::test_caplog_set_level_captures_debug             passed
            test_builtins.py::test_caplog_at_level_context                     passed
            test_builtins.py::test_request_addfinalizer                        passed
            test_builtins.py::test_finalizers_ran_last_in_first_out            passed
            test_builtins.py::test_request_getfixturevalue                     passed
            test_builtins.py::test_request_getfixturevalue_unknown_name_fails  failed
            test_builtins.py::test_request_param_in_fixture[red]               passed
            test_builtins.py::test_request_param_in_fixture[green]             passed
        """,
        counts={"failed": 6, "passed": 22},
    ),
    Scenario(
        "loop_factories",
        "loop_factories",
        ("--continue-on-collection-errors",),
        1,
        r"""
            matrix/bad_hook/test_empty_mapping.py                                             error
            matrix/bad_marks/test_mark_empty.py                                               error
            matrix/bad_marks/test_mark_keyword.py                                             error
            matrix/bad_marks/test_mark_string.py                                              error
            matrix/noncallable/test_noncallable.py                                            error
            plain/test_no_hook.py                                                             error
            matrix/bad_marks/test_mark_on_sync_test.py::test_sync_test_mark_is_not_checked    passed
            matrix/defer/test_defer.py::test_inner_hook_answers                               passed
            matrix/defer/test_defer.py::test_inner_hook_defers_to_outer[a]                    passed
            matrix/defer/test_defer.py::test_inner_hook_defers_to_outer[b]                    passed
            matrix/test_class_loop.py::TestFirstClass::test_one[a]                            passed
            matrix/test_class_loop.py::TestFirstClass::test_two[a]                            passed
            matrix/test_class_loop.py::TestFirstClass::test_one[b]                            passed
            matrix/test_class_loop.py::TestFirstClass::test_two[b]                            passed
            matrix/test_class_loop.py::TestSecondClass::test_three[a]                         passed
            matrix/test_class_loop.py::TestSecondClass::test_three[b]                         passed
            matrix/test_class_loop.py::TestSecondClass::test_only_b                           passed
            matrix/test_function_loop.py::test_runs_once_per_factory[a]                       passed
            matrix/test_function_loop.py::test_runs_once_per_factory[b]                       passed
            matrix/test_function_loop.py::test_factory_id_comes_before_parametrize_ids[a-1]   passed
            matrix/test_function_loop.py::test_factory_id_comes_before_parametrize_ids[a-2]   passed
            matrix/test_function_loop.py::test_factory_id_comes_before_parametrize_ids[b-1]   passed
            matrix/test_function_loop.py::test_factory_id_comes_before_parametrize_ids[b-2]   passed
            matrix/test_function_loop.py::test_fixture_runs_on_the_test_loop[a]               passed
            matrix/test_function_loop.py::test_fixture_runs_on_the_test_loop[b]               passed
            matrix/test_function_loop.py::test_sync_test_runs_once                            passed
            matrix/test_function_loop.py::test_sync_test_async_fixture_gets_default_loop      passed
            matrix/test_function_loop.py::test_unmarked_async_test_in_strict_mode_is_not_run  failed
            matrix/test_function_loop.py::test_one_factory_gives_no_id_suffix                 passed
            matrix/test_function_loop.py::test_mark_selects_one_factory                       passed
            matrix/test_function_loop.py::test_mark_order_is_kept[b]                          passed
            matrix/test_function_loop.py::test_mark_order_is_kept[a]                          passed
            matrix/test_function_loop.py::test_unknown_factory_in_mark_is_skipped[a]          passed
            matrix/test_function_loop.py::test_unknown_factory_in_mark_is_skipped[missing]    skipped
            matrix/test_function_loop.py::test_duplicate_names_get_numbered_ids[a0]           passed
            matrix/test_function_loop.py::test_duplicate_names_get_numbered_ids[a1]           passed
            matrix/test_function_loop.py::test_failure_is_reported_per_factory[a]             passed
            matrix/test_function_loop.py::test_failure_is_reported_per_factory[b]             failed
            matrix/test_function_loop.py::TestClass::test_method[a]                           passed
            matrix/test_function_loop.py::TestClass::test_method[b]                           passed
            matrix/test_module_loop.py::test_first[a]                                         passed
            matrix/test_module_loop.py::test_second[a]                                        passed
            matrix/test_module_loop.py::test_parametrized[a-1]                                passed
            matrix/test_module_loop.py::test_parametrized[a-2]                                passed
            matrix/test_module_loop.py::test_first[b]                                         passed
            matrix/test_module_loop.py::test_second[b]                                        passed
            matrix/test_module_loop.py::test_parametrized[b-1]                                passed
            matrix/test_module_loop.py::test_parametrized[b-2]                                passed
            matrix/test_module_loop.py::test_sync_between                                     passed
            matrix/test_module_loop.py::test_function_loop_in_between[a]                      passed
            matrix/test_module_loop.py::test_function_loop_in_between[b]                      passed
            matrix/test_session_loop.py::test_function_loop_with_session_fixture[a]           passed
            matrix/test_session_loop.py::test_function_loop_with_session_fixture[b]           passed
            matrix/test_session_loop.py::test_session_loop[a]                                 passed
            matrix/test_session_loop.py::test_session_loop[b]                                 passed
            matrix/test_session_loop.py::test_sync_with_session_fixture                       passed
            plain/test_plain.py::test_no_hook_here_no_suffix                                  passed
        """,
        counts={"failed": 2, "passed": 48, "skipped": 1, "errors": 6},
        events=EVENTS_LOOP_FACTORIES,
    ),
    Scenario(
        "plugin_compat",
        "plugin_compat",
        (),
        1,
        r"""
            fake_loop/test_fake_loop.py::test_loop_with_mock_selector                      passed
            internals/test_internals.py::test_conftest_subclassing_pytest_internals_loads  passed
            test_submodule.py::test_async                                                  passed
            test_submodule.py::test_sync                                                   passed
            test_warning_filters.py::test_deprecation_warning_twice_from_one_place         passed
            test_warning_filters.py::test_resource_warning_stays_ignored                   passed
            test_warning_filters.py::test_message_with_regex_characters                    passed
            test_wrapped.py::test_async_run_by_the_plugin_wrapper                          passed
            test_wrapped.py::test_async_failing_run_by_the_plugin_wrapper                  failed
        """,
        counts={"failed": 1, "passed": 8},
    ),
    Scenario(
        # Auto mode: pytest-asyncio also claims the tests the hookwrapper replaced, and hands what the
        # sync replacement returns (None) to asyncio.Runner.run.
        "plugin_compat-auto-mode-drives-replaced-obj",
        "plugin_compat",
        ("-o", "asyncio_mode=auto", "test_wrapped.py"),
        1,
        r"""
            test_wrapped.py::test_async_run_by_the_plugin_wrapper                          failed
            test_wrapped.py::test_async_failing_run_by_the_plugin_wrapper                  failed
        """,
        counts={"failed": 2},
    ),
    Scenario(
        "plugin_compat-W-message-is-literal",
        "plugin_compat",
        ("-W", "error:call f(x) is deprecated", "test_warning_filters.py"),
        1,
        r"""
            test_warning_filters.py::test_deprecation_warning_twice_from_one_place         passed
            test_warning_filters.py::test_resource_warning_stays_ignored                   passed
            test_warning_filters.py::test_message_with_regex_characters                    failed
        """,
        counts={"failed": 1, "passed": 2},
    ),
    Scenario(
        "late_configure",
        "late_configure",
        (),
        0,
        r"""
            sub/test_sub.py::test_every_configure_called_once                 passed
            test_root.py::test_root_conftest_and_late_plugin_configured       passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        "late_configure-path-with-a-declared-option",
        "late_configure",
        ("sub/test_sub.py",),
        0,
        r"""
            sub/test_sub.py::test_every_configure_called_once                 passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "import_mode_importlib",
        "import_mode_importlib",
        (),
        0,
        r"""
            tests/test_rel.py::test_value  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "unset_loop_scope-under-filterwarnings-error",
        "unset_loop_scope",
        (),
        3,
        "",
        counts={},
    ),
    Scenario(
        "unittest_cases",
        "unittest_cases",
        (),
        1,
        r"""
            test_unittest_cases.py::A::test_fail                         failed
            test_unittest_cases.py::A::test_ok                           passed
            test_unittest_cases.py::A::test_skip                         skipped
            test_unittest_cases.py::A::test_sub                          failed
            test_unittest_cases.py::A::test_xf                           xfailed
            test_unittest_cases.py::A::test_xpass                        failed
            test_unittest_cases.py::B::test_a                            error
            test_unittest_cases.py::B::test_b                            error
            test_unittest_cases.py::C::test_c                            failed
            test_unittest_cases.py::C::test_marked                       xfailed
            test_unittest_cases.py::C::test_skiptest                     error
            test_unittest_cases.py::D::test_d                            skipped
            test_unittest_cases.py::E::test_e                            failed
            test_unittest_cases.py::F::test_leaves_task                  passed
            test_unittest_cases.py::F::test_uses_fixture_usefixtures     passed
        """,
        counts={"failed": 5, "passed": 4, "skipped": 3, "xfailed": 3, "errors": 3},
    ),
    Scenario(
        "collection_details",
        "collection_details",
        (),
        0,
        r"""
            test_ids.py::test_s[yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy]  passed
            test_ids.py::test_s[s1]                   passed
            test_ids.py::test_s[s2]                   passed
            test_ids.py::test_s[s3]                   passed
            test_ids.py::test_idlist[iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii]  passed
            test_iter.py::test_chain[1]               passed
            test_iter.py::test_chain[2]               passed
            test_iter.py::test_generator[0]           passed
            test_iter.py::test_generator[1]           passed
            test_iter.py::test_range[0]               passed
            test_iter.py::test_range[1]               passed
            test_iter.py::test_set[1]                 passed
            test_iter.py::test_set[2]                 passed
            test_iter.py::test_keys[a]                passed
            test_sm.py::TestThing::test_param[1]      passed
            test_sm.py::TestThing::test_param[2]      passed
            test_sm.py::TestThing::test_other[1]      passed
            test_sm.py::TestThing::test_other[2]      passed
            test_sm.py::TestThing::test_async[1]      passed
            test_sm.py::TestThing::test_async[2]      passed
            test_sm.py::TestThing::test_cls           passed
        """,
        counts={"passed": 21},
    ),
    Scenario(
        "collection_details-warnings-as-errors",
        "collection_details",
        ("-W", "error"),
        2,
        r"""
            test_iter.py               error
            test_sm.py::TestThing      error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        "session_capture",
        "session_capture",
        (),
        0,
        r"""
            test_conftest_import.py::test_stdout_kept_by_conftest_import  passed
            test_conftest_import.py::test_stderr_kept_by_conftest_import  passed
            test_demo.py::test_options                                    passed
            test_out.py::test_same_stdout_as_import                       passed
            test_out.py::test_same_stderr_as_import                       passed
            test_out.py::test_buffer_param[f0]                            passed
            test_out.py::test_buffer_param[f1]                            passed
        """,
        counts={"passed": 7},
    ),
    Scenario(
        "config_strictness",
        "config_strictness",
        (),
        0,
        r"""
            test_a.py::test_a       xpassed
            test_m.py::test_m       passed
            test_p.py::test_p[a0]   passed
            test_p.py::test_p[a1]   passed
        """,
        counts={"passed": 3, "xpassed": 1},
    ),
    Scenario(
        "config_strictness-strict-flag-stops-on-the-unknown-key",
        "config_strictness",
        ("--strict",),
        4,
        r"""
            test_m.py  error
            test_p.py  error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        "config_strictness-unknown-key-warning-as-error",
        "config_strictness",
        ("-W", "error"),
        3,
        r"""
            test_m.py         error
            pytest::internal  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "config_strictness-strict-flag-makes-xfail-strict",
        "config_strictness",
        ("--strict", "-o", "strict_config=false", "test_a.py"),
        1,
        r"""
            test_a.py::test_a  failed
        """,
        counts={"failed": 1},
    ),
    Scenario(
        "config_strictness-a-set-key-wins-over-strict",
        "config_strictness",
        ("-o", "strict=true", "-o", "xfail_strict=false", "-o", "strict_config=false", "test_a.py"),
        0,
        r"""
            test_a.py::test_a  xpassed
        """,
        counts={"xpassed": 1},
    ),
    Scenario(
        "describe_blocks",
        "describe_blocks",
        ("test_blocks.py",),
        1,
        r"""
            test_blocks.py::describe_greeting::sees_the_block_fixture                          passed
            test_blocks.py::describe_greeting::describe_nested::sees_the_innermost_override    failed
            test_blocks.py::describe_greeting::describe_nested::fails_plainly                  failed
            test_blocks.py::describe_greeting::describe_nested::parametrized[1]                passed
            test_blocks.py::describe_greeting::describe_nested::parametrized[2]                passed
            test_blocks.py::describe_greeting::runs_on_a_loop                                  passed
            test_blocks.py::describe_greeting::expected_failure                                xfailed
            test_blocks.py::describe_skipped_block::never_runs                                 skipped
            test_blocks.py::describe_skipped_block::describe_inner::inherits_the_skip          skipped
            test_blocks.py::context_with_the_second_prefix::fails_as_expected                  xfailed
            test_blocks.py::test_plain_module_test                                             passed
        """,
        counts={"failed": 2, "passed": 5, "skipped": 2, "xfailed": 2},
        events=EVENTS_DESCRIBE_BLOCKS,
        requires=("pytest_describe",),
    ),
    Scenario(
        "describe_blocks-a-broken-block-fails-alone",
        "describe_blocks",
        ("test_broken_block.py",),
        2,
        r"""
            test_broken_block.py::describe_broken  error
        """,
        counts={"errors": 1},
        requires=("pytest_describe",),
    ),
    Scenario(
        "asyncio_disabled",
        "asyncio_disabled",
        ("-p", "no:asyncio"),
        1,
        r"""
            test_disabled.py::test_marked                 failed
            test_disabled.py::test_unmarked_in_auto_mode  failed
            test_disabled.py::test_sync                   passed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        "asyncio_disabled-the-asyncio-mark-is-unknown",
        "asyncio_disabled",
        ("-p", "no:asyncio", "--strict-markers"),
        2,
        r"""
            test_disabled.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "internal_error",
        "internal_error",
        (),
        3,
        r"""
            pytest::internal  error
        """,
        counts={},
    ),
    Scenario(
        "anyio_tests",
        "anyio_tests",
        (),
        1,
        r"""
            overridden/test_overridden.py::test_first                                          passed
            overridden/test_overridden.py::test_session_fixture_is_shared                      passed
            overridden/test_overridden.py::test_unmarked_but_using_the_backend_runs_on_anyio   passed
            overridden/test_overridden.py::test_asyncio_marked_next_to_anyio                   passed
            overridden/test_overridden.py::test_unmarked_without_the_backend_is_not_run        failed
            overridden/test_overridden.py::TestMarkedClass::test_in_class                      passed
            test_builtin_backend.py::test_async_fixture_runs_on_anyio[asyncio]                 passed
            test_builtin_backend.py::test_fails[asyncio]                                       failed
            test_builtin_backend.py::test_sync_test_sees_the_backend[asyncio]                  passed
            test_builtin_backend.py::test_backend_parametrized_directly[asyncio]               passed
            test_builtin_backend.py::test_backend_parametrized_for_a_fixture[asyncio]          passed
        """,
        counts={"failed": 2, "passed": 9},
    ),
    Scenario(
        "conftest_errors",
        "conftest_errors",
        (),
        2,
        r"""
            other/deep  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "conftest_errors-continue",
        "conftest_errors",
        ("--continue-on-collection-errors",),
        1,
        r"""
            other/deep                 error
            other/test_c.py::test_c    passed
            tests/test_a.py::test_a    passed
        """,
        counts={"errors": 1, "passed": 2},
    ),
    Scenario(
        "conftest_errors-start-up-conftest-is-a-usage-error",
        "conftest_errors",
        ("startup",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "fixture_setup_hook",
        "fixture_setup_hook",
        (),
        1,
        r"""
            test_hook_made_values.py::test_the_hook_makes_the_value                        passed
            test_hook_made_values.py::test_without_the_mark_the_fixture_runs               passed
            test_hook_made_values.py::test_the_fixture_ran_only_without_the_mark           passed
            test_lazy_values.py::test_direct_parameter[one]                                passed
            test_lazy_values.py::test_direct_parameter[async_eleven]                       passed
            test_lazy_values.py::test_direct_parameter[3]                                  passed
            test_lazy_values.py::test_async_test_with_direct_parameter[async_eleven]       passed
            test_lazy_values.py::test_fixture_params[one]                                  passed
            test_lazy_values.py::test_fixture_params[async_eleven]                         passed
            test_lazy_values.py::test_indirect_parameter[one]                              passed
            test_lazy_values.py::test_rewritten_value_is_checked[one]                      failed
            test_lazy_values.py::test_unknown_fixture[no_such_fixture]                     error
        """,
        counts={"failed": 1, "passed": 10, "errors": 1},
    ),
    Scenario(
        "all_tasks",
        "all_tasks",
        (),
        0,
        r"""
            test_all_tasks.py::test_with_an_async_generator_fixture   passed
            test_all_tasks.py::test_after_a_background_task_ends      passed
            test_all_tasks.py::test_on_a_module_loop                  passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # -p no:flaky here and below: box/flaky, where it is installed too, would run these tests
        # itself or turn each flaky(reruns=N) into a set-up error (see flaky_and_reruns).
        "reruns",
        "reruns",
        ("test_marked.py", "-p", "no:flaky"),
        1,
        r"""
            test_marked.py::test_passes_on_second_attempt                      passed
            test_marked.py::test_fails_every_attempt                           failed
            test_marked.py::test_async_passes_on_third_attempt                 passed
            test_marked.py::test_module_fixture_set_up_again                   passed
            test_marked.py::test_teardown_error_is_rerun                       passed
            test_marked.py::test_teardown_skip_is_not_rerun                    skipped
            test_marked.py::test_only_rerun_does_not_match                     failed
            test_marked.py::test_rerun_except_matches                          failed
            test_marked.py::test_condition_false_means_no_rerun                failed
            test_marked.py::test_expected_failure_not_rerun                    xfailed
            test_marked.py::TestInstance::test_fresh_instance_per_attempt      passed
            test_marked.py::test_parametrized[1]                               passed
            test_marked.py::test_parametrized[2]                               passed
            test_marked.py::test_unmarked_is_not_rerun                         failed
            test_marked.py::test_zz_attempt_counts                             passed
        """,
        counts={"failed": 5, "passed": 10, "skipped": 1, "xfailed": 1, "rerun": 9},
        requires=("pytest_rerunfailures",),
    ),
    Scenario(
        "reruns-global-option-with-a-filter",
        "reruns",
        ("test_global.py", "--reruns", "2", "--only-rerun", "ConnectionError", "-p", "no:flaky"),
        1,
        r"""
            test_global.py::test_connection_error_is_rerun                     passed
            test_global.py::test_other_error_is_not_rerun                      failed
            test_global.py::test_passes_first_time                             passed
        """,
        counts={"failed": 1, "passed": 2, "rerun": 2},
        requires=("pytest_rerunfailures",),
    ),
    Scenario(
        "reruns-plugin-disabled",
        "reruns",
        ("test_global.py", "-p", "no:rerunfailures", "-p", "no:flaky"),
        1,
        r"""
            test_global.py::test_connection_error_is_rerun                     failed
            test_global.py::test_other_error_is_not_rerun                      failed
            test_global.py::test_passes_first_time                             passed
        """,
        counts={"failed": 2, "passed": 1},
        requires=("pytest_rerunfailures",),
    ),
    Scenario(
        "benchmark_fixture",
        "benchmark_fixture",
        # pytest's own benchmark rounds take seconds; disabled, it runs each function once, as asynctestrun
        ("--benchmark-disable",),
        1,
        r"""
            test_benchmarks.py::test_call_returns_the_result                       passed
            test_benchmarks.py::test_pedantic_with_setup                           passed
            test_benchmarks.py::test_pedantic_rejects_bad_rounds                   passed
            test_benchmarks.py::test_used_twice_fails                              failed
            test_benchmarks.py::test_group_and_extra_info                          passed
            test_benchmarks.py::test_wrong_result_fails                            failed
            test_benchmarks.py::test_async_test_without_benchmark                  passed
        """,
        counts={"failed": 2, "passed": 5},
        requires=("pytest_benchmark",),
    ),
    Scenario(
        "benchmark_fixture-only-benchmarks",
        "benchmark_fixture",
        # pytest refuses --benchmark-only with --benchmark-disable: one short round instead
        ("--benchmark-only", "--benchmark-max-time=0.0001", "--benchmark-min-rounds=1"),
        1,
        r"""
            test_benchmarks.py::test_call_returns_the_result                       passed
            test_benchmarks.py::test_pedantic_with_setup                           passed
            test_benchmarks.py::test_pedantic_rejects_bad_rounds                   passed
            test_benchmarks.py::test_used_twice_fails                              failed
            test_benchmarks.py::test_group_and_extra_info                          passed
            test_benchmarks.py::test_wrong_result_fails                            failed
            test_benchmarks.py::test_async_test_without_benchmark                  skipped
        """,
        counts={"failed": 2, "passed": 4, "skipped": 1},
        requires=("pytest_benchmark",),
    ),
    Scenario(
        "benchmark_fixture-skip-benchmarks",
        "benchmark_fixture",
        ("--benchmark-skip",),
        0,
        r"""
            test_benchmarks.py::test_call_returns_the_result                       skipped
            test_benchmarks.py::test_pedantic_with_setup                           skipped
            test_benchmarks.py::test_pedantic_rejects_bad_rounds                   skipped
            test_benchmarks.py::test_used_twice_fails                              skipped
            test_benchmarks.py::test_group_and_extra_info                          skipped
            test_benchmarks.py::test_wrong_result_fails                            skipped
            test_benchmarks.py::test_async_test_without_benchmark                  passed
        """,
        counts={"passed": 1, "skipped": 6},
        requires=("pytest_benchmark",),
    ),
    Scenario(
        "proxy_attributes",
        "proxy_attributes",
        (),
        0,
        r"""
            test_proxy.py::test_collected_despite_the_proxy                    passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "hook_chain",
        "hook_chain",
        (),
        1,
        r"""
            tests/test_chain.py::test_ids_follow_pytests_order[f1-c1-m1]           passed
            tests/test_chain.py::test_ids_follow_pytests_order[f1-c2-m1]           passed
            tests/test_chain.py::test_ids_follow_pytests_order[f2-c1-m1]           passed
            tests/test_chain.py::test_ids_follow_pytests_order[f2-c2-m1]           passed
            tests/test_chain.py::test_hook_fails_a_passing_test                    failed
            tests/test_chain.py::test_skipped_after_an_earlier_failure             skipped
            tests/test_chain.py::test_runs_last_though_defined_first               passed
        """,
        counts={"failed": 1, "passed": 5, "skipped": 1},
    ),
    Scenario(
        "runxfail-off",
        "runxfail",
        (),
        1,
        r"""
            test_runxfail.py::test_marked_and_failing                          xfailed
            test_runxfail.py::test_marked_and_passing                          xpassed
            test_runxfail.py::test_strict_and_passing                          failed
            test_runxfail.py::test_not_run_unless_runxfail                     xfailed
            test_runxfail.py::test_raises_another_error                        failed
            test_runxfail.py::test_imperative_xfail_then_continues             xfailed
            test_runxfail.py::test_xfail_from_fixture                          xfailed
            test_runxfail.py::test_helpers_carry_their_exception               passed
            test_runxfail.py::test_skip_exception_caught_in_async_test         passed
        """,
        counts={"failed": 2, "passed": 2, "xfailed": 4, "xpassed": 1},
    ),
    Scenario(
        "runxfail-on",
        "runxfail",
        ("--runxfail",),
        1,
        r"""
            test_runxfail.py::test_marked_and_failing                          failed
            test_runxfail.py::test_marked_and_passing                          passed
            test_runxfail.py::test_strict_and_passing                          passed
            test_runxfail.py::test_not_run_unless_runxfail                     passed
            test_runxfail.py::test_raises_another_error                        failed
            test_runxfail.py::test_imperative_xfail_then_continues             failed
            test_runxfail.py::test_xfail_from_fixture                          passed
            test_runxfail.py::test_helpers_carry_their_exception               passed
            test_runxfail.py::test_skip_exception_caught_in_async_test         passed
        """,
        counts={"failed": 3, "passed": 6},
    ),
    Scenario(
        "node-api",
        "node_api",
        (),
        0,
        r"""
            test_nodes.py::test_module_node_sees_module_marks                          passed
            test_nodes.py::TestClassNode::test_marks_nearest_first                     passed
            test_nodes.py::TestClassNode::test_chain                                   passed
            test_nodes.py::test_module_finalizer_waits_for_the_module                  passed
            test_nodes.py::test_plugin_manager                                         passed
            test_nodes.py::test_exception_info_helpers                                 passed
            test_nodes.py::test_caplog_filtering                                       passed
            test_nodes.py::test_approx_defaults                                        passed
            test_zz_after.py::test_module_finalizer_ran_when_its_module_ended          passed
        """,
        counts={"passed": 9},
    ),
    Scenario(
        "pytest-deprecations",
        "pytest_deprecations",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_yield_fixture.py                                                      error
            test_instance_methods.py::TestClassScopedMethod::test_first                error
            test_instance_methods.py::TestClassScopedMethod::test_second               error
            test_instance_methods.py::TestAsyncClassScopedMethod::test_async           error
            test_instance_methods.py::TestAllowedForms::test_allowed                   passed
            test_instance_methods.py::TestModuleScopedMethod::test_module_scoped       error
            test_instance_methods.py::test_plugin_function_fixture                     passed
            test_instance_methods.py::test_plugin_session_fixture                      error
            test_late_requests.py::test_late_request                                   error
            test_late_requests.py::test_request_of_an_active_fixture                   passed
            test_late_requests.py::test_inicfg_is_deprecated                           failed
        """,
        counts={"failed": 1, "passed": 4, "errors": 7},
    ),
    Scenario(
        "hypothesis-tests",
        "hypothesis_tests",
        (),
        1,
        r"""
            test_given.py::test_async_given                                            passed
            test_given.py::test_async_given_finds_a_counterexample                     failed
            test_given.py::test_function_scoped_fixture_fails_the_health_check         failed
            test_given.py::test_suppressed_health_check                                passed
            test_given.py::test_module_scoped_fixture_is_fine                          passed
            test_given.py::test_example_without_given                                  failed
            test_given.py::test_settings_without_given                                 failed
            test_given.py::test_composite_collected_as_a_test                          failed
            test_given.py::test_parametrized[1]                                        passed
            test_given.py::test_parametrized[2]                                        passed
            test_given.py::test_fixture_params[a]                                      passed
            test_given.py::test_fixture_params[b]                                      passed
            test_given.py::TestMethods::test_async_method                              passed
        """,
        counts={"failed": 5, "passed": 8},
        requires=("hypothesis",),
    ),
    Scenario(
        "terminal-plugins",
        "terminal_plugins",
        (),
        1,
        r"""
            test_terminal.py::test_reporter_from_configure                             passed
            test_terminal.py::test_reporter_from_fixture                               passed
            test_terminal.py::test_capture_manager                                     passed
            test_terminal.py::test_terminal_writer                                     passed
            test_terminal.py::test_plugins_known                                       passed
            test_terminal.py::test_reporter_write_then_fail                            failed
        """,
        counts={"failed": 1, "passed": 5},
    ),
    Scenario(
        "asyncio_disabled_fixtures",
        "asyncio_disabled_fixtures",
        ("-p", "no:asyncio"),
        1,
        r"""
            autouse/test_autouse.py::test_sync_test_with_autouse_async_fixture  error
            test_fixtures.py::test_plain_coroutine_fixture                     error
            test_fixtures.py::test_plain_async_generator_fixture               error
            test_fixtures.py::test_pytest_asyncio_fixture                      error
            test_fixtures.py::test_pytest_asyncio_module_fixture               error
            test_fixtures.py::test_module_scoped_first                         error
            test_fixtures.py::test_module_scoped_again                         error
            test_fixtures.py::test_through_a_sync_fixture                      error
            test_fixtures.py::test_requested_in_the_body                       failed
            test_fixtures.py::TestInClass::test_method_fixture                 error
            test_fixtures.py::test_async_test_with_async_fixture               error
            test_fixtures.py::test_async_test_alone                            failed
            test_fixtures.py::test_pytest_asyncio_fixtures_are_gone            error
            test_fixtures.py::test_event_loop_policy_is_not_autouse            passed
            test_fixtures.py::test_sync_fixtures_still_work                    passed
        """,
        counts={"failed": 2, "passed": 2, "errors": 11},
    ),
    Scenario(
        "anyio_tests-anyio-plugin-disabled",
        "anyio_tests",
        ("-p", "no:anyio"),
        1,
        r"""
            overridden/test_overridden.py::test_first                                          error
            overridden/test_overridden.py::test_session_fixture_is_shared                      error
            overridden/test_overridden.py::test_unmarked_but_using_the_backend_runs_on_anyio   error
            overridden/test_overridden.py::test_asyncio_marked_next_to_anyio                   passed
            overridden/test_overridden.py::test_unmarked_without_the_backend_is_not_run        failed
            overridden/test_overridden.py::TestMarkedClass::test_in_class                      error
            test_builtin_backend.py::test_async_fixture_runs_on_anyio                          error
            test_builtin_backend.py::test_fails                                                failed
            test_builtin_backend.py::test_backend_parametrized_directly[asyncio]               failed
            test_builtin_backend.py::test_backend_parametrized_for_a_fixture[asyncio]          error
            test_builtin_backend.py::test_sync_test_sees_the_backend                           error
        """,
        counts={"failed": 3, "passed": 1, "errors": 7},
    ),
    Scenario(
        "unittest-skiptest",
        "unittest_skiptest",
        (),
        1,
        r"""
            test_generate_skips.py                                                  skipped
            test_module_level.py                                                    skipped
            test_module_level_subclass.py                                           skipped
            test_in_fixtures.py::test_sync_fixture                                  skipped
            test_in_fixtures.py::test_async_fixture                                 skipped
            test_in_fixtures.py::test_async_gen_fixture                             skipped
            test_in_fixtures.py::test_module_fixture_first                          skipped
            test_in_fixtures.py::test_module_fixture_second                         skipped
            test_in_fixtures.py::test_async_module_fixture_first                    skipped
            test_in_fixtures.py::test_async_module_fixture_second                   skipped
            test_in_fixtures.py::test_session_fixture                               skipped
            test_in_fixtures.py::TestClassFixture::test_one                         skipped
            test_in_fixtures.py::TestClassFixture::test_two                         skipped
            test_in_fixtures.py::test_after_the_skips                               passed
            test_in_teardown.py::test_passes_then_teardown_skips                    skipped
            test_in_teardown.py::test_async_passes_then_teardown_skips              skipped
            test_in_teardown.py::test_fails_then_teardown_skips                     failed
            test_in_teardown.py::test_pytest_skip_in_teardown_for_comparison        skipped
            test_in_teardown.py::test_uses_module_fixture                           passed
            test_in_teardown.py::test_last_in_module                                skipped
            test_in_tests.py::test_sync_raises_skiptest                             skipped
            test_in_tests.py::test_async_raises_skiptest                            skipped
            test_in_tests.py::test_subclass_of_skiptest                             skipped
            test_in_tests.py::test_raised_in_a_helper                               skipped
            test_in_tests.py::TestMethods::test_method_raises_skiptest              skipped
            test_in_tests.py::TestMethods::test_async_method_raises_skiptest        skipped
            test_in_tests.py::test_skiptest_under_xfail                             skipped
            test_in_tests.py::test_skiptest_caught_by_the_test                      passed
            test_in_tests.py::test_skiptest_without_a_reason                        skipped
            test_in_tests.py::test_skiptest_in_a_subtest                            skipped
            test_in_tests.py::test_skipped_by_a_hook                                skipped
            test_in_tests.py::test_passes                                           passed
            test_unittest_class.py::TestSetUpClassSkips::test_one                   skipped
            test_unittest_class.py::TestSetUpClassSkips::test_two                   skipped
            test_unittest_class.py::TestTearDownSkips::test_passes                  skipped
            test_unittest_module.py::TestCase::test_one                             skipped
            test_xunit_setup.py::test_first                                         skipped
            test_xunit_setup.py::test_second                                        skipped
            test_zz_after.py::test_still_runs                                       passed
        """,
        # A passing test whose teardown skips counts as passed and as skipped ("1 passed, 1 skipped").
        counts={"failed": 1, "passed": 10, "skipped": 33},
    ),
    Scenario(
        "codspeed-mode",
        "codspeed_mode",
        # pytest-codspeed off (no --codspeed, no $CODSPEED_ENV): every test runs, benchmarks as plain calls
        (),
        1,
        r"""
            test_codspeed.py::test_call_returns_the_result                             passed
            test_codspeed.py::test_decorator_and_keyword_arguments                     passed
            test_codspeed.py::test_used_twice_fails                                    failed
            test_codspeed.py::test_wrong_result_fails                                  failed
            test_codspeed.py::test_pedantic_passes_the_arguments_to_setup              passed
            test_codspeed.py::test_pedantic_setup_returning_arguments_beside_args      passed
            test_codspeed.py::test_pedantic_rejects_negative_rounds                    passed
            test_codspeed.py::test_extra_info_and_attributes                           passed
            test_codspeed.py::test_seeded_when_measured                                failed
            test_codspeed.py::test_measured_without_the_garbage_collector              failed
            test_codspeed.py::test_whole_test_marked                                   passed
            test_codspeed.py::test_async_test_marked                                   passed
            test_codspeed.py::test_mark_with_an_unknown_option                         passed
            test_codspeed.py::test_mark_seeds_random                                   failed
            test_codspeed.py::test_not_a_benchmark                                     passed
            test_codspeed.py::test_async_not_a_benchmark                               passed
        """,
        counts={"failed": 5, "passed": 11},
        requires=("pytest_codspeed",),
    ),
    Scenario(
        "codspeed-mode-enabled",
        "codspeed_mode",
        # on: the tests without a benchmark fixture or mark are deselected; the rest seeded, gc off
        ("--codspeed",),
        1,
        r"""
            test_codspeed.py::test_call_returns_the_result                             passed
            test_codspeed.py::test_decorator_and_keyword_arguments                     passed
            test_codspeed.py::test_used_twice_fails                                    failed
            test_codspeed.py::test_wrong_result_fails                                  failed
            test_codspeed.py::test_pedantic_passes_the_arguments_to_setup              passed
            test_codspeed.py::test_pedantic_setup_returning_arguments_beside_args      passed
            test_codspeed.py::test_pedantic_rejects_negative_rounds                    passed
            test_codspeed.py::test_extra_info_and_attributes                           passed
            test_codspeed.py::test_seeded_when_measured                                passed
            test_codspeed.py::test_measured_without_the_garbage_collector              passed
            test_codspeed.py::test_whole_test_marked                                   passed
            test_codspeed.py::test_async_test_marked                                   passed
            test_codspeed.py::test_mark_with_an_unknown_option                         failed
            test_codspeed.py::test_mark_seeds_random                                   passed
        """,
        counts={"failed": 3, "passed": 11, "deselected": 2},
        requires=("pytest_codspeed",),
    ),
    Scenario(
        "codspeed-mode-enabled-k",
        "codspeed_mode",
        # -k's deselection and the plugin's add up in the summary
        ("--codspeed", "-k", "marked or not_a"),
        0,
        r"""
            test_codspeed.py::test_whole_test_marked                                   passed
            test_codspeed.py::test_async_test_marked                                   passed
        """,
        counts={"passed": 2, "deselected": 14},
        requires=("pytest_codspeed",),
    ),
    Scenario(
        # pytest-xdist's controller is configured as well: the run stops there, before any worker.
        "unset_loop_scope-under-filterwarnings-error-with-workers",
        "unset_loop_scope",
        ("-n", "2"),
        3,
        "",
        counts={},
        requires=("xdist",),
    ),
    Scenario(
        "collection_error_reports",
        "collection_error_reports",
        ("--strict-markers", "--continue-on-collection-errors", "-k", "not deselected"),
        1,
        r"""
            broken_conftest                                                            error
            test_a_import_error.py                                                     error
            test_b_skip_misused.py                                                     error
            test_c_parametrize_ids.py::TestBadIds                                      error
            test_d_unknown_mark.py                                                     error
            test_c_parametrize_ids.py::test_empty_ids[1]                               passed
            test_c_parametrize_ids.py::test_empty_ids[2]                               passed
            test_c_parametrize_ids.py::test_empty_values[NOTSET]                       skipped
            test_c_parametrize_ids.py::TestAfter::test_runs                            passed
            test_e_good.py::test_good                                                  passed
        """,
        counts={"passed": 4, "skipped": 1, "errors": 5},
    ),
    Scenario(
        # -p no:NAME takes a built-in plugin's fixtures out of the run: requesting one is an error
        "blocked_builtin_plugins",
        "blocked_builtin_plugins",
        (
            *("-p", "no:cacheprovider", "-p", "no:monkeypatch", "-p", "no:logging", "-p", "no:capture"),
            *("-p", "no:recwarn", "-p", "no:doctest", "-p", "no:subtests", "-p", "no:legacypath"),
        ),
        1,
        r"""
            test_blocked.py::test_cache                                                error
            test_blocked.py::test_monkeypatch                                          error
            test_blocked.py::test_caplog                                               error
            test_blocked.py::test_capsys                                               error
            test_blocked.py::test_capfd                                                error
            test_blocked.py::test_recwarn                                              error
            test_blocked.py::test_doctest_namespace                                    error
            test_blocked.py::test_subtests                                             error
            test_blocked.py::test_tmp_path                                             passed
            test_blocked.py::test_tmpdir                                               error
            test_blocked.py::test_record_property                                      passed
            test_blocked.py::test_pytestconfig                                         passed
            test_blocked.py::test_through_getfixturevalue                              failed
        """,
        counts={"failed": 1, "passed": 3, "errors": 9},
    ),
    Scenario(
        # tmpdir's plugin gone: tmp_path and the legacy tmpdir built on it are missing too
        "blocked_builtin_plugins-tmpdir",
        "blocked_builtin_plugins",
        ("-p", "no:tmpdir"),
        1,
        r"""
            test_blocked.py::test_cache                                                passed
            test_blocked.py::test_monkeypatch                                          passed
            test_blocked.py::test_caplog                                               passed
            test_blocked.py::test_capsys                                               passed
            test_blocked.py::test_capfd                                                passed
            test_blocked.py::test_recwarn                                              passed
            test_blocked.py::test_doctest_namespace                                    passed
            test_blocked.py::test_subtests                                             passed
            test_blocked.py::test_tmp_path                                             error
            test_blocked.py::test_tmpdir                                               error
            test_blocked.py::test_record_property                                      passed
            test_blocked.py::test_pytestconfig                                         passed
            test_blocked.py::test_through_getfixturevalue                              passed
        """,
        counts={"passed": 11, "errors": 2},
    ),
    Scenario(
        # ids=itertools.count() or a generator: read for as many sets as there are, not drained.
        "parametrize_id_iterators",
        "parametrize_id_iterators",
        (),
        1,
        r"""
            test_id_iterators.py::test_counted[0]                   passed
            test_id_iterators.py::test_counted[1]                   passed
            test_id_iterators.py::test_counted[2]                   passed
            test_id_iterators.py::test_counted_async[10]            passed
            test_id_iterators.py::test_counted_async[11]            passed
            test_id_iterators.py::test_longer_generator[long0]      passed
            test_id_iterators.py::test_longer_generator[long1]      passed
            test_id_iterators.py::test_shorter_generator[short0]    passed
            test_id_iterators.py::test_shorter_generator[short1]    failed
            test_id_iterators.py::test_shorter_generator[3]         passed
            test_id_iterators.py::test_none_from_iterator[7]        passed
            test_id_iterators.py::test_none_from_iterator[named]    passed
        """,
        counts={"passed": 11, "failed": 1},
    ),
    Scenario(
        # An unclosed socket freed by the garbage collection after the last test: under
        # filterwarnings=error the unraisable exception ends the run with exit status 1.
        "unraisable_at_session_end",
        "unraisable_at_session_end",
        (),
        1,
        r"""
            test_session_end.py::test_async_passes                passed
            test_session_end.py::test_leaks_a_socket_in_a_cycle   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # The same with its warning ignored on the command line: a clean run.
        "unraisable_at_session_end-ignored",
        "unraisable_at_session_end",
        ("-W", "ignore::pytest.PytestUnraisableExceptionWarning"),
        0,
        r"""
            test_session_end.py::test_async_passes                passed
            test_session_end.py::test_leaks_a_socket_in_a_cycle   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # Duplicate ids numbered against the ids as they stand: a renamed duplicate frees its old id.
        "parametrize_duplicate_ids",
        "parametrize_duplicate_ids",
        (),
        1,
        r"""
            test_duplicate_ids.py::test_freed_id_reused[1_1_0]     passed
            test_duplicate_ids.py::test_freed_id_reused[1_1_2]     passed
            test_duplicate_ids.py::test_freed_id_reused[1_1_1]     passed
            test_duplicate_ids.py::test_freed_id_reused[1_0]       passed
            test_duplicate_ids.py::test_freed_id_reused[1_1]       failed
            test_duplicate_ids.py::test_id_ahead_skipped[1_0]      failed
            test_duplicate_ids.py::test_id_ahead_skipped[1_2]      passed
            test_duplicate_ids.py::test_id_ahead_skipped[1_1_0]    passed
            test_duplicate_ids.py::test_id_ahead_skipped[1_1_2]    passed
            test_duplicate_ids.py::test_id_ahead_skipped[1_1_1]    passed
            test_duplicate_ids.py::test_letters[a1]                passed
            test_duplicate_ids.py::test_letters[a0]                passed
            test_duplicate_ids.py::test_letters[a2]                passed
        """,
        counts={"passed": 11, "failed": 2},
    ),
    Scenario(
        # Fixture params applied in pytest 9's depth-first closure order: a dependency's ids first.
        "fixture_closure_order",
        "fixture_closure_order",
        (),
        1,
        r"""
            test_closure_order.py::test_dependency_before_later_argument[memory-fast]    passed
            test_closure_order.py::test_dependency_before_later_argument[memory-safe]    passed
            test_closure_order.py::test_dependency_before_later_argument[disk-fast]      passed
            test_closure_order.py::test_dependency_before_later_argument[disk-safe]      failed
            test_closure_order.py::TestOverride::test_override_chain[a-fast]             passed
            test_closure_order.py::TestOverride::test_override_chain[a-safe]             passed
            test_closure_order.py::TestOverride::test_override_chain[b-fast]             failed
            test_closure_order.py::TestOverride::test_override_chain[b-safe]             passed
            test_closure_order.py::test_direct_argument_first[fast-direct]               passed
            test_closure_order.py::test_direct_argument_first[safe-direct]               passed
        """,
        counts={"passed": 8, "failed": 2},
    ),
    Scenario(
        # Output options from a suite's addopts are accepted and change no outcome; the caplog test
        # fails without --log-disable.
        "pytest_cli_options-output",
        "pytest_cli_options",
        (
            "--durations=2",
            "--durations-min=0.5",
            "--show-capture=stdout",
            "--verbosity=1",
            "--no-showlocals",
            "--force-short-summary",
            "--no-fold-skipped",
        ),
        1,
        r"""
            test_cli_options.py::test_warns_once                       passed
            test_cli_options.py::test_async_needs_the_asyncio_plugin   passed
            test_cli_options.py::test_noisy_logger_can_be_disabled     failed
            test_cli_options.py::test_prints_and_passes                passed
            test_cli_options.py::test_leaves_a_task_running            passed
        """,
        counts={"passed": 4, "failed": 1},
    ),
    Scenario(
        # --log-disable=noisy disables that logger (not its child); the one warning is within
        # --max-warnings=1.
        "pytest_cli_options-log_disable",
        "pytest_cli_options",
        ("--log-disable=noisy", "--max-warnings=1"),
        0,
        r"""
            test_cli_options.py::test_warns_once                       passed
            test_cli_options.py::test_async_needs_the_asyncio_plugin   passed
            test_cli_options.py::test_noisy_logger_can_be_disabled     passed
            test_cli_options.py::test_prints_and_passes                passed
            test_cli_options.py::test_leaves_a_task_running            passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # Tests that all pass with more warnings than --max-warnings allows: exit status 6.
        "pytest_cli_options-max_warnings",
        "pytest_cli_options",
        ("--log-disable=noisy", "--max-warnings=0"),
        6,
        r"""
            test_cli_options.py::test_warns_once                       passed
            test_cli_options.py::test_async_needs_the_asyncio_plugin   passed
            test_cli_options.py::test_noisy_logger_can_be_disabled     passed
            test_cli_options.py::test_prints_and_passes                passed
            test_cli_options.py::test_leaves_a_task_running            passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # --disable-plugin-autoload: pytest-asyncio is not loaded, so the async test fails unrun.
        "pytest_cli_options-no_autoload",
        "pytest_cli_options",
        ("--disable-plugin-autoload", "--log-disable=noisy"),
        1,
        r"""
            test_cli_options.py::test_warns_once                       passed
            test_cli_options.py::test_async_needs_the_asyncio_plugin   failed
            test_cli_options.py::test_noisy_logger_can_be_disabled     passed
            test_cli_options.py::test_prints_and_passes                passed
            test_cli_options.py::test_leaves_a_task_running            failed
        """,
        counts={"passed": 3, "failed": 2},
    ),
    Scenario(
        # pytest.skip in pytest_generate_tests skips the collector it was called for: the class of a
        # method (the rest of its module runs), or the module of a plain function.
        "generate_tests_skip_class",
        "generate_tests_skip_class",
        (),
        0,
        r"""
            test_class_skip.py::TestNeedsDatabase      skipped
            test_module_skip.py                        skipped
            test_class_skip.py::test_before            passed
            test_class_skip.py::TestOther::test_runs   passed
            test_class_skip.py::test_after             passed
        """,
        counts={"passed": 3, "skipped": 2},
    ),
    Scenario(
        # box/flaky's @flaky and mark.flaky(max_runs=...): reruns until min_passes passes fit in max_runs.
        # pytest-rerunfailures (a test dependency) is registered first, so flaky's protocol runs the
        # tests whichever order the two entry points are found in (see flaky_and_reruns).
        "flaky_plugin",
        "flaky_plugin",
        ("-p", "rerunfailures"),
        1,
        r"""
            test_flaky.py::test_fails_once                         passed
            test_flaky.py::test_fails_twice                        passed
            test_flaky.py::test_fails_more_than_its_runs           failed
            test_flaky.py::test_needs_two_passes                   passed
            test_flaky.py::test_filter_refuses_a_rerun             failed
            test_flaky.py::test_async_marked                       passed
            test_flaky.py::TestDecoratedClass::test_method         passed
            test_flaky.py::test_skipped_once_is_not_rerun          skipped
            test_flaky.py::test_plain_failure_is_not_rerun         failed
        """,
        counts={"passed": 5, "failed": 3, "skipped": 1},
        requires=("flaky", "pytest_rerunfailures"),
        same_junit_layout=False,
    ),
    Scenario(
        "anyio_claimed_by_asyncio",
        "anyio_claimed_by_asyncio",
        (),
        1,
        r"""
            test_claimed.py::test_anyio_marked_runs_on_pytest_asyncio      passed
            test_claimed.py::test_unmarked_with_the_backend_too            passed
            test_claimed.py::test_fails_as_it_is_not_on_anyios_runner      failed
            test_claimed.py::test_sync_test_is_untouched                   passed
        """,
        counts={"failed": 1, "passed": 3},
    ),
    Scenario(
        "blocked_plugin_flags",
        "blocked_plugin_flags",
        (),
        0,
        r"""
            test_blocked.py::test_runs_without_the_cache_plugin  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        "blocked_plugin_flags-cache-disabled",
        "blocked_plugin_flags",
        ("-p", "no:cacheprovider"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "blocked_plugin_flags-stepwise",
        "blocked_plugin_flags",
        ("-p", "no:stepwise", "--sw"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "blocked_plugin_flags-logging",
        "blocked_plugin_flags",
        ("-p", "no:logging", "--log-level=INFO"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # pytest-asyncio's loops as a plugin extending them sees them (looptime's hooks): each loop goes
        # through pytest_fixture_setup wrappers as its runner fixture's asyncio.Runner, and the test's
        # call through pytest_pyfunc_call wrappers with its loop current; a plugin from the conftest's
        # pytest_plugins wraps the conftest's wrapper; the test's runner is among its funcargs.
        "loop_plugin_hooks",
        "loop_plugin_hooks",
        (),
        1,
        r"""
            test_loops.py::test_function_loop_is_seen_by_the_plugin       passed
            test_loops.py::test_module_loop_is_seen_by_the_plugin         passed
            test_loops.py::test_module_loop_is_shared                     passed
            test_loops.py::test_the_module_runner_is_among_the_funcargs   passed
            test_loops.py::test_failing_test_goes_through_the_wrappers    failed
            test_loops.py::test_wrapper_fails_a_passing_test              failed
            test_loops.py::test_sync_test_goes_through_the_wrappers       passed
            test_loops.py::test_outcomes_seen_by_the_old_style_wrapper    passed
            test_loops.py::test_the_runner_is_among_the_funcargs          passed
        """,
        counts={"passed": 7, "failed": 2},
    ),
    Scenario(
        # pytest_asyncio.fixture on a sync function is bound to its loop: the loop opens before it is set
        # up (current while it runs) and closes after its teardown; a plain fixture's teardown comes
        # after the loop has closed.
        "sync_asyncio_fixtures",
        "sync_asyncio_fixtures",
        (),
        1,
        r"""
            test_declared.py::test_sync_test_with_an_async_fixture                            passed
            test_declared.py::test_async_test_with_an_async_fixture                           passed
            test_declared.py::test_the_loop_is_current_while_a_sync_asyncio_fixture_is_set_up passed
            test_plain.py::test_sync_test_with_an_async_fixture                               error
        """,
        counts={"passed": 4, "errors": 1},
    ),
    Scenario(
        # A test formatting its stack with every frame's locals (kopf's callback tests): the runner's
        # frames, which hold every collected item, have short reprs, as pytest's do.
        "stack_locals",
        "stack_locals",
        ("-k", "the_runners"),
        0,
        r"""
            test_stack_locals.py::test_the_runners_frames_have_short_reprs    passed
        """,
        counts={"passed": 1, "deselected": 600},
    ),
    Scenario(
        # --setup-only: each test's fixtures are set up and torn down (events.log), no test is called;
        # a test whose set-up passes is reported passed, set-up errors, skips and xfail(run=False) stay.
        "setup_modes-setup-only",
        "setup_modes",
        ("--setup-only",),
        1,
        r"""
            test_modes.py::test_fails_when_called           passed
            test_modes.py::test_async_fails_when_called     passed
            test_modes.py::test_with_a_broken_fixture       error
            test_modes.py::test_with_a_dependent_fixture    passed
            test_modes.py::test_with_the_conftest_fixture   passed
            test_modes.py::test_skipped                     skipped
            test_modes.py::test_xfail_not_run               xfailed
            test_modes.py::test_xfail                       passed
            test_modes.py::test_parametrized[1]             passed
            test_modes.py::test_parametrized[2]             passed
            test_modes.py::test_missing_fixture             error
        """,
        counts={"skipped": 1, "xfailed": 1, "errors": 2},
        events=EVENTS_SETUP_MODES,
    ),
    Scenario(
        # --setup-plan: not even the fixtures run (the broken one passes); only a missing fixture, a skip and
        # xfail(run=False) change a test's outcome.
        "setup_modes-setup-plan",
        "setup_modes",
        ("--setup-plan",),
        1,
        r"""
            test_modes.py::test_fails_when_called           passed
            test_modes.py::test_async_fails_when_called     passed
            test_modes.py::test_with_a_broken_fixture       passed
            test_modes.py::test_with_a_dependent_fixture    passed
            test_modes.py::test_with_the_conftest_fixture   passed
            test_modes.py::test_skipped                     skipped
            test_modes.py::test_xfail_not_run               xfailed
            test_modes.py::test_xfail                       passed
            test_modes.py::test_parametrized[1]             passed
            test_modes.py::test_parametrized[2]             passed
            test_modes.py::test_missing_fixture             error
        """,
        counts={"skipped": 1, "xfailed": 1, "errors": 1},
    ),
    Scenario(
        # --noconftest: the conftest's fixture is missing and its collect_ignore does not apply.
        "setup_modes-noconftest",
        "setup_modes",
        ("--noconftest",),
        1,
        r"""
            test_ignored_by_conftest.py::test_collected_only_without_the_conftest passed
            test_modes.py::test_fails_when_called           failed
            test_modes.py::test_async_fails_when_called     failed
            test_modes.py::test_with_a_broken_fixture       error
            test_modes.py::test_with_a_dependent_fixture    failed
            test_modes.py::test_with_the_conftest_fixture   error
            test_modes.py::test_skipped                     skipped
            test_modes.py::test_xfail_not_run               xfailed
            test_modes.py::test_xfail                       xfailed
            test_modes.py::test_parametrized[1]             failed
            test_modes.py::test_parametrized[2]             failed
            test_modes.py::test_missing_fixture             error
        """,
        counts={"failed": 5, "passed": 1, "skipped": 1, "xfailed": 2, "errors": 3},
    ),
    Scenario(
        # --lf with the failures the sample's cache records: the files holding one are collected first,
        # then the others are skipped unread (test_b.py no longer imports: no collection error); from
        # the files with failures only the failed tests are collected, and a class's passing test is
        # collected and deselected.
        "last_failed_selection",
        "last_failed_selection",
        ("--lf",),
        1,
        r"""
            test_a.py::test_a1              failed
            test_a.py::test_a3              failed
            test_c.py::test_c1              failed
            test_d.py::TestK::test_fail     failed
            zsub/test_z.py::test_z1         failed
        """,
        counts={"failed": 5, "deselected": 1},
    ),
    Scenario(
        # -k and -m count only what --lf collected as deselected.
        "last_failed_selection-keyword",
        "last_failed_selection",
        ("--lf", "-k", "a1 or c1"),
        1,
        r"""
            test_a.py::test_a1              failed
            test_c.py::test_c1              failed
        """,
        counts={"failed": 2, "deselected": 4},
    ),
    Scenario(
        # A file named on the command line keeps its passing tests (deselected), and one without a
        # recorded failure is skipped all the same, even named.
        "last_failed_selection-named-files",
        "last_failed_selection",
        ("--lf", "test_b.py", "test_a.py"),
        1,
        r"""
            test_a.py::test_a1              failed
            test_a.py::test_a3              failed
        """,
        counts={"failed": 2, "deselected": 1},
    ),
    Scenario(
        # Nothing --lf collected matches -k: no test runs (exit 5), and the known failures are not rerun.
        "last_failed_selection-nothing-selected",
        "last_failed_selection",
        ("--lf", "-k", "nothing"),
        5,
        "",
        counts={"deselected": 6},
    ),
    Scenario(
        # pytest-asyncio's own fixtures and helpers: unused_tcp_port / unused_udp_port and their
        # factories, an overridden event_loop_policy (module-scoped), is_async_test in a conftest hook.
        "asyncio_builtins",
        "asyncio_builtins",
        (),
        1,
        r"""
            test_builtins.py::test_unused_tcp_port_can_be_bound                      passed
            test_builtins.py::test_unused_udp_port_can_be_bound                      passed
            test_builtins.py::test_port_factories_give_distinct_ports                passed
            test_builtins.py::test_a_server_on_the_unused_port                       passed
            test_builtins.py::test_marked_by_the_conftest                            passed
            test_builtins.py::test_sync_is_not_marked                                passed
            test_builtins.py::test_unmarked_coroutine_is_not_claimed_in_strict_mode  failed
            test_policy.py::test_loop_comes_from_the_policy                          passed
            test_policy.py::test_each_function_loop_is_a_new_one                     passed
        """,
        counts={"passed": 8, "failed": 1},
    ),
    Scenario(
        # Installed plugins: pytest-mock's mocker (patches undone after the test, AsyncMock, spy) and
        # pytest-timeout's mark, which asynctestrun's own timeout honours (sync and async tests).
        "installed_plugins",
        "installed_plugins",
        (),
        1,
        r"""
            test_plugins.py::test_mocker_patches_and_undoes             passed
            test_plugins.py::test_the_patch_was_undone                  passed
            test_plugins.py::test_async_mock                            passed
            test_plugins.py::test_spy                                   passed
            test_plugins.py::test_async_test_past_its_timeout_fails     failed
            test_plugins.py::test_sync_test_past_its_timeout_fails      failed
            test_plugins.py::test_within_its_timeout_passes             passed
        """,
        counts={"passed": 5, "failed": 2},
        requires=("pytest_mock", "pytest_timeout"),
    ),
    Scenario(
        # A conftest option whose value may be left out (nargs="?", as pytest-cov's --cov): an option the
        # CLI parses itself between it and a path ends it, as in pytest's single parser, so the path
        # stays a path and the option takes its const.
        "optional_value_option",
        "optional_value_option",
        ("--level", "-v", "test_level.py"),
        0,
        r"""
            test_level.py::test_level_given_without_a_value    passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        # The path before the option: it is not the option's value either.
        "optional_value_option-path-first",
        "optional_value_option",
        ("test_other.py", "--level"),
        0,
        r"""
            test_other.py::test_other    passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        # Right after the option the path is its value, in pytest too: no path is left, so every test runs.
        "optional_value_option-value-next",
        "optional_value_option",
        ("--level", "test_level.py", "-v"),
        1,
        r"""
            test_level.py::test_level_given_without_a_value    failed
            test_other.py::test_other                          passed
        """,
        counts={"passed": 1, "failed": 1},
    ),
    Scenario(
        # box/flaky and pytest-rerunfailures both installed, flaky registered last (``-p`` registers
        # rerunfailures first): flaky's runtest protocol runs every test, so nothing is rerun under
        # --reruns and no "rerun" is counted; flaky reruns its own tests (the fixture error too).
        "flaky_and_reruns-flaky_registered_last",
        "flaky_and_reruns",
        ("-p", "rerunfailures", "--reruns", "1"),
        1,
        r"""
            test_both_plugins.py::test_bare_mark_fails_once            passed
            test_both_plugins.py::test_mark_with_a_failing_fixture     error
            test_both_plugins.py::test_decorated_fails_twice           passed
            test_both_plugins.py::test_async_bare_mark_fails_once      passed
            test_both_plugins.py::test_unmarked_fails_once             failed
        """,
        counts={"failed": 1, "passed": 3, "errors": 1},
        requires=("flaky", "pytest_rerunfailures"),
        same_junit_layout=False,
    ),
    Scenario(
        # The other order: rerunfailures' protocol is asked first and runs each test it has a count
        # for (here all, from --reruns 1), so the @flaky test that needs three runs gets two and fails.
        "flaky_and_reruns-rerunfailures_registered_last",
        "flaky_and_reruns",
        ("-p", "flaky", "--reruns", "1"),
        1,
        r"""
            test_both_plugins.py::test_bare_mark_fails_once            passed
            test_both_plugins.py::test_mark_with_a_failing_fixture     error
            test_both_plugins.py::test_decorated_fails_twice           failed
            test_both_plugins.py::test_async_bare_mark_fails_once      passed
            test_both_plugins.py::test_unmarked_fails_once             passed
        """,
        counts={"failed": 1, "passed": 3, "errors": 1, "rerun": 5},
        requires=("flaky", "pytest_rerunfailures"),
    ),
    Scenario(
        # Without --reruns, rerunfailures (registered last) takes only the marked tests and leaves
        # the @flaky-decorated one to flaky, whose reruns are not counted.
        "flaky_and_reruns-marks_only",
        "flaky_and_reruns",
        ("-p", "flaky"),
        1,
        r"""
            test_both_plugins.py::test_bare_mark_fails_once            passed
            test_both_plugins.py::test_mark_with_a_failing_fixture     error
            test_both_plugins.py::test_decorated_fails_twice           passed
            test_both_plugins.py::test_async_bare_mark_fails_once      passed
            test_both_plugins.py::test_unmarked_fails_once             failed
        """,
        counts={"failed": 1, "passed": 3, "errors": 1, "rerun": 3},
        requires=("flaky", "pytest_rerunfailures"),
        same_junit_layout=False,
    ),
    Scenario(
        # flaky alone: its set-up hook fails a test whose flaky mark it cannot take (reruns=,
        # max_runs below min_passes, max_runs=0); a decorated test keeps its decorator's settings.
        "flaky_mark_arguments",
        "flaky_mark_arguments",
        ("-p", "no:rerunfailures"),
        1,
        r"""
            test_mark_arguments.py::test_rerunfailures_argument         error
            test_mark_arguments.py::test_more_passes_than_runs          error
            test_mark_arguments.py::test_zero_runs                      error
            test_mark_arguments.py::test_flakys_own_arguments           passed
            test_mark_arguments.py::test_decorated_and_marked           passed
            test_mark_arguments.py::test_skipped                        skipped
        """,
        counts={"passed": 2, "skipped": 1, "errors": 3},
        requires=("flaky",),
        same_junit_layout=False,
    ),
    Scenario(
        # rerunfailures registered last runs the marked tests, and still flaky's set-up hook reads
        # each mark (the decorated test's too, as flaky's protocol did not run it): the errors are
        # rerun, and max_runs=3 means one rerun to rerunfailures.
        "flaky_mark_arguments-rerunfailures_registered_last",
        "flaky_mark_arguments",
        ("-p", "flaky"),
        1,
        r"""
            test_mark_arguments.py::test_rerunfailures_argument         error
            test_mark_arguments.py::test_more_passes_than_runs          error
            test_mark_arguments.py::test_zero_runs                      error
            test_mark_arguments.py::test_flakys_own_arguments           failed
            test_mark_arguments.py::test_decorated_and_marked           error
            test_mark_arguments.py::test_skipped                        skipped
        """,
        counts={"failed": 1, "skipped": 1, "errors": 4, "rerun": 6},
        requires=("flaky", "pytest_rerunfailures"),
    ),
    Scenario(
        # --force-flaky: flaky's protocol gives every test its settings before set-up, so no mark is
        # read (max_runs=3 too: two runs).
        "flaky_mark_arguments-force",
        "flaky_mark_arguments",
        ("-p", "no:rerunfailures", "--force-flaky"),
        1,
        r"""
            test_mark_arguments.py::test_rerunfailures_argument         passed
            test_mark_arguments.py::test_more_passes_than_runs          passed
            test_mark_arguments.py::test_zero_runs                      passed
            test_mark_arguments.py::test_flakys_own_arguments           failed
            test_mark_arguments.py::test_decorated_and_marked           passed
            test_mark_arguments.py::test_skipped                        skipped
        """,
        counts={"failed": 1, "passed": 4, "skipped": 1},
        requires=("flaky",),
        same_junit_layout=False,
    ),
    Scenario(
        # Failures whose listed source has blank and whitespace-only lines (nested frames, an async
        # test, a fixture's set-up, a method): the outcomes, with the listings compared line by line
        # in test_terminal_layout.py.
        "blank_source_lines",
        "blank_source_lines",
        (),
        1,
        r"""
            test_blank_lines.py::test_nested_frames                failed
            test_blank_lines.py::test_async_blank_line             failed
            test_blank_lines.py::test_fixture_error                error
            test_blank_lines.py::TestMethod::test_in_class         failed
            test_blank_lines.py::test_passes                       passed
        """,
        counts={"failed": 3, "passed": 1, "errors": 1},
    ),
    Scenario(
        # Failing lines whose failing part pytest underlines with carets (an attribute, a call, in a
        # method, a fixture, nested frames, after non-ASCII text, with trailing spaces, on a file's
        # last line without a newline) and two it does not (the whole line, a call over several
        # lines): the outcomes, with the listings compared line by line in test_terminal_layout.py.
        "traceback_carets",
        "traceback_carets",
        (),
        1,
        r"""
            test_carets.py::test_attribute_in_with                        failed
            test_carets.py::test_call_in_assignment                       failed
            test_carets.py::test_whole_line_has_no_carets                 failed
            test_carets.py::test_call_over_several_lines_has_no_carets    failed
            test_carets.py::test_trailing_spaces_shift_the_carets         failed
            test_carets.py::test_non_ascii_before_the_expression          failed
            test_carets.py::test_async_nested_frames                      failed
            test_carets.py::TestMethod::test_in_class                     failed
            test_carets.py::test_fixture_error                            error
            test_carets.py::test_last_line_without_newline                failed
        """,
        counts={"failed": 9, "errors": 1},
    ),
    Scenario(
        # A file whose last result fills the 120-column line: the outcomes, with the repeated share
        # pytest writes on its own line checked in test_terminal_layout.py.
        "progress_wrap",
        "progress_wrap",
        (),
        0,
        r"""
            a_directory_name_long_enough_that_the_third_result_reaches_the_right_edge/test_wraps_on_its_last_testxxxx.py::test_one      passed
            a_directory_name_long_enough_that_the_third_result_reaches_the_right_edge/test_wraps_on_its_last_testxxxx.py::test_two      passed
            a_directory_name_long_enough_that_the_third_result_reaches_the_right_edge/test_wraps_on_its_last_testxxxx.py::test_three    passed
            test_after.py::test_after    passed
        """,
        counts={"passed": 4},
    ),
    Scenario(
        # Failures and errors whose JUnit text pytest strips (str(report.longrepr)): the outcomes,
        # with the texts compared with pytest's in test_junit_text.py.
        "junit_failure_text",
        "junit_failure_text",
        (),
        1,
        r"""
            test_texts.py::test_without_arguments          failed
            test_texts.py::test_with_an_argument           failed
            test_texts.py::test_async                      failed
            test_texts.py::test_setup_error                error
            test_texts.py::test_teardown_error             error
            test_texts.py::test_fail_without_traceback     failed
            test_texts.py::TestMethod::test_in_class       failed
            test_texts.py::test_strict_xpass_without_a_reason  failed
        """,
        counts={"failed": 6, "passed": 1, "errors": 2},
    ),
    Scenario(
        # A module pytest 9.2 does not have (``_pytest.python_api``) fails to import, as in pytest.
        "internal_module_names",
        "internal_module_names",
        (),
        2,
        r"""
            test_removed_module.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "internal_module_names-continue",
        "internal_module_names",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_removed_module.py                                                                        error
            test_module_names.py::test_a_module_pytest_does_not_have_is_not_found[_pytest.python_api]        passed
            test_module_names.py::test_a_module_pytest_does_not_have_is_not_found[_pytest.fixtures.missing]  passed
            test_module_names.py::test_a_module_pytest_does_not_have_is_not_found[pytest.missing]            passed
            test_module_names.py::test_a_module_pytest_does_not_have_is_not_found[pytest_asyncio.missing]    passed
            test_module_names.py::test_find_spec_finds_no_removed_module                                  passed
            test_module_names.py::test_a_real_module_imports[_pytest.raises]                              passed
            test_module_names.py::test_a_real_module_imports[_pytest.mark.structures]                     passed
            test_module_names.py::test_a_real_module_imports[_pytest.assertion.rewrite]                   passed
            test_module_names.py::test_a_real_module_imports[pytest_asyncio.plugin]                       passed
            test_module_names.py::test_names_from_real_internal_modules_work                              passed
        """,
        counts={"passed": 10, "errors": 1},
    ),
    Scenario(
        # Under strict markers a -m name must be registered (ini, conftest, plugin or built in).
        "strict_mark_expression",
        "strict_mark_expression",
        ("-m", "slow or fast"),
        0,
        r"""
            test_marks.py::test_fast  passed
            test_marks.py::test_slow  passed
        """,
        counts={"passed": 2, "deselected": 2},
    ),
    Scenario(
        "strict_mark_expression-unknown-name",
        "strict_mark_expression",
        ("-m", "not tpyo"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "strict_mark_expression-not-strict",
        "strict_mark_expression",
        ("-m", "slwo(reason=1)", "-o", "strict_markers=false"),
        5,
        "",
        counts={"deselected": 4},
    ),
    Scenario(
        # A bad -m is a usage error raised inside pytest's session: the session still ends first, so
        # the collection errors and the module-level skip are in the summary and the JUnit file.
        "collection_errors-bad-mark-expression",
        "collection_errors",
        ("-m", "slow and"),
        4,
        r"""
            sub/test_import_error.py  error
            test_module_skip.py       skipped
            test_syntax_error.py      error
        """,
        counts={"skipped": 1, "errors": 2},
    ),
    Scenario(
        # Failures whose section titles are too long for two rule characters each side: the outcomes,
        # with pytest's "_ title _" rules compared line by line in test_terminal_layout.py.
        "long_rule_titles",
        "long_rule_titles",
        (),
        1,
        r"""
            test_long_titles.py::test_failing_with_a_long_id[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]    failed
            test_long_titles.py::test_failing_with_a_long_id[bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb]    failed
            test_long_titles.py::test_failing_with_a_long_id[ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc]    failed
            test_long_titles.py::test_short_title_keeps_its_full_rule    failed
        """,
        counts={"failed": 4},
    ),
    Scenario(
        # A conftest adds marks to a class and a module in pytest_collection_modifyitems: the tests
        # inside have them too (get_closest_marker, iter_markers), and -m selects by them.
        "parent_marks",
        "parent_marks",
        (),
        0,
        r"""
            test_classes.py::TestWithRequest::test_sees_class_mark   passed
            test_classes.py::TestWithRequest::test_lists_class_mark  passed
            test_classes.py::TestWithoutRequest::test_has_no_mark    passed
            test_offline.py::test_sees_module_mark                   passed
            test_offline.py::test_sync                               passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        "parent_marks-deselect-class-mark",
        "parent_marks",
        ("-m", "not req"),
        0,
        r"""
            test_classes.py::TestWithoutRequest::test_has_no_mark    passed
            test_offline.py::test_sees_module_mark                   passed
            test_offline.py::test_sync                               passed
        """,
        counts={"passed": 3, "deselected": 2},
    ),
    Scenario(
        "parent_marks-select-module-or-class-mark",
        "parent_marks",
        ("-m", "offline or req"),
        0,
        r"""
            test_classes.py::TestWithRequest::test_sees_class_mark   passed
            test_classes.py::TestWithRequest::test_lists_class_mark  passed
            test_offline.py::test_sees_module_mark                   passed
            test_offline.py::test_sync                               passed
        """,
        counts={"passed": 4, "deselected": 1},
    ),
    Scenario(
        # pytest keeps a failing test's error in sys.last_* until the next test's call starts (a
        # fixture of that test still sees it); a skip is not kept.
        "postmortem_last_error",
        "postmortem_last_error",
        (),
        1,
        r"""
            test_last_error.py::test_fails                         failed
            test_last_error.py::test_setup_still_sees_the_failure  passed
            test_last_error.py::test_call_start_forgets_it         passed
            test_last_error.py::test_skips                         skipped
            test_last_error.py::test_after_a_skip                  passed
            test_last_error.py::test_async_fails                   failed
            test_last_error.py::test_after_the_async_failure       passed
        """,
        counts={"passed": 4, "failed": 2, "skipped": 1},
    ),
    Scenario(
        # pytest's recwarn puts a "default" filter over its recorder's "always": a warning repeated
        # from one line is recorded once; pytest.warns keeps every repeat.
        "recwarn_repeats",
        "recwarn_repeats",
        (),
        0,
        r"""
            test_recwarn.py::test_a_repeat_from_one_line_is_recorded_once  passed
            test_recwarn.py::test_other_lines_and_messages_are_recorded    passed
            test_recwarn.py::test_warns_keeps_every_repeat                 passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # pytest's argparse takes what follows "=" in a short option as its value: -m=expr, -k=expr.
        "strict_mark_expression-attached-values",
        "strict_mark_expression",
        ("-m=slow or fast", "-k=not fast", "-r=s"),
        0,
        r"""
            test_marks.py::test_slow  passed
        """,
        counts={"passed": 1, "deselected": 3},
    ),
    Scenario(
        # Tracebacks start at the test function under its functools.wraps decorators (the listings are
        # compared with pytest's in test_terminal_layout.py).
        "wrapped_test_frames",
        "wrapped_test_frames",
        (),
        1,
        r"""
            test_wrapped.py::test_wrapped_sync                        failed
            test_wrapped.py::test_wrapped_async                       failed
            test_wrapped.py::test_error_rewrapped                     failed
            test_wrapped.py::test_wrapped_without_wraps               failed
            test_wrapped.py::test_fixture_error_reaches_the_test_file error
            test_wrapped.py::TestInClass::test_method                 failed
        """,
        counts={"failed": 5, "errors": 1},
    ),
    Scenario(
        # Warnings raised while the conftests and test modules import are counted (and summarised, see
        # test_terminal_layout.py); under -W error, the conftest's is its import error: exit 4.
        "warnings_summary",
        "warnings_summary",
        (),
        0,
        r"""
            nested/test_sync_marked.py::test_sync_but_marked  passed
            test_module_import.py::test_plain  passed
            test_repeated.py::test_many[0]     passed
            test_repeated.py::test_many[1]     passed
            test_repeated.py::test_many[2]     passed
            test_repeated.py::test_many[3]     passed
            test_repeated.py::test_many[4]     passed
            test_repeated.py::test_many[5]     passed
            test_repeated.py::test_many[6]     passed
            test_repeated.py::test_many[7]     passed
            test_repeated.py::test_many[8]     passed
            test_repeated.py::test_many[9]     passed
            test_repeated.py::test_many[10]    passed
            test_repeated.py::test_many[11]    passed
            test_repeated.py::test_few[0]      passed
            test_repeated.py::test_few[1]      passed
            test_repeated.py::test_few[2]      passed
            test_repeated.py::test_mixed       passed
            test_unawaited.py::test_coroutine_never_awaited passed
        """,
        counts={"passed": 19},
    ),
    Scenario(
        "warnings_summary-conftest-warning-as-error",
        "warnings_summary",
        ("-W", "error::DeprecationWarning"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # A conftest option declared with required=True, given by the ini's addopts: pytest parses every
        # argument at once, so it is there; the options' defaults are read without that check.
        "required_option",
        "required_option",
        ("--workers", "3", "--backend", "disk"),
        0,
        r"""
            test_options.py::test_dsn_comes_from_addopts       passed
            test_options.py::test_options_have_their_values    passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # Without the addopts the required option is missing: argparse's error is pytest's usage error.
        "required_option-missing",
        "required_option",
        ("-o", "addopts="),
        4,
        "",
        counts={},
    ),
    Scenario(
        # pytest-cov's options, measured with coverage.py: a total under --cov-fail-under fails a run
        # whose tests passed (the report itself is compared with pytest-cov's in test_terminal_layout.py).
        "coverage_report",
        "coverage_report",
        ("--cov=app", "--cov-report=term-missing", "--cov-fail-under=95"),
        1,
        r"""
            test_app.py::test_clamps_high_values             passed
            test_app.py::test_keeps_values_in_range          passed
            test_app.py::test_fetch_doubles                  passed
            test_app.py::test_calls_outside_the_measurement  passed
            test_app.py::test_the_cov_fixture                passed
        """,
        counts={"passed": 5},
        requires=("pytest_cov",),
    ),
    Scenario(
        "coverage_report-fail-under-reached",
        "coverage_report",
        ("--cov=app", "--cov-fail-under=50", "--cov-report="),
        0,
        r"""
            test_app.py::test_clamps_high_values             passed
            test_app.py::test_keeps_values_in_range          passed
            test_app.py::test_fetch_doubles                  passed
            test_app.py::test_calls_outside_the_measurement  passed
            test_app.py::test_the_cov_fixture                passed
        """,
        counts={"passed": 5},
        requires=("pytest_cov",),
    ),
    Scenario(
        # pytest counts a collection error as a failure: -x stops collecting at the next file, and
        # nothing runs (exit 1, not the "errors during collection" 2).
        "maxfail_collection_errors-exitfirst",
        "maxfail_collection_errors",
        ("-x",),
        1,
        r"""
            test_b_broken.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "maxfail_collection_errors-continue",
        "maxfail_collection_errors",
        ("--maxfail=2", "--continue-on-collection-errors"),
        1,
        r"""
            test_b_broken.py  error
            test_d_broken.py  error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        # Two collection errors and the first failed test make three.
        "maxfail_collection_errors-continue-counts-them",
        "maxfail_collection_errors",
        ("--maxfail=3", "--continue-on-collection-errors"),
        1,
        r"""
            test_b_broken.py             error
            test_d_broken.py             error
            test_a_good.py::test_passes  passed
            test_a_good.py::test_fails   failed
        """,
        counts={"failed": 1, "passed": 1, "errors": 2},
    ),
    Scenario(
        # The limit reached by the last file collected: collection ends as usual, and pytest stops
        # after the first test.
        "maxfail_collection_errors-reached-by-the-last-file",
        "maxfail_collection_errors",
        (
            "--maxfail=2",
            "--continue-on-collection-errors",
            "test_a_good.py",
            "test_b_broken.py",
            "test_c_good.py",
            "test_d_broken.py",
        ),
        1,
        r"""
            test_b_broken.py             error
            test_d_broken.py             error
            test_a_good.py::test_passes  passed
        """,
        counts={"passed": 1, "errors": 2},
    ),
    Scenario(
        # The same without --continue-on-collection-errors: the collection errors stop the run (exit 2),
        # and pytest's report says "stopping after 2 failures" above "Interrupted: 2 errors during
        # collection" (test_terminal_layout.py).
        "maxfail_collection_errors-reached-by-the-last-file-without-continue",
        "maxfail_collection_errors",
        ("--maxfail=2", "test_a_good.py", "test_b_broken.py", "test_c_good.py", "test_d_broken.py"),
        2,
        r"""
            test_b_broken.py  error
            test_d_broken.py  error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        # -x stops after the first failed test; pytest's closing lines say "stopping after 1
        # failures" (no "Interrupted:"), compared in test_terminal_layout.py.
        "maxfail_stop_line-exitfirst",
        "maxfail_stop_line",
        ("-x",),
        1,
        r"""
            test_stop.py::test_first_failure  failed
        """,
        counts={"failed": 1},
    ),
    Scenario(
        # The limit reached by the last test: nothing is left to stop, and pytest still says it.
        "maxfail_stop_line-reached-by-the-last-test",
        "maxfail_stop_line",
        ("--maxfail=2",),
        1,
        r"""
            test_stop.py::test_first_failure  failed
            test_stop.py::test_passes         passed
            test_stop.py::test_last_failure   failed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        # A warning and a failure: the report's footers (the warnings summary's "-- Docs:" line, the
        # junitxml file's line, the summary at -qq) are compared in test_terminal_layout.py.
        "warnings_summary_footer",
        "warnings_summary_footer",
        (),
        1,
        r"""
            test_warns.py::test_warns  passed
            test_warns.py::test_fails  failed
        """,
        counts={"failed": 1, "passed": 1},
    ),
    Scenario(
        # A class that fails to collect counts too, and pytest stops at the next class of the same
        # file (the module-level test between them collected, not run).
        "maxfail_class_errors-exitfirst",
        "maxfail_class_errors",
        ("-x", "--continue-on-collection-errors"),
        1,
        r"""
            test_cls.py::TestA  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "maxfail_class_errors-second-class",
        "maxfail_class_errors",
        ("--maxfail=2", "--continue-on-collection-errors"),
        1,
        r"""
            test_cls.py::TestA  error
            test_cls.py::TestB  error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        # A value the option's type refuses is a usage error (exit 4), not argparse's exit status 2.
        "required_option-bad-value",
        "required_option",
        ("--workers", "abc"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # So is a value outside the option's choices.
        "required_option-bad-choice",
        "required_option",
        ("--backend", "tape"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # pytest's warnings plugin on: the ini's and the marks' filters apply around each test, and each
        # test starts from them again (the filter test_sets_a_filter adds is undone).
        "warnings_plugin_disabled",
        "warnings_plugin_disabled",
        (),
        1,
        r"""
            test_warnings.py::test_user_warning          failed
            test_warnings.py::test_mark_ignores          passed
            test_warnings.py::test_mark_errors           failed
            test_warnings.py::test_pytest_warns          passed
            test_warnings.py::test_async_user_warning    failed
            test_warnings.py::test_sets_a_filter         passed
            test_warnings.py::test_after_the_filter      passed
        """,
        counts={"passed": 4, "failed": 3},
    ),
    Scenario(
        # -p no:warnings: no filter of the ini, -W or a mark is applied, nothing is recorded, and the
        # filter one test sets stays for the next (fastapi-pagination has it in its addopts).
        "warnings_plugin_disabled-no-warnings",
        "warnings_plugin_disabled",
        ("-p", "no:warnings", "-W", "error::RuntimeWarning"),
        1,
        r"""
            test_warnings.py::test_user_warning          passed
            test_warnings.py::test_mark_ignores          passed
            test_warnings.py::test_mark_errors           passed
            test_warnings.py::test_pytest_warns          passed
            test_warnings.py::test_async_user_warning    passed
            test_warnings.py::test_sets_a_filter         passed
            test_warnings.py::test_after_the_filter      failed
        """,
        counts={"passed": 6, "failed": 1},
    ),
    Scenario(
        # The same from addopts: pytest unregisters its built-in plugin there too.
        "warnings_plugin_disabled-from-addopts",
        "warnings_plugin_disabled",
        ("-o", "addopts=-p no:warnings"),
        1,
        r"""
            test_warnings.py::test_user_warning          passed
            test_warnings.py::test_mark_ignores          passed
            test_warnings.py::test_mark_errors           passed
            test_warnings.py::test_pytest_warns          passed
            test_warnings.py::test_async_user_warning    passed
            test_warnings.py::test_sets_a_filter         passed
            test_warnings.py::test_after_the_filter      failed
        """,
        counts={"passed": 6, "failed": 1},
    ),
    Scenario(
        # The filterwarnings mark is the plugin's: under strict markers it is unknown without it.
        "warnings_plugin_disabled-strict-markers",
        "warnings_plugin_disabled",
        ("-p", "no:warnings", "--strict-markers"),
        2,
        r"""
            test_warnings.py    error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        # A conftest's pytest_pycollect_makemodule: a module collector whose collect() returns nothing
        # leaves out the files importing a missing dependency (no error, in any directory below the
        # conftest); pytest.Module.from_parent and None leave a file to the usual collection.
        "makemodule_hook",
        "makemodule_hook",
        (),
        0,
        r"""
            test_default_module.py::test_async_in_a_module_the_hook_made    passed
            test_default_module.py::test_sync_in_a_module_the_hook_made     passed
            test_regular.py::test_regular                                   passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # Named on the command line, the left-out file still gives nothing: no tests ran (exit 5).
        "makemodule_hook-named-file",
        "makemodule_hook",
        ("test_optional_dependency.py",),
        5,
        "",
        counts={},
    ),
    Scenario(
        # pytest regroups by the session-scoped parameter inside its fixture manager's
        # pytest_collection_modifyitems; with no other hook reordering, this is the run order.
        "reorder_in_hook_chain",
        "reorder_in_hook_chain",
        (),
        0,
        r"""
            late/test_three.py::test_z[1]    passed
            test_one.py::test_x[1]           passed
            test_two.py::test_y[1]           passed
            late/test_three.py::test_z[2]    passed
            test_one.py::test_x[2]           passed
            test_two.py::test_y[2]           passed
            test_one.py::test_plain          passed
        """,
        counts={"passed": 7},
    ),
    Scenario(
        # The root conftest is an initial one: its hook runs after the regrouping, so its sort is the
        # run order (fastapi-pagination's conftest sorts by path and node id).
        "reorder_in_hook_chain-initial-conftest-sorts",
        "reorder_in_hook_chain",
        ("--sort-items",),
        0,
        r"""
            late/test_three.py::test_z[1]    passed
            late/test_three.py::test_z[2]    passed
            test_one.py::test_plain          passed
            test_one.py::test_x[1]           passed
            test_one.py::test_x[2]           passed
            test_two.py::test_y[1]           passed
            test_two.py::test_y[2]           passed
        """,
        counts={"passed": 7},
    ),
    Scenario(
        # late/conftest.py is found while collecting: its hook runs before the regrouping, which starts
        # from the reversed order.
        "reorder_in_hook_chain-late-conftest-reverses",
        "reorder_in_hook_chain",
        ("--reverse-first",),
        0,
        r"""
            test_two.py::test_y[2]           passed
            test_one.py::test_x[2]           passed
            late/test_three.py::test_z[2]    passed
            test_two.py::test_y[1]           passed
            test_one.py::test_x[1]           passed
            late/test_three.py::test_z[1]    passed
            test_one.py::test_plain          passed
        """,
        counts={"passed": 7},
    ),
    Scenario(
        # pytest's runner sets PYTEST_CURRENT_TEST to "<node id> (<phase>)" in its own runtest hooks,
        # which run after a conftest's, and removes it after each teardown: fixtures, the test and
        # the hooks record what they see in events.log.
        "current_test_variable",
        "current_test_variable",
        (),
        0,
        r"""
            test_current_test.py::test_sync                          passed
            test_current_test.py::test_async                         passed
            test_current_test.py::test_parametrized[a b]             passed
            test_current_test.py::test_parametrized[x::y]            passed
            test_current_test.py::test_skipped                       skipped
            test_current_test.py::TestInClass::test_method           passed
        """,
        counts={"passed": 5, "skipped": 1},
        events="""
collection finished: <unset>
conftest pytest_runtest_setup: <unset>
module fixture set-up: test_current_test.py::test_sync (setup)
conftest pytest_runtest_call: test_current_test.py::test_sync (setup)
test_sync: test_current_test.py::test_sync (call)
conftest pytest_runtest_teardown: test_current_test.py::test_sync (call)
conftest pytest_runtest_setup: <unset>
async fixture set-up: test_current_test.py::test_async (setup)
conftest pytest_runtest_call: test_current_test.py::test_async (setup)
test_async: test_current_test.py::test_async (call)
conftest pytest_runtest_teardown: test_current_test.py::test_async (call)
async fixture teardown: test_current_test.py::test_async (teardown)
conftest pytest_runtest_setup: <unset>
conftest pytest_runtest_call: test_current_test.py::test_parametrized[a b] (setup)
test_parametrized[a b]: test_current_test.py::test_parametrized[a b] (call)
conftest pytest_runtest_teardown: test_current_test.py::test_parametrized[a b] (call)
conftest pytest_runtest_setup: <unset>
conftest pytest_runtest_call: test_current_test.py::test_parametrized[x::y] (setup)
test_parametrized[x::y]: test_current_test.py::test_parametrized[x::y] (call)
conftest pytest_runtest_teardown: test_current_test.py::test_parametrized[x::y] (call)
conftest pytest_runtest_teardown: <unset>
conftest pytest_runtest_setup: <unset>
conftest pytest_runtest_call: test_current_test.py::TestInClass::test_method (setup)
test_method: test_current_test.py::TestInClass::test_method (call)
conftest pytest_runtest_teardown: test_current_test.py::TestInClass::test_method (call)
module fixture teardown: test_current_test.py::TestInClass::test_method (teardown)
session finish: <unset>
""",
    ),
    Scenario(
        # pytest calls pytest_runtest_logreport with every phase's report (setup, call when set-up
        # went through, teardown), wrappers around the plain implementations; plugins such as syrupy
        # track what ran there.
        "logreport_hook",
        "logreport_hook",
        (),
        1,
        r"""
            test_reports.py::test_passes          passed
            test_reports.py::test_fails           failed
            test_reports.py::test_skipped         skipped
            test_reports.py::test_xfails          xfailed
            test_reports.py::test_setup_error     error
            test_reports.py::test_teardown_error  error
            test_reports.py::test_async_passes    passed
        """,
        counts={"passed": 3, "failed": 1, "skipped": 1, "xfailed": 1, "errors": 2},
        events=EVENTS_LOGREPORT_HOOK,
    ),
    Scenario(
        # _pytest.mark.expression is pytest's -k / -m language as plugins reuse it (syrupy): compile()
        # raises SyntaxError located in the input, an empty expression is False, idents() a method.
        "mark_expression_module",
        "mark_expression_module",
        (),
        0,
        r"""
            test_expression.py::test_evaluates_against_a_matcher                             passed
            test_expression.py::test_keyword_arguments_reach_the_matcher                     passed
            test_expression.py::test_an_empty_expression_matches_nothing                     passed
            test_expression.py::test_a_malformed_expression_is_a_syntax_error[dangling-and]  passed
            test_expression.py::test_a_malformed_expression_is_a_syntax_error[unclosed]      passed
            test_expression.py::test_a_malformed_expression_is_a_syntax_error[two-names]     passed
            test_expression.py::test_a_malformed_expression_is_a_syntax_error[bad-character] passed
            test_expression.py::test_the_matcher_protocol_is_importable                      passed
        """,
        counts={"passed": 8},
    ),
    Scenario(
        # node.fspath (items, classes, modules, the session) and request.fspath are py.path.local in
        # pytest, not pathlib paths: plugins call .dirname / .purebasename on them (pytest-recording).
        "legacy_fspath",
        "legacy_fspath",
        (),
        0,
        r"""
            test_fspath.py::test_module_node_fspath_has_py_path_methods  passed
            test_fspath.py::test_item_fspath                             passed
            test_fspath.py::test_request_and_session_fspath              passed
            test_fspath.py::TestInAClass::test_parents_fspath            passed
            test_fspath.py::test_function_fixture                        passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # Under -n the main process is pytest-xdist's controller: configured, its session started and
        # finished (an exit status changed there is the run's); the workers see config.workerinput.
        "xdist_controller",
        "xdist_controller",
        ("-n", "2"),
        3,
        r"""
            test_first.py::test_sees_its_worker_input  passed
            test_first.py::test_two                    passed
            test_second.py::test_three                 passed
            test_second.py::test_four_fails            failed
        """,
        counts={"passed": 3, "failed": 1},
        events=EVENTS_XDIST_CONTROLLER,
        requires=("xdist",),
        same_order=False,
    ),
    Scenario(
        # --doctest-modules: every docstring with examples is a test named by its dotted path, a
        # package's __init__.py first, a test module's doctests before its tests, conftest.py too;
        # setup.py and __main__.py are not collected, nor a non-test module's test functions. A text
        # file matching test*.txt is one test. getfixture, doctest_namespace, +SKIP, pytest.skip()
        # in an example, pytest's NUMBER / ALLOW_UNICODE / ALLOW_BYTES flags; a module that fails to
        # import is a collection error.
        "doctests",
        "doctests",
        ("--doctest-modules", "--continue-on-collection-errors"),
        1,
        r"""
            broken/missing_dependency.py               error
            conftest.py::conftest                      passed
            docs/test_guide.txt::test_guide.txt        failed
            pkg/__init__.py::pkg                       passed
            pkg/calc.py::pkg.calc                      passed
            pkg/calc.py::pkg.calc.Thing                passed
            pkg/calc.py::pkg.calc.Thing.cached         passed
            pkg/calc.py::pkg.calc.Thing.method         passed
            pkg/calc.py::pkg.calc.Thing.prop           passed
            pkg/calc.py::pkg.calc.add                  failed
            pkg/calc.py::pkg.calc.all_skipped          skipped
            pkg/calc.py::pkg.calc.long_output          failed
            pkg/calc.py::pkg.calc.pytest_flags         passed
            pkg/calc.py::pkg.calc.raises               failed
            pkg/calc.py::pkg.calc.skips_itself         skipped
            pkg/calc.py::pkg.calc.two_failures         failed
            pkg/calc.py::pkg.calc.uses_fixtures        passed
            pkg/test_both.py::pkg.test_both.helper     passed
            pkg/test_both.py::test_helper              passed
        """,
        counts={"errors": 1, "failed": 5, "passed": 11, "skipped": 2},
    ),
    Scenario(
        # All of a doctest's failing examples are reported, not the first alone: the outcomes stay.
        "doctests-continue-on-failure",
        "doctests",
        ("--doctest-modules", "--doctest-continue-on-failure", "pkg", "docs", "conftest.py"),
        1,
        r"""
            pkg/__init__.py::pkg                       passed
            pkg/calc.py::pkg.calc                      passed
            pkg/calc.py::pkg.calc.Thing                passed
            pkg/calc.py::pkg.calc.Thing.cached         passed
            pkg/calc.py::pkg.calc.Thing.method         passed
            pkg/calc.py::pkg.calc.Thing.prop           passed
            pkg/calc.py::pkg.calc.add                  failed
            pkg/calc.py::pkg.calc.all_skipped          skipped
            pkg/calc.py::pkg.calc.long_output          failed
            pkg/calc.py::pkg.calc.pytest_flags         passed
            pkg/calc.py::pkg.calc.raises               failed
            pkg/calc.py::pkg.calc.skips_itself         skipped
            pkg/calc.py::pkg.calc.two_failures         failed
            pkg/calc.py::pkg.calc.uses_fixtures        passed
            pkg/test_both.py::pkg.test_both.helper     passed
            pkg/test_both.py::test_helper              passed
            docs/test_guide.txt::test_guide.txt        failed
            conftest.py::conftest                      passed
        """,
        counts={"failed": 5, "passed": 11, "skipped": 2},
    ),
    Scenario(
        # --doctest-ignore-import-errors: a module that cannot be imported is skipped. No test was
        # collected, so the exit status is 5, as for any run whose modules all skipped at import.
        "doctests-ignore-import-errors",
        "doctests",
        ("--doctest-modules", "--doctest-ignore-import-errors", "broken"),
        5,
        r"""
            broken/missing_dependency.py  skipped
        """,
        counts={"skipped": 1},
    ),
    Scenario(
        # Without --doctest-modules, text files matching test*.txt are still doctests.
        "doctests-text-files-only",
        "doctests",
        (),
        1,
        r"""
            docs/test_guide.txt::test_guide.txt  failed
            pkg/test_both.py::test_helper        passed
        """,
        counts={"failed": 1, "passed": 1},
    ),
    Scenario(
        # --doctest-glob replaces test*.txt: *.rst files only.
        "doctests-glob",
        "doctests",
        ("--doctest-glob", "*.rst"),
        0,
        r"""
            docs/guide.rst::guide.rst      passed
            pkg/test_both.py::test_helper  passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # Under -n the workers collect the doctests of the files they are given, conftest.py's
        # included, and a doctest-only module's test functions stay uncollected.
        "doctests-workers",
        "doctests",
        ("--doctest-modules", "-n", "2", "pkg", "docs", "conftest.py"),
        1,
        r"""
            conftest.py::conftest                      passed
            docs/test_guide.txt::test_guide.txt        failed
            pkg/__init__.py::pkg                       passed
            pkg/calc.py::pkg.calc                      passed
            pkg/calc.py::pkg.calc.Thing                passed
            pkg/calc.py::pkg.calc.Thing.cached         passed
            pkg/calc.py::pkg.calc.Thing.method         passed
            pkg/calc.py::pkg.calc.Thing.prop           passed
            pkg/calc.py::pkg.calc.add                  failed
            pkg/calc.py::pkg.calc.all_skipped          skipped
            pkg/calc.py::pkg.calc.long_output          failed
            pkg/calc.py::pkg.calc.pytest_flags         passed
            pkg/calc.py::pkg.calc.raises               failed
            pkg/calc.py::pkg.calc.skips_itself         skipped
            pkg/calc.py::pkg.calc.two_failures         failed
            pkg/calc.py::pkg.calc.uses_fixtures        passed
            pkg/test_both.py::pkg.test_both.helper     passed
            pkg/test_both.py::test_helper              passed
        """,
        counts={"failed": 5, "passed": 11, "skipped": 2},
        requires=("xdist",),
        same_order=False,
    ),
    Scenario(
        # pytest_plugins = ["pytester"]: the pytester and testdir fixtures write a project and run it
        # (asynctestrun runs it in a subprocess); assert_outcomes, parseoutcomes, fnmatch_lines,
        # re_match_lines and no_fnmatch_line read its report; an unmatched line fails the test.
        "pytester_plugin",
        "pytester_plugin",
        (),
        1,
        r"""
            test_pytester.py::test_outcomes_and_output               passed
            test_pytester.py::test_conftest_ini_and_marks            passed
            test_pytester.py::test_an_async_test_inside              passed
            test_pytester.py::test_an_unmatched_line_fails_the_test  failed
            test_pytester.py::test_testdir_returns_legacy_paths      passed
            test_pytester.py::test_no_tests_and_skips                passed
            test_pytester.py::test_files_in_subdirectories           passed
            test_pytester.py::test_parametrized_file_is_named_after_the_function[a.b(1)]  passed
            test_pytester.py::test_parametrized_file_is_named_after_the_function[plain]   passed
            test_pytester.py::test_inline_run_counts_reports         passed
            test_pytester.py::test_inline_run_counts_a_failed_teardown_after_a_pass  passed
        """,
        counts={"failed": 1, "passed": 10},
    ),
    Scenario(
        # pytest_asyncio_loop_factories(config, item): item.fixturenames is the test's fixture
        # closure, so a hook can choose the loop by the fixtures a test uses.
        "loop_factories_by_fixture",
        "loop_factories_by_fixture",
        (),
        0,
        r"""
            test_by_fixture.py::test_custom                    passed
            test_by_fixture.py::test_custom_through_a_fixture  passed
            test_by_fixture.py::test_default                   passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # In auto mode pytest-asyncio marks each async test asyncio, after its own marks: the mark is
        # in iter_markers() and get_closest_marker(), and -m / -k select by it.
        "auto_mode_mark",
        "auto_mode_mark",
        (),
        0,
        r"""
            test_auto.py::test_marks     passed
            test_auto.py::test_plain     passed
            test_auto.py::test_sync      passed
            test_auto.py::test_explicit  passed
        """,
        counts={"passed": 4},
    ),
    Scenario(
        "auto_mode_mark-selected",
        "auto_mode_mark",
        ("-m", "asyncio"),
        0,
        r"""
            test_auto.py::test_marks     passed
            test_auto.py::test_plain     passed
            test_auto.py::test_explicit  passed
        """,
        counts={"passed": 3, "deselected": 1},
    ),
    Scenario(
        "auto_mode_mark-deselected",
        "auto_mode_mark",
        ("-m", "not asyncio"),
        0,
        r"""
            test_auto.py::test_sync      passed
        """,
        counts={"passed": 1, "deselected": 3},
    ),
    Scenario(
        # A test that closes its loop, or whose loop cannot shut its async generators down, gets
        # pytest-asyncio's RuntimeWarning when the loop is torn down: under an error filter, that
        # test's teardown error.
        "closed_loop_warning",
        "closed_loop_warning",
        (),
        1,
        r"""
            test_closed_loop.py::test_loop_closed_by_a_fixture           passed
            test_closed_loop.py::test_failing_asyncgen_shutdown          passed
            test_closed_loop.py::test_plain                              passed
            test_closed_loop.py::test_loop_closed_under_an_error_filter  error
        """,
        counts={"passed": 4, "errors": 1},
    ),
    Scenario(
        # A suite's event-loop policy whose set_event_loop acts on every call (hikari's closes the loop
        # it replaces, even when that is the same loop): pytest-asyncio sets a test's loop as current
        # once, when the loop starts, so every run of the test, its fixtures and a pytest_pyfunc_call
        # wrapper leaves it open.
        "loop_policy_set_hook",
        "loop_policy_set_hook",
        (),
        1,
        r"""
            test_policy.py::test_awaits_on_its_loop         passed
            test_policy.py::test_with_async_fixture         passed
            test_policy.py::test_with_sync_asyncio_fixture  passed
            test_policy.py::test_sync_after_async_tests     passed
            test_policy.py::test_fails_on_its_own           failed
        """,
        counts={"passed": 4, "failed": 1},
    ),
    Scenario(
        # pytest-xdist's controller calls pytest_configure_node before each worker starts; what a plugin
        # adds to node.workerinput there (pytest-randomly's seed) is in the worker's config.workerinput
        # by its pytest_configure.
        "xdist_node_input",
        "xdist_node_input",
        ("-n", "2"),
        1,
        r"""
            test_first.py::test_worker_input_came_from_the_controller   passed
            test_first.py::test_fails                                   failed
            test_second.py::test_worker_input_came_from_the_controller  passed
        """,
        counts={"passed": 2, "failed": 1},
        requires=("xdist",),
        same_order=False,
    ),
    Scenario(
        # Without -n nothing calls it, and the hook is no unsupported one: no warning about it.
        "xdist_node_input-in-process",
        "xdist_node_input",
        (),
        1,
        r"""
            test_first.py::test_worker_input_came_from_the_controller   passed
            test_first.py::test_fails                                   failed
            test_second.py::test_worker_input_came_from_the_controller  passed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        # pytest-timeout ends the two slow tests (the ini key, the mark); asynctestrun does that itself.
        "blocked_replaced_plugins",
        "blocked_replaced_plugins",
        (),
        1,
        r"""
            test_timeouts.py::test_outlives_the_ini_timeout  failed
            test_timeouts.py::test_outlives_its_mark         failed
            test_timeouts.py::test_quick                     passed
        """,
        counts={"failed": 2, "passed": 1},
        requires=("pytest_timeout",),
    ),
    Scenario(
        # -p no:timeout unloads pytest-timeout: its ini key and mark are unknown, nothing is timed out.
        "blocked_replaced_plugins-timeout-disabled",
        "blocked_replaced_plugins",
        ("-p", "no:timeout"),
        0,
        r"""
            test_timeouts.py::test_outlives_the_ini_timeout  passed
            test_timeouts.py::test_outlives_its_mark         passed
            test_timeouts.py::test_quick                     passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        "blocked_replaced_plugins-timeout-mark-unknown",
        "blocked_replaced_plugins",
        ("-p", "no:timeout", "--strict-markers"),
        2,
        r"""
            test_timeouts.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        # The flags of a replaced plugin that -p no:NAME turns off are unknown arguments (exit 4).
        "blocked_replaced_plugins-timeout-flag",
        "blocked_replaced_plugins",
        ("-p", "no:timeout", "--timeout=5"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "blocked_replaced_plugins-cov-flag",
        "blocked_replaced_plugins",
        ("-p", "no:cov", "--cov=test_timeouts"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "blocked_replaced_plugins-xdist-flag",
        "blocked_replaced_plugins",
        ("-p", "no:xdist", "-n", "2"),
        4,
        "",
        counts={},
    ),
    Scenario(
        "blocked_replaced_plugins-asyncio-flag",
        "blocked_replaced_plugins",
        ("-p", "no:asyncio", "--asyncio-mode=auto"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # A conftest's pytest_sessionfinish warns: the warning is in the summary (test_terminal_layout.py).
        "sessionfinish_warnings",
        "sessionfinish_warnings",
        (),
        0,
        r"""
            test_reported.py::test_async  passed
            test_reported.py::test_sync   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # pytest-cov's measurement ends with the test loop: the conftest's pytest_sessionfinish line is
        # missed, so 100% is not reached and a run whose tests passed fails.
        "coverage_after_tests",
        "coverage_after_tests",
        ("--cov=app", "--cov-fail-under=100"),
        1,
        r"""
            test_app.py::test_used  passed
        """,
        counts={"passed": 1},
        requires=("pytest_cov",),
    ),
    Scenario(
        # pytest.ini wins over the pyproject.toml and tox.ini beside it, whose auto mode is ignored: the
        # unmarked async test fails in strict mode. The header's warning: test_terminal_layout.py.
        "ignored_config_files",
        "ignored_config_files",
        (),
        1,
        r"""
            test_mode.py::test_unmarked_async_test_fails_in_strict_mode  failed
            test_mode.py::test_sync                                      passed
        """,
        counts={"failed": 1, "passed": 1},
    ),
    Scenario(
        # pytest-asyncio adds xfail(run=False) to an async generator test it takes (marked, or any in
        # auto mode): an ordinary mark, so -m xfail selects it and --runxfail runs it into a failure.
        "async_generator_tests",
        "async_generator_tests",
        (),
        1,
        r"""
            test_generators.py::test_marked_generator                 xfailed
            test_generators.py::test_unmarked_generator               failed
            test_generators.py::test_coroutine                        passed
            test_generators.py::TestMarkedClass::test_generator_method xfailed
            test_generators.py::TestMarkedClass::test_method          passed
        """,
        counts={"failed": 1, "passed": 2, "xfailed": 2},
    ),
    Scenario(
        "async_generator_tests-mark-expression",
        "async_generator_tests",
        ("-m", "xfail"),
        0,
        r"""
            test_generators.py::test_marked_generator                 xfailed
            test_generators.py::TestMarkedClass::test_generator_method xfailed
        """,
        counts={"xfailed": 2, "deselected": 3},
    ),
    Scenario(
        "async_generator_tests-runxfail",
        "async_generator_tests",
        ("--runxfail",),
        1,
        r"""
            test_generators.py::test_marked_generator                 failed
            test_generators.py::test_unmarked_generator               failed
            test_generators.py::test_coroutine                        passed
            test_generators.py::TestMarkedClass::test_generator_method failed
            test_generators.py::TestMarkedClass::test_method          passed
        """,
        counts={"failed": 3, "passed": 2},
    ),
    Scenario(
        # Tracebacks through asyncio: the frames of the asyncio code a test calls into are listed
        # (test_terminal_layout compares the report); the outcomes are plain failures and an error.
        "asyncio_frames",
        "asyncio_frames",
        (),
        1,
        r"""
            test_asyncio_frames.py::test_wait_for_times_out           failed
            test_asyncio_frames.py::test_awaits_a_failed_task         failed
            test_asyncio_frames.py::test_sync_test_runs_its_own_loop  failed
            test_asyncio_frames.py::test_fixture_times_out            error
        """,
        counts={"failed": 3, "errors": 1},
    ),
    Scenario(
        # pytest rewrites the asserts of installed plugins' packages: pytest-mock's wrapped mock asserts
        # then add their introspection (test_terminal_layout compares the report).
        "plugin_assert_rewrite",
        "plugin_assert_rewrite",
        (),
        1,
        r"""
            test_mock_asserts.py::test_called_with_other_arguments    failed
            test_mock_asserts.py::test_awaited_with_other_arguments   failed
            test_mock_asserts.py::test_called_as_expected             passed
        """,
        counts={"failed": 2, "passed": 1},
        requires=("pytest_mock",),
    ),
    Scenario(
        # A plugin disabled with -p no:NAME takes its options with it: config.getoption raises
        # ValueError for them (events.log lists the missing ones), as under pytest; the others give
        # what the command line said (pytest 9 has no exitfirst dest: -x stores maxfail).
        "blocked_plugin_options",
        "blocked_plugin_options",
        (),
        0,
        r"""
            test_options.py::test_runs  passed
        """,
        counts={"passed": 1},
        events="""
missing last_failed
missing exitfirst
lf False
cacheclear False
last_failed_no_failures 'all'
maxfail None
trace False
""",
    ),
    Scenario(
        "blocked_plugin_options-values",
        "blocked_plugin_options",
        ("--lf", "--cache-clear", "--lfnf=none", "-x"),
        5,
        "",
        counts={"deselected": 1},
        events="""
missing last_failed
missing exitfirst
lf True
cacheclear True
last_failed_no_failures 'none'
maxfail 1
trace False
""",
    ),
    Scenario(
        "blocked_plugin_options-disabled",
        "blocked_plugin_options",
        ("-p", "no:asyncio", "-p", "no:cacheprovider"),
        0,
        r"""
            test_options.py::test_runs  passed
        """,
        counts={"passed": 1},
        events="""
missing asyncio_mode
missing asyncio_debug
missing lf
missing last_failed_no_failures
missing failedfirst
missing newfirst
missing cacheclear
missing cacheshow
missing stepwise
missing stepwise_skip
missing last_failed
missing exitfirst
maxfail None
trace False
""",
    ),
    Scenario(
        "blocked_plugin_options-stepwise",
        "blocked_plugin_options",
        ("-p", "no:stepwise"),
        0,
        r"""
            test_options.py::test_runs  passed
        """,
        counts={"passed": 1},
        events="""
missing stepwise
missing stepwise_skip
missing last_failed
missing exitfirst
lf False
cacheclear False
last_failed_no_failures 'all'
maxfail None
trace False
""",
    ),
    Scenario(
        # The sample --collect-only draws as a tree (tests/e2e/test_terminal_layout.py compares that
        # with pytest's): directories and packages, classes nested and unittest's, pytest-asyncio's
        # Coroutine items beside plain functions, doctests. Run, an unmarked async test fails unrun.
        "collect-tree",
        "collect_tree",
        ("--doctest-modules",),
        1,
        r"""
            test_top.py::test_top                                     passed
            tests/api/test_routes.py::api.test_routes.helper          passed
            tests/api/test_routes.py::test_index                      passed
            tests/api/test_routes.py::test_status[200]                passed
            tests/api/test_routes.py::test_status[404]                passed
            tests/api/test_routes.py::test_marked_coroutine           passed
            tests/api/test_routes.py::test_unmarked_coroutine         failed
            tests/api/test_routes.py::TestUsers::test_list            passed
            tests/api/test_routes.py::TestUsers::test_create          passed
            tests/api/test_routes.py::TestUsers::TestAdmins::test_promote passed
            tests/api/test_routes.py::TestCase::test_a                passed
            tests/api/test_routes.py::TestCase::test_b                passed
            tests/unit/test_notes.txt::test_notes.txt                 passed
            tests/unit/test_plain.py::test_one                        passed
            tests/unit/test_plain.py::test_two                        passed
        """,
        counts={"failed": 1, "passed": 14},
    ),
    Scenario(
        # Tests that print with output not captured: the report places each test (its file, or its id
        # with -v) before what it prints, and its outcome before what its teardown prints, as pytest
        # does (tests/e2e/test_terminal_layout.py).
        "uncaptured-output",
        "uncaptured_output",
        ("-s", "-v"),
        1,
        r"""
            test_prints.py::test_prints_in_its_call   passed
            test_prints.py::test_silent               passed
            test_prints.py::test_async_prints         passed
            test_prints.py::test_prints_and_fails     failed
            test_second.py::test_in_another_file      passed
            test_teardowns.py::test_passes            passed
            test_teardowns.py::test_async_passes      passed
            test_teardowns.py::test_fails             failed
            test_teardowns.py::test_teardown_fails    error
            test_teardowns.py::test_setup_fails       error
            test_teardowns.py::test_xfails            xfailed
            test_teardowns.py::test_skips             skipped
            test_teardowns.py::test_last              passed
        """,
        counts={"failed": 2, "passed": 8, "errors": 2, "skipped": 1, "xfailed": 1},
    ),
    Scenario(
        # A conftest's pytest_sessionfinish raises after the tests passed: as in pytest, the JUnit file
        # is written, the terminal shows the traceback instead of a summary, and the exit status is 1
        # (an uncaught exception), not an internal error's 3.
        "sessionfinish-error",
        "sessionfinish_error",
        (),
        1,
        r"""
            test_passing.py::test_passes         passed
            test_passing.py::test_async_passes   passed
        """,
        counts={},  # no closing line
    ),
    Scenario(
        "pytest_module_attributes",
        "pytest_module_attributes",
        (),
        0,
        r"""
            test_attributes.py::test_given_with_pytests_modules_imported                 passed
            test_attributes.py::test_version_attributes                                   passed
            test_attributes.py::test_a_fixture_is_a_fixture_function_definition           passed
            test_attributes.py::test_a_plain_function_is_not                              passed
        """,
        counts={"passed": 4},
        requires=("hypothesis",),
    ),
    Scenario(
        # A plain (not wrapper) pytest_pyfunc_call answering True has made the call itself: an unmarked
        # async test it runs with asyncio.run passes in strict mode, a test it answers for without
        # calling passes; a test pytest-asyncio drives is a sync function to it. events.log: what each
        # call saw, and that a later implementation is asked only when the first answered None.
        "pyfunc_call_hook",
        "pyfunc_call_hook",
        (),
        1,
        r"""
            test_calls.py::test_unmarked_async_test_run_by_the_hook              passed
            test_calls.py::test_unmarked_async_test_failing_in_the_hook          failed
            test_calls.py::test_parameters_reach_the_hook[1]                     passed
            test_calls.py::test_parameters_reach_the_hook[2]                     passed
            test_calls.py::test_marked_test_is_a_sync_function_to_the_hook       passed
            test_calls.py::test_marked_failing_test                              failed
            test_calls.py::test_sync_test                                        passed
            test_calls.py::test_claimed_sync_test_never_runs                     passed
            test_calls.py::test_claimed_async_test_never_runs                    passed
            test_calls.py::TestMethods::test_unmarked_method                     passed
            test_calls.py::TestMethods::test_marked_method                       passed
        """,
        counts={"passed": 9, "failed": 2},
        events="""
test_unmarked_async_test_run_by_the_hook coroutine=True args=['number']
test_unmarked_async_test_failing_in_the_hook coroutine=True args=[]
test_parameters_reach_the_hook[1] coroutine=True args=['number', 'value']
test_parameters_reach_the_hook[2] coroutine=True args=['number', 'value']
test_marked_test_is_a_sync_function_to_the_hook coroutine=False args=['doubled']
test_marked_test_is_a_sync_function_to_the_hook asked second
test_marked_failing_test coroutine=False args=['doubled']
test_marked_failing_test asked second
test_sync_test coroutine=False args=['number']
test_sync_test asked second
test_claimed_sync_test_never_runs coroutine=False args=[]
test_claimed_async_test_never_runs coroutine=True args=[]
test_unmarked_method coroutine=True args=['number']
test_marked_method coroutine=False args=['doubled']
test_marked_method asked second
""",
    ),
    Scenario(
        # Hook options declared before pytest.hookimpl (a tryfirst mark, a trylast attribute) order the
        # hooks as in pytest: the conftest's tryfirst pytest_pyfunc_call runs the failing test before
        # the later plugin could answer for it; its trylast teardown hook runs after the plugin's.
        "legacy_hook_options",
        "legacy_hook_options",
        ("-p", "early_plugin"),
        1,
        r"""
            test_order.py::test_passes            passed
            test_order.py::test_fails             failed
        """,
        counts={"passed": 1, "failed": 1},
        events="""
conftest calls test_passes
later plugin teardown test_passes
conftest teardown test_passes
conftest calls test_fails
later plugin teardown test_fails
conftest teardown test_fails
""",
    ),
    Scenario(
        # pytest's own modules are in sys.modules, as always under pytest: hypothesis refuses @given on
        # a fixture, counts pytest.fail in a @given test as a failure and pytest.skip as a skip.
        "hypothesis_pytest_outcomes",
        "hypothesis_pytest_outcomes",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_given_fixture.py                                                  error
            test_given.py::test_pytest_fail_is_a_failure_hypothesis_shrinks        failed
            test_given.py::test_pytest_skip_skips                                  skipped
            test_given.py::test_a_note_on_pytest_fail                              failed
        """,
        counts={"failed": 2, "skipped": 1, "errors": 1},
        requires=("hypothesis",),
    ),
    Scenario(
        # Quiet runs where no test ran (a collection error, every test deselected): the outcomes; the
        # report's empty line above its summary is compared in test_terminal_layout.
        "quiet_no_tests_ran",
        "quiet_no_tests_ran",
        ("-q",),
        2,
        r"""
            test_broken.py                        error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "quiet_no_tests_ran-all-deselected",
        "quiet_no_tests_ran",
        ("-q", "test_ok.py", "-k", "nothing"),
        5,
        r"""
        """,
        counts={"deselected": 1},
    ),
    Scenario(
        # What a test returns: pytest-asyncio drops an async test's value (no return-not-None warning)
        # and a returned coroutine is freed unawaited ("never awaited" warning on that test); a sync
        # test returning a coroutine fails, never a silent pass.
        "async-return-values",
        "async_return_values",
        (),
        1,
        r"""
            test_returns.py::test_async_returns_a_value      passed
            test_returns.py::test_async_returns_a_coroutine  passed
            test_returns.py::test_sync_returns_a_value       passed
            test_returns.py::test_sync_returns_a_coroutine   failed
        """,
        counts={"failed": 1, "passed": 3},
    ),
    Scenario(
        # Under -W error the two warnings fail their tests; the async test returning a value still passes.
        "async-return-values-warnings-as-errors",
        "async_return_values",
        ("-W", "error"),
        1,
        r"""
            test_returns.py::test_async_returns_a_value      passed
            test_returns.py::test_async_returns_a_coroutine  failed
            test_returns.py::test_sync_returns_a_value       failed
            test_returns.py::test_sync_returns_a_coroutine   failed
        """,
        counts={"failed": 3, "passed": 1},
    ),
    Scenario(
        # Filters a plugin's import sets (-p, or an installed plugin importing a library: aiohttp.web
        # ignores its NotAppKeyWarning) are dropped once the plugins are loaded, as pytest imports
        # them inside its warnings capture: the tests see the suite's filters only.
        "plugin_import_filters",
        "plugin_import_filters",
        (),
        0,
        r"""
            test_filters.py::test_a_warning_the_plugin_ignored_is_seen              passed
            test_filters.py::test_a_warning_the_plugin_made_an_error_is_a_warning   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # Under -p no:warnings nothing captures the plugins' import: their filters stay for the tests.
        "plugin_import_filters-warnings-plugin-disabled",
        "plugin_import_filters",
        ("-p", "no:warnings"),
        1,
        r"""
            test_filters.py::test_a_warning_the_plugin_ignored_is_seen              failed
            test_filters.py::test_a_warning_the_plugin_made_an_error_is_a_warning   failed
        """,
        counts={"failed": 2},
    ),
    Scenario(
        # parametrize's refusals, each its file's (or class's) collection error; the messages name the
        # test by node id, as pytest's do (compared in test_terminal_layout).
        "parametrize_errors",
        "parametrize_errors",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_a_unused_argument.py                       error
            test_b_default_argument.py                      error
            test_c_indirect_missing.py                      error
            test_d_names_and_values.py                      error
            test_f_class_argument.py::TestIndirect          error
            test_g_bad_scope.py                             error
            test_h_duplicate.py                             error
            test_e_good.py::test_good[1]                    passed
            test_e_good.py::test_good[2]                    passed
            test_f_class_argument.py::TestAfter::test_runs  passed
        """,
        counts={"passed": 3, "errors": 7},
    ),
    Scenario(
        # A -p plugin that is found but raises while importing is pytest's internal error (exit 3),
        # reported with its traceback (compared in test_terminal_layout); nothing is collected.
        "plugin_import_errors-raises",
        "plugin_import_errors",
        ("-p", "broken_plugin"),
        3,
        "",
        counts={},
    ),
    Scenario(
        # One of the plugin's own imports missing: the plugin was found, so an internal error too.
        "plugin_import_errors-missing-dependency",
        "plugin_import_errors",
        ("-p", "plugin_missing_dependency"),
        3,
        "",
        counts={},
    ),
    Scenario(
        # A plugin that is not there at all: a usage error (exit 4).
        "plugin_import_errors-not-found",
        "plugin_import_errors",
        ("-p", "no_such_plugin"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # Exception chains that loop (a library's `raise exc from exc`, causes set by hand) fail their
        # test as in pytest, whose report shows each exception of the chain once; asynctestrun recursed
        # until the run ended with an internal error (seen on piccolo's suite).
        "exception-chain-loops",
        "exception_chain_loops",
        (),
        1,
        r"""
            test_chains.py::test_cause_is_itself          failed
            test_chains.py::test_async_cause_is_itself    failed
            test_chains.py::test_two_causes_in_a_loop     failed
            test_chains.py::test_cause_never_raised       failed
            test_chains.py::test_fixture_raising_a_loop   error
            test_chains.py::test_passes                   passed
        """,
        counts={"failed": 4, "passed": 1, "errors": 1},
    ),
    Scenario(
        # Frames of functions made by exec (no source; SQLAlchemy's and dataclasses' generated code):
        # pytest lists them with "???", and leaves them out of a test module's ImportError
        # (tests/e2e/test_terminal_layout.py compares the report).
        "sourceless-frames",
        "sourceless_frames",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_import_through_generated.py                          error
            test_generated.py::test_through_generated_code            failed
            test_generated.py::test_failing_in_generated_code         failed
            test_generated.py::test_async_through_generated_code      failed
            test_generated.py::test_passes                            passed
        """,
        counts={"failed": 3, "passed": 1, "errors": 1},
    ),
    Scenario(
        # Tests whose importlib.import_module fails: pytest lists the frozen import machinery's frames
        # ("???" for their source) and places the crash there (tests/e2e/test_terminal_layout.py).
        "import-machinery-frames",
        "import_machinery_frames",
        (),
        1,
        r"""
            test_imports.py::test_import_module_of_a_missing_module          failed
            test_imports.py::test_import_module_of_a_missing_submodule         failed
            test_imports.py::test_async_import_module_of_a_missing_module    failed
            test_imports.py::test_import_statement_of_a_missing_module       failed
            test_imports.py::test_passes                                     passed
            test_set_up.py::TestWithFailingSetUp::test_never_runs            failed
        """,
        counts={"failed": 5, "passed": 1},
    ),
    Scenario(
        # A test module failing at import with an error other than an ImportError is shown in the
        # --tb style asked for (long here: module frames listed from their first line), an ImportError
        # in the short style whatever it is, as pytest's collectors do
        # (tests/e2e/test_terminal_layout.py compares each style's report).
        "collection_error_styles-long",
        "collection_error_styles",
        ("--continue-on-collection-errors", "--tb=long"),
        1,
        r"""
            test_broken_at_import.py          error
            test_missing_dependency.py        error
            test_fine.py::test_passes         passed
            test_fine.py::test_fails          failed
        """,
        counts={"failed": 1, "passed": 1, "errors": 2},
    ),
    Scenario(
        # A failure through uvloop's compiled loop (its frame names uvloop/loop.pyx, relative to
        # sys.path): pytest lists that line from the .pyx file (tests/e2e/test_terminal_layout.py).
        "compiled-module-frames",
        "compiled_module_frames",
        (),
        1,
        r"""
            test_compiled.py::test_through_uvloops_run   failed
            test_compiled.py::test_passes                passed
        """,
        counts={"failed": 1, "passed": 1},
        requires=("uvloop",),
    ),
    Scenario(
        # As pytest 9, log capture is on every logger that does not propagate too (records that never
        # reach the root: uvicorn's access log), for caplog and the report's "Captured log" section.
        "unpropagated-loggers",
        "unpropagated_loggers",
        (),
        1,
        r"""
            test_loggers.py::test_caplog_sees_a_logger_that_does_not_propagate  passed
            test_loggers.py::test_in_an_async_test_too                        passed
            test_loggers.py::test_its_record_is_in_the_failure_report         failed
        """,
        counts={"failed": 1, "passed": 2},
    ),
    Scenario(
        # -k matches the names of the marks and extra keywords a pytest_collection_modifyitems hook
        # added, on the test or on its module, as syrupy's marks the tests using its snapshot fixture.
        "hook_added_keywords",
        "hook_added_keywords",
        ("-k", "uses_resource"),
        0,
        r"""
            test_a.py::test_with_resource  passed
        """,
        counts={"passed": 1, "deselected": 3},
    ),
    Scenario(
        "hook_added_keywords-extra",
        "hook_added_keywords",
        ("-k", "extra_word or module_tagged"),
        0,
        r"""
            test_a.py::test_plain      passed
            test_b.py::test_in_b       passed
            test_b.py::test_also_in_b  passed
        """,
        counts={"passed": 3, "deselected": 1},
    ),
    Scenario(
        "hook_added_keywords-module-extra",
        "hook_added_keywords",
        ("-k", "module_word and not also"),
        0,
        r"""
            test_b.py::test_in_b  passed
        """,
        counts={"passed": 1, "deselected": 3},
    ),
    Scenario(
        # A plugin's hook about pytest-xdist's workers (syrupy's pytest_testnodedown) in a run without
        # them: pytest calls it nowhere, and the report has no warning about it either
        # (test_terminal_layout compares the two reports).
        "xdist_worker_hooks",
        "xdist_worker_hooks",
        (),
        1,
        r"""
            test_a.py::test_passes  passed
            test_a.py::test_fails   failed
        """,
        counts={"passed": 1, "failed": 1},
    ),
    Scenario(
        # pytest_collection_finish sees the session's items without those -k, -m and --deselect left
        # out (pytest deselects in its own pytest_collection_modifyitems); syrupy reads them there, and
        # counted the snapshots of the tests left out as unused, failing the run.
        "collection_finish_items",
        "collection_finish_items",
        ("-k", "one"),
        0,
        r"""
            test_a.py::test_one  passed
        """,
        counts={"passed": 1, "deselected": 2},
        events=EVENTS_COLLECTION_FINISH_KEYWORD,
    ),
    Scenario(
        "collection_finish_items-mark",
        "collection_finish_items",
        ("-m", "not slow"),
        0,
        r"""
            test_a.py::test_one  passed
            test_a.py::test_two  passed
        """,
        counts={"passed": 2, "deselected": 1},
        events=EVENTS_COLLECTION_FINISH_MARK,
    ),
    Scenario(
        "collection_finish_items-deselect",
        "collection_finish_items",
        ("--deselect", "test_a.py::test_two"),
        0,
        r"""
            test_a.py::test_one    passed
            test_a.py::test_three  passed
        """,
        counts={"passed": 2, "deselected": 1},
        events=EVENTS_COLLECTION_FINISH_DESELECT,
    ),
    Scenario(
        # pytest-rerunfailures keeps a failed phase's exception on its item for the rest of the run,
        # unless its protocol ran the test (a rerun count, even 0): what the unmarked failures' frames
        # hold is never freed, so the tests collecting garbage after them pass; after the claimed one,
        # its resource's raising __del__ fails the next test under filterwarnings = error.
        "rerunfailures_kept_errors",
        "rerunfailures_kept_errors",
        ("-p", "no:flaky"),
        1,
        r"""
            test_kept_errors.py::test_a_fails_holding_a_resource                 failed
            test_kept_errors.py::test_b_collects_garbage                         passed
            test_kept_errors.py::TestCase::test_c_fails_holding_a_resource       failed
            test_kept_errors.py::TestCase::test_d_collects_garbage               passed
            test_kept_errors.py::test_e_claimed_fails_holding_a_resource         failed
            test_kept_errors.py::test_f_collects_garbage                         failed
        """,
        counts={"failed": 4, "passed": 2},
        requires=("pytest_rerunfailures",),
    ),
    Scenario(
        # Without the plugin nothing keeps them: each resource is freed, and its error reported, in the
        # next test.
        "rerunfailures_kept_errors-plugin-disabled",
        "rerunfailures_kept_errors",
        ("-p", "no:rerunfailures", "-p", "no:flaky"),
        1,
        r"""
            test_kept_errors.py::test_a_fails_holding_a_resource                 failed
            test_kept_errors.py::test_b_collects_garbage                         failed
            test_kept_errors.py::TestCase::test_c_fails_holding_a_resource       failed
            test_kept_errors.py::TestCase::test_d_collects_garbage               failed
            test_kept_errors.py::test_e_claimed_fails_holding_a_resource         failed
            test_kept_errors.py::test_f_collects_garbage                         failed
        """,
        counts={"failed": 6},
    ),
    Scenario(
        # The same warning shown, not an error: the test runs (its place on stderr is compared with
        # pytest's in test_terminal_layout).
        "unset_loop_scope-warning-shown",
        "unset_loop_scope",
        ("-o", "filterwarnings="),
        0,
        r"""
            test_unset.py::test_ok  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        # Exception groups in failures (a TaskGroup's, nested, chained either way, from a fixture): their
        # report is compared with pytest's in test_terminal_layout.
        "exception_group_reports",
        "exception_group_reports",
        (),
        1,
        r"""
            test_groups.py::test_group                       failed
            test_groups.py::test_task_group                  failed
            test_groups.py::test_raised_from_group           failed
            test_groups.py::test_group_while_handling        failed
            test_groups.py::test_nested_groups               failed
            test_groups.py::test_fixture_raising_a_group     error
            test_groups.py::test_single_exception_group      failed
            test_groups.py::test_plain_failure               failed
        """,
        counts={"failed": 7, "errors": 1},
    ),
    Scenario(
        "unittest_plugin_disabled",
        "unittest_plugin_disabled",
        (),
        1,
        r"""
            test_cases.py::TestWithUnittest::test_fails                          failed
            test_cases.py::TestWithUnittest::test_passes                         passed
            test_cases.py::CaseNamedOtherwise::test_collected_by_unittest_only   passed
            test_cases.py::TestPlainClass::test_method                           passed
            test_cases.py::test_function                                         passed
        """,
        counts={"failed": 1, "passed": 4},
    ),
    Scenario(
        # Without pytest's unittest plugin a TestCase is collected as any other class: not at all (its
        # inherited __init__ earns a Test* one a collection warning).
        "unittest_plugin_disabled-blocked",
        "unittest_plugin_disabled",
        ("-p", "no:unittest"),
        0,
        r"""
            test_cases.py::TestPlainClass::test_method                           passed
            test_cases.py::test_function                                         passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # That warning made an error: the class fails to collect.
        "unittest_plugin_disabled-warning-is-an-error",
        "unittest_plugin_disabled",
        ("-p", "no:unittest", "-W", "error::pytest.PytestCollectionWarning"),
        2,
        r"""
            test_cases.py::TestWithUnittest                                      error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        # filterwarnings marks are added in pytest's iter_markers order, each in front of the last:
        # a module's or class's mark overrides the test's own, the top decorator the ones below it,
        # a pytest.param mark the decorators, a mark's last argument its first (seen on fastmcp's
        # suite, whose module-level ignore silenced a test's "default" mark under pytest).
        "filterwarnings-mark-order",
        "filterwarnings_mark_order",
        (),
        1,
        r"""
            test_own_marks.py::test_top_ignore_wins                                        passed
            test_own_marks.py::test_top_error_wins                                         failed
            test_own_marks.py::test_param_mark_wins[error]                                 failed
            test_own_marks.py::test_param_mark_wins[plain]                                 passed
            test_own_marks.py::test_last_argument_wins                                     failed
            test_own_marks.py::test_mark_beats_ini                                         failed
            test_wider_marks.py::test_module_ignore_beats_own_error                        passed
            test_wider_marks.py::test_module_ignore_beats_own_error_in_set_up              passed
            test_wider_marks.py::TestClassMark::test_class_error_beats_own_ignore          failed
            test_wider_marks.py::TestClassMark::test_class_error_alone                     failed
        """,
        counts={"failed": 6, "passed": 4},
    ),
    Scenario(
        # Older runs' temporary directories are deleted when the session ends, as pytest's tmpdir
        # plugin does, not while a test makes the base temp (where the deletion counted against its
        # timeout: fastmcp's session fixture calling mktemp timed out, so every test errored).
        "tmp-path-old-runs",
        "tmp_path_old_runs",
        (),
        0,
        r"""
            test_old_runs.py::test_base_temp_is_in_the_planted_root               passed
            test_old_runs.py::test_older_runs_are_still_there_while_tests_run     passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # A TestCase's tests as pytest's UnitTestCase.collect finds them: runTest where there is no
        # test* method (hypothesis's RuleBasedStateMachine.TestCase, seen on fastmcp's suite), and no
        # test* method set __test__ = False.
        "unittest-run-test",
        "unittest_run_test",
        (),
        1,
        r"""
            test_run_test.py::OnlyRunTest::runTest                      passed
            test_run_test.py::TestAlias::runTest                        passed
            test_run_test.py::TestRunTestFails::runTest                 failed
            test_run_test.py::TestAsyncRunTest::runTest                 passed
            test_run_test.py::TestRunTestBesideTests::test_one          passed
            test_run_test.py::TestHiddenMethod::test_shown              passed
            test_run_test.py::TestEveryMethodHidden::runTest            passed
        """,
        counts={"failed": 1, "passed": 6},
    ),
    Scenario(
        # A conftest's pytest_deselected hears of the tests -k, -m and --deselect leave out, as pytest
        # calls it for plugins that track them (pytest-testmon, pytest-picked); the test checks the list.
        "deselected_hook",
        "deselected_hook",
        ("-k", "not keyword", "-m", "not slow", "--deselect", "test_selection.py::test_left_out_by_id"),
        0,
        r"""
            test_selection.py::test_hears_of_them  passed
        """,
        counts={"passed": 1, "deselected": 3},
    ),
    Scenario(
        # pytest-cov saves its data file, reports and checks --cov-fail-under once pytest's test loop
        # returns: a loop that -x stops has none of them (events.log: whether .coverage was saved).
        "coverage_stopped_run-exitfirst",
        "coverage_stopped_run",
        ("--cov=app", "-x"),
        1,
        r"""
            test_app.py::test_first  passed
            test_app.py::test_fails  failed
        """,
        counts={"failed": 1, "passed": 1},
        events="data file saved: no",
        requires=("pytest_cov",),
    ),
    Scenario(
        # pytest.exit(returncode=0) stops the loop too: coverage under --cov-fail-under does not fail it.
        "coverage_stopped_run-pytest-exit",
        "coverage_stopped_run",
        ("--cov=app", "--cov-fail-under=100", "-k", "first or exits"),
        0,
        r"""
            test_app.py::test_first  passed
        """,
        counts={"passed": 1, "deselected": 2},
        events="data file saved: no",
        requires=("pytest_cov",),
    ),
    Scenario(
        # The loop ran to its end: the data file is saved and the same coverage fails the run.
        "coverage_stopped_run-loop-finished",
        "coverage_stopped_run",
        ("--cov=app", "--cov-fail-under=100", "-k", "first or last"),
        1,
        r"""
            test_app.py::test_first  passed
            test_app.py::test_last   passed
        """,
        counts={"passed": 2, "deselected": 2},
        events="data file saved: yes",
        requires=("pytest_cov",),
    ),
    Scenario(
        # Tests that move the working directory (monkeypatch.chdir, a unittest class set-up's chdir):
        # their failures' frames are absolute, compared with pytest's in test_terminal_layout.py.
        "changed-working-directory",
        "changed_working_directory",
        (),
        1,
        r"""
            test_cwd.py::test_fails_where_it_started                                 failed
            test_cwd.py::test_fails_after_monkeypatch_chdir                          failed
            test_cwd.py::test_async_fails_after_chdir                                failed
            test_cwd.py::test_passes_after_chdir                                     passed
            test_cwd.py::TestInAnotherDirectory::test_fails_in_the_class_directory  failed
            test_cwd.py::test_fails_back_where_it_started                            failed
        """,
        counts={"failed": 5, "passed": 1},
    ),
    Scenario(
        "fixture_setup_swap",
        "fixture_setup_swap",
        (),
        1,
        r"""
            test_swapped.py::test_a_coroutine_fixture_runs_through_the_swapped_function      passed
            test_swapped.py::test_an_async_generator_fixture_is_torn_down_by_the_plugin      passed
            test_swapped.py::test_the_teardown_ran                                           passed
            test_swapped.py::test_an_async_test_on_the_plugins_loop                          passed
            test_swapped.py::test_the_lookup_gives_the_value                                 passed
            test_swapped.py::test_a_failing_fixture_assertion                                failed
        """,
        counts={"failed": 1, "passed": 5},
    ),
    Scenario(
        # Parameter ids holding "::" (IPv6 addresses): the failure and error sections are headed with
        # the dotted names and the ids as they are ("TestHost.test_connect[::1]"), compared line by line
        # in test_terminal_layout.py; events.log has each item.location's domain.
        "colon_param_ids",
        "colon_param_ids",
        (),
        1,
        r"""
            test_colon_ids.py::TestHost::test_connect[::1]    failed
            test_colon_ids.py::TestHost::test_connect[127.0.0.1]    failed
            test_colon_ids.py::TestHost::test_setup_error[::1]    error
            test_colon_ids.py::TestHost::test_setup_error[127.0.0.1]    error
            test_colon_ids.py::test_module_level[a::b::c]    failed
        """,
        counts={"failed": 3, "errors": 2},
        events="""
TestHost.test_connect[::1]
TestHost.test_connect[127.0.0.1]
TestHost.test_setup_error[::1]
TestHost.test_setup_error[127.0.0.1]
test_module_level[a::b::c]
""",
    ),
    Scenario(
        # hypothesis's plugin marks each @given test ``hypothesis`` (seen on yarl's suite, whose
        # `-m hypothesis` selected none of its property tests).
        "hypothesis_mark",
        "hypothesis_mark",
        ("-m", "hypothesis"),
        0,
        r"""
            test_marks.py::test_given                          passed
            test_marks.py::test_async_given                    passed
            test_marks.py::test_parametrized_given[1]          passed
            test_marks.py::test_parametrized_given[2]          passed
            test_marks.py::TestInAClass::test_method_given     passed
        """,
        counts={"passed": 5, "deselected": 3},
        requires=("hypothesis",),
    ),
    Scenario(
        "hypothesis_mark-not",
        "hypothesis_mark",
        ("-m", "not hypothesis"),
        0,
        r"""
            test_marks.py::test_plain                          passed
            test_marks.py::test_plain_async                    passed
            test_marks.py::TestInAClass::test_plain_method     passed
        """,
        counts={"passed": 3, "deselected": 5},
        requires=("hypothesis",),
    ),
    Scenario(
        # A run does not make its loop current (asyncio.Runner.run does not): the session loop is current
        # from when it was made until a function-scoped loop's end unsets it; sync code after that finds
        # no current loop, though the session loop runs the later tests.
        "current_loop_after_narrower_loop",
        "current_loop_after_narrower_loop",
        (),
        0,
        r"""
            test_current_loop.py::test_session_loop_is_current     passed
            test_current_loop.py::test_on_a_function_loop          passed
            test_current_loop.py::test_back_on_the_session_loop    passed
            test_current_loop.py::test_sync_code_finds_no_loop     passed
            test_current_loop.py::test_get_event_loop_raises       passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # What plugins see of the collection (syrupy's way to tell a partial run): pytest_collectstart
        # for every test module, one without tests too, and option.file_or_dir empty with no arguments.
        "plugins_see_cache_selection",
        "plugins_see_cache_selection",
        (),
        0,
        r"""
            test_checks.py::test_failed_before                                  passed
            test_checks.py::test_passed_before                                  passed
            test_checks.py::TestRecorded::test_collection_as_plugins_saw_it     passed
            test_checks.py::TestRecorded::test_passed_in_class                  passed
            test_other.py::test_other                                           passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # --lf against the sample's cache: collection starts for the files it leaves unread, its
        # deselection comes after the modifyitems hooks and before collection_finish (through
        # pytest_deselected), and the lfplugin / lfplugin-collwrapper counters are there to read.
        "plugins_see_cache_selection-last-failed",
        "plugins_see_cache_selection",
        ("--lf",),
        0,
        r"""
            test_checks.py::test_failed_before                                  passed
            test_checks.py::TestRecorded::test_collection_as_plugins_saw_it     passed
        """,
        counts={"passed": 2, "deselected": 1},
    ),
    Scenario(
        # One package loop for the whole run, apart from the session loop, whatever the test's package
        # (none, nested, a sibling), as pytest-asyncio's plugin-defined package runner gets under
        # pytest; a package-scoped fixture on it is still cached and torn down per package.
        "package_loop_shared",
        "package_loop_shared",
        (),
        0,
        r"""
            alpha/inner/test_inner.py::test_inner_package_uses_the_outer_packages_fixture    passed
            alpha/test_alpha.py::test_alpha_runs_on_the_inner_packages_loop                 passed
            alpha/test_alpha.py::test_alpha_fixture_set_up_once                              passed
            alpha/test_alpha.py::test_session_loop_is_another_loop                           passed
            alpha/test_alpha.py::test_function_loop_is_another_loop                          passed
            beta/test_beta.py::test_alpha_fixture_torn_down_with_its_package                 passed
            beta/test_beta.py::test_another_package_shares_the_loop                          passed
            test_top.py::test_a_module_outside_any_package_shares_it_too                     passed
            test_top.py::test_the_session_loop_is_not_the_package_loop                       passed
        """,
        counts={"passed": 9},
    ),
    Scenario(
        "cache_attribute",
        "cache_attribute",
        (),
        0,
        r"""
            test_cache.py::test_config_cache  passed
            test_cache.py::test_cache_fixture  passed
        """,
        counts={"passed": 2},
        events="""
hook: failedfirst False, cache Cache
test: cache True
""",
    ),
    Scenario(
        "cache_attribute-blocked",
        "cache_attribute",
        ("-p", "no:cacheprovider"),
        1,
        r"""
            test_cache.py::test_config_cache  passed
            test_cache.py::test_cache_fixture  failed
        """,
        counts={"passed": 1, "failed": 1},
        events="""
hook: no cache
test: cache False
""",
    ),
    Scenario(
        # Callables named like tests: what unwraps to a function (functools.wraps, functools.partial,
        # in a module or a class) is collected, its bound arguments not taken for fixtures; a callable
        # instance or a partial of a builtin is left out with a collection warning.
        "callable_tests",
        "callable_tests",
        (),
        1,
        r"""
            test_callables.py::test_partial                              passed
            test_callables.py::test_partial_failing                      failed
            test_callables.py::test_partial_of_a_coroutine_function      failed
            test_callables.py::test_decorated                            passed
            test_callables.py::TestInAClass::test_static_partial         passed
            test_callables.py::TestInAClass::test_plain[2]               passed
        """,
        counts={"passed": 4, "failed": 2},
    ),
    Scenario(
        # A conftest's pytest_report_teststatus files some reports under its own categories (counted in
        # the closing line, left out of FAILURES and the short summary) and hides a skip; outcomes,
        # JUnit and the exit code stay pytest's own.
        "report_teststatus_hook",
        "report_teststatus_hook",
        (),
        1,
        r"""
            test_status.py::test_plain                       passed
            test_status.py::test_network_up                  passed
            test_status.py::test_network_down                failed
            test_status.py::test_network_async               passed
            test_status.py::test_hidden_skip                 skipped
            test_status.py::test_failing                     failed
            test_status.py::test_network_teardown_error      error
        """,
        counts={"failed": 1, "passed": 1, "skipped": 1, "errors": 1},
    ),
    Scenario(
        # pytest_runtest_logstart / logfinish around each test's set-up, call and teardown (with the
        # test's location), and pytest_report_collectionfinish's lines (compared in test_terminal_layout).
        "progress_hooks",
        "progress_hooks",
        (),
        1,
        r"""
            test_progress.py::test_first                       passed
            test_progress.py::test_async                       passed
            test_progress.py::TestInAClass::test_param[1]      failed
        """,
        counts={"passed": 2, "failed": 1},
        events="""
logstart test_progress.py::test_first test_progress.py:4 test_first
setup traced
call test_first
teardown traced
logfinish test_progress.py::test_first
logstart test_progress.py::test_async test_progress.py:8 test_async
setup traced
call test_async
teardown traced
logfinish test_progress.py::test_async
logstart test_progress.py::TestInAClass::test_param[1] test_progress.py:14 TestInAClass.test_param[1]
logfinish test_progress.py::TestInAClass::test_param[1]
""",
    ),
    Scenario(
        # A conftest declares its own hook (pytest_addhooks, add_hookspecs) and calls it through
        # config.hook; the implementations in it and in a test* directory's conftest are called.
        "plugin_hookspecs",
        "plugin_hookspecs",
        (),
        0,
        r"""
            tests/test_settings.py::test_the_declared_hook_was_called      passed
        """,
        counts={"passed": 1},
        events="""
addhooks
settings [('root', 'conftest'), ('tests', 'conftest')]
""",
    ),
    Scenario(
        # A subdirectory conftest's test hooks (pytest_runtest_setup, logstart, makereport,
        # markeval_namespace) are called for the tests under it alone, as pytest's item.ihook.
        "conftest_hook_scope",
        "conftest_hook_scope",
        (),
        1,
        r"""
            integration/test_service.py::test_needs_the_service                 skipped
            integration/test_service.py::test_async_in_integration              failed
            integration/test_service.py::test_sees_its_conftests_namespace      skipped
            unit/test_unit.py::test_marked_but_not_under_integration            passed
            unit/test_unit.py::test_fails_outside                               failed
            unit/test_unit.py::test_sees_the_root_namespace                     passed
            unit/test_unit.py::test_xfails_on_the_root_namespace                xfailed
        """,
        counts={"failed": 2, "passed": 2, "skipped": 2, "xfailed": 1},
        events="""
integration logstart integration/test_service.py::test_needs_the_service
integration setup hook test_needs_the_service
integration logstart integration/test_service.py::test_async_in_integration
integration setup hook test_async_in_integration
integration failure test_async_in_integration
integration logstart integration/test_service.py::test_sees_its_conftests_namespace
""",
    ),
    Scenario(
        # pytest_exception_interact after a failed set-up, call (sync and async) and teardown, with the
        # phase's call and report; not after a skip or an expected failure.
        "exception_interact",
        "exception_interact",
        (),
        1,
        r"""
            test_interact.py::test_fails               failed
            test_interact.py::test_setup_error         error
            test_interact.py::test_teardown_error      error
            test_interact.py::test_skip                skipped
            test_interact.py::test_xfail               xfailed
            test_interact.py::test_async_fails         failed
            test_interact.py::test_passes              passed
        """,
        counts={"failed": 2, "passed": 2, "skipped": 1, "xfailed": 1, "errors": 2},
        events="""
interact test_interact.py::test_fails call call failed AssertionError
interact test_interact.py::test_setup_error setup setup failed RuntimeError
interact test_interact.py::test_teardown_error teardown teardown failed KeyError
interact test_interact.py::test_async_fails call call failed ValueError
""",
    ),
    Scenario(
        # pytest_runtest_protocol wrappers (old and new style) around each test's whole protocol,
        # with its next test; a rerun stays inside the one protocol.
        "protocol_wrappers",
        "protocol_wrappers",
        (),
        1,
        r"""
            test_protocol.py::test_a      passed
            test_protocol.py::test_b      failed
            test_protocol.py::test_c      failed
        """,
        counts={"passed": 1, "failed": 2, "rerun": 1},
        events="""
new-style start test_a
protocol start test_a next=test_b
protocol end test_a
new-style end test_a
new-style start test_b
protocol start test_b next=test_c
protocol end test_b
new-style end test_b
new-style start test_c
protocol start test_c next=None
protocol end test_c
new-style end test_c
""",
        requires=("pytest_rerunfailures",),
    ),
    Scenario(
        # pytest_plugins in a conftest found while collecting (below the start-up ones) fails its
        # directory, with pytest's message; a start-up conftest (tests/, a test* directory) may name them.
        "late_conftest_plugins",
        "late_conftest_plugins",
        (),
        2,
        r"""
            sub                 error
            tests/inner         error
        """,
        counts={"errors": 2},
    ),
    Scenario(
        "late_conftest_plugins-continue",
        "late_conftest_plugins",
        ("--continue-on-collection-errors",),
        1,
        r"""
            sub                                      error
            tests/inner                              error
            test_root.py::test_root                  passed
            tests/test_top.py::test_uses_the_helper  passed
        """,
        counts={"errors": 2, "passed": 2},
    ),
    Scenario(
        # A conftest found while collecting that skips (importorskip, pytest.skip with or without
        # allow_module_level) skips its directory; nothing below it is collected.
        "conftest_skips",
        "conftest_skips",
        ("-rs",),
        0,
        r"""
            tests/needs_lib                 skipped
            tests/no_backend                skipped
            tests/plain                     skipped
            tests/test_top.py::test_top        passed
            tests/test_top.py::test_top_async  passed
        """,
        counts={"passed": 2, "skipped": 3},
    ),
    Scenario(
        # Every skipif before any skip: the reasons are checked by the layout comparison.
        "skip_mark_precedence",
        "skip_mark_precedence",
        ("-rs",),
        0,
        r"""
            test_precedence.py::test_own_skip                       skipped
            test_precedence.py::test_empty_parameter_set[NOTSET]    skipped
            test_precedence.py::test_false_skipif_then_skip         skipped
            test_precedence.py::TestClass::test_method_skipif       skipped
            test_precedence.py::TestClass::test_class_skip          skipped
        """,
        counts={"skipped": 5},
    ),
    Scenario(
        # Captured output ending in blank lines, or blank (a bare print()), in setup, call and
        # teardown: the outcomes; the sections' text is compared with pytest's in test_terminal_layout.
        "captured_output_sections",
        "captured_output_sections",
        ("-rA",),
        1,
        r"""
            test_output.py::test_blank_lines_after_the_output      failed
            test_output.py::test_a_bare_print                      failed
            test_output.py::test_passes_with_blank_output          passed
            test_output.py::test_passes_printing_in_teardown_only  passed
        """,
        counts={"failed": 2, "passed": 2},
    ),
    Scenario(
        # --cov-append: the data file an earlier run left (it comes with the sample, covering app.first)
        # counts with this run's (app.second), so --cov-fail-under=100 is reached; without the flag it
        # is erased first and the run fails under it; under -n the parent's combining adds to it too.
        "coverage_append",
        "coverage_append",
        ("--cov=app", "--cov-append", "--cov-fail-under=100", "--cov-report="),
        0,
        r"""
            test_app.py::test_second  passed
        """,
        counts={"passed": 1},
        requires=("pytest_cov",),
    ),
    Scenario(
        "coverage_append-workers",
        "coverage_append",
        ("--cov=app", "--cov-append", "--cov-fail-under=100", "--cov-report=", "-n", "2"),
        0,
        r"""
            test_app.py::test_second  passed
        """,
        counts={"passed": 1},
        requires=("pytest_cov", "xdist"),
    ),
    Scenario(
        "coverage_append-not-appending",
        "coverage_append",
        ("--cov=app", "--cov-fail-under=100", "--cov-report="),
        1,
        r"""
            test_app.py::test_second  passed
        """,
        counts={"passed": 1},
        requires=("pytest_cov",),
    ),
    Scenario(
        # A plugin's early parse in pytest_load_initial_conftests (pytest-django's, for --ds): its own
        # option as typed, pytest's help / version at their values.
        "early_option_parse",
        "early_option_parse",
        (),
        1,
        r"""
            test_early.py::test_the_plugin_option_is_parsed_early       failed
            test_early.py::test_pytest_options_are_in_the_early_parse   passed
        """,
        counts={"failed": 1, "passed": 1},
    ),
    Scenario(
        "early_option_parse-option-given",
        "early_option_parse",
        ("--settings", "app.settings"),
        0,
        r"""
            test_early.py::test_the_plugin_option_is_parsed_early       passed
            test_early.py::test_pytest_options_are_in_the_early_parse   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # Conftests' pytest_runtestloop called after collection, later-registered first; a
        # filterwarnings mark one adds to the session applies to every test (python-telegram-bot's).
        "runtestloop_hook",
        "runtestloop_hook",
        (),
        1,
        r"""
            sub/test_sub.py::test_warning_in_a_subdirectory_ignored         passed
            test_loop.py::test_warning_ignored_by_the_session_mark          passed
            test_loop.py::test_async_warning_ignored_by_the_session_mark    passed
            test_loop.py::test_other_warning_still_an_error                 failed
            test_loop.py::TestMarks::test_session_mark_comes_last           passed
        """,
        counts={"passed": 4, "failed": 1},
        events="""
sub runtestloop marks=[]
root runtestloop items=5 collected=5
""",
    ),
    Scenario(
        # pytest.exit() in pytest_runtestloop, without a status: no test runs, exit status 2.
        "session_hook_exit-runtestloop",
        "session_hook_exit",
        ("--exit-in=runtestloop",),
        2,
        "",
        counts={},
    ),
    Scenario(
        # pytest.exit(returncode=0) in pytest_collection_modifyitems: no test runs, its status.
        "session_hook_exit-modifyitems",
        "session_hook_exit",
        ("--exit-in=modifyitems",),
        0,
        "",
        counts={},
    ),
    Scenario(
        "session_hook_exit-sessionstart",
        "session_hook_exit",
        ("--exit-in=sessionstart",),
        3,
        "",
        counts={},
    ),
    Scenario(
        "session_hook_exit-none",
        "session_hook_exit",
        (),
        0,
        r"""
            test_never_run.py::test_sync   passed
            test_never_run.py::test_async  passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # pytest.exit() while a test module imports is that file's collection error, not the run's end.
        "exit_at_import",
        "exit_at_import",
        (),
        2,
        r"""
            test_b_exits.py    error
            test_d_fails.py    error
            test_e_xfails.py   error
        """,
        counts={"errors": 3},
    ),
    Scenario(
        "exit_at_import-continue",
        "exit_at_import",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_b_exits.py                   error
            test_d_fails.py                   error
            test_e_xfails.py                  error
            test_a_before.py::test_before     passed
            test_c_after.py::test_after       passed
        """,
        counts={"errors": 3, "passed": 2},
    ),
    Scenario(
        # required_plugins met by loaded plugins (pytest-asyncio's part by asynctestrun): the run starts.
        "required_plugins",
        "required_plugins",
        (),
        0,
        r"""
            test_runs.py::test_runs_when_the_required_plugins_are_loaded    passed
        """,
        counts={"passed": 1},
        requires=("xdist",),
    ),
    Scenario(
        # pytest-retry's flaky(retries=...): the call retried, wider scopes set up again, filters by
        # exact type; pytest-rerunfailures (installed with the test extras) is kept out of it.
        "retry_plugin",
        "retry_plugin",
        ("-p", "no:rerunfailures"),
        1,
        r"""
            test_retried.py::test_passes_on_the_second_attempt                  passed
            test_retried.py::test_fails_every_attempt                           failed
            test_retried.py::test_bare_mark_retries_once                        failed
            test_retried.py::test_zero_retries_still_retries_once               passed
            test_retried.py::test_only_on_another_error_is_not_retried          failed
            test_retried.py::test_only_on_a_base_class_is_not_retried           failed
            test_retried.py::test_an_excluded_error_is_not_retried              failed
            test_retried.py::test_condition_false_is_not_retried                failed
            test_retried.py::test_a_skip_is_not_retried                         skipped
            test_retried.py::test_an_expected_failure_is_not_retried            xfailed
            test_retried.py::test_a_setup_error_is_not_retried                  error
            test_retried.py::test_async_test_is_retried                         passed
            test_retried.py::test_unmarked_is_not_retried                       failed
            test_retried.py::test_module_fixture_was_set_up_for_each_retry      passed
        """,
        counts={"failed": 7, "passed": 4, "skipped": 1, "xfailed": 1, "errors": 1, "retried": 5},
        requires=("pytest_retry",),
    ),
    Scenario(
        # Names plugins import from pytest's private modules, a fixture a collection hook adds to
        # item.fixturenames, a replaced terminal reporter and a conftest's pytest_cmdline_main.
        "private_pytest_names",
        "private_pytest_names",
        (),
        0,
        r"""
            test_private_names.py::test_saferepr_shortens_long_values              passed
            test_private_names.py::test_compare_eq_any_gives_the_detail_lines      passed
            test_private_names.py::test_format_session_duration                    passed
            test_private_names.py::test_safe_getattr_answers_the_default           passed
            test_private_names.py::test_getfslineno_names_the_definition           passed
            test_private_names.py::test_evaluate_xfail_marks_reads_the_mark        xfailed
            test_private_names.py::test_a_collection_hook_added_a_fixture          passed
            test_private_names.py::test_the_added_fixture_was_torn_down            passed
            test_private_names.py::test_the_replacement_reporter_is_the_registered_one    passed
        """,
        counts={"passed": 8, "xfailed": 1},
    ),
    Scenario(
        # A conftest's pytest_terminal_summary printing to stdout: its lines among the summary's.
        "terminal_summary_print",
        "terminal_summary_print",
        (),
        1,
        r"""
            test_report.py::test_passes    passed
            test_report.py::test_fails     failed
        """,
        counts={"passed": 1, "failed": 1},
    ),
    Scenario(
        # print() in pytest_sessionfinish and pytest_unconfigure: placed where pytest's terminal shows it.
        "session_end_prints",
        "session_end_prints",
        (),
        1,
        r"""
            test_session_end.py::test_passes        passed
            test_session_end.py::test_fails         failed
            test_session_end.py::test_passes_too    passed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        # junit_family = xunit1: each testcase names its file and line, compared with pytest's in
        # test_junit_text.py.
        "junit_family_xunit1",
        "junit_family_xunit1",
        (),
        1,
        r"""
            sub/test_skipped_module.py                  skipped
            sub/test_deeper.py::test_deeper             passed
            test_places.py::test_plain                  passed
            test_places.py::test_decorated              skipped
            test_places.py::TestInClass::test_method[1] passed
            test_places.py::TestInClass::test_method[2] failed
            test_places.py::test_async                  passed
        """,
        counts={"failed": 1, "passed": 4, "skipped": 2},
    ),
    Scenario(
        # junit_logging = all: each report that writes its output (a skip, a failed teardown, every
        # teardown while junit_log_passing_tests is true) adds system-out / system-err elements; their
        # texts are compared with pytest's in test_junit_text.py.
        "junit_logging_sections",
        "junit_logging_sections",
        (),
        1,
        r"""
            test_output.py::test_pass                       passed
            test_output.py::test_silent                     passed
            test_output.py::test_fail                       failed
            test_output.py::test_skip_in_call               skipped
            test_output.py::test_skip_mark                  skipped
            test_output.py::test_xfail                      xfailed
            test_output.py::test_xpass_strict               failed
            test_output.py::test_teardown_error_after_pass  error
            test_output.py::test_teardown_error_after_fail  error
            test_output.py::test_setup_error                error
            test_output.py::test_async                      passed
        """,
        counts={"failed": 3, "passed": 4, "skipped": 2, "xfailed": 1, "errors": 3},
    ),
    Scenario(
        # Without junit_log_passing_tests, a failed call writes its output at once and a passing
        # teardown nothing; out-err leaves the log out.
        "junit_logging_sections-out-err-failures-only",
        "junit_logging_sections",
        ("-o", "junit_logging=out-err", "-o", "junit_log_passing_tests=false"),
        1,
        r"""
            test_output.py::test_pass                       passed
            test_output.py::test_silent                     passed
            test_output.py::test_fail                       failed
            test_output.py::test_skip_in_call               skipped
            test_output.py::test_skip_mark                  skipped
            test_output.py::test_xfail                      xfailed
            test_output.py::test_xpass_strict               failed
            test_output.py::test_teardown_error_after_pass  error
            test_output.py::test_teardown_error_after_fail  error
            test_output.py::test_setup_error                error
            test_output.py::test_async                      passed
        """,
        counts={"failed": 3, "passed": 4, "skipped": 2, "xfailed": 1, "errors": 3},
    ),
    Scenario(
        # junit_duration_report = call: the testcase times are checked in test_junit_text.py.
        "junit_duration_call",
        "junit_duration_call",
        (),
        0,
        r"""
            test_durations.py::test_quick_call  passed
            test_durations.py::test_slow_call   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # record_property / record_xml_attribute warn at set-up (xunit2 has no room for them, the
        # latter is experimental): errors under filterwarnings = error, since the run writes JUnit.
        "junit_record_fixtures",
        "junit_record_fixtures",
        (),
        1,
        r"""
            test_records.py::test_record_property                           error
            test_records.py::test_record_property_with_the_warning_ignored  passed
            test_records.py::test_record_xml_attribute                      error
            test_records.py::test_record_testsuite_property                 passed
            test_records.py::test_async_record_property                     error
        """,
        counts={"passed": 2, "errors": 3},
    ),
    Scenario(
        # Under xunit1 only record_xml_attribute's experimental-API warning is left.
        "junit_record_fixtures-xunit1",
        "junit_record_fixtures",
        ("-o", "junit_family=xunit1"),
        1,
        r"""
            test_records.py::test_record_property                           passed
            test_records.py::test_record_property_with_the_warning_ignored  passed
            test_records.py::test_record_xml_attribute                      error
            test_records.py::test_record_testsuite_property                 passed
            test_records.py::test_async_record_property                     passed
        """,
        counts={"passed": 4, "errors": 1},
    ),
    Scenario(
        # What record_property / record_xml_attribute / record_testsuite_property write: compared
        # with pytest's file in test_junit_text.py.
        "junit_record_values",
        "junit_record_values",
        (),
        1,
        r"""
            test_values.py::test_record_property                                passed
            test_values.py::test_record_xml_attribute                           passed
            test_values.py::test_record_testsuite_property[PPC]                 passed
            test_values.py::test_record_testsuite_property[ARM]                 passed
            test_values.py::test_record_testsuite_property_needs_a_string_name  failed
            test_values.py::test_async_record_xml_attribute                     passed
        """,
        counts={"failed": 1, "passed": 5},
    ),
    Scenario(
        "junit_record_values-xunit1",
        "junit_record_values",
        ("-o", "junit_family=xunit1"),
        1,
        r"""
            test_values.py::test_record_property                                passed
            test_values.py::test_record_xml_attribute                           passed
            test_values.py::test_record_testsuite_property[PPC]                 passed
            test_values.py::test_record_testsuite_property[ARM]                 passed
            test_values.py::test_record_testsuite_property_needs_a_string_name  failed
            test_values.py::test_async_record_xml_attribute                     passed
        """,
        counts={"failed": 1, "passed": 5},
    ),
    Scenario(
        # pytest's fd capture calls os.fstat on its file after each phase: a test's fake fails it.
        "patched_fstat",
        "patched_fstat",
        (),
        1,
        r"""
            test_patched_fstat.py::test_fake_fstat_fails_the_call             failed
            test_patched_fstat.py::test_fake_fstat_fails_an_async_call        failed
            test_patched_fstat.py::test_fake_fstat_after_a_failure            failed
            test_patched_fstat.py::test_fake_fstat_xfails                     xfailed
            test_patched_fstat.py::test_fake_fstat_errors_the_setup           error
            test_patched_fstat.py::test_wrapping_fstat_passes                 passed
            test_patched_fstat.py::test_fake_fstat_undone_in_the_test_passes  passed
            test_patched_fstat.py::test_after_them_passes                     passed
        """,
        counts={"failed": 3, "passed": 3, "xfailed": 1, "errors": 1},
    ),
    Scenario(
        "patched_fstat-sys-capture",
        "patched_fstat",
        ("--capture=sys",),
        1,
        r"""
            test_patched_fstat.py::test_fake_fstat_fails_the_call             passed
            test_patched_fstat.py::test_fake_fstat_fails_an_async_call        passed
            test_patched_fstat.py::test_fake_fstat_after_a_failure            failed
            test_patched_fstat.py::test_fake_fstat_xfails                     xpassed
            test_patched_fstat.py::test_fake_fstat_errors_the_setup           passed
            test_patched_fstat.py::test_wrapping_fstat_passes                 passed
            test_patched_fstat.py::test_fake_fstat_undone_in_the_test_passes  passed
            test_patched_fstat.py::test_after_them_passes                     passed
        """,
        counts={"failed": 1, "passed": 6, "xpassed": 1},
    ),
    Scenario(
        # A conftest's pytest_runtest_call wrapper replacing item.obj (pytest-trio's kind); its failure
        # reports are compared with pytest's in test_terminal_layout.
        "replaced_test_object",
        "replaced_test_object",
        (),
        1,
        r"""
            test_replaced.py::test_group_of_a_replaced_test   failed
            test_replaced.py::test_group_of_a_plain_test      failed
            test_replaced.py::test_assert_of_a_replaced_test  failed
            test_replaced.py::test_passes                     passed
        """,
        counts={"failed": 3, "passed": 1},
    ),
    Scenario(
        # pytest times its phases with functions bound at import: a test's fakes of time.perf_counter,
        # time.time (a side_effect list, a non-number) and os.lseek are the test's alone. pytest's
        # subtests read time.perf_counter when the block ends, so a fake made inside one fails it. A
        # failing test's raising os.path.relpath still gives its failure (placing its frames).
        "patched_time_functions",
        "patched_time_functions",
        (),
        1,
        r"""
            test_patched_time.py::test_perf_counter_readings_are_the_tests        passed
            test_patched_time.py::test_time_readings_are_the_tests                passed
            test_patched_time.py::test_async_perf_counter_readings_are_the_tests  passed
            test_patched_time.py::test_perf_counter_that_is_no_number             passed
            test_patched_time.py::test_time_that_is_no_number                     passed
            test_patched_time.py::test_perf_counter_replaced_in_a_subtest         failed
            test_patched_time.py::test_lseek_that_fails                           passed
            test_patched_time.py::test_after_them                                 passed
            test_patched_time.py::test_relpath_that_fails_in_a_failing_test       failed
        """,
        counts={"failed": 2, "passed": 7},
    ),
    Scenario(
        # pytest-asyncio's asyncio.Runner calls asyncio's own functions: a test's failing fakes of
        # asyncio.all_tasks / asyncio.set_event_loop do not reach its loop's checks and teardown.
        "patched_asyncio_functions",
        "patched_asyncio_functions",
        (),
        0,
        r"""
            test_patched_asyncio.py::test_all_tasks_replaced                    passed
            test_patched_asyncio.py::test_set_event_loop_replaced               passed
            test_patched_asyncio.py::test_all_tasks_mocked_while_a_task_runs    passed
            test_patched_asyncio.py::test_set_event_loop_replaced_by_a_fixture  passed
            test_patched_asyncio.py::test_after_them                            passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # pyfakefs's fake os is not the capture's: its fake fstat is not taken for a test's
        # replacement of os.fstat (see patched_fstat), and the captured output is read.
        "pyfakefs_capture",
        "pyfakefs_capture",
        (),
        1,
        r"""
            test_fake_filesystem.py::test_fake_file_with_output  passed
            test_fake_filesystem.py::test_fake_file_missing      failed
            test_fake_filesystem.py::test_after_them             passed
        """,
        counts={"failed": 1, "passed": 2},
        requires=("pyfakefs.pytest_plugin",),
    ),
    Scenario(
        # A Test*-named class a test module imports is refused with the warning placed where the class
        # is defined; pytest's Testdir, imported for an annotation, is no test class at all.
        "imported_test_classes",
        "imported_test_classes",
        (),
        0,
        r"""
            test_imports.py::test_client_builds_urls              passed
            test_imports.py::test_testdir_is_only_an_annotation   passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        # The same warning made an error: the class fails to collect, the module's tests do not run.
        "imported_test_classes-warning-as-error",
        "imported_test_classes",
        ("-W", "error::pytest.PytestCollectionWarning"),
        2,
        r"""
            test_imports.py::TestClient  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        # --setup-show writes each fixture's set-up and teardown as the tests run: the outcomes are
        # those of a plain run (the lines themselves: test_terminal_layout.py).
        "setup_show",
        "setup_show",
        ("--setup-show",),
        1,
        r"""
            test_fixtures_shown.py::test_plain[one]               passed
            test_fixtures_shown.py::test_plain[two]               passed
            test_fixtures_shown.py::test_named[p10]               passed
            test_fixtures_shown.py::test_named[p20]               passed
            test_fixtures_shown.py::test_direct[1]                passed
            test_fixtures_shown.py::test_direct[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]  passed
            test_fixtures_shown.py::test_module_param[1]          passed
            test_fixtures_shown.py::test_module_param_again[1]    passed
            test_fixtures_shown.py::test_module_param[2]          passed
            test_fixtures_shown.py::test_module_param_again[2]    passed
            test_fixtures_shown.py::test_broken                   error
            test_fixtures_shown.py::test_fails                    failed
            test_fixtures_shown.py::test_async                    passed
            test_fixtures_shown.py::test_async_module_loop        passed
            test_fixtures_shown.py::test_skipped                  skipped
            test_fixtures_shown.py::TestGroup::test_in_class      passed
        """,
        counts={"failed": 1, "passed": 13, "skipped": 1, "errors": 1},
    ),
    Scenario(
        # The short summary's message of a fixture lookup error at set-up and at run time
        # (request.getfixturevalue in a fixture, a sync and an async test), and of a test's own
        # pytest.fail text holding an "E" line; the lines are compared in test_terminal_layout.
        "fixture_lookup_summary",
        "fixture_lookup_summary",
        (),
        1,
        r"""
            test_lookup_summary.py::test_requests_unknown_fixture               error
            test_lookup_summary.py::test_fixture_looks_up_unknown_fixture       error
            test_lookup_summary.py::test_looks_up_unknown_fixture               failed
            test_lookup_summary.py::test_async_test_looks_up_unknown_fixture    failed
            test_lookup_summary.py::test_fail_without_traceback_and_an_e_line   failed
            test_lookup_summary.py::test_passes                                 passed
        """,
        counts={"failed": 3, "passed": 1, "errors": 2},
    ),
    Scenario(
        # item.fixturenames / request.fixturenames / funcargs as pytest fills them: directly parametrized
        # arguments in their places, and on the request what getfixturevalue got.
        "fixturenames_lists",
        "fixturenames_lists",
        (),
        0,
        r"""
            test_fixturenames.py::test_direct_arguments_are_listed[1-2]                   passed
            test_fixturenames.py::test_a_parameter_overriding_a_fixture_is_listed_once[5]  passed
            test_fixturenames.py::test_getfixturevalue_adds_to_the_requests_list           passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # Several teardown errors at once are one ExceptionGroup per scope instance ("errors while
        # tearing down <Function ...>", <Class ...>, <Module ...>, <Session ...>) and one over several
        # instances ("errors during test teardown"), as pytest's SetupState raises them; a single
        # error is reported as it is. events.log records each teardown's exception as a hook sees it.
        "teardown_error_groups",
        "teardown_error_groups",
        (),
        1,
        r"""
            test_groups.py::test_two_fixtures                  error
            test_groups.py::test_one_fixture                   error
            test_groups.py::test_parametrized[1]               error
            test_groups.py::test_starts_the_session            passed
            test_groups.py::TestClassScope::test_first         passed
            test_groups.py::TestClassScope::test_last          error
            test_groups.py::test_fails_in_its_call             failed
            test_groups.py::test_module_and_function           error
            test_session_end.py::test_plain                    passed
            test_session_end.py::test_last_of_the_run          error
        """,
        counts={"failed": 2, "passed": 8, "errors": 6},
        events=EVENTS_TEARDOWN_ERROR_GROUPS,
    ),
    Scenario(
        # pytest 9's advice for class-scoped fixtures, @pytest.fixture over @classmethod: generator and
        # async-generator fixtures run to their yield once per class (with their arguments) and are
        # torn down at the class's end, a failing teardown an error of the class's last test.
        "classmethod_fixtures",
        "classmethod_fixtures",
        (),
        1,
        r"""
            test_classmethod_fixtures.py::TestGenerator::test_value          passed
            test_classmethod_fixtures.py::TestGenerator::test_function_scoped  passed
            test_classmethod_fixtures.py::TestAsyncGenerator::test_value     passed
            test_classmethod_fixtures.py::TestTeardownFails::test_uses_it    passed
            test_classmethod_fixtures.py::TestTeardownFails::test_last       error
            test_classmethod_fixtures.py::test_after_the_classes             passed
        """,
        counts={"passed": 6, "errors": 1},
        events=EVENTS_CLASSMETHOD_FIXTURES,
    ),
    Scenario(
        # A failed report's longrepr has pytest's reprcrash (path, 1-based line, one-line message) for
        # a logreport hook to read, and renders as the failure's text.
        "report_crash",
        "report_crash",
        (),
        1,
        r"""
            test_crash.py::test_assert_with_message  failed
            test_crash.py::test_raised_in_a_helper   failed
            test_crash.py::test_pytest_fail          failed
            test_crash.py::test_teardown             error
            test_crash.py::test_setup                error
            test_crash.py::test_compared_strings     failed
            test_crash.py::test_async                failed
            test_crash.py::test_passes               passed
        """,
        counts={"failed": 5, "passed": 2, "errors": 2},
        events=EVENTS_REPORT_CRASH,
    ),
    Scenario(
        # config.getoption by option string: a declared option's dest (dest=, or a short name's long
        # one), pytest's own short and renamed options; a name no option has stays as it is.
        "option_dests",
        "option_dests",
        ("--record-mode=none", "-R", "-x", "-l", "--tb=short"),
        0,
        r"""
            test_options.py::test_a_renamed_option_is_read_by_its_option_string      passed
            test_options.py::test_option_strings_name_their_options                  passed
            test_options.py::test_a_default_stands_in_only_for_an_undeclared_option  passed
        """,
        counts={"passed": 3},
        events="""
--record-mode 'none'
deprecated_record 'none'
record_mode ValueError: no option named 'record_mode'
-R True
--replay-all True
replay_all True
-x 1
--exitfirst 1
-l True
--tb 'short'
-m ''
-k ''
--capture 'fd'
--lf False
--last-failed False
--ff False
--sw False
--nosuch ValueError: no option named '--nosuch'
nosuch ValueError: no option named 'nosuch'
""",
    ),
    Scenario(
        # A blocked plugin's option strings are in no table: pytest names them as given.
        "option_dests-cache-blocked",
        "option_dests",
        ("--record-mode=none", "-R", "-x", "-l", "--tb=short", "-p", "no:cacheprovider"),
        0,
        r"""
            test_options.py::test_a_renamed_option_is_read_by_its_option_string      passed
            test_options.py::test_option_strings_name_their_options                  passed
            test_options.py::test_a_default_stands_in_only_for_an_undeclared_option  passed
        """,
        counts={"passed": 3},
        events="""
--record-mode 'none'
deprecated_record 'none'
record_mode ValueError: no option named 'record_mode'
-R True
--replay-all True
replay_all True
-x 1
--exitfirst 1
-l True
--tb 'short'
-m ''
-k ''
--capture 'fd'
--lf ValueError: no option named '--lf'
--last-failed ValueError: no option named '--last-failed'
--ff ValueError: no option named '--ff'
--sw ValueError: no option named '--sw'
--nosuch ValueError: no option named '--nosuch'
nosuch ValueError: no option named 'nosuch'
""",
    ),
    Scenario(
        # config.option.plugins / pythonwarnings: every -p and -W value in order, addopts' first, which a
        # conftest's pytest_configure reads and rewrites.
        "plugin_arg_options",
        "plugin_arg_options",
        ("-p", "no:unwanted", "-W", "ignore::UserWarning", "-W", "error::ResourceWarning"),
        0,
        r"""
            test_plugin_args.py::test_the_run_went_on  passed
        """,
        counts={"passed": 1},
        events="""
plugins ['no:doctest']
-p ['no:doctest']
pythonwarnings ['ignore::UserWarning', 'error::ResourceWarning']
-W ['ignore::UserWarning', 'error::ResourceWarning']
""",
    ),
    Scenario(
        # Without any -W on the command line pytest's value is None (the ini's filterwarnings are not in it).
        "plugin_arg_options-no-warning-args",
        "plugin_arg_options",
        (),
        0,
        r"""
            test_plugin_args.py::test_the_run_went_on  passed
        """,
        counts={"passed": 1},
        events="""
plugins ['no:doctest']
-p ['no:doctest']
pythonwarnings None
-W None
""",
    ),
    Scenario(
        # pytest's own options as a conftest reads them in pytest_configure: every dest at pytest's value
        # (several raised ValueError), the ini's strict_markers / log_level left out of the option values.
        "pytest_option_values",
        "pytest_option_values",
        (),
        0,
        r"""
            test_options.py::test_header_left_as_pytest_leaves_it  passed
        """,
        counts={"passed": 1},
        events="""
rootdir None
inifilename None
strict_markers None
strict None
strict_config None
log_level None
log_cli_level None
log_file None
log_format None
logger_disable []
no_header False
no_summary False
disable_warnings False
showfixtures False
traceconfig False
code_highlight 'yes'
fold_skipped True
force_short_summary False
keepduplicates False
junitprefix None
xfail_tb False
usepdb_cls None
durations_min None
max_warnings None
doctest_continue_on_failure False
disable_plugin_autoload False
asyncio_mode None
asyncio_debug None
quiet 'absent'
""",
    ),
    Scenario(
        # The command line's values as given: --rootdir and -c as spelled, the strictness flags, -q's count
        # in option.quiet, the output options asynctestrun tolerates (--no-fold-skipped turns fold_skipped off).
        "pytest_option_values-given",
        "pytest_option_values",
        (
            "-q",
            "-q",
            "--rootdir=.",
            "-c",
            "pytest.ini",
            "--strict-markers",
            "--strict",
            "--log-disable=noisy",
            "--log-level=WARNING",
            "--no-header",
            "--no-fold-skipped",
            "--durations-min=0.5",
            "--pdbcls=pdb:Pdb",
            "--asyncio-mode=strict",
            "--asyncio-debug",
        ),
        0,
        r"""
            test_options.py::test_header_left_as_pytest_leaves_it  passed
        """,
        counts={},  # -qq leaves the summary line out,
        events="""
rootdir '.'
inifilename 'pytest.ini'
strict_markers True
strict True
strict_config None
log_level 'WARNING'
log_cli_level None
log_file None
log_format None
logger_disable ['noisy']
no_header True
no_summary False
disable_warnings False
showfixtures False
traceconfig False
code_highlight 'yes'
fold_skipped False
force_short_summary False
keepduplicates False
junitprefix None
xfail_tb False
usepdb_cls ('pdb', 'Pdb')
durations_min 0.5
max_warnings None
doctest_continue_on_failure False
disable_plugin_autoload False
asyncio_mode 'strict'
asyncio_debug True
quiet 2
""",
    ),
    Scenario(
        # -p no:logging takes the logging plugin's options away: getoption raises for each of them.
        "pytest_option_values-no-logging",
        "pytest_option_values",
        ("-p", "no:logging"),
        0,
        r"""
            test_options.py::test_header_left_as_pytest_leaves_it  passed
        """,
        counts={"passed": 1},
        events="""
rootdir None
inifilename None
strict_markers None
strict None
strict_config None
log_level "ValueError: no option named 'log_level'"
log_cli_level "ValueError: no option named 'log_cli_level'"
log_file "ValueError: no option named 'log_file'"
log_format "ValueError: no option named 'log_format'"
logger_disable "ValueError: no option named 'logger_disable'"
no_header False
no_summary False
disable_warnings False
showfixtures False
traceconfig False
code_highlight 'yes'
fold_skipped True
force_short_summary False
keepduplicates False
junitprefix None
xfail_tb False
usepdb_cls None
durations_min None
max_warnings None
doctest_continue_on_failure False
disable_plugin_autoload False
asyncio_mode None
asyncio_debug None
quiet 'absent'
""",
    ),
    Scenario(
        # --pyargs: a dotted package name is the directory it is imported from (the harness runs
        # ``python -m``, so the sample's root is importable); node ids are the files' as with a path.
        "pyargs",
        "pyargs",
        ("--pyargs", "mypkg.tests"),
        1,
        r"""
            mypkg/tests/test_double.py::test_double  passed
            mypkg/tests/test_double.py::test_double_after_a_switch  failed
            mypkg/tests/test_options.py::test_the_option_says_pyargs  passed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        # A module's name with a test's after "::".
        "pyargs-module",
        "pyargs",
        ("--pyargs", "mypkg.tests.test_double::test_double"),
        0,
        r"""
            mypkg/tests/test_double.py::test_double  passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        # A name nothing can import: pytest's usage error, exit 4.
        "pyargs-not-found",
        "pyargs",
        ("--pyargs", "mypkg.nope"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # Live logging (log_cli) changes what the terminal shows, never an outcome; caplog still sees
        # the records the terminal is given.
        "live_logging",
        "live_logging",
        (),
        1,
        r"""
            test_live.py::test_quiet  passed
            test_live.py::test_logs_in_every_phase  passed
            test_live.py::test_fails_after_logging  failed
            test_live.py::test_logs_at_set_up_and_teardown_only  passed
            test_live.py::test_teardown_breaks  error
            test_live.py::test_skipped_after_logging  skipped
            test_live.py::test_caplog_still_sees_records  passed
        """,
        counts={"passed": 5, "failed": 1, "errors": 1, "skipped": 1},
    ),
    Scenario(
        # The ini's log_format is caplog.text's format (and the "Captured log" sections'); it was the default.
        "log_format",
        "log_format",
        (),
        1,
        r"""
            test_format.py::test_caplog_text_follows_the_ini_format  passed
            test_format.py::test_the_captured_log_section_follows_it_too  failed
            test_format.py::test_the_root_logger_has_pytests_four_handlers  passed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        # --log-format over the ini's.
        "log_format-command-line",
        "log_format",
        ("--log-format=%(message)s",),
        1,
        r"""
            test_format.py::test_caplog_text_follows_the_ini_format  failed
            test_format.py::test_the_captured_log_section_follows_it_too  failed
            test_format.py::test_the_root_logger_has_pytests_four_handlers  passed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        # A test module's logging.basicConfig() at import (during collection) is a no-op, as pytest's
        # run-wide log handlers are on the root logger then; the root logger keeps its level.
        "import_time_logging",
        "import_time_logging",
        ("test_import_time.py",),
        0,
        r"""
            test_import_time.py::test_basic_config_at_import_added_no_handler     passed
            test_import_time.py::test_root_levels                                 passed
            test_import_time.py::test_debug_records_of_an_async_test_reach_no_stream  passed
        """,
        counts={"passed": 3},
        events="""
at import WARNING
in the test WARNING
""",
    ),
    Scenario(
        # --log-level lowers the root logger while test modules import, not only while tests run.
        "import_time_logging-log-level",
        "import_time_logging",
        ("test_import_time.py", "--log-level=INFO"),
        0,
        r"""
            test_import_time.py::test_basic_config_at_import_added_no_handler     passed
            test_import_time.py::test_root_levels                                 passed
            test_import_time.py::test_debug_records_of_an_async_test_reach_no_stream  passed
        """,
        counts={"passed": 3},
        events="""
at import INFO
in the test INFO
""",
    ),
    Scenario(
        # With pytest's logging plugin blocked there is no run-wide handler: basicConfig() at import
        # configures the root logger (and there is no caplog).
        "import_time_logging-logging-blocked",
        "import_time_logging",
        ("test_import_time.py", "-p", "no:logging"),
        1,
        r"""
            test_import_time.py::test_basic_config_at_import_added_no_handler     failed
            test_import_time.py::test_root_levels                                 passed
            test_import_time.py::test_debug_records_of_an_async_test_reach_no_stream  error
        """,
        counts={"failed": 1, "passed": 1, "errors": 1},
        events="""
at import WARNING
in the test DEBUG
""",
    ),
    Scenario(
        # An unknown level name is a usage error, reported before anything is collected.
        "import_time_logging-bad-level",
        "import_time_logging",
        ("--log-level=loud",),
        4,
        "",
        counts={},
    ),
    Scenario(
        # ...also under -n, where the parent checks it before any worker starts.
        "import_time_logging-bad-level-workers",
        "import_time_logging",
        ("--log-level=loud", "-n", "2"),
        4,
        "",
        counts={},
        requires=("xdist",),
    ),
    Scenario(
        # A test module whose compiling warns (an invalid escape sequence) runs; the warning is counted.
        "compile_warnings",
        "compile_warnings",
        (),
        0,
        r"""
            test_escapes.py::test_flags        passed
            test_escapes.py::test_flags_async  passed
            test_plain.py::test_plain          passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # An error filter for that warning makes the module a collection error (a SyntaxError), also
        # on a run after one that cached the module (tests/e2e/test_compile_warnings.py).
        "compile_warnings-error",
        "compile_warnings",
        ("-W", "error::DeprecationWarning", "-W", "error::SyntaxWarning"),
        2,
        r"""
            test_escapes.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        # log_file: every record of the session at log_file_level and above, from the test module's import
        # on, in log_file_format (the sample writes its log file as the scenario's events.log).
        "log_file",
        "log_file",
        (),
        1,
        r"""
            test_logged.py::test_uses_the_connection  passed
            test_logged.py::test_fails_after_logging  failed
        """,
        counts={"passed": 1, "failed": 1},
        events="""
WARNING svc imported
INFO svc connecting
INFO svc querying
INFO svc disconnecting
ERROR svc about to fail
""",
    ),
    Scenario(
        # --log-file-level over the ini's.
        "log_file-level",
        "log_file",
        ("--log-file-level=ERROR",),
        1,
        r"""
            test_logged.py::test_uses_the_connection  passed
            test_logged.py::test_fails_after_logging  failed
        """,
        counts={"passed": 1, "failed": 1},
        events="""
ERROR svc about to fail
""",
    ),
    Scenario(
        # -l shows each long frame's locals as pytest does at default verbosity: cut to 240 characters,
        # containers to their first items, dicts in insertion order.
        "locals_verbosity",
        "locals_verbosity",
        ("-l",),
        1,
        r"""
            test_locals.py::test_values_in_frames  failed
            test_locals.py::test_async_locals      failed
        """,
        counts={"failed": 2},
        events="""
test_values_in_frames
items      = [0, 1, 2, 3, 4, 5, ...]
scope      = {'zeta': 1, 'alpha': [1, 2, 3]}
items = [0, 1, 2, 3, 4, 5, ...], mapping = {'zeta': 1, 'alpha': [1, 2, 3]}
text = 'y*117...y*118'
items      = [0, 1, 2, 3, 4, 5, ...]
mapping    = {'zeta': 1, 'alpha': [1, 2, 3]}
text       = 'y*117...y*118'
wide       = {'key00': 'x*10', 'key01': 'x*10', 'key02': 'x*10', 'key03': 'x*10', ...}
test_async_locals
long_text  = 'z*117...z*118'
order      = {'second': 2, 'first': 1}
""",
    ),
    Scenario(
        # From -vv on pytest pretty-prints locals in full (dict keys sorted, one item a line past 80
        # columns); a frame's arguments are still cut.
        "locals_verbosity-vv",
        "locals_verbosity",
        ("-l", "-vv"),
        1,
        r"""
            test_locals.py::test_values_in_frames  failed
            test_locals.py::test_async_locals      failed
        """,
        counts={"failed": 2},
        events="""
test_values_in_frames
items      = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
scope      = {'alpha': [1, 2, 3], 'zeta': 1}
items = [0, 1, 2, 3, 4, 5, ...], mapping = {'zeta': 1, 'alpha': [1, 2, 3]}
text = 'y*117...y*118'
items      = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
mapping    = {'alpha': [1, 2, 3], 'zeta': 1}
text       = 'y*300'
wide       = {'key00': 'x*10',
 'key01': 'x*10',
 'key02': 'x*10',
 'key03': 'x*10',
 'key04': 'x*10',
 'key05': 'x*10',
 'key06': 'x*10',
 'key07': 'x*10',
 'key08': 'x*10',
 'key09': 'x*10',
 'key10': 'x*10',
 'key11': 'x*10'}
test_async_locals
long_text  = 'z*250'
order      = {'first': 1, 'second': 2}
""",
    ),
    Scenario(
        # From -vvv on the arguments are no longer cut to 240 characters either (containers keep
        # reprlib's limits).
        "locals_verbosity-vvv",
        "locals_verbosity",
        ("-l", "-vvv"),
        1,
        r"""
            test_locals.py::test_values_in_frames  failed
            test_locals.py::test_async_locals      failed
        """,
        counts={"failed": 2},
        events="""
test_values_in_frames
items      = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
scope      = {'alpha': [1, 2, 3], 'zeta': 1}
items = [0, 1, 2, 3, 4, 5, ...], mapping = {'zeta': 1, 'alpha': [1, 2, 3]}
text = 'y*300'
items      = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
mapping    = {'alpha': [1, 2, 3], 'zeta': 1}
text       = 'y*300'
wide       = {'key00': 'x*10',
 'key01': 'x*10',
 'key02': 'x*10',
 'key03': 'x*10',
 'key04': 'x*10',
 'key05': 'x*10',
 'key06': 'x*10',
 'key07': 'x*10',
 'key08': 'x*10',
 'key09': 'x*10',
 'key10': 'x*10',
 'key11': 'x*10'}
test_async_locals
long_text  = 'z*250'
order      = {'first': 1, 'second': 2}
""",
    ),
    Scenario(
        # -l lists a frame's __tracebackhide__ where it is false (the frame stays in the traceback), as
        # pytest lists every local; a module's collection error lists its globals too
        # (test_terminal_layout.py compares that report).
        "collection_error_locals",
        "collection_error_locals",
        ("-l", "--continue-on-collection-errors"),
        1,
        r"""
            test_import_fails.py                              error
            test_unhidden.py::test_unhidden_helper_frame      failed
        """,
        counts={"failed": 1, "errors": 1},
        events="""
test_unhidden_helper_frame
count = 1
__tracebackhide__ = False
count      = 1
expected   = {'count': 2}
""",
    ),
    Scenario(
        # A plugin's own AssertionRewritingHook used as a loader (pytest-examples runs each example so).
        "rewriting_hook_loader",
        "rewriting_hook_loader",
        (),
        1,
        r"""
            test_examples.py::test_a_passing_example_gives_its_globals  passed
            test_examples.py::test_a_failing_assert_is_explained        passed
            test_examples.py::test_a_failing_example_fails_its_test     failed
            test_examples.py::test_its_source_is_found                  passed
            test_examples.py::test_the_hook_is_a_loader                 passed
        """,
        counts={"passed": 4, "failed": 1},
    ),
    Scenario(
        # pytest.register_assert_rewrite of a module imported already: pytest's warning, filtered by class.
        "assert_rewrite_imported",
        "assert_rewrite_imported",
        (),
        0,
        r"""
            test_helpers.py::test_a_passing_check                      passed
            test_helpers.py::test_a_failing_check_is_a_plain_assert    passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        "assert_rewrite_imported-error",
        "assert_rewrite_imported",
        ("-W", "error::pytest.PytestAssertRewriteWarning"),
        4,
        "",
        counts={},
    ),
    Scenario(
        # A directory its conftest skips whole is one skip, however many workers have files in it.
        "skipped_directory_workers",
        "skipped_directory_workers",
        (),
        0,
        r"""
            needs_credentials                          skipped
            test_offline_one.py::test_offline_one      passed
            test_offline_two.py::test_offline_two      passed
            test_offline_two.py::test_skipped_alone    skipped
        """,
        counts={"passed": 2, "skipped": 2},
    ),
    Scenario(
        "skipped_directory_workers-n2",
        "skipped_directory_workers",
        ("-n", "2"),
        0,
        r"""
            needs_credentials                          skipped
            test_offline_one.py::test_offline_one      passed
            test_offline_two.py::test_offline_two      passed
            test_offline_two.py::test_skipped_alone    skipped
        """,
        counts={"passed": 2, "skipped": 2},
        requires=("xdist",),
        same_order=False,
    ),
    Scenario(
        # pytest-xdist's workers each collect every file and run their share: a module that imports
        # only after another one did (here an environment variable, in a Django project the settings
        # its wsgi.py sets up) works whichever worker runs it. A module skip is reported once.
        "xdist_collects_all",
        "xdist_collects_all",
        ("-n", "2"),
        1,
        r"""
            test_a_configures.py::test_configures       passed
            test_b_needs_a.py::test_reads_the_setting   passed
            test_b_needs_a.py::test_fails_on_its_own    failed
            test_c_skipped.py                           skipped
        """,
        counts={"passed": 2, "failed": 1, "skipped": 1},
        requires=("xdist",),
        same_order=False,
    ),
    Scenario(
        "xdist_collects_all-in-process",
        "xdist_collects_all",
        (),
        1,
        r"""
            test_a_configures.py::test_configures       passed
            test_b_needs_a.py::test_reads_the_setting   passed
            test_b_needs_a.py::test_fails_on_its_own    failed
            test_c_skipped.py                           skipped
        """,
        counts={"passed": 2, "failed": 1, "skipped": 1},
    ),
    Scenario(
        # pytest builds a module's own tests before it collects any class in it, and an outer class's
        # before the class nested in it: a module-level test that cannot be built fails the module even
        # below a broken class, and an outer class's broken test hides its nested class's.
        "collector_build_order",
        "collector_build_order",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_a_module_level_after_class.py                 error
            test_b_nested_class.py::TestOuter                  error
            test_c_class_then_module.py::TestBroken            error
            test_b_nested_class.py::TestSibling::test_runs     passed
            test_c_class_then_module.py::test_before           passed
            test_c_class_then_module.py::test_after[1]         passed
            test_c_class_then_module.py::test_after[2]         passed
        """,
        counts={"passed": 4, "errors": 3},
    ),
    Scenario(
        # The third collection error reaches --maxfail=3: as in pytest, which checks it again after
        # each test, the first test runs and the run stops there.
        "collector_build_order-maxfail",
        "collector_build_order",
        ("--continue-on-collection-errors", "--maxfail=3"),
        1,
        r"""
            test_a_module_level_after_class.py                 error
            test_b_nested_class.py::TestOuter                  error
            test_c_class_then_module.py::TestBroken            error
            test_b_nested_class.py::TestSibling::test_runs     passed
        """,
        counts={"passed": 1, "errors": 3},
    ),
    Scenario(
        # Fixture methods of a unittest.TestCase run bound to the TestCase that runs the test (pytest
        # makes it before the fixtures): what an autouse one sets on self is seen by setUp and the test.
        "unittest_fixture_methods",
        "unittest_fixture_methods",
        (),
        1,
        r"""
            test_fixture_methods.py::TestAutouseSetsAttribute::test_sees_the_fixture               passed
            test_fixture_methods.py::TestRequestInstance::test_request_instance_is_the_test_case   passed
            test_fixture_methods.py::TestUsesClassFixture::test_one                               passed
            test_fixture_methods.py::TestUsesClassFixture::test_two_gets_a_fresh_instance         passed
            test_fixture_methods.py::TestIsolatedAsync::test_async_sees_the_fixture               passed
            test_fixture_methods.py::TestFixtureFails::test_not_run                               error
        """,
        counts={"passed": 5, "errors": 1},
    ),
    Scenario(
        # A class-scoped fixture method runs on the instance pytest collected its class with, not on
        # the first test's: the test does not see what it set on self (a plain class, a TestCase).
        "class_scoped_fixture_methods",
        "class_scoped_fixture_methods",
        (),
        0,
        r"""
            test_class_scoped_methods.py::TestPlainClass::test_does_not_see_the_collection_instance  passed
            test_class_scoped_methods.py::TestPlainClass::test_sees_the_class_attribute              passed
            test_class_scoped_methods.py::TestCaseClass::test_does_not_see_the_collection_instance   passed
            test_class_scoped_methods.py::TestCaseClass::test_sees_the_class_attribute               passed
        """,
        counts={"passed": 4},
    ),
    Scenario(
        # A test module's own pytest_plugins (a local plugin module and pytest's pytester): their
        # fixtures serve that module's tests and, registered for the run, a file collected after it.
        "module_declared_plugins",
        "module_declared_plugins",
        (),
        0,
        r"""
            test_declares.py::test_fixture_of_a_declared_plugin                 passed
            test_declares.py::test_testdir_of_the_bundled_plugin                passed
            test_declares.py::TestInAClass::test_pytester_of_the_bundled_plugin passed
            test_declares.py::test_async_test_sees_it_too                       passed
            test_later.py::test_fixture_of_a_plugin_another_module_declared     passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # -p no:terminal (in an inner pytester run): no report is written, only the tests' own output
        # under -s; the exit status is the run's.
        "no_terminal_plugin",
        "no_terminal_plugin",
        (),
        0,
        r"""
            test_no_terminal.py::test_a_failing_run_writes_nothing      passed
            test_no_terminal.py::test_only_the_tests_own_output_under_s passed
            test_no_terminal.py::test_a_passing_run_writes_nothing      passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # pytest's private _compare_eq_iterable (from _pytest.assertion._compare_sequence): the lines
        # it yields are found in a failed comparison's message, as a suite checking it expects.
        "compare_iterable_internal",
        "compare_iterable_internal",
        (),
        1,
        r"""
            test_compare_iterable.py::test_the_lines_are_in_the_assertion_message[tuple] passed
            test_compare_iterable.py::test_the_lines_are_in_the_assertion_message[list]  passed
            test_compare_iterable.py::test_the_lines_are_in_the_assertion_message[dict]  passed
            test_compare_iterable.py::test_verbose_gives_the_full_diff                   passed
            test_compare_iterable.py::test_a_wrong_expectation_fails                     failed
        """,
        counts={"failed": 1, "passed": 4},
    ),
    Scenario(
        # A test file reached through two overlapping paths (a directory and a subdirectory of it) is
        # collected once, as pytest reuses its module: a parametrize over an iterator (used up by the
        # first harvest) gains no extra empty-parameter "[NOTSET]" test.
        "overlapping_paths_iterator_params",
        "overlapping_paths_iterator_params",
        ("tests", "tests/sub"),
        0,
        r"""
            tests/sub/test_iterated.py::test_product[a-1]        passed
            tests/sub/test_iterated.py::test_product[b-1]        passed
            tests/sub/test_iterated.py::test_async_iterated[1]   passed
            tests/sub/test_iterated.py::test_async_iterated[2]   passed
            tests/sub/test_iterated.py::test_plain               passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # pytest.fixture has pytest's signature: loop_scope= (pytest_asyncio.fixture's argument) is
        # a TypeError when the module imports, one collection error; asynctestrun accepted it.
        "fixture_signature",
        "fixture_signature",
        (),
        2,
        r"""
            test_plain_fixture_loop_scope.py                      error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "fixture_signature-continue",
        "fixture_signature",
        ("--continue-on-collection-errors",),
        1,
        r"""
            test_fixture_arguments.py::test_number[one]           passed
            test_fixture_arguments.py::test_number[two]           passed
            test_fixture_arguments.py::test_module_loop           passed
            test_fixture_arguments.py::test_yield_fixture         passed
            test_fixture_arguments.py::test_positional_loop_scope passed
            test_plain_fixture_loop_scope.py                      error
        """,
        counts={"passed": 5, "errors": 1},
    ),
    Scenario(
        # pytest.skip / pytest.fail take pytest 9's arguments: allow_module_level and pytrace by
        # position, and no msg= (a TypeError, so the test fails); asynctestrun skipped on msg= and
        # failed on a positional allow_module_level.
        "outcome_call_signatures",
        "outcome_call_signatures",
        (),
        1,
        r"""
            test_outcome_calls.py::test_skip_with_msg_keyword                 failed
            test_outcome_calls.py::test_skip_allow_module_level_positional    skipped
            test_outcome_calls.py::test_async_skip_with_msg_keyword           failed
            test_outcome_calls.py::test_fail_with_msg_keyword                 failed
            test_outcome_calls.py::test_fail_pytrace_positional               failed
            test_outcome_calls.py::test_skip_reason_keyword                   skipped
        """,
        counts={"failed": 4, "skipped": 2},
    ),
    Scenario(
        # A test's fixture values are dropped in its teardown, inside its warning capture (pytest sets
        # item.funcargs = None there): an unawaited coroutine released then is that test's warning.
        "released_fixture_values",
        "released_fixture_values",
        (),
        1,
        r"""
            test_released.py::test_sync     passed
            test_released.py::test_async    passed
            test_released.py::test_not_run  failed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        "startup_conftest_outcomes-skips",
        "startup_conftest_outcomes",
        ("skips",),
        1,
        "",
        counts={},
    ),
    Scenario(
        "startup_conftest_outcomes-fails",
        "startup_conftest_outcomes",
        ("fails",),
        1,
        "",
        counts={},
    ),
    Scenario(
        "startup_conftest_outcomes-exits",
        "startup_conftest_outcomes",
        ("exits",),
        3,
        "",
        counts={},
    ),
    Scenario(
        "startup_conftest_outcomes-pytest-exit",
        "startup_conftest_outcomes",
        ("pytest_exit",),
        4,
        "",
        counts={},
    ),
    Scenario(
        "logging_plugin_blocked",
        "logging_plugin_blocked",
        ("-p", "no:logging", "--asyncio-mode=auto"),
        1,
        r"""
            test_unlogged.py::test_a_warning_goes_to_stderr            passed
            test_unlogged.py::test_the_root_logger_has_no_handler      passed
            test_unlogged.py::test_an_async_test_logs_to_stderr_too    passed
            test_unlogged.py::test_caplog_is_not_there                 error
        """,
        counts={"passed": 3, "errors": 1},
    ),
    Scenario(
        # _pytest.scope.Scope and _pytest.python.CallSpec, which anyio's own pytest plugin imports at
        # module level: a conftest importing that plugin (anyio's suite) failed every test's set-up.
        "pytest_scope_and_callspec",
        "pytest_scope_and_callspec",
        (),
        0,
        r"""
            test_scope_and_callspec.py::test_scope_members_run_from_narrowest_to_widest      passed
            test_scope_and_callspec.py::test_scopes_compare_by_width                         passed
            test_scope_and_callspec.py::test_next_lower_and_higher                           passed
            test_scope_and_callspec.py::test_from_user_fails_on_an_unknown_scope             passed
            test_scope_and_callspec.py::test_a_parametrized_tests_callspec_is_a_callspec[1]  passed
            test_scope_and_callspec.py::test_a_parametrized_tests_callspec_is_a_callspec[2]  passed
        """,
        counts={"passed": 6},
    ),
    Scenario(
        # @given on anyio tests: hypothesis's sync wrapper calls the async test once per example, and
        # each example runs on anyio's runner, as anyio's plugin does; asynctestrun called the wrapper
        # as the test itself, and hypothesis failed it ("doesn't know how to run async test functions").
        "anyio_hypothesis",
        "anyio_hypothesis",
        (),
        1,
        r"""
            test_given.py::test_mark_first                              passed
            test_given.py::test_mark_last                               passed
            test_given.py::test_every_example_runs                      passed
            test_given.py::test_the_examples_ran                        passed
            test_given.py::test_with_the_backend_and_an_async_fixture   passed
            test_given.py::test_pytest_fail_in_an_example               xfailed
            test_given.py::test_a_failing_example                       failed
            test_given.py::TestInAClass::test_method                    passed
            test_given.py::test_sync_given                              passed
        """,
        counts={"passed": 7, "failed": 1, "xfailed": 1},
        requires=("anyio", "hypothesis"),
    ),
    Scenario(
        # pytest.exit() inside an anyio task group ends the run (exit status 2), as anyio's plugin
        # unwraps it from the task group's exception group; asynctestrun failed the test and went on.
        "anyio_exit_in_task_group",
        "anyio_exit_in_task_group",
        (),
        2,
        r"""
            test_a_runs_first.py::test_before_the_exit  passed
        """,
        counts={"passed": 1},
        requires=("anyio",),
    ),
    Scenario(
        "subtest_skip_summary",
        "subtest_skip_summary",
        ("-v", "-rsx"),
        0,
        r"""
            test_skip_summary.py::test_first_skip_is_a_subtests        skipped
            test_skip_summary.py::test_marked_skip                     skipped
            test_skip_summary.py::test_expected_failure_in_a_block     xfailed
            test_skip_summary.py::test_marked_xfail                    xfailed
        """,
        # With -v, skipped and expected-to-fail blocks count as well.
        counts={"passed": 2, "skipped": 2, "xfailed": 2},
    ),
    Scenario(
        "unittest_subtest_skip",
        "unittest_subtest_skip",
        (),
        1,
        r"""
            test_subtest_skips.py::SkipsInSubtests::test_every_subtest_skips                 skipped
            test_subtest_skips.py::SkipsInSubtests::test_fails_after_a_skipped_subtest       failed
            test_subtest_skips.py::SkipsInSubtests::test_one_subtest_skips_the_next_passes   skipped
            test_subtest_skips.py::SkipsInSubtests::test_skips_outside_its_subtests          skipped
            test_subtest_skips.py::AsyncSkipsInSubtests::test_async_subtest_skips            skipped
        """,
        # A subtest's skip is that subtest's: its test passes (or fails on its own), as in pytest 9.
        # The JUnit file, which the outcomes are read from, has the subtests' skips under their tests.
        counts={"failed": 1, "passed": 3, "skipped": 1},
    ),
    Scenario(
        "unittest_subtest_capture",
        "unittest_subtest_capture",
        ("-q", "-rA"),
        1,
        r"""
            test_captured_subtests.py::SubtestOutput::test_fails_after_its_subtests       failed
            test_captured_subtests.py::SubtestOutput::test_one_subtest_fails              failed
            test_captured_subtests.py::SubtestOutput::test_one_subtest_skips              skipped
            test_captured_subtests.py::SubtestOutput::test_prints_around_its_subtests     passed
            test_captured_subtests.py::SubtestOutput::test_prints_nothing                 passed
            test_captured_subtests.py::SubtestOutput::test_writes_stderr_only             passed
            test_captured_subtests.py::AsyncSubtestOutput::test_async_subtests            passed
            test_captured_subtests.py::AsyncSubtestOutput::test_without_subtests          passed
        """,
        counts={"failed": 2, "passed": 7, "skipped": 1},
    ),
    Scenario(
        "unittest_crash_line",
        "unittest_crash_line",
        ("--tb=line",),
        1,
        r"""
            test_crash_line.py::test_plain_function_fails           failed
            test_crash_line.py::Assertions::test_assert_equal       failed
            test_crash_line.py::Assertions::test_fail               failed
            test_crash_line.py::Assertions::test_helper_raises      failed
            test_crash_line.py::Assertions::test_plain_assert       failed
        """,
        counts={"failed": 5},
    ),
    Scenario(
        # config.getini knows every key pytest and pytest-asyncio declare, and gives pytest's default
        # for one the file leaves out, converted by the key's type (a union tries each member; an
        # alias reads its key); a conftest's pytest_configure reading enable_assertion_pass_hook, as
        # pytest-golden does, stopped the run with an internal error.
        "builtin_ini_defaults",
        "builtin_ini_defaults",
        (),
        0,
        r"""
            test_getini.py::test_configure_hook_read_an_unset_key              passed
            test_getini.py::test_unset_string_keys_give_pytests_defaults       passed
            test_getini.py::test_unset_list_keys_give_pytests_defaults         passed
            test_getini.py::test_unset_keys_of_other_types                     passed
            test_getini.py::test_a_union_type_reads_an_int_or_a_word           passed
            test_getini.py::test_an_alias_and_its_key_read_the_same_value      passed
            test_getini.py::test_declared_keys_keep_their_defaults             passed
            test_getini.py::test_an_unknown_key_is_a_value_error               passed
        """,
        counts={"passed": 8},
    ),
    Scenario(
        # A conftest's pytest_assertion_pass, which pytest calls only under enable_assertion_pass_hook:
        # with the key off, pytest never calls it and asynctestrun names no unsupported hook
        # (tests/e2e/test_runner_warnings.py checks the warnings summary).
        "assertion_pass_hook",
        "assertion_pass_hook",
        (),
        0,
        r"""
            test_passes.py::test_an_assert_passes         passed
            test_passes.py::test_an_async_assert_passes   passed
            test_passes.py::test_the_switch_is_off        passed
        """,
        counts={"passed": 3},
    ),
    Scenario(
        # A test class's instance lives as long as its test item, as pytest keeps item.instance for
        # the session (the class-scoped fixtures' instance too); a TestCase is dropped at teardown.
        # asynctestrun dropped each instance after its test, so what a test set on self was freed.
        "class_instance_lifetime",
        "class_instance_lifetime",
        (),
        0,
        r"""
            test_instances.py::TestPlainClass::test_store                         passed
            test_instances.py::TestPlainClass::test_store_async                   passed
            test_instances.py::TestClassFixture::test_uses                        passed
            test_instances.py::TestCaseStore::test_store                          passed
            test_instances.py::test_plain_instances_outlive_their_tests           passed
            test_instances.py::test_unittest_case_is_dropped                      passed
            test_instances.py::test_class_fixture_instance_outlives_its_class     passed
        """,
        counts={"passed": 7},
    ),
    Scenario(
        # pytest.Parser built by test code as a plain argument parser: pytest's constructor arguments,
        # parse() of options and paths in any order, and a UsageError with argparse's usage line on a bad
        # value; asynctestrun's Parser took no argument and had no parse().
        "standalone_parser",
        "standalone_parser",
        (),
        0,
        r"""
            test_parser.py::test_parse_declared_options            passed
            test_parser.py::test_bad_value_is_a_usage_error        passed
            test_parser.py::test_unknown_option_is_a_usage_error   passed
            test_parser.py::test_prog                              passed
            test_parser.py::test_made_without_ispytest_warns       passed
        """,
        counts={"passed": 5},
    ),
    Scenario(
        # pytest.importorskip skips only on ModuleNotFoundError unless given exc_type (pytest 9.1's
        # default): a module that is there but raises ImportError fails the test, or errors its
        # fixture; asynctestrun skipped on any ImportError.
        "importorskip_import_error",
        "importorskip_import_error",
        ("-rs",),
        1,
        r"""
            test_importorskip.py::test_missing_module_skips              skipped
            test_importorskip.py::test_import_error_fails                failed
            test_importorskip.py::test_import_error_skips_with_exc_type  skipped
            test_importorskip.py::test_import_error_in_fixture           error
            test_importorskip.py::test_async_import_error_fails          failed
            test_module_level_exc_type.py                                skipped
        """,
        counts={"failed": 2, "skipped": 3, "errors": 1},
    ),
    Scenario(
        # pytest.exit() in a file's first test: the run stops there (exit status 2); the report names
        # that file, as pytest writes it when the test starts (test_terminal_layout.py compares it).
        "exit_at_a_files_first_test",
        "exit_at_a_files_first_test",
        (),
        2,
        r"""
            test_a_passes.py::test_passes      passed
            test_a_passes.py::test_passes_too  passed
        """,
        counts={"passed": 2},
    ),
    Scenario(
        "subtest_block_output",
        "subtest_block_output",
        ("-q",),
        1,
        r"""
            test_block_output.py::test_blocks_print                       failed
            test_block_output.py::test_a_passing_block_prints             passed
            test_block_output.py::test_capsys_keeps_the_blocks_output     failed
            test_block_output.py::test_async_blocks                       failed
            test_block_output.py::test_a_block_logs                       failed
        """,
        # Each failed block counts, beside the test it fails ("contains 1 failed subtest").
        counts={"failed": 8, "passed": 1},
    ),
    Scenario(
        # A makereport wrapper failing each skip, as pytest-error-for-skips does, worded with
        # call.excinfo._getreprcrash(): the last frame that does not hide itself (pytest.skip and a
        # helper with __tracebackhide__ hide) and "Skipped: reason", Skipped named as a builtin. The
        # method was missing, so the wrapper raised and every skip stayed a skip.
        "skip_crash_report",
        "skip_crash_report",
        (),
        1,
        r"""
            test_skips.py::test_skips                           failed
            test_skips.py::test_skips_through_a_hidden_helper   failed
            test_skips.py::test_marked                          error
            test_skips.py::test_async_skips                     failed
            test_skips.py::test_passes                          passed
        """,
        counts={"failed": 3, "passed": 1, "errors": 1},
        events="""
call test_skips: test_skips.py:10 Skipped: in the test
call test_skips_through_a_hidden_helper: test_skips.py:14 Skipped: hidden helper
setup test_marked: - Skipped: marked
call test_async_skips: test_skips.py:24 Skipped: in an async test
""",
    ),
    Scenario(
        # sys.exit() in a test fails it; in a session hook (pytest_configure to the test loop), or while
        # a test module or a conftest found by collection imports, it is pytest's internal error: exit
        # 3 whatever its code, where asynctestrun exited with the code (0 too) or made the import a
        # collection error.
        "system_exit",
        "system_exit",
        (),
        1,
        r"""
            tests/test_ok.py::test_passes                           passed
            tests/test_ok.py::test_exit_in_a_test_fails_it          failed
            tests/test_ok.py::test_exit_in_an_async_test_fails_it   failed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        "system_exit-in-configure",
        "system_exit",
        ("--exit-in=configure",),
        3,
        "",
        counts={},
    ),
    Scenario(
        "system_exit-in-modifyitems",
        "system_exit",
        ("--exit-in=modifyitems",),
        3,
        r"""
            pytest::internal  error
        """,
        counts={},
    ),
    Scenario(
        # Escaping pytest_sessionfinish, it cuts the report short and is the process's exit status.
        "system_exit-in-sessionfinish",
        "system_exit",
        ("--exit-in=sessionfinish",),
        5,
        r"""
            tests/test_ok.py::test_passes                           passed
            tests/test_ok.py::test_exit_in_a_test_fails_it          failed
            tests/test_ok.py::test_exit_in_an_async_test_fails_it   failed
        """,
        counts={},
    ),
    Scenario(
        # From pytest_unconfigure: after the whole report.
        "system_exit-in-unconfigure",
        "system_exit",
        ("--exit-in=unconfigure",),
        6,
        r"""
            tests/test_ok.py::test_passes                           passed
            tests/test_ok.py::test_exit_in_a_test_fails_it          failed
            tests/test_ok.py::test_exit_in_an_async_test_fails_it   failed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        # Any error there: its traceback after the report, exit status 1 (asynctestrun: exit 3).
        "system_exit-error-in-unconfigure",
        "system_exit",
        ("--exit-in=unconfigure-error",),
        1,
        r"""
            tests/test_ok.py::test_passes                           passed
            tests/test_ok.py::test_exit_in_a_test_fails_it          failed
            tests/test_ok.py::test_exit_in_an_async_test_fails_it   failed
        """,
        counts={"failed": 2, "passed": 1},
    ),
    Scenario(
        "system_exit-at-module-import",
        "system_exit",
        ("tests", "exits/module"),
        3,
        r"""
            pytest::internal  error
        """,
        counts={},
    ),
    Scenario(
        "system_exit-in-collected-conftest",
        "system_exit",
        ("exits",),
        3,
        r"""
            pytest::internal  error
        """,
        counts={},
    ),
    Scenario(
        # A start-up conftest's (its directory named): the process exits with it, before any report.
        "system_exit-in-start-up-conftest",
        "system_exit",
        ("exits/later",),
        1,
        "",
        counts={},
    ),
    Scenario(
        # pytest_report_header is asked only where pytest's terminal writes a header: not under -q or
        # -p no:terminal, where asynctestrun called it all the same (its side effects ran).
        "quiet_report_header",
        "quiet_report_header",
        (),
        0,
        r"""
            test_header.py::test_writes_its_event  passed
        """,
        counts={"passed": 1},
        events="header\ntest",
    ),
    Scenario(
        "quiet_report_header-quiet",
        "quiet_report_header",
        ("-q",),
        0,
        r"""
            test_header.py::test_writes_its_event  passed
        """,
        counts={"passed": 1},
        events="test",
    ),
    Scenario(
        "quiet_report_header-no-terminal",
        "quiet_report_header",
        ("-p", "no:terminal"),
        0,
        r"""
            test_header.py::test_writes_its_event  passed
        """,
        counts={},
        events="test",
    ),
    Scenario(
        # --lf under --doctest-modules / --doctest-glob: doctest files without a recorded failure are
        # skipped unread like test files, and "skipped N files" counts pytest's file collectors (a test
        # module twice: its tests and its doctests). asynctestrun counted each file once and collected
        # the text files (their doctests deselected).
        "last_failed_doctest_files",
        "last_failed_doctest_files",
        ("--lf",),
        0,
        r"""
            test_a_check.py::test_skipped_files     passed
        """,
        counts={"passed": 1},
    ),
    Scenario(
        # --strict-config / --strict-markers / --strict are each the `-o KEY=true` they stand for, as in
        # pytest 9: in addopts, an -o on the command line undoes them. asynctestrun kept them on.
        "strict_flag_overrides",
        "strict_flag_overrides",
        ("-o", "strict_config=false", "-o", "strict_markers=false"),
        0,
        r"""
            test_strictness.py::test_marked              passed
            test_strictness.py::test_xpass               xpassed
            test_strictness.py::test_strictness_options  passed
        """,
        counts={"passed": 2, "xpassed": 1},
    ),
    Scenario(
        "strict_flag_overrides-strict-flag-last",
        "strict_flag_overrides",
        ("-o", "strict_config=false", "-o", "strict_markers=false", "--strict"),
        1,
        r"""
            test_strictness.py::test_marked              passed
            test_strictness.py::test_xpass               failed
            test_strictness.py::test_strictness_options  passed
        """,
        counts={"passed": 2, "failed": 1},
    ),
    Scenario(
        "strict_flag_overrides-flag-after-override",
        "strict_flag_overrides",
        ("-o", "strict_markers=false", "--strict-markers", "-o", "strict_config=false"),
        2,
        r"""
            test_strictness.py  error
        """,
        counts={"errors": 1},
    ),
    Scenario(
        "subtest_live_reports",
        "subtest_live_reports",
        ("-s",),
        1,
        r"""
            test_live_reports.py::test_fixture_blocks                  failed
            test_live_reports.py::test_no_blocks                       passed
            test_live_reports.py::Cases::test_unittest_subtests        passed
        """,
        counts={"failed": 2, "passed": 2},
    ),
    Scenario(
        # A generate_tests hook reading metafunc.definition.originalname, .function, .obj and .path (as
        # pytest-golden's does): definition had only name, marks and nodeid, so the hook's
        # AttributeError made the module a collection error.
        "definition_names",
        "definition_names",
        (),
        0,
        r"""
            test_definition.py::test_plain[test_plain-test_definition.py]                      passed
            test_definition.py::test_parametrized[test_parametrized-test_definition.py-1]     passed
            test_definition.py::test_parametrized[test_parametrized-test_definition.py-2]     passed
            test_definition.py::TestInClass::test_method[test_method-test_definition.py]      passed
        """,
        counts={"passed": 4},
    ),
    Scenario(
        "capture_fixture_phases",
        "capture_fixture_phases",
        ("--asyncio-mode=auto",),
        1,
        r"""
            test_unread_output.py::test_unread_output_is_the_calls           failed
            test_unread_output.py::test_output_after_a_read                  failed
            test_unread_output.py::test_unread_output_is_read_at_teardown    passed
            test_unread_output.py::test_setup_output_is_the_setups           failed
            test_unread_output.py::test_an_async_test_too                    failed
        """,
        counts={"failed": 4, "passed": 1},
    ),
    Scenario(
        # Failures around unittest's own frames (a module with ``__unittest``): a TestCase's listing
        # leaves them out after choosing the auto styles (its helper stays short); a plain test
        # function's listing shows them. asynctestrun left them out of every listing, styled after.
        "unittest_traceback_frames",
        "unittest_traceback_frames",
        (),
        1,
        r"""
            test_unittest_frames.py::TestCaseHelpers::test_assert_direct                      failed
            test_unittest_frames.py::TestCaseHelpers::test_assert_in_helper                   failed
            test_unittest_frames.py::TestAsyncCaseHelpers::test_assert_in_helper              failed
            test_unittest_frames.py::TestFailingSetUp::test_never_runs                        failed
            test_unittest_frames.py::TestMarkedModule::test_marked_assert_in_helper           failed
            test_unittest_frames.py::test_plain_function_calling_marked_assert                failed
            test_unittest_frames.py::test_plain_function_passes                               passed
        """,
        counts={"failed": 6, "passed": 1},
    ),
    Scenario(
        # sys.getrefcount of a name inside an assert (msgspec's refcount tests): the rewrite held the
        # name's object in a temporary while the assert ran, one reference more than under pytest.
        "assert_name_references",
        "assert_name_references",
        (),
        1,
        r"""
            test_references.py::test_refcount_of_a_local                 passed
            test_references.py::test_refcount_in_an_async_test           passed
            test_references.py::test_local_shown_by_value                failed
            test_references.py::test_short_circuited_name_not_shown      failed
            test_references.py::test_builtin_shown_by_name               failed
        """,
        counts={"passed": 2, "failed": 3},
    ),
    Scenario(
        # Objects made while collecting, as the cyclic collector sees them (msgspec's GC tests): the
        # collected heap was frozen out of its view, so such cycles were never freed and constant
        # tuples never untracked.
        "gc_after_collection",
        "gc_after_collection",
        (),
        0,
        r"""
            test_gc.py::test_an_import_time_cycle_is_collected          passed
            test_gc.py::test_a_cycle_dropped_by_a_test_is_collected     passed
            test_gc.py::test_a_constant_tuple_becomes_untracked         passed
        """,
        counts={"passed": 3},
    ),
]

SCENARIO_IDS = [scenario.id for scenario in SCENARIOS]
assert len(set(SCENARIO_IDS)) == len(SCENARIO_IDS), "scenario ids must be unique"
