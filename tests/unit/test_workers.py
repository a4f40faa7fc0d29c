"""run_workers (asynctestrun._execute.workers) with stand-in workers: merging, crashes, re-runs, exit codes.

The stand-in (``FAKE_WORKER``) speaks the real protocol (JsonLinesReporter on stdout) but runs "test
files" that are scripts for it: one ``name action`` line per test. Actions: ``pass``, ``fail``,
``crash`` (os._exit(1) mid-test, after a line on stderr), ``kill`` (SIGKILL itself), ``sleep:SECONDS``,
``exit`` (pytest.exit: an interrupted SessionFinished with code 3), ``noise`` (a non-JSON line on
stdout). Lines starting with ``!`` are directives: ``!collect-error`` / ``!collect-crash`` fail the
file's collection; ``!crash-at-end`` exits before SessionFinished; in a replacement (a worker given
``--deselect``), ``!rerun-collect-crash`` crashes while collecting and ``!rerun-drop`` leaves the file's
last test out. Every invocation is logged to ``calls.jsonl`` in the project.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest

import asynctestrun
from asynctestrun._execute import prestart as prestart_module
from asynctestrun._execute.prestart import prestart, resolve_numprocesses
from asynctestrun._execute.workers import assign, run_workers, worker_argv
from asynctestrun._model import events as ev
from asynctestrun._model.outcomes import Outcome, Phase

REPO = Path(asynctestrun.__file__).resolve().parents[1]

FAKE_WORKER = """
import json, os, signal, sys, time
sys.path.insert(0, {repo!r})
from asynctestrun._model.events import *
from asynctestrun._model.outcomes import *
from asynctestrun._report.jsonlines import JsonLinesReporter

signal.signal(signal.SIGINT, signal.default_int_handler)  # as open_worker_stream does in a real worker
args, deselect, files, own, rootdir = sys.argv[1:], set(), [], [], None
i = 0
while i < len(args):
    if args[i] == "--deselect":
        deselect.add(args[i + 1]); i += 2; continue
    if args[i] == "--worker-own":
        own = json.loads(args[i + 1]); i += 2; continue
    if args[i].startswith("--rootdir="):
        rootdir = args[i].split("=", 1)[1]
    elif files or args[i] == "--worker-jsonl":
        files.append(args[i])
    i += 1
files = [f for f in files[1:] if f in own]  # collects all the run's files, runs its own
with open(os.path.join(rootdir, "calls.jsonl"), "a") as log:
    log.write(json.dumps({{"worker": os.environ["PYTEST_XDIST_WORKER"],
                          "count": os.environ["PYTEST_XDIST_WORKER_COUNT"], "args": args}}) + "\\n")
emit = JsonLinesReporter(sys.stdout.buffer).handle
emit(WarningRaised("a plugin warning every worker repeats", None, "PluginWarning"))
emit(SessionStarted(rootdir, None, "3.x", "strict", "asyncio"))
tests, errors, deselected, flags = [], [], 0, set()
for f in files:
    rel = os.path.relpath(os.path.abspath(f), rootdir).replace(os.sep, "/")
    lines = [line for line in open(f).read().splitlines() if not line.startswith("!")]
    here = [line for line in open(f).read().splitlines() if line.startswith("!")]
    flags.update(here)
    if "!collect-error" in here:
        errors.append(CollectError(rel, "ImportError: boom", "ImportError: boom")); continue
    if "!collect-crash" in here or ("!rerun-collect-crash" in here and deselect):
        sys.stderr.write("Fatal Python error: Segmentation fault during import\\n"); sys.stderr.flush()
        os._exit(139)
    if "!rerun-drop" in flags and deselect:
        lines = lines[:-1]
    for line in lines:
        name, action = line.split()
        nodeid = rel + "::" + name
        if nodeid in deselect:
            deselected += 1; continue
        tests.append((nodeid, rel, action))
emit(CollectionFinished(tuple(t[0] for t in tests), tuple(errors), deselected, ("a note from each",)))
if errors:
    emit(SessionFinished(2, 0.0)); sys.exit(2)
