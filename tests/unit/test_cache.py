"""Cache and CacheReporter (asynctestrun._report.cache)."""

import json
import os
from pathlib import Path

import pytest

from asynctestrun._model import events, outcomes
from asynctestrun._model.events import CollectionFinished, SessionFinished
from asynctestrun._model.outcomes import CollectError, Phase, PhaseOutcome, PhaseResult
from asynctestrun._report import cache as cache_module
from asynctestrun._report.cache import (
    CACHE_DIRNAME,
    Cache,
    CacheReporter,
    CacheWarning,
    StepwiseStart,
    covering_keys,
    failure_matcher,
    read_stepwise,
)

# -- Cache ------------------------------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path):
    return Cache.for_rootdir(tmp_path)


def test_cache_lives_under_the_rootdir(tmp_path, cache):
    assert cache.directory == tmp_path / CACHE_DIRNAME == tmp_path / ".asynctestrun_cache"


@pytest.mark.parametrize(
    "value",
    [
        [],
        {},
        ["tests/a.py::t[\u00e9]", 'b::"q"\n'],
        {"a.py::t1": 0.000123, "a.py::t2": True, "a.py::t3": 7, "a.py::t4": "x"},
        {"a.py::t": float("inf")},
        {"nested": {"a": [1, 2]}, "none": None},  # not flat: the json module writes it
        "scalar",
    ],
)
def test_values_are_written_exactly_as_json_with_indent_2(cache, value):
    cache.set("k/v", value)
    written = (cache.directory / "v" / "k" / "v").read_text(encoding="utf-8")
    assert written == json.dumps(value, ensure_ascii=False, indent=2)


def test_cache_dir_setting_is_relative_to_rootdir_and_expands_variables(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNNER_CACHE", "ci")
    assert Cache.for_rootdir(tmp_path, "$RUNNER_CACHE/cache").directory == tmp_path / "ci" / "cache"
    assert Cache.for_rootdir(tmp_path, str(tmp_path / "abs")).directory == tmp_path / "abs"


def test_reading_creates_nothing(cache):
    assert cache.get("cache/lastfailed", {"x": 1}) == {"x": 1}
    assert not cache.directory.exists()


def test_first_write_creates_the_directory_with_gitignore_and_readme(cache):
    cache.set("cache/lastfailed", {"a.py::t": True})
    assert (cache.directory / ".gitignore").read_text().splitlines()[-1] == "*"
    assert "asynctestrun" in (cache.directory / "README.md").read_text()
    tag = (cache.directory / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert json.loads((cache.directory / "v" / "cache" / "lastfailed").read_text()) == {"a.py::t": True}
    assert [p.name for p in cache.directory.parent.iterdir()] == [CACHE_DIRNAME]  # no staging left


def test_values_round_trip(cache):
    value = {"nested": [1, 2.5, None, True, "é"], "n": 3}
    cache.set("myplugin/state", value)
    assert cache.get("myplugin/state", None) == value
    assert cache.get("myplugin/other", "missing") == "missing"


def test_values_are_written_as_readable_utf8_json(cache):
    cache.set("k", {"ü": 1})
    assert (cache.directory / "v" / "k").read_text(encoding="utf-8") == '{\n  "ü": 1\n}'


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b""])
def test_unreadable_value_reads_as_default(cache, content):
    cache.set("k", 1)
    (cache.directory / "v" / "k").write_bytes(content)
    assert cache.get("k", "default") == "default"


def test_directory_where_value_expected_reads_as_default(cache):
    (cache.directory / "v" / "k").mkdir(parents=True)
    assert cache.get("k", "default") == "default"


def test_crash_while_writing_keeps_the_old_value(cache, monkeypatch):
    cache.set("k", "old")

    def crash(src, dst):
        raise KeyboardInterrupt  # killed between writing the temporary file and renaming it

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        cache.set("k", "new")
    monkeypatch.undo()
    assert cache.get("k", None) == "old"
    assert sorted(p.name for p in (cache.directory / "v").iterdir()) == ["k"]  # temporary file removed


