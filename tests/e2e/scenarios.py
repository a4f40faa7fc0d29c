"""The end-to-end scenarios: which sample, which arguments, and what pytest + pytest-asyncio do with them.

Each expectation below is pytest 9.2 + pytest-asyncio 1.5's behaviour (checked against the reference by
``test_differential.test_reference_pytest_matches_expectations``), written out by hand so that
``test_samples`` means something on a machine without pytest.

An expectation table has one ``node id  outcome`` per line. Outcomes are what the JUnit XML can say:
``passed``, ``failed``, ``error``, ``skipped``, plus ``xfailed`` (a ``skipped`` of type ``pytest.xfail``)
and ``xpassed`` (JUnit reports a non-strict xpass as ``passed``; the word only records the intent, the
differential test compares the summary line's ``xpassed`` count with pytest's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from harness import Observed


@dataclass(frozen=True)
class Scenario:
    id: str
    sample: str
    args: tuple[str, ...]
    exit_code: int
    expected: str = ""
    # Lines the sample writes to events.log (fixture setup/teardown order), when it keeps such a log.
    events: tuple[str, ...] | None = field(default=None)

    @property
    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for line in self.expected.strip().splitlines():
            if not line.strip():
                continue
            nodeid, outcome = line.strip().rsplit(None, 1)
            assert outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"), line
            rows.append((nodeid, outcome))
        return rows

    @property
    def outcomes(self) -> dict[str, str]:
        junit = {"xfailed": "skipped", "xpassed": "passed"}
        return {nodeid: junit.get(outcome, outcome) for nodeid, outcome in self.rows}

    @property
    def xfailed(self) -> frozenset[str]:
        return frozenset(nodeid for nodeid, outcome in self.rows if outcome == "xfailed")

    def observed(self) -> Observed:
        return Observed(self.exit_code, self.outcomes, self.xfailed, events=self.events)


FIXTURE_SCOPES_EVENTS = """
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

STRICT_MODE = """
    test_strict.py::test_sync_test_passes                                 passed
    test_strict.py::test_sync_test_failure_is_reported                    failed
    test_strict.py::test_marked_async_test_runs_on_a_running_loop         passed
    test_strict.py::test_marked_async_test_failure_is_reported            failed
    test_strict.py::test_async_fixtures_are_awaited                       passed
    test_strict.py::test_sync_test_gets_value_of_async_fixture            passed
    test_strict.py::test_unmarked_async_test_fails_in_strict_mode         failed
    test_strict.py::test_sync_test_returning_a_coroutine_fails            failed
    test_strict.py::test_plain_async_fixture_is_an_error_in_strict_mode   error
    test_strict.py::test_sync_test_returning_a_value_only_warns           passed
"""

SELECTION_TEST_GROUP = """
    test_select.py::TestGroup::test_numbers[1]      passed
    test_select.py::TestGroup::test_numbers[2]      passed
    test_select.py::TestGroup::test_numbers[3]      failed
"""

SELECTION_SLOW = """
    test_select.py::test_beta_is_slow                 passed
    test_select.py::test_gamma_is_slow_and_networked  passed
    test_select.py::test_speed[crawl]                 passed
"""