failed = 0
try:
    for nodeid, rel, action in tests:
        emit(TestStarted(nodeid, rel, "function"))
        if action == "crash":
            sys.stderr.write("boom: the C extension fell over in " + nodeid + "\\n"); sys.stderr.flush()
            os._exit(1)
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if action == "exit":
            emit(SessionFinished(3, 0.0, "Exit: bye")); sys.exit(3)
        if action == "noise":
            sys.stdout.write("not an event\\n"); sys.stdout.flush()
        if action.startswith("sleep:"):
            time.sleep(float(action[6:]))
        outcome = PhaseOutcome.FAILED if action == "fail" else PhaseOutcome.PASSED
        failed += action == "fail"
        emit(TestFinished(TestResult(nodeid, rel, 1, (PhaseResult(Phase.CALL, outcome, 0.01),))))
except KeyboardInterrupt:
    emit(SessionFinished(2, 0.0, "KeyboardInterrupt")); sys.exit(2)
if "!crash-at-end" in flags:
    os._exit(1)
emit(SessionFinished(1 if failed else 0 if tests else 5, 0.0))
"""


@pytest.fixture
def project(tmp_path):
    script = tmp_path / "fake_worker.py"
    script.write_text(FAKE_WORKER.format(repo=str(REPO)))
    root = tmp_path / "project"
    root.mkdir()
    return root


def run(root, files, n=2, **kwargs):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    events = kwargs.pop("events", [])
    emit = kwargs.pop("emit", events.append)
    script = root.parent / "fake_worker.py"
    code = run_workers(
        [],
        list(files),
        n,
        emit,
        durations=kwargs.pop("durations", {}),
        rootdir=root,
        cwd=root,
        worker_command=lambda args: [sys.executable, str(script), *args],
        **kwargs,
    )
    return code, events


def calls(root):
    return [json.loads(line) for line in (root / "calls.jsonl").read_text().splitlines()]


def own(args):
    """The files a worker was given to run (of all it collects)."""
    return json.loads(args[args.index("--worker-own") + 1])


def results(events):
    return {e.result.nodeid: e.result for e in events if isinstance(e, ev.TestFinished)}


def kinds(events):
    return [type(e).__name__ for e in events]


def test_streams_are_merged_into_one_session(project):
    code, events = run(
        project,
        {"test_a.py": "t1 pass\nt2 pass\n", "test_b.py": "t1 pass\nt2 fail\n", "test_c.py": "t1 pass\n"},
    )
    assert code == 1
    names = kinds(events)
    assert names[0] == "SessionStarted"
    assert names.count("SessionStarted") == names.count("CollectionFinished") == 1
    assert names[-1] == "SessionFinished" and names.count("SessionFinished") == 1
    (collection,) = [e for e in events if isinstance(e, ev.CollectionFinished)]
    assert collection.nodeids == (
        "test_a.py::t1", "test_a.py::t2", "test_b.py::t1", "test_b.py::t2", "test_c.py::t1"
    )  # file order, not worker order
    assert collection.notes == ("a note from each",)
    assert names.index("CollectionFinished") < names.index("TestStarted")
    assert sorted(results(events)) == sorted(collection.nodeids)
    assert results(events)["test_b.py::t2"].outcome is Outcome.FAILED
    assert events[-1].exit_code == 1 and events[-1].interrupted is None
    # The warning every worker sends comes through once.
    assert sum(isinstance(e, ev.WarningRaised) for e in events) == 1
    # A file's events stay together.
    paths = [e.result.path for e in events if isinstance(e, ev.TestFinished)]
    assert len([p for i, p in enumerate(paths) if i == 0 or paths[i - 1] != p]) == 3
    logged = calls(project)
    assert sorted(c["worker"] for c in logged) == ["gw0", "gw1"]
    assert {c["count"] for c in logged} == {"2"}


def test_a_session_warning_the_parent_already_reported_is_not_repeated(project):
    """The parent loads the same options, plugins and conftests as its workers, and reports their
    session-level warnings itself: a worker's copy of one is dropped, any other still comes through."""
    repeated = ev.WarningRaised("a plugin warning every worker repeats", None, "PluginWarning")
    files = {"test_a.py": "t1 pass\n", "test_b.py": "t1 pass\n"}
    _, events = run(project, files, shown_warnings=[repeated])
    assert not [e for e in events if isinstance(e, ev.WarningRaised)]
    other = ev.WarningRaised("only the parent's", None, "PluginWarning")
    _, events = run(project, files, shown_warnings=[other])
    assert [e for e in events if isinstance(e, ev.WarningRaised)] == [repeated]