def test_unwritable_cache_warns_and_carries_on(cache, monkeypatch):
    def fail(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache_module, "write_atomic", fail)
    with pytest.warns(CacheWarning, match="could not write cache path"):
        cache.set("k", 1)
    assert cache.get("k", "default") == "default"


def test_values_must_be_json(cache):
    with pytest.raises(TypeError):
        cache.set("k", object())


@pytest.mark.parametrize("key", ["", ".", "../escape", "a/../../escape", "/etc/passwd"])
def test_keys_stay_inside_the_cache(cache, key):
    with pytest.raises(ValueError, match="inside the cache directory"):
        cache.get(key, None)
    with pytest.raises(ValueError, match="inside the cache directory"):
        cache.set(key, 1)


def test_key_with_dotdot_that_stays_inside_is_fine(cache):
    cache.set("a/../b", 1)
    assert cache.get("b", None) == 1


def test_mkdir_creates_a_directory_under_d(cache):
    path = cache.mkdir("myplugin")
    assert path == cache.directory / "d" / "myplugin"
    assert path.is_dir()
    assert (cache.directory / ".gitignore").is_file()
    assert cache.mkdir("myplugin") == path  # again: same directory, no error


@pytest.mark.parametrize("name", ["a/b", "", "..", "/abs"])
def test_mkdir_takes_one_path_component(cache, name):
    with pytest.raises(ValueError):
        cache.mkdir(name)


def test_clear_removes_values_and_directories_but_keeps_the_cache_dir(cache):
    cache.set("k", 1)
    cache.mkdir("plugin")
    cache.clear()
    assert cache.get("k", "gone") == "gone"
    assert not (cache.directory / "d").exists()
    assert (cache.directory / ".gitignore").is_file()
    Cache(cache.directory.parent / "never-created").clear()  # nothing to clear: no error


def test_creating_the_directory_tolerates_a_concurrent_run(cache, monkeypatch):
    rename = Path.rename

    def other_run_wins(self, target):
        # Another process creates the cache directory between our check and our rename.
        monkeypatch.undo()
        Cache(cache.directory).mkdir("theirs")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", other_run_wins)
    cache.set("k", 1)
    monkeypatch.undo()
    assert cache.get("k", None) == 1
    assert (cache.directory / "d" / "theirs").is_dir()
    assert [p.name for p in cache.directory.parent.iterdir()] == [CACHE_DIRNAME]


def test_pytest_private_cachedir_name_is_available_to_plugins(cache):
    assert cache._cachedir == cache.directory


# -- lastfailed keys ----------------------------------------------------------------------------------------


def test_covering_keys_from_narrowest_to_widest():
    assert covering_keys("sub/test_a.py::TestX::test_y[1]") == [
        "sub/test_a.py::TestX::test_y[1]",
        "sub/test_a.py::TestX",
        "sub/test_a.py",
        "sub",
        "sub/conftest.py",
        "conftest.py",
        ".",
    ]


def test_failure_matcher():
    failed = failure_matcher({"a.py::t1": True, "b.py": True, "pkg/conftest.py": True, "c.py::TestX": True})
    assert failed("a.py::t1")
    assert not failed("a.py::t10")
    assert not failed("a.py::t1[1]")  # a parametrized test is recorded per parameter set
    assert failed("b.py::anything")
    assert failed("pkg/deep/test_x.py::t")
    assert not failed("pkgx/test_x.py::t")
    assert failed("c.py::TestX::test_m")
    assert not failed("c.py::TestXY::test_m")


# -- CacheReporter ---------------------------------------------------------------------------------------


PASS, FAIL, SKIP = PhaseOutcome.PASSED, PhaseOutcome.FAILED, PhaseOutcome.SKIPPED