SCENARIOS = [
    Scenario("strict_mode", "strict_mode", (), 1, STRICT_MODE),
    Scenario(
        "strict_mode-exitfirst",
        "strict_mode",
        ("-x",),
        1,
        """
        test_strict.py::test_sync_test_passes               passed
        test_strict.py::test_sync_test_failure_is_reported  failed
        """,
    ),
    Scenario("unknown_flag", "strict_mode", ("--no-such-flag",), 4),
    Scenario(
        "auto_mode",
        "auto_mode",
        (),
        1,
        """
        test_auto.py::test_unmarked_async_test_runs                                passed
        test_auto.py::test_plain_fixture_decorator_drives_async_fixtures           passed
        test_auto.py::test_sync_test_still_runs                                    passed
        test_auto.py::test_unmarked_async_failure_is_reported                      failed
        test_auto.py::test_explicit_mark_is_harmless_in_auto_mode                  passed
        test_auto.py::TestAsyncMethods::test_async_method_runs                     passed
        test_auto.py::TestAsyncMethods::test_parametrized_async_method[0]          passed
        test_auto.py::TestAsyncMethods::test_parametrized_async_method[0.001]      passed
        """,
    ),
    Scenario(
        "auto_mode-overridden-to-strict-on-cli",
        "auto_mode",
        ("--asyncio-mode=strict",),
        1,
        """
        test_auto.py::test_unmarked_async_test_runs                                failed
        test_auto.py::test_plain_fixture_decorator_drives_async_fixtures           error
        test_auto.py::test_sync_test_still_runs                                    error
        test_auto.py::test_unmarked_async_failure_is_reported                      failed
        test_auto.py::test_explicit_mark_is_harmless_in_auto_mode                  passed
        test_auto.py::TestAsyncMethods::test_async_method_runs                     failed
        test_auto.py::TestAsyncMethods::test_parametrized_async_method[0]          failed
        test_auto.py::TestAsyncMethods::test_parametrized_async_method[0.001]      failed
        """,
    ),
    Scenario(
        "fixture_scopes",
        "fixture_scopes",
        (),
        0,
        """
        pkg_a/test_alpha.py::TestFirstClass::test_one                               passed
        pkg_a/test_alpha.py::TestFirstClass::test_two                               passed
        pkg_a/test_alpha.py::TestSecondClass::test_three                            passed
        pkg_a/test_alpha.py::test_module_level_function_gets_its_own_class_scope    passed
        pkg_b/test_beta.py::test_four                                               passed
        pkg_b/test_beta.py::test_five                                               passed
        test_gamma.py::test_six                                                     passed
        """,
        events=tuple(FIXTURE_SCOPES_EVENTS.strip().splitlines()),
    ),
    Scenario(
        "conftest_override",
        "conftest_override",
        (),
        1,
        """
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
    ),
    Scenario(
        "parametrize",
        "parametrize",
        (),
        1,
        """
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
        """,
    ),
    Scenario(
        "marks",
        "marks",
        (),
        1,
        """
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
        test_module_pytestmark.py::test_module_asyncio_mark_applies_to_async_tests  passed
        test_module_pytestmark.py::test_module_usefixtures_applies_to_every_test    passed
        test_module_pytestmark.py::test_sync_test_under_module_asyncio_mark         passed
        test_module_skip.py::test_skipped_by_module_pytestmark                      skipped
        test_module_skip.py::TestAlsoSkipped::test_method                           skipped
        """,
    ),
    Scenario(
        "classes",
        "classes",
        (),
        1,
        """
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
    ),
    Scenario(
        "loop_scopes",
        "loop_scopes",
        (),
        0,
        """
        test_loops.py::test_module_loop_first                                   passed
        test_loops.py::test_module_loop_second_shares_the_loop                  passed
        test_loops.py::test_function_loop_first                                 passed
        test_loops.py::test_function_loop_second_gets_a_fresh_loop              passed
        test_loops.py::test_module_fixture_runs_in_the_module_loop              passed
        test_loops.py::test_default_fixture_loop_scope_from_ini                 passed
        test_loops.py::test_function_loop_fixture_shares_the_test_loop          passed
        test_loops.py::test_module_loop_test_may_use_function_loop_fixture      passed
        test_loops.py::test_function_loop_test_gets_module_loop_fixture_value   passed
        test_loops.py::TestClassLoop::test_first_records_class_loop             passed
        test_loops.py::TestClassLoop::test_second_shares_class_loop             passed
        test_loops.py::TestClassLoopViaPytestmark::test_first                   passed
        test_loops.py::TestClassLoopViaPytestmark::test_second                  passed
        test_loops.py::test_session_loop_recorded                               passed
        test_module_wide_loop.py::test_module_pytestmark_first                  passed
        test_module_wide_loop.py::test_module_pytestmark_second_shares_loop     passed
        test_module_wide_loop.py::test_session_loop_shared_across_modules       passed
        """,
    ),
    Scenario(
        "fixture_errors",
        "fixture_errors",
        (),
        1,
        """
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
        test_fixture_errors.py::test_last_test_still_runs                  passed
        """,
    ),
    Scenario(
        "collection_errors",
        "collection_errors",
        (),
        2,
        """
        sub/test_import_error.py  error
        test_module_skip.py       skipped
        test_syntax_error.py      error
        """,
    ),
    Scenario(
        "collection_errors-continue",
        "collection_errors",
        ("--continue-on-collection-errors",),
        1,
        """
        sub/test_import_error.py                                        error
        test_module_skip.py                                             skipped
        test_syntax_error.py                                            error
        test_good.py::test_good_sync_runs                               passed
        test_good.py::test_good_async_runs                              passed
        test_good.py::test_good_failure_counts                          failed
        test_zz_after_errors.py::test_collected_after_the_broken_files  passed
        """,
    ),
    Scenario(
        "select-keyword",
        "selection",
        ("-k", "alpha"),
        0,
        """
        test_other.py::test_other_alpha                 passed
        test_select.py::test_alpha                      passed
        test_select.py::TestGroup::test_alpha_in_class  passed
        """,
    ),
    Scenario("select-keyword-class-and-not", "selection", ("-k", "TestGroup and not alpha"), 1, SELECTION_TEST_GROUP),
    Scenario(
        "select-keyword-param-id",
        "selection",
        ("-k", "numbers and 2"),
        0,
        "test_select.py::TestGroup::test_numbers[2]  passed",
    ),
    Scenario("select-keyword-matches-mark-names", "selection", ("-k", "slow"), 0, SELECTION_SLOW),
    Scenario("select-mark", "selection", ("-m", "slow"), 0, SELECTION_SLOW),
    Scenario(
        "select-mark-and-not",
        "selection",
        ("-m", "network and not slow"),
        0,
        "test_select.py::test_delta_async_networked  passed",
    ),
    Scenario(
        "select-mark-not-not",
        "selection",
        ("-m", "not slow and not network"),
        1,
        """
        test_other.py::test_other_alpha                 passed
        test_other.py::test_other_omega                 passed
        test_select.py::test_alpha                      passed
        test_select.py::TestGroup::test_numbers[1]      passed
        test_select.py::TestGroup::test_numbers[2]      passed
        test_select.py::TestGroup::test_numbers[3]      failed
        test_select.py::TestGroup::test_alpha_in_class  passed
        test_select.py::test_speed[fast]                passed
        """,
    ),
    Scenario(
        "select-nodeid-with-param",
        "selection",
        ("test_select.py::TestGroup::test_numbers[2]",),
        0,
        "test_select.py::TestGroup::test_numbers[2]  passed",
    ),
    Scenario(
        "select-nodeid-param-carrying-a-mark",
        "selection",
        ("test_select.py::test_speed[crawl]",),
        0,
        "test_select.py::test_speed[crawl]  passed",
    ),
    Scenario(
        "select-nodeid-class-and-function",
        "selection",
        ("test_select.py::TestGroup", "test_other.py::test_other_omega"),
        1,
        SELECTION_TEST_GROUP
        + """
        test_select.py::TestGroup::test_alpha_in_class  passed
        test_other.py::test_other_omega                 passed
        """,
    ),
    Scenario("select-nothing-matches", "selection", ("-k", "nomatch"), 5),
    Scenario("select-unknown-nodeid", "selection", ("test_select.py::test_missing",), 4),
    Scenario("select-unknown-file", "selection", ("no_such_file.py",), 4),
    Scenario("select-bad-mark-expression", "selection", ("-m", "slow and"), 4),
    Scenario("empty", "empty", (), 5),
    Scenario(
        "builtins",
        "builtins",
        (),
        1,
        """
        test_builtins.py::test_raises_catches_expected_exception          passed
        test_builtins.py::test_raises_accepts_a_callable                  passed
        test_builtins.py::test_raises_fails_when_nothing_is_raised        failed
        test_builtins.py::test_raises_fails_when_match_does_not_match     failed
        test_builtins.py::test_raises_lets_other_exceptions_through       failed
        test_builtins.py::test_raises_around_await                        passed
        test_builtins.py::test_approx_equal_floats                        passed
        test_builtins.py::test_approx_collections_and_tolerances          passed
        test_builtins.py::test_approx_mismatch_fails                      failed
        test_builtins.py::test_warns_captures_matching_warning            passed
        test_builtins.py::test_warns_fails_when_no_warning                failed
        test_builtins.py::test_deprecated_call                            passed
        test_builtins.py::test_monkeypatch_setenv_setattr_setitem         passed
        test_builtins.py::test_monkeypatch_is_undone_after_the_test       passed
        test_builtins.py::test_monkeypatch_delattr_and_syspath            passed
        test_builtins.py::test_tmp_path_is_an_empty_writable_directory    passed
        test_builtins.py::test_tmp_path_is_fresh_for_each_test            passed
        test_builtins.py::test_capsys_reads_stdout_and_stderr             passed
        test_builtins.py::test_capsys_in_async_test                       passed
        test_builtins.py::test_caplog_records_warnings                    passed
        test_builtins.py::test_caplog_set_level_captures_debug            passed
        test_builtins.py::test_caplog_at_level_context                    passed
        test_builtins.py::test_request_addfinalizer                       passed
        test_builtins.py::test_finalizers_ran_last_in_first_out           passed
        test_builtins.py::test_request_getfixturevalue                    passed
        test_builtins.py::test_request_getfixturevalue_unknown_name_fails failed
        test_builtins.py::test_request_param_in_fixture[red]              passed
        test_builtins.py::test_request_param_in_fixture[green]            passed
        """,
    ),
]

SCENARIO_IDS = [scenario.id for scenario in SCENARIOS]
assert len(set(SCENARIO_IDS)) == len(SCENARIO_IDS), "scenario ids must be unique"