def test_the_broadcast_keeps_the_session_warnings_it_sent():
    seen = []
    broadcast = ev.Broadcast([type("R", (), {"handle": staticmethod(seen.append)})()])
    session_level = ev.WarningRaised("--cov is accepted but ignored", None, "PytestConfigWarning")
    broadcast.handle(session_level)
    broadcast.handle(ev.WarningRaised("deprecated", "test_a.py::t1", "DeprecationWarning"))
    assert broadcast.session_warnings == {session_level}
    assert len(seen) == 2


def test_all_passing_is_exit_0_and_no_tests_is_exit_5(project):
    assert run(project, {"test_a.py": "t1 pass\n", "test_b.py": "t1 pass\n"})[0] == 0
    code, events = run(project, {"test_empty.py": "", "test_empty2.py": ""})
    assert code == 5
    assert events[-1] == ev.SessionFinished(5, events[-1].duration, None)


def test_files_go_to_workers_longest_first(project):
    durations = {"test_a.py::t": 10.0, "test_b.py::t": 6.0, "test_c.py::t": 5.0, "test_d.py::t": 1.0}
    files = {f"test_{x}.py": "t pass\n" for x in "abcd"}
    assert run(project, files, durations=durations)[0] == 0
    by_worker = {c["worker"]: own(c["args"]) for c in calls(project)}
    assert sorted(by_worker.values()) == [["test_a.py", "test_d.py"], ["test_b.py", "test_c.py"]]


def test_every_worker_collects_all_the_files(project):
    # As xdist's: a module that works only after another was imported (one configures Django as it
    # imports) works in every worker; each runs the tests of its own files only.
    files = {f"test_{x}.py": "t pass\n" for x in "abc"}
    assert run(project, files)[0] == 0
    for call in calls(project):
        args = call["args"]
        assert args[args.index("--worker-own") + 2 :] == ["test_a.py", "test_b.py", "test_c.py"]
    assert sorted(o for c in calls(project) for o in own(c["args"])) == list(files)


def test_a_crash_is_an_error_and_the_rest_runs_in_a_new_worker(project):
    code, events = run(
        project,
        {"test_a.py": "t1 pass\nt2 crash\nt3 pass\n", "test_b.py": "t1 pass\n", "test_c.py": "t1 fail\n"},
        n=1,
    )
    assert code == 1
    got = results(events)
    assert sorted(got) == [
        "test_a.py::t1", "test_a.py::t2", "test_a.py::t3", "test_b.py::t1", "test_c.py::t1"
    ]
    crashed = got["test_a.py::t2"]
    assert crashed.outcome is Outcome.ERROR
    (phase,) = crashed.phases
    assert phase.phase is Phase.SETUP
    assert phase.message == "worker crashed while running this test: exit code 1"
    assert "boom: the C extension fell over in test_a.py::t2" in phase.longrepr
    assert got["test_a.py::t3"].outcome is Outcome.PASSED
    assert got["test_b.py::t1"].outcome is Outcome.PASSED
    assert sum(isinstance(e, ev.TestFinished) for e in events) == 5  # each test reported once
    first, second = calls(project)
    assert (first["worker"], second["worker"]) == ("gw0", "gw1")
    args = second["args"]
    assert own(args) == ["test_a.py", "test_b.py", "test_c.py"]
    deselected = [args[i + 1] for i, a in enumerate(args) if a == "--deselect"]
    assert deselected == ["test_a.py::t1", "test_a.py::t2"]
    assert kinds(events).count("CollectionFinished") == 1
    assert events[-1].exit_code == 1


def test_files_already_done_are_not_given_to_the_replacement(project):
    code, _ = run(project, {"test_a.py": "t1 pass\n", "test_b.py": "t1 crash\nt2 pass\n"}, n=1)
    assert code == 1
    args = calls(project)[1]["args"]
    assert own(args) == ["test_b.py"]