def phase(which, outcome, duration=0.1, **kwargs):
    return PhaseResult(which, outcome, duration, **kwargs)


def result(nodeid, call=PASS, *, setup=PASS, teardown=PASS, **kw):
    phases = [phase(Phase.SETUP, setup)]
    if setup is PhaseOutcome.PASSED:
        phases.append(phase(Phase.CALL, call, **kw))
    phases.append(phase(Phase.TEARDOWN, teardown))
    return events.TestFinished(outcomes.TestResult(nodeid, nodeid.split("::")[0], 1, tuple(phases)))


def run(cache, events, *, nodeids=None, errors=(), finish=True, **kwargs):
    reporter = CacheReporter(cache, **kwargs)
    if nodeids is None:
        nodeids = tuple(e.result.nodeid for e in events)
    reporter.handle(CollectionFinished(tuple(nodeids), tuple(errors), 0))
    for event in events:
        reporter.handle(event)
    if finish:
        reporter.handle(SessionFinished(0, 1.0))
    return reporter


def lastfailed(cache):
    return cache.get("cache/lastfailed", None)


def test_failures_and_errors_are_recorded_and_passes_cleared(cache):
    cache.set("cache/lastfailed", {"a.py::fixed": True, "a.py::not_run": True})
    run(cache, [
        result("a.py::fixed"),
        result("a.py::fails", FAIL),
        result("a.py::setup_error", setup=FAIL),
        result("a.py::teardown_error", teardown=FAIL),  # passed, then errored: pytest records it
        result("a.py::passes"),
    ])
    assert lastfailed(cache) == {
        "a.py::fails": True,
        "a.py::not_run": True,  # not run this time: kept
        "a.py::setup_error": True,
        "a.py::teardown_error": True,
    }


def test_skips_and_xfails_clear_and_strict_xpass_records(cache):
    cache.set("cache/lastfailed", {"a.py::skipped": True, "a.py::xfailed": True, "a.py::setup_skip": True})
    run(cache, [
        result("a.py::skipped", SKIP),
        result("a.py::xfailed", SKIP, xfail=True),
        result("a.py::setup_skip", setup=SKIP),
        result("a.py::strict_xpass", FAIL, strict_xpass=True),
    ])
    assert lastfailed(cache) == {"a.py::strict_xpass": True}


def test_collection_error_is_recorded_by_file_and_replaced_by_its_tests_once_fixed(cache):
    run(cache, [result("a.py::t")], errors=[CollectError("b.py", "SyntaxError")])
    assert lastfailed(cache) == {"b.py": True}
    # Fixed: b.py collects, and --lf keeps running its tests until they pass.
    reporter = CacheReporter(cache)
    reporter.handle(CollectionFinished(("a.py::t", "b.py::t1", "b.py::t2"), (), 0))
    reporter.handle(result("b.py::t1"))
    reporter.handle(SessionFinished(1, 1.0, "KeyboardInterrupt"))
    assert lastfailed(cache) == {"b.py::t2": True}


def test_conftest_error_is_replaced_by_the_tests_below_it(cache):
    cache.set("cache/lastfailed", {"sub/conftest.py": True})
    run(cache, [], nodeids=["sub/test_a.py::t", "other/test_b.py::t"])
    assert lastfailed(cache) == {"sub/test_a.py::t": True}


def test_skipped_module_clears_its_file_entry(cache):
    cache.set("cache/lastfailed", {"a.py": True})
    module_skip = (phase(Phase.SETUP, SKIP, 0.0, reason="no db"),)
    skipped = events.TestFinished(outcomes.TestResult("a.py", "a.py", 1, module_skip))
    run(cache, [skipped], nodeids=[])
    assert lastfailed(cache) == {}
    assert "a.py" not in cache.get("cache/nodeids", [])
    assert "a.py" not in cache.get("cache/durations", {})


