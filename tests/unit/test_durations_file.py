"""The durations file: --store-durations writes it (asynctestrun._report.durations_file), --shard balances
by it (asynctestrun._plan.shard.durations_for_sharding), --durations-path / durations_path say where it is."""

import json

import pytest

from asynctestrun import cli
from asynctestrun._config.config import Config, ConfigError
from asynctestrun._config.load import CliOptions, load

# Modules, not names: a TestResult or TestFinished imported here would look like a test class to pytest.
from asynctestrun._model import events, outcomes
from asynctestrun._plan.shard import durations_for_sharding, file_of, load_durations, shard
from asynctestrun._report.durations_file import DurationsFileReporter


def _result(nodeid, setup=0.25, call=1.0, teardown=0.5):
    phases = (
        outcomes.PhaseResult(outcomes.Phase.SETUP, outcomes.PhaseOutcome.PASSED, setup),
        outcomes.PhaseResult(outcomes.Phase.CALL, outcomes.PhaseOutcome.FAILED, call),
        outcomes.PhaseResult(outcomes.Phase.TEARDOWN, outcomes.PhaseOutcome.PASSED, teardown),
    )
    return outcomes.TestResult(nodeid=nodeid, path=file_of(nodeid), lineno=1, phases=phases)


def _session(reporter, results):
    reporter.handle(events.CollectionFinished(tuple(r.nodeid for r in results), (), 0))
    for result in results:
        reporter.handle(events.TestFinished(result))
    reporter.handle(events.SessionFinished(1, 3.0))


def _config(rootdir, **kwargs):
    return Config(rootdir=rootdir, invocation_dir=rootdir, inipath=None, ini={}, args=(), **kwargs)


# -- --store-durations ----------------------------------------------------------------------------------


def test_store_writes_setup_call_teardown_merged_with_the_file(tmp_path):
    path = tmp_path / ".test_durations"
    path.write_text(json.dumps({"tests/test_b.py::test_old": 9.0, "tests/test_a.py::test_one": 5.0}))
    skipped_module = outcomes.TestResult(
        nodeid="tests/test_skipmod.py",
        path="tests/test_skipmod.py",
        lineno=None,
        phases=(outcomes.PhaseResult(outcomes.Phase.SETUP, outcomes.PhaseOutcome.SKIPPED, 0.0),),
    )
    _session(
        DurationsFileReporter(path),
        [
            _result("tests/test_a.py::test_one"),
            _result("tests/test_a.py::test_two", 0, 0.5, 0),
            skipped_module,
        ],
    )
    text = path.read_text()
    assert json.loads(text) == {
        "tests/test_a.py::test_one": 1.75,  # this run's measurement replaces the recorded one
        "tests/test_a.py::test_two": 0.5,
        "tests/test_b.py::test_old": 9.0,  # not run this time: kept
    }
    assert list(json.loads(text)) == sorted(json.loads(text))  # sorted: a committed file diffs cleanly
    assert text.endswith("}\n")
    assert load_durations(path) == json.loads(text)  # what --shard reads back


def test_store_creates_the_file_and_its_directory(tmp_path):
    path = tmp_path / "ci" / "durations.json"
    _session(DurationsFileReporter(path), [_result("t.py::test")])
    assert json.loads(path.read_text()) == {"t.py::test": 1.75}


def test_store_leaves_the_file_alone_when_no_test_finished(tmp_path):
    path = tmp_path / ".test_durations"
    path.write_text('[["t.py::test", 2]]')  # pytest-split's other layout, left as it is
    _session(DurationsFileReporter(path), [])
    assert path.read_text() == '[["t.py::test", 2]]'


def test_store_refuses_an_unreadable_file_before_the_run(tmp_path):
    path = tmp_path / ".test_durations"
    path.write_text("{not json")
    with pytest.raises(
        ConfigError, match=r"--store-durations: cannot read durations from .*\.test_durations"
    ):
        DurationsFileReporter(path)


# -- where the file is ----------------------------------------------------------------------------------


def test_durations_file_defaults_to_test_durations_in_the_rootdir(tmp_path):
    assert _config(tmp_path).durations_file() == tmp_path / ".test_durations"
    assert _config(tmp_path, durations_path=tmp_path / "d.json").durations_file() == tmp_path / "d.json"


def test_cli_path_is_relative_to_the_current_directory_ini_path_to_the_rootdir(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\ndurations_path = ci/durations.json\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    from_ini = load(CliOptions(args=(str(sub),)), sub)
    assert from_ini.rootdir == tmp_path
    assert from_ini.durations_file() == tmp_path / "ci" / "durations.json"
    from_cli = load(CliOptions(args=(str(sub),), durations_path="mine.json", store_durations=True), sub)
    assert from_cli.durations_file() == sub / "mine.json"
    assert from_cli.store_durations
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    assert load(CliOptions(args=(str(sub),)), sub).durations_file() == tmp_path / ".test_durations"


def test_command_line_flags_reach_the_options():
    values = cli.parse(["--store-durations", "--durations-path", "d.json", "--shard", "1/2"])
    options = cli._cli_options(values, [], {})
    assert (options.durations_path, options.store_durations, options.shard) == ("d.json", True, "1/2")


# -- --shard balanced by the file -----------------------------------------------------------------------


FILES = [f"tests/test_{name}.py" for name in ("api", "db", "models", "slow", "utils")]
ITEMS = [f"{path}::test_{i}" for path in FILES for i in range(3)]


def test_shards_are_balanced_by_the_durations_file(tmp_path):
    path = tmp_path / ".test_durations"
    recorded = dict.fromkeys(ITEMS, 0.1)
    recorded.update({f"tests/test_slow.py::test_{i}": 10.0 for i in range(3)})
    path.write_text(json.dumps(recorded))
    durations = durations_for_sharding(_config(tmp_path))
    assert durations == recorded
    parts = [shard(ITEMS, index, 2, durations) for index in (1, 2)]
    files = [{file_of(nodeid) for nodeid in part} for part in parts]
    # The slow file (30s) is heavier than the other four together (1.2s): it gets a shard of its own.
    assert sorted(files, key=len) == [{"tests/test_slow.py"}, set(FILES) - {"tests/test_slow.py"}]
    # Without the file the split is by file count, in hash order: 3 files and 2.
    hashed = [{file_of(n) for n in shard(ITEMS, index, 2, {})} for index in (1, 2)]
    assert sorted(len(f) for f in hashed) == [2, 3]


def test_a_missing_durations_file_means_none_recorded(tmp_path):
    assert durations_for_sharding(_config(tmp_path)) == {}
    assert durations_for_sharding(_config(tmp_path, durations_path=tmp_path / "nope.json")) == {}


def test_an_unreadable_durations_file_is_a_usage_error(tmp_path):
    path = tmp_path / "durations.json"
    path.write_text('{"tests/test_a.py::test": "slow"}')
    with pytest.raises(ConfigError, match=r"--shard: cannot read durations from .*durations\.json"):
        durations_for_sharding(_config(tmp_path, durations_path=path))


def test_every_job_reading_the_same_file_gets_a_partition(tmp_path):
    path = tmp_path / "durations.json"
    path.write_text(json.dumps({nodeid: 0.01 * (i % 7 + 1) for i, nodeid in enumerate(ITEMS)}))
    config = _config(tmp_path, durations_path=path)
    parts = [shard(ITEMS, index, 3, durations_for_sharding(config)) for index in (1, 2, 3)]
    assert sorted(n for part in parts for n in part) == sorted(ITEMS)