def test_repeated_crashes_each_cost_one_test(project):
    code, events = run(project, {"test_a.py": "t1 crash\nt2 crash\nt3 pass\n"}, n=1)
    assert code == 1
    got = results(events)
    outcomes = [got[f"test_a.py::t{i}"].outcome for i in (1, 2, 3)]
    assert outcomes == [Outcome.ERROR, Outcome.ERROR, Outcome.PASSED]
    assert [c["worker"] for c in calls(project)] == ["gw0", "gw1", "gw2"]


def test_a_crash_after_the_last_test_is_a_teardown_error_on_it(project):
    code, events = run(project, {"test_a.py": "t1 pass\nt2 pass\n!crash-at-end\n"}, n=1)
    assert code == 1
    last = [e.result for e in events if isinstance(e, ev.TestFinished)]
    assert [r.nodeid for r in last] == ["test_a.py::t1", "test_a.py::t2", "test_a.py::t2"]
    (phase,) = last[-1].phases
    assert phase.phase is Phase.TEARDOWN
    assert phase.message == "worker crashed after its last test: exit code 1"
    assert len(calls(project)) == 1  # nothing left to run: no replacement


def test_a_replacement_that_crashes_before_any_test_is_not_replaced(project):
    script = "t1 pass\nt2 crash\nt3 pass\nt4 pass\n!rerun-collect-crash\n"
    code, events = run(project, {"test_a.py": script}, n=1)
    assert code == 1
    got = results(events)
    assert [got[f"test_a.py::t{i}"].outcome for i in (1, 2, 3, 4)] == [
        Outcome.PASSED, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR
    ]
    assert got["test_a.py::t3"].phases[0].message == "worker crashed before this test ran: exit code 139"
    assert "Segmentation fault during import" in got["test_a.py::t3"].phases[0].longrepr
    assert len(calls(project)) == 2


def test_a_test_the_replacement_does_not_run_is_an_error(project):
    code, events = run(project, {"test_a.py": "t1 crash\nt2 pass\nt3 pass\n!rerun-drop\n"}, n=1)
    assert code == 1
    got = results(events)
    assert got["test_a.py::t2"].outcome is Outcome.PASSED
    assert got["test_a.py::t3"].phases[0].message == (
        "not run: worker gw1, replacing a crashed one, did not run this test"
    )


def test_each_worker_gets_its_own_basetemp(project, tmp_path):
    basetemp = tmp_path / "bt"
    (basetemp / "stale").mkdir(parents=True)
    run(project, {"test_a.py": "t1 pass\n", "test_b.py": "t1 pass\n"}, basetemp=basetemp)
    given = sorted(a for c in calls(project) for a in c["args"] if a.startswith("--basetemp="))
    assert given == [f"--basetemp={basetemp / 'gw0'}", f"--basetemp={basetemp / 'gw1'}"]
    assert not (basetemp / "stale").exists()


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_a_crash_by_signal_names_the_signal(project):
    code, events = run(project, {"test_a.py": "t1 kill\nt2 pass\n"}, n=1)
    assert code == 1
    assert results(events)["test_a.py::t1"].phases[0].message == (
        f"worker crashed while running this test: signal {int(signal.SIGKILL)} (SIGKILL)"
    )
    assert results(events)["test_a.py::t2"].outcome is Outcome.PASSED


def test_a_crash_while_collecting_is_a_collection_error(project):
    code, events = run(project, {"test_a.py": "t1 pass\n", "test_b.py": "!collect-crash\n"})
    assert code == 2
    (collection,) = [e for e in events if isinstance(e, ev.CollectionFinished)]
    (error,) = collection.errors
    assert error.nodeid == "test_b.py"
    assert error.message == "worker crashed while collecting test_b.py: exit code 139"
    assert "Segmentation fault during import" in error.longrepr
    assert not results(events)  # as without workers: a collection error stops the run before tests


def test_collection_errors_stop_the_run_unless_told_to_continue(project):
    files = {"test_a.py": "t1 pass\n", "test_b.py": "!collect-error\n"}
    code, events = run(project, files)
    assert code == 2
    assert not results(events)
    (collection,) = [e for e in events if isinstance(e, ev.CollectionFinished)]
    assert [e.nodeid for e in collection.errors] == ["test_b.py"]
    code, events = run(project, files, continue_on_collection_errors=True)
    assert code == 1
    assert list(results(events)) == ["test_a.py::t1"]