def test_nodeids_are_merged_and_sorted(cache):
    cache.set("cache/nodeids", ["z.py::old", "a.py::t"])
    collected = ["b.py::t", "a.py::t", "c.py::deselected_later"]
    run(cache, [result("b.py::t"), result("a.py::t")], nodeids=collected)
    assert cache.get("cache/nodeids", None) == ["a.py::t", "b.py::t", "c.py::deselected_later", "z.py::old"]


def test_durations_are_merged_with_the_latest_run_winning(cache):
    cache.set("cache/durations", {"a.py::t": 9.0, "z.py::old": 1.5})
    run(cache, [result("a.py::t")])  # setup + call + teardown, 0.1 s each
    assert cache.get("cache/durations", None) == {"a.py::t": pytest.approx(0.3), "z.py::old": 1.5}


def test_unchanged_lastfailed_is_not_rewritten(cache, monkeypatch):
    cache.set("cache/lastfailed", {"a.py::t": True})
    writes = []
    monkeypatch.setattr(cache, "set", lambda key, value: writes.append(key))
    run(cache, [result("a.py::t", FAIL)])
    assert "cache/lastfailed" not in writes


def test_corrupt_previous_values_are_ignored(cache):
    cache.set("cache/lastfailed", ["not", "a", "dict"])
    cache.set("cache/nodeids", {"not": "a list"})
    cache.set("cache/durations", {"a.py::t": "slow", "b.py::t": True, "c.py::t": 2})
    run(cache, [result("d.py::t", FAIL)])
    assert lastfailed(cache) == {"d.py::t": True}
    assert cache.get("cache/nodeids", None) == ["d.py::t"]
    assert cache.get("cache/durations", None) == {"c.py::t": 2.0, "d.py::t": pytest.approx(0.3)}


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_results_are_written_during_the_run_about_once_a_second(cache):
    clock = FakeClock()
    reporter = CacheReporter(cache, clock=clock)
    reporter.handle(CollectionFinished(("a.py::t1", "a.py::t2", "a.py::t3"), (), 0))
    reporter.handle(result("a.py::t1", FAIL))
    assert lastfailed(cache) is None  # not yet: less than a second
    clock.now += 1.0
    reporter.handle(result("a.py::t2"))
    assert lastfailed(cache) == {"a.py::t1": True}
    assert cache.get("cache/durations", None).keys() == {"a.py::t1", "a.py::t2"}
    # Then the process dies: no SessionFinished. What was learned is on disk, and t3, which never
    # ran, is still new for --nf next time.
    assert cache.get("cache/nodeids", None) == ["a.py::t1", "a.py::t2"]


def test_the_large_keys_wait_longer_when_writing_them_is_slow(cache, monkeypatch):
    clock = FakeClock()
    written = []
    real_set = cache.set

    def slow_set(key, value):
        written.append(key)
        if key == "cache/durations":
            clock.now += 0.1  # a large suite: sorting, encoding and writing take a while
        real_set(key, value)

    monkeypatch.setattr(cache, "set", slow_set)
    reporter = CacheReporter(cache, clock=clock)
    reporter.handle(CollectionFinished(("a.py::t1", "a.py::t2", "a.py::t3"), (), 0))
    clock.now += 1.0
    reporter.handle(result("a.py::t1", FAIL))
    assert written.count("cache/durations") == 1
    clock.now += 1.0
    reporter.handle(result("a.py::t2", FAIL))
    # lastfailed is small and goes out every second; durations wait 50 times their last write.
    assert lastfailed(cache) == {"a.py::t1": True, "a.py::t2": True}
    assert written.count("cache/durations") == 1
    clock.now += 5.0
    reporter.handle(result("a.py::t3"))
    assert written.count("cache/durations") == 2
    reporter.handle(SessionFinished(0, 1.0))  # the end writes whatever is left, whatever it costs
    assert cache.get("cache/durations", None).keys() == {"a.py::t1", "a.py::t2", "a.py::t3"}


