"""render_html / write_html (asynctestrun._report.html) and the ``report`` command (asynctestrun.report_cli).

The page is parsed with the standard library's html.parser; when Chromium is installed it is also
loaded headless, to check that the script runs and leaves failing tests visible, and screenshotted.
"""

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

# Modules, not names: a TestResult or TestFinished imported here would look like a test class to pytest.
from asynctestrun._model import events, outcomes
from asynctestrun._report.html import render_html, write_html
from asynctestrun._report.json_report import JsonReporter
from asynctestrun.report_cli import report_command

FAILED_ID = "tests/test_api.py::test_create[<b>&amp]"
FAILED_LONGREPR = (
    "    async def test_create():\n"
    "        body = '<script>alert(1)</script> & \"quoted\"'\n"
    ">       assert body == ''\n"
    "E       AssertionError: assert '<script>...' == ''\n"
)
TEARDOWN_ID = "tests/test_api.py::test_close"
TEARDOWN_LONGREPR = "RuntimeError: connection still open"
COLLECT_ID = "tests/test_broken.py"
COLLECT_LONGREPR = "ImportError while importing test module 'tests/test_broken.py'"


def _phase(phase, outcome, duration=0.001, **kwargs):
    return outcomes.PhaseResult(outcomes.Phase(phase), outcomes.PhaseOutcome(outcome), duration, **kwargs)


def _result(nodeid, *phases, **kwargs):
    return outcomes.TestResult(nodeid=nodeid, path="tests/test_api.py", lineno=1, phases=phases, **kwargs)


def _document(passed=3):
    """A JsonReporter document: passed tests, a failure, an error in teardown, a skip, a collection error."""
    reporter = JsonReporter(Path("unused.json"))
    reporter.handle(
        events.CollectionFinished(
            nodeids=(), errors=(outcomes.CollectError(COLLECT_ID, COLLECT_LONGREPR),), deselected=0
        )
    )
    results = [
        _result(
            f"tests/test_api.py::test_ok_{i}",
            _phase("call", "passed", 0.01 * (i + 1)),
            loop_scope="module",
        )
        for i in range(passed)
    ]
    results += [
        _result(
            FAILED_ID,
            _phase("setup", "passed"),
            _phase("call", "failed", 0.8, longrepr=FAILED_LONGREPR),
            _phase("teardown", "passed"),
            sections=(("Captured stdout call", "request sent\n"),),
            loop_scope="function",
        ),
        _result(
            TEARDOWN_ID,
            _phase("setup", "passed"),
            _phase("call", "passed", 0.3),
            _phase("teardown", "failed", longrepr=TEARDOWN_LONGREPR),
            loop_scope="session",
        ),
        _result(
            "tests/test_api.py::test_later",
            _phase("setup", "skipped", reason="needs a server"),
            _phase("teardown", "passed", 0.00001),
        ),
        _result("tests/test_sync.py::test_plain", _phase("call", "passed", 1.5)),
    ]
    for result in results:
        reporter.handle(events.TestFinished(result))
    return json.loads(json.dumps(reporter.document(events.SessionFinished(1, 2.75))))