def test_maxfail_stops_every_worker(project):
    started = time.monotonic()
    code, events = run(project, {"test_a.py": "t1 fail\n", "test_b.py": "t1 sleep:30\n"}, maxfail=1)
    assert time.monotonic() - started < 20
    assert code == 1
    assert events[-1].interrupted == "stopping after 1 failures"
    assert "test_b.py::t1" not in results(events)


def test_pytest_exit_in_a_worker_ends_the_run_with_its_code(project):
    code, events = run(project, {"test_a.py": "t1 exit\n", "test_b.py": "t1 sleep:30\n"})
    assert code == 3
    assert events[-1].interrupted == "Exit: bye"


def test_ctrl_c_stops_the_workers_and_returns_2(project):
    def emit(event):
        events.append(event)
        if isinstance(event, ev.TestFinished):
            raise KeyboardInterrupt

    events = []
    started = time.monotonic()
    code, _ = run(project, {"test_a.py": "t1 pass\n", "test_b.py": "t1 sleep:30\n"}, emit=emit)
    assert time.monotonic() - started < 20
    assert code == 2
    assert events[-1].exit_code == 2 and events[-1].interrupted == "KeyboardInterrupt"
    assert kinds(events).count("SessionFinished") == 1


def test_stray_output_on_stdout_is_ignored(project):
    code, events = run(project, {"test_a.py": "t1 noise\nt2 pass\n"}, n=1)
    assert code == 0
    assert sorted(results(events)) == ["test_a.py::t1", "test_a.py::t2"]


def test_assign_keeps_a_file_whole_and_never_leaves_a_worker_empty():
    files = ["a.py::TestX", "b.py", "a.py::test_y", "c.py"]
    batches = assign(files, 8, {})
    assert sorted(batches) == [["a.py::TestX", "a.py::test_y"], ["b.py"], ["c.py"]]


def test_resolve_numprocesses(monkeypatch):
    assert resolve_numprocesses("3") == 3
    assert resolve_numprocesses("0") == 0
    assert resolve_numprocesses("auto") >= 1
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "6")
    assert resolve_numprocesses("auto") == 6
    for bad in ("-1", "many"):
        with pytest.raises(ValueError, match="-n expects"):
            resolve_numprocesses(bad)


@pytest.mark.parametrize(
    ("argv", "positional", "expected"),
    [
        (["-n", "4", "tests", "-x"], ["tests"], ["-x"]),
        (["-n4", "--numprocesses=auto", "--numprocesses", "2", "-q"], [], ["-q"]),
        (["--shard", "1/3", "--shard=2/3", "-k", "a.py", "a.py"], ["a.py"], ["-k", "a.py"]),
        (["--myplugin-opt", "value", "tests/a.py::test_x", "--tb=short"], ["tests/a.py::test_x"],
         ["--myplugin-opt", "value", "--tb=short"]),
    ],
)
def test_worker_argv_drops_parallel_flags_and_paths(argv, positional, expected):
    assert worker_argv(argv, positional) == expected


def test_worker_stderr_can_be_echoed(project, capfd):
    code, _ = run(project, {"test_a.py": "t1 crash\nt2 pass\n"}, n=1, echo_stderr=True)
    assert code == 1
    assert "[gw0] boom: the C extension fell over in test_a.py::t1" in capfd.readouterr().err


def test_no_files_is_refused():
    with pytest.raises(ValueError, match="at least one file"):
        run_workers([], [], 2, lambda event: None, durations={})


# -- with the real worker (python -m asynctestrun ... --worker-jsonl) ---------------------------------