def test_results_are_written_every_n_tests(cache):
    reporter = CacheReporter(cache, flush_tests=2, clock=FakeClock())
    reporter.handle(CollectionFinished(("a.py::t1", "a.py::t2"), (), 0))
    reporter.handle(result("a.py::t1", FAIL))
    assert lastfailed(cache) is None
    reporter.handle(result("a.py::t2", FAIL))
    assert lastfailed(cache) == {"a.py::t1": True, "a.py::t2": True}


def test_unwritable_cache_does_not_break_the_run(cache, monkeypatch):
    monkeypatch.setattr(cache_module, "write_atomic", lambda path, data: (_ for _ in ()).throw(OSError("ro")))
    with pytest.warns(CacheWarning):
        run(cache, [result("a.py::t", FAIL)])


# -- stepwise ---------------------------------------------------------------------------------------------


def stepwise(cache):
    return cache.get("cache/stepwise", None)


def test_stepwise_records_the_first_failure(cache):
    run(cache, [result("a.py::t1"), result("a.py::t2", FAIL)], stepwise=StepwiseStart(None, 5))
    stored = stepwise(cache)
    assert stored["last_failed"] == "a.py::t2"
    assert stored["last_test_count"] == 5
    state, error = read_stepwise(cache)
    assert error is None
    assert state.last_failed == "a.py::t2"
    assert state.test_count == 5


def test_stepwise_keeps_the_first_failure_if_more_results_arrive(cache):
    run(cache, [result("a.py::t1", FAIL), result("a.py::t2", FAIL)], stepwise=StepwiseStart(None, 2))
    assert stepwise(cache)["last_failed"] == "a.py::t1"


def test_stepwise_clears_when_the_stored_failure_passes(cache):
    run(cache, [result("a.py::t2"), result("a.py::t3")], stepwise=StepwiseStart("a.py::t2", 3))
    assert stepwise(cache)["last_failed"] is None


def test_stepwise_keeps_the_stored_failure_when_it_did_not_run(cache):
    run(cache, [result("a.py::t3")], stepwise=StepwiseStart("a.py::t2", 3))
    assert stepwise(cache)["last_failed"] == "a.py::t2"


def test_stepwise_skip_lets_the_first_failure_through(cache):
    run(cache, [result("a.py::t2", FAIL), result("a.py::t3"), result("a.py::t4", FAIL)],
        stepwise=StepwiseStart("a.py::t2", 4, skip=True))
    assert stepwise(cache)["last_failed"] == "a.py::t4"


def test_stepwise_state_is_saved_on_failure_without_waiting_for_the_end(cache):
    run(cache, [result("a.py::t1", FAIL)], stepwise=StepwiseStart(None, 1), finish=False, flush_tests=1)
    assert stepwise(cache)["last_failed"] == "a.py::t1"


def test_stepwise_state_is_only_written_with_stepwise(cache):
    run(cache, [result("a.py::t1", FAIL)])
    assert stepwise(cache) is None


@pytest.mark.parametrize(
    ("stored", "error"),
    [
        ("a.py::t", "TypeError"),
        ([1], "TypeError"),
        ({"last_failed": "a.py::t"}, "KeyError: 'last_test_count'"),
        ({"last_failed": 1, "last_test_count": 1, "last_cache_date_str": "2024-01-01T00:00:00"}, "TypeError"),
        ({"last_failed": None, "last_test_count": 1, "last_cache_date_str": "yesterday"}, "ValueError"),
    ],
)
def test_unusable_stepwise_state_is_an_error_text(cache, stored, error):
    cache.set("cache/stepwise", stored)
    state, message = read_stepwise(cache)
    assert state is None
    assert message.startswith(error)


@pytest.mark.parametrize("stored", [None, {}])
def test_empty_stepwise_state_is_no_state(cache, stored):
    cache.set("cache/stepwise", stored)
    assert read_stepwise(cache) == (None, None)
