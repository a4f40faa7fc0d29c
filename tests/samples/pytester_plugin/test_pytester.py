import pytest


def test_outcomes_and_output(pytester):
    pytester.makepyfile(
        """
        def test_ok():
            pass

        def test_bad():
            assert 1 == 2
        """
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*assert 1 == 2*", "*1 failed, 1 passed*"])
    result.stdout.re_match_lines([r".*FAILED test_outcomes_and_output.py::test_bad.*"])
    result.stdout.no_fnmatch_line("*error*")
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_conftest_ini_and_marks(pytester):
    pytester.makeconftest(
        """
        import pytest

        @pytest.fixture
        def value():
            return 42
        """
    )
    pytester.makeini(
        """
        [pytest]
        markers = slow: slow tests
        """
    )
    pytester.makepyfile(
        test_x="""
        import pytest

        @pytest.mark.slow
        def test_value(value):
            assert value == 42

        def test_other():
            pass
        """
    )
    result = pytester.runpytest("-m", "slow")
    result.assert_outcomes(passed=1, deselected=1)


def test_an_async_test_inside(pytester):
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.asyncio
        async def test_async():
            assert True
        """
    )
    result = pytester.runpytest_subprocess("-p", "asyncio", "-o", "asyncio_default_fixture_loop_scope=function")
    result.assert_outcomes(passed=1)


def test_an_unmatched_line_fails_the_test(pytester):
    pytester.makepyfile("def test_ok(): pass")
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(["*nothing like this*"])


def test_testdir_returns_legacy_paths(testdir):
    path = testdir.makepyfile("def test_ok(): pass")
    assert path.check(file=1)
    assert testdir.tmpdir.join(path.basename).check()
    result = testdir.runpytest("-v")
    result.stdout.fnmatch_lines(["*::test_ok PASSED*"])
    assert result.parseoutcomes() == {"passed": 1}


def test_no_tests_and_skips(pytester):
    assert pytester.runpytest().ret == pytest.ExitCode.NO_TESTS_COLLECTED
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.skip(reason="no")
        def test_skipped():
            pass

        @pytest.mark.xfail
        def test_xfailed():
            assert False
        """
    )
    result = pytester.runpytest("-rs")
    result.assert_outcomes(skipped=1, xfailed=1)
    result.stdout.fnmatch_lines(["SKIPPED [[]1[]] test_no_tests_and_skips.py:3: no"])


def test_files_in_subdirectories(pytester):
    pytester.mkpydir("pkg")
    pytester.makepyfile(**{"pkg/test_inner": "def test_inner(): pass"})
    pytester.maketxtfile(notes="just text")
    assert (pytester.path / "notes.txt").read_text() == "just text"
    result = pytester.runpytest("pkg")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize("value", ["a.b(1)", "plain"])
def test_parametrized_file_is_named_after_the_function(pytester, value):
    path = pytester.makepyfile(f"def test_value():\n    assert {value!r}")
    assert path.name == "test_parametrized_file_is_named_after_the_function.py"
    pytester.runpytest().assert_outcomes(passed=1)


def test_inline_run_counts_reports(pytester):
    pytester.makepyfile(
        """
        import pytest

        def test_ok():
            pass

        def test_bad():
            assert 0

        @pytest.mark.skip
        def test_skip():
            pass
        """
    )
    recorder = pytester.inline_run()
    recorder.assertoutcome(passed=1, skipped=1, failed=1)
    assert recorder.ret == 1
    assert recorder.countoutcomes() == [1, 1, 1]
    passed, skipped, failed = recorder.listoutcomes()
    assert failed[0].nodeid == "test_inline_run_counts_reports.py::test_bad"


def test_inline_run_counts_a_failed_teardown_after_a_pass(pytester):
    pytester.makepyfile(
        """
        import pytest

        @pytest.fixture
        def breaks_on_teardown():
            yield
            raise RuntimeError("teardown")

        def test_passes(breaks_on_teardown):
            pass
        """
    )
    recorder = pytester.inline_run()
    recorder.assertoutcome(passed=1, failed=1)
    assert [report.when for report in recorder.getfailures()] == ["teardown"]