REAL_PROJECT = {
    "pytest.ini": "[pytest]\nasyncio_mode = auto\n",
    "test_scopes.py": (
        "import os, pytest\n"
        "@pytest.fixture(scope='module')\n"
        "async def resource():\n"
        "    with open('setups.txt', 'a') as f:\n"
        "        f.write(os.environ['PYTEST_XDIST_WORKER'] + '\\n')\n"
        "    yield 'r'\n"
        "async def test_one(resource):\n    assert resource == 'r'\n"
        "async def test_two(resource):\n    print('captured, not on the event stream')\n"
        "def test_three(resource):\n    assert 1 == 2\n"
    ),
    "test_crash.py": (
        "import os\n"
        "def test_a():\n    pass\n"
        "def test_b():\n    os._exit(3)\n"
        "def test_c():\n    pass\n"
    ),
}


def test_real_workers_end_to_end(tmp_path):
    for name, text in REAL_PROJECT.items():
        (tmp_path / name).write_text(text)
    probe = subprocess.run(
        [sys.executable, "-m", "asynctestrun", "--worker-jsonl", "test_crash.py::test_a"],
        check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    if probe.returncode == 4 and "--worker-jsonl" in probe.stderr:
        pytest.skip("the CLI does not know --worker-jsonl yet")
    events = []
    files = ["test_scopes.py", "test_crash.py"]
    code = run_workers(
        ["-p", "no:cacheprovider"], files, 2, events.append, durations={}, rootdir=tmp_path, cwd=tmp_path,
        inifile=tmp_path / "pytest.ini",
    )
    assert code == 1
    got = {nodeid: r.outcome for nodeid, r in results(events).items()}
    assert got == {
        "test_scopes.py::test_one": Outcome.PASSED,
        "test_scopes.py::test_two": Outcome.PASSED,
        "test_scopes.py::test_three": Outcome.FAILED,
        "test_crash.py::test_a": Outcome.PASSED,
        "test_crash.py::test_b": Outcome.ERROR,
        "test_crash.py::test_c": Outcome.PASSED,
    }
    assert results(events)["test_crash.py::test_b"].phases[0].message == (
        "worker crashed while running this test: exit code 3"
    )
    assert len((tmp_path / "setups.txt").read_text().split()) == 1  # module scope: once, in one worker
    assert kinds(events).count("CollectionFinished") == 1


def test_prestarted_workers_take_their_arguments_and_the_spare_one_exits(tmp_path):
    """Workers started before their files are known run them as workers started with them do; one
    more than there are files is told it is not needed, and a crashed worker's replacement is a
    fresh process."""
    for name, text in REAL_PROJECT.items():
        (tmp_path / name).write_text(text)
    started = prestart(3, tmp_path)
    processes = list(started.processes)
    events = []
    code = run_workers(
        ["-p", "no:cacheprovider"], ["test_scopes.py", "test_crash.py"], 3, events.append, durations={},
        rootdir=tmp_path, cwd=tmp_path, inifile=tmp_path / "pytest.ini", prestarted=started,
    )
    assert code == 1
    assert {nodeid: r.outcome for nodeid, r in results(events).items()} == {
        "test_scopes.py::test_one": Outcome.PASSED,
        "test_scopes.py::test_two": Outcome.PASSED,
        "test_scopes.py::test_three": Outcome.FAILED,
        "test_crash.py::test_a": Outcome.PASSED,
        "test_crash.py::test_b": Outcome.ERROR,
        "test_crash.py::test_c": Outcome.PASSED,
    }
    assert started.processes == []
    assert sorted(p.wait(timeout=10) for p in processes) == [0, 1, 3]  # spare, tests failed, crashed


def test_a_prestart_for_another_count_is_discarded(tmp_path):
    started = prestart(1, tmp_path)
    processes = list(started.processes)
    assert prestart_module.take_early(1, tmp_path) is None  # nothing started early
    prestart_module._early = started
    assert prestart_module.take_early(2, tmp_path) is None
    assert [p.wait(timeout=10) for p in processes] == [0]


@pytest.mark.parametrize(
    ("argv", "count"),
    [
        (["-n", "3"], 3),
        (["tests", "-n2", "-q"], 2),
        (["--numprocesses=4"], 4),
        (["--numprocesses", "5", "tests"], 5),
        (["-n", "0"], None),
        (["-q"], None),
        (["-n", "2", "--collect-only"], None),
        (["watch", "-n", "2"], None),
        (["-k", "x", "--", "-n", "2"], None),
        (["-n", "many"], None),
    ],
)
def test_the_worker_count_is_read_off_the_command_line(argv, count):
    assert prestart_module.requested_workers(argv) == count


def test_auto_is_the_usable_cpus(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_AUTO_NUM_WORKERS", "7")
    assert prestart_module.requested_workers(["-n", "auto"]) == 7


def test_a_bad_selection_expression_under_workers_is_a_usage_error_with_its_message(tmp_path):
    # Each worker ends its session with the error on its own stderr; the parent shows it once.
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    (tmp_path / "test_a.py").write_text("def test_a():\n    pass\n")
    (tmp_path / "test_b.py").write_text("def test_b():\n    pass\n")
    done = subprocess.run(
        [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider", "-n", "2", "-k", "a and ("],
        check=False, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 4, done.stdout + done.stderr
    assert done.stderr.count("ERROR: Wrong expression passed to '-k': a and (") == 1


def test_workers_have_the_working_directory_on_sys_path_only_where_the_parent_has(monkeypatch, tmp_path):
    # Started by the asynctestrun script, the parent cannot import from the working directory; a worker
    # started with -m could, and would pass tests the sequential run fails to import.
    monkeypatch.setattr(prestart_module, "_CWD_ON_PATH", False)
    script_started = prestart_module.default_worker_command(["-q"])
    assert script_started[1:4] == ["-P", "-m", "asynctestrun"]
    (tmp_path / "local_only.py").write_text("")
    for flags, code in ((["-P"], 1), ([], 0)):  # what -P leaves out, as -m or -c would put it first
        imports = [sys.executable, *flags, "-c", "import local_only"]
        assert subprocess.run(imports, cwd=tmp_path, capture_output=True, check=False).returncode == code
    monkeypatch.setattr(prestart_module, "_CWD_ON_PATH", True)
    assert prestart_module.default_worker_command(["-q"])[1:3] == ["-m", "asynctestrun"]


def _late_plugins_project(path):
    # The samples beside these tests (asynctestrun itself may be installed elsewhere, as in CI).
    samples = Path(__file__).resolve().parents[1] / "samples"
    shutil.copytree(samples / "late_conftest_plugins", path, ignore=shutil.ignore_patterns("__pycache__"))


def _broken_deeper_conftest_project(path):
    (path / "tests" / "inner").mkdir(parents=True)
    (path / "pytest.ini").write_text("[pytest]\n")
    (path / "tests" / "inner" / "conftest.py").write_text("import a_module_nobody_installed\n")
    (path / "tests" / "inner" / "test_inner.py").write_text("def test_inner():\n    pass\n")
    (path / "tests" / "inner" / "test_other.py").write_text("def test_other():\n    pass\n")
    (path / "tests" / "test_top.py").write_text("def test_top():\n    pass\n")
    (path / "test_root.py").write_text("def test_root():\n    pass\n")


@pytest.mark.parametrize(
    ("make_project", "directory_errors"), [(_late_plugins_project, 2), (_broken_deeper_conftest_project, 1)]
)
def test_a_worker_loads_the_start_up_conftests_the_parent_loaded(tmp_path, make_project, directory_errors):
    # A worker is started with its files as arguments; were their conftests its start-up ones, a
    # deeper conftest naming plugins would load them there, where the sequential run refuses it, and
    # one that fails to import would stop the worker (exit 4) instead of failing its directory.
    outcomes = {}
    for label, extra in (("sequential", []), ("workers", ["-n", "2"])):
        project = tmp_path / label
        make_project(project)
        done = subprocess.run(
            [sys.executable, "-m", "asynctestrun", "-p", "no:cacheprovider", "-q", *extra,
             "--continue-on-collection-errors", "--junitxml=out.xml"],
            check=False, cwd=project, capture_output=True, text=True, timeout=120,
        )
        cases = ElementTree.parse(project / "out.xml").iter("testcase")
        outcomes[label] = (
            done.returncode,
            {f"{case.get('classname')}::{case.get('name')}": [child.tag for child in case] for case in cases},
        )
    assert outcomes["workers"] == outcomes["sequential"]
    code, cases = outcomes["sequential"]
    assert code == 1
    assert sorted(cases.values()) == [*[[]] * 2, *[["error"]] * directory_errors]  # the tests above them pass