class _Page(HTMLParser):
    """Checks nesting as it parses, and keeps what the assertions need: elements, ids, <pre> texts."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source", "area", "base"})

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.elements = []  # (tag, attrs as dict)
        self.ids = []
        self.pre_texts = []
        self.text = ""
        self.doctype = None
        self.feed(text)
        self.close()
        self.problems += [f"unclosed <{tag}>" for tag in self.stack]

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "pre":
            self.pre_texts.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text += data
        if "pre" in self.stack:
            self.pre_texts[-1] += data

    def rows(self):
        return [attrs for tag, attrs in self.elements if tag == "tr" and "data-outcome" in attrs]


def test_page_is_well_formed_and_self_contained():
    page = _Page(render_html(_document()))
    assert page.problems == []
    assert page.doctype == "DOCTYPE html"
    assert len(page.ids) == len(set(page.ids))
    tags = {tag for tag, _ in page.elements}
    assert {"style", "script", "table"} <= tags
    assert not tags & {"link", "img", "iframe"}
    for _, attrs in page.elements:
        assert "src" not in attrs
        assert attrs.get("href", "#").startswith("#")


def test_table_has_one_row_per_test_in_run_order_and_none_hidden():
    document = _document()
    rows = _Page(render_html(document)).rows()
    assert [row["data-nodeid"] for row in rows] == [test["nodeid"] for test in document["tests"]]
    assert [row["data-outcome"] for row in rows] == [test["outcome"] for test in document["tests"]]
    assert all("hidden" not in row for row in rows)
    failing = [row for row in rows if row["data-outcome"] in ("failed", "error")]
    assert [row["data-nodeid"] for row in failing] == [FAILED_ID, TEARDOWN_ID]


def test_filter_checkboxes_start_checked():
    page = _Page(render_html(_document()))
    inputs = [attrs for tag, attrs in page.elements if tag == "input"]
    boxes = {attrs["value"]: attrs for attrs in inputs if "data-filter" in attrs}
    assert set(boxes) == {"passed", "failed", "error", "skipped"}
    assert all("checked" in box for box in boxes.values())


def test_failures_show_escaped_longrepr_in_pre():
    text = render_html(_document())
    assert "<script>alert(1)" not in text  # escaped, not live
    page = _Page(text)
    assert FAILED_LONGREPR in page.pre_texts  # and it round-trips to exactly the original text
    assert TEARDOWN_LONGREPR in page.pre_texts
    assert COLLECT_LONGREPR in page.pre_texts
    assert "request sent\n" in page.pre_texts  # captured output, in a <details>
    headings = [attrs for tag, attrs in page.elements if tag == "article"]
    assert [h["id"] for h in headings] == ["failure-0", "failure-1", "collection-error-0"]


def test_header_totals_exit_code_and_slowest_chart():
    text = render_html(_document())
    assert "exit code 1" in text
    assert "<b>1</b> failed" in text and "<b>2</b> error" in text and "<b>5</b> passed" in text
    page = _Page(text)
    bars = [attrs for tag, attrs in page.elements if tag == "div" and "bar" in attrs.get("class", "").split()]
    assert len(bars) == 7
    assert bars[0]["style"] == "width: 100.0%"  # test_plain, 1.5 s, is the slowest
    assert "failing" in bars[1]["class"]  # then the failure, 0.8 s


def test_slowest_chart_keeps_ten():
    page = _Page(render_html(_document(passed=20)))
    bars = [attrs for tag, attrs in page.elements if tag == "div" and "bar" in attrs.get("class", "").split()]
    assert len(bars) == 10


def test_empty_run():
    empty = JsonReporter(Path("unused.json")).document(events.SessionFinished(5, 0.0))
    text = render_html(empty)
    page = _Page(text)
    assert page.problems == []
    assert "No tests ran." in text
    assert "exit code 5" in text
    assert not any(attrs.get("id") in ("failures", "slowest") for _, attrs in page.elements)


def test_write_html(tmp_path):
    json_path = tmp_path / "report.json"
    json_path.write_text(json.dumps(_document()))
    html_path = tmp_path / "out" / "report.html"
    write_html(json_path, html_path)
    assert FAILED_LONGREPR.splitlines()[0] in html_path.read_text(encoding="utf-8")
    assert [p.name for p in html_path.parent.iterdir()] == ["report.html"]  # no temporary file left


def test_write_html_lists_schema_problems(tmp_path):
    document = _document()
    del document["tests"][0]["outcome"]
    document["exit_code"] = "1"
    json_path = tmp_path / "report.json"
    json_path.write_text(json.dumps(document))
    with pytest.raises(ValueError) as info:
        write_html(json_path, tmp_path / "report.html")
    assert str(info.value) == (
        f"{json_path}: not a valid asynctestrun JSON report (2 problems):\n"
        "  - $.exit_code: expected integer, got string\n"
        '  - $.tests[0]: missing required property "outcome"'
    )
    assert not (tmp_path / "report.html").exists()


def test_write_html_caps_the_problem_list(tmp_path):
    document = _document(passed=30)
    for test in document["tests"]:
        test["duration"] = None
    json_path = tmp_path / "report.json"
    json_path.write_text(json.dumps(document))
    with pytest.raises(ValueError, match=r"\(34 problems\)") as info:
        write_html(json_path, tmp_path / "report.html")
    assert str(info.value).endswith("  - ... and 14 more")


def test_write_html_rejects_non_json(tmp_path):
    json_path = tmp_path / "report.json"
    json_path.write_text("<html>")
    with pytest.raises(ValueError, match=r"report\.json: not valid JSON"):
        write_html(json_path, tmp_path / "report.html")


def test_report_command(tmp_path):
    json_path = tmp_path / "report.json"
    json_path.write_text(json.dumps(_document()))
    html_path = tmp_path / "report.html"
    result = CliRunner().invoke(report_command(), [str(json_path), "--html", str(html_path)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {html_path}\n"
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_command_errors(tmp_path):
    json_path = tmp_path / "report.json"
    json_path.write_text("{}")
    result = CliRunner().invoke(report_command(), [str(json_path), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert 'missing required property "tests"' in result.output
    result = CliRunner().invoke(report_command(), [str(json_path)])
    assert result.exit_code == 2
    assert "Missing option '--html'" in result.output
    result = CliRunner().invoke(report_command(), [str(tmp_path / "nope.json"), "--html", "x.html"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


# --- in a real browser --------------------------------------------------------------------------------


def _chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        pytest.skip("chromium not installed")
    return found


def _run_chromium(chromium, tmp_path, *args):
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _body(dom):
    bodies = [attrs for tag, attrs in _Page(dom).elements if tag == "body"]
    assert len(bodies) == 1
    return bodies[0]


def test_in_chromium_failures_are_visible_by_default_and_the_filter_works(tmp_path):
    chromium = _chromium()
    html_path = tmp_path / "report.html"
    html_path.write_text(render_html(_document()), encoding="utf-8")

    dom = _run_chromium(chromium, tmp_path, "--dump-dom", html_path.as_uri())
    assert FAILED_ID in _Page(dom).text
    body = _body(dom)
    assert body.get("data-ready") == "1", "the page script did not run"
    assert body.get("data-visible-failures") == "2"
    assert body.get("data-visible-rows") == "7"
    failed_rows = [row for row in _Page(dom).rows() if row["data-nodeid"] == FAILED_ID]
    assert len(failed_rows) == 1
    assert "hidden" not in failed_rows[0]

    # A fragment preselects the filter: with only passed tests shown, the failing rows are hidden.
    dom = _run_chromium(chromium, tmp_path, "--dump-dom", html_path.as_uri() + "#show=passed")
    body = _body(dom)
    assert (body.get("data-visible-failures"), body.get("data-visible-rows")) == ("0", "4")
    hidden = {row["data-nodeid"] for row in _Page(dom).rows() if "hidden" in row}
    assert hidden == {FAILED_ID, TEARDOWN_ID, "tests/test_api.py::test_later"}

    screenshot = tmp_path / "page.png"
    window = "--window-size=1200,900"
    _run_chromium(chromium, tmp_path, f"--screenshot={screenshot}", window, html_path.as_uri())
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 10_000


# Clicks the page's own buttons, recording the visible rows' run indexes after each step.
_CLICKS = """<script>
function visible() {
  return Array.from(document.querySelectorAll("#tests tbody tr[data-outcome]"))
    .filter(function (row) { return !row.hidden; })
    .map(function (row) { return row.getAttribute("data-index"); }).join(",");
}
function click(selector, record) {
  document.querySelector(selector).click();
  document.body.setAttribute("data-" + record, visible());
}
click('button[data-only="failed,error"]', "only-failures");
click('th[data-sort="duration"] button', "failures-slowest-first");
click('button[data-only="all"]', "all-slowest-first");
click('th[data-sort="duration"] button', "all-fastest-first");
click('th[data-sort="rank"] button', "worst-first");
</script>
</body>"""


def test_in_chromium_buttons_filter_and_sort(tmp_path):
    chromium = _chromium()
    html_path = tmp_path / "report.html"
    html_path.write_text(render_html(_document()).replace("</body>", _CLICKS), encoding="utf-8")
    body = _body(_run_chromium(chromium, tmp_path, "--dump-dom", html_path.as_uri()))
    # Run order: 0-2 test_ok_*, 3 the failure, 4 the teardown error, 5 the skip, 6 test_plain (slowest).
    assert body["data-only-failures"] == "3,4"
    assert body["data-failures-slowest-first"] == "3,4"
    assert body["data-all-slowest-first"] == "6,3,4,2,1,0,5"
    assert body["data-all-fastest-first"] == "5,0,1,2,4,3,6"
    assert body["data-worst-first"] == "3,4,5,0,1,2,6"
