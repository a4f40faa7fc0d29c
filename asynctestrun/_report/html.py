"""The HTML report: one self-contained page rendered from a JSON report (``asynctestrun report --html``).

The page has no external resources (inline CSS, a little inline JS, no fonts, images or CDNs), so it can
be attached to a CI run and opened anywhere. Everything is rendered here in Python and works without
JavaScript; the script only adds the outcome filter and column sorting. All rows are visible in the
HTML itself, so failing tests can never be hidden by a script that did not run.

When the script has run it marks ``<body>`` with ``data-ready="1"``, ``data-visible-rows`` and
``data-visible-failures`` (visible rows whose outcome is failed or error): the browser test reads these.
A URL fragment like ``#show=failed,error`` preselects the outcome filter.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .json_schema import JSON_REPORT_SCHEMA, validate

# Worst first: the order of the header summary, the filter and the "outcome" sort.
_SEVERITY = ("failed", "error", "xpassed", "xfailed", "skipped", "passed")
_FAILING = frozenset({"failed", "error"})
_SLOWEST = 10  # bars in the chart
_MAX_LISTED_PROBLEMS = 20  # validation problems quoted in a ValueError; the rest are counted
# loop_scope is null for tests no asyncio loop drives: sync tests, anyio tests, unmarked ones in strict mode.
_NO_LOOP = '<span class="muted" title="not run on an asyncio loop">&mdash;</span>'

_CSS = """
:root { --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --passed: #1a7f37; --failed: #cf222e; --error: #a40e26; --skipped: #9a6700; --xfailed: #6e7781;
  --xpassed: #bc4c00; --bar: #0969da; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d;
    --passed: #3fb950; --failed: #f85149; --error: #ff7b72; --skipped: #d29922; --xfailed: #8d96a0;
    --xpassed: #db6d28; --bar: #2f81f7; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 3rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI",
  sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .75rem; }
h3 { font-size: 1rem; margin: 0; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
code, pre, .nodeid { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.muted { color: var(--muted); }
header { border-bottom: 1px solid var(--line); padding-bottom: 1rem; }
.status { display: inline-block; padding: .15rem .6rem; border-radius: 1rem; color: #fff; font-weight: 600; }
.status.ok { background: var(--passed); } .status.bad { background: var(--failed); }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0 .25rem; padding: 0; list-style: none; }
.totals li { padding: .2rem .6rem; border: 1px solid var(--line); border-radius: .4rem;
  background: var(--panel); }
.totals b { font-size: 1.05rem; }
.interrupted { margin: .75rem 0 0; padding: .5rem .75rem; border-left: 4px solid var(--xpassed);
  background: var(--panel); }
.o-passed { color: var(--passed); } .o-failed { color: var(--failed); } .o-error { color: var(--error); }
.o-skipped { color: var(--skipped); } .o-xfailed { color: var(--xfailed); }
.o-xpassed { color: var(--xpassed); }
.filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; margin-bottom: .6rem; }
.filters label { cursor: pointer; white-space: nowrap; }
button { font: inherit; color: inherit; background: var(--panel); border: 1px solid var(--line);
  border-radius: .35rem; padding: .15rem .6rem; cursor: pointer; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line);
  vertical-align: baseline; }
a { color: var(--bar); }
th { background: var(--panel); position: sticky; top: 0; }
th button { border: 0; background: none; padding: 0; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nodeid { overflow-wrap: anywhere; }
.reason { display: block; color: var(--muted); font-family: system-ui, sans-serif; font-size: 12px; }
tr.failing td:first-child { box-shadow: inset 3px 0 var(--failed); }
.chart { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto; gap: .3rem .75rem;
  align-items: center; }
.chart .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; direction: rtl;
  text-align: left; }
.chart .track { background: var(--panel); border-radius: .25rem; height: .9rem; }
.chart .bar { height: 100%; min-width: 2px; border-radius: .25rem; background: var(--bar); }
.chart .bar.failing { background: var(--failed); }
.failure { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 1rem; overflow: hidden; }
.failure > div:first-child { display: flex; gap: .75rem; align-items: baseline; padding: .5rem .75rem;
  background: var(--panel); border-bottom: 1px solid var(--line); }
.failure h4 { margin: .6rem .75rem .3rem; font-size: 13px; }
.failure pre { margin: 0 .75rem .75rem; padding: .6rem .75rem; overflow: auto; max-height: 40rem;
  background: var(--panel); border-radius: .35rem; white-space: pre; }
.failure details { margin: 0 .75rem .75rem; } .failure details pre { margin: .4rem 0 0; }
"""

# Filter and sort only: the content is all in the HTML already. No data flows from the report into
# the script, so nothing in a test's output can end up being executed.
_JS = """
(function () {
  "use strict";
  var body = document.body;
  var tbody = document.querySelector("#tests tbody");
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr[data-outcome]"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var none = document.getElementById("no-rows");
  function apply() {
    var shown = {};
    boxes.forEach(function (box) { shown[box.value] = box.checked; });
    var visible = 0, failures = 0;
    rows.forEach(function (row) {
      var outcome = row.getAttribute("data-outcome");
      var show = shown[outcome] !== false;
      row.hidden = !show;
      if (show) { visible += 1; if (outcome === "failed" || outcome === "error") { failures += 1; } }
    });
    if (none) { none.hidden = visible > 0 || rows.length === 0; }
    body.setAttribute("data-visible-rows", String(visible));
    body.setAttribute("data-visible-failures", String(failures));
  }
  function only(outcomes) {
    boxes.forEach(function (box) { box.checked = outcomes === null || outcomes.indexOf(box.value) >= 0; });
    apply();
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  document.querySelectorAll("button[data-only]").forEach(function (button) {
    button.addEventListener("click", function () {
      var value = button.getAttribute("data-only");
      only(value === "all" ? null : value.split(","));
    });
  });
  document.querySelectorAll("th[data-sort]").forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var key = th.getAttribute("data-sort");
      var descending = th.getAttribute("aria-sort") === "ascending" ||
        (th.getAttribute("aria-sort") === null && key === "duration");
      document.querySelectorAll("th[data-sort]").forEach(function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var numeric = key === "duration" || key === "rank";
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
        var order = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
        if (order === 0) {
          order = Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
        }
        return descending ? -order : order;
      });
      rows.forEach(function (row) { tbody.insertBefore(row, none); });
    });
  });
  var match = /(?:^#|&)show=([a-z,]*)/.exec(window.location.hash);
  if (match) { only(match[1].split(",")); } else { apply(); }
  body.setAttribute("data-ready", "1");
})();
"""


def render_html(document: dict[str, Any]) -> str:
    """The whole page for one JSON report ``document``, which must be valid (see ``json_schema``)."""
    tests: list[dict[str, Any]] = document["tests"]
    errors: list[dict[str, Any]] = document["collection_errors"]
    failing = [test for test in tests if test["outcome"] in _FAILING]
    title = f"asynctestrun report: {_summary(document['totals']) or 'no tests ran'}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        _header(document),
        "<main>",
        _tests_table(tests),
        _slowest_chart(tests),
        _failures(failing, errors),
        "</main>",
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(json_path: Path, html_path: Path) -> None:
    """Read the JSON report at ``json_path``, check it against the schema, write the page to ``html_path``.

    Raises ``ValueError`` naming the file and listing the problems when it is not JSON or not a valid
    report; the HTML file is written atomically, so it is never left half-written.
    """
    try:
        document = json.loads(json_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{json_path}: not valid JSON: {exc}") from exc
    problems = validate(document, JSON_REPORT_SCHEMA)
    if problems:
        listed = problems[:_MAX_LISTED_PROBLEMS]
        if len(problems) > len(listed):
            listed.append(f"... and {len(problems) - len(listed)} more")
        lines = "\n".join(f"  - {problem}" for problem in listed)
        raise ValueError(
            f"{json_path}: not a valid asynctestrun JSON report "
            f"({len(problems)} problem{'s' if len(problems) != 1 else ''}):\n{lines}"
        )
    write_atomic(html_path, render_html(document).encode("utf-8"))


def _header(document: dict[str, Any]) -> str:
    exit_code: int = document["exit_code"]
    status = "ok" if exit_code == 0 else "bad"
    environment = document["environment"]
    totals: dict[str, int] = document["totals"]
    chips = "".join(
        f'<li class="o-{name}"><b>{totals[name]}</b> {name}</li>' for name in _SEVERITY if name in totals
    )
    lines = [
        "<header>",
        "<h1>asynctestrun test report</h1>",
        f'<div><span class="status {status}">exit code {exit_code}</span> '
        f'<span class="muted">{len(document["tests"])} tests in {_duration(document["duration"])} '
        f"&middot; Python {escape(environment['python'])} on {escape(environment['platform'])}</span></div>",
        f'<ul class="totals" aria-label="totals">{chips}</ul>' if chips else "",
    ]
    if document["interrupted"] is not None:
        lines.append(f'<p class="interrupted">Run interrupted: {escape(document["interrupted"])}</p>')
    lines.append("</header>")
    return "\n".join(line for line in lines if line)


def _tests_table(tests: list[dict[str, Any]]) -> str:
    counts = {name: sum(1 for test in tests if test["outcome"] == name) for name in _SEVERITY}
    boxes = "".join(
        f'<label class="o-{name}"><input type="checkbox" data-filter value="{name}" checked '
        f'autocomplete="off"> {name} ({counts[name]})</label>'
        for name in _SEVERITY
        if counts[name]
    )
    buttons = (
        '<button type="button" data-only="all">Show all</button>'
        '<button type="button" data-only="failed,error">Only failures</button>'
    )
    lines = [
        '<section id="tests-section">',
        "<h2>Tests</h2>",
        f'<div class="filters" role="group" aria-label="filter by outcome">{boxes}{buttons}</div>'
        if tests
        else "",
        '<table id="tests">',
        "<thead><tr>"
        '<th data-sort="nodeid"><button type="button">Node id</button></th>'
        '<th data-sort="rank"><button type="button">Outcome</button></th>'
        '<th data-sort="duration" class="num"><button type="button">Duration</button></th>'
        '<th data-sort="loop"><button type="button">Loop scope</button></th>'
        "</tr></thead>",
        "<tbody>",
    ]
    failure_index = 0
    for index, test in enumerate(tests):
        outcome: str = test["outcome"]
        nodeid = escape(test["nodeid"])
        if outcome in _FAILING:
            cell = f'<a href="#failure-{failure_index}">{nodeid}</a>'
            failure_index += 1
        else:
            cell = nodeid
        reason = _reason(test)
        if reason:
            cell += f'<span class="reason">{escape(reason)}</span>'
        loop_scope = escape(test["loop_scope"] or "")
        row_class = ' class="failing"' if outcome in _FAILING else ""
        lines.append(
            f'<tr data-index="{index}" data-outcome="{outcome}" data-rank="{_SEVERITY.index(outcome)}" '
            f'data-nodeid="{nodeid}" data-duration="{test["duration"]}" data-loop="{loop_scope}"{row_class}>'
            f'<td class="nodeid">{cell}</td><td class="o-{outcome}">{outcome}</td>'
            f'<td class="num">{_duration(test["duration"])}</td>'
            f"<td>{loop_scope or _NO_LOOP}</td></tr>"
        )
    # Shown by the script when the filter hides every row; shown from the start when there are no tests.
    message, hidden = ("No tests match the filter.", " hidden") if tests else ("No tests ran.", "")
    lines.append(f'<tr id="no-rows"{hidden}><td colspan="4" class="muted">{message}</td></tr>')
    lines += ["</tbody>", "</table>", "</section>"]
    return "\n".join(line for line in lines if line)


def _slowest_chart(tests: list[dict[str, Any]]) -> str:
    slowest = sorted(tests, key=lambda test: test["duration"], reverse=True)[:_SLOWEST]
    if not slowest:
        return ""
    longest = max(slowest[0]["duration"], 1e-9)
    rows = []
    for test in slowest:
        nodeid = escape(test["nodeid"])
        width = 100 * test["duration"] / longest
        failing = " failing" if test["outcome"] in _FAILING else ""
        # The label is laid out right-to-left so a long node id is cut at its start, keeping the name;
        # the <bdi> keeps the characters themselves in their normal order.
        rows.append(
            f'<div class="label nodeid" title="{nodeid}"><bdi>{nodeid}</bdi></div>'
            f'<div class="track"><div class="bar{failing}" style="width: {width:.1f}%"></div></div>'
            f'<div class="num">{_duration(test["duration"])}</div>'
        )
    return "\n".join(
        [
            '<section id="slowest">',
            f"<h2>Slowest {len(slowest)} test{'s' if len(slowest) != 1 else ''}</h2>",
            f'<div class="chart">{"".join(rows)}</div>',
            "</section>",
        ]
    )


def _failures(failing: list[dict[str, Any]], errors: list[dict[str, Any]]) -> str:
    if not failing and not errors:
        return ""
    blocks = ['<section id="failures">', f"<h2>Failures ({len(failing) + len(errors)})</h2>"]
    for index, test in enumerate(failing):
        blocks.append(f'<article class="failure" id="failure-{index}">')
        outcome = test["outcome"]
        blocks.append(
            f'<div><h3>{escape(test["nodeid"])}</h3><span class="o-{outcome}">{outcome}</span>'
            f'<span class="muted">{_duration(test["duration"])}</span></div>'
        )
        failed_phases = [phase for phase in test["phases"] if phase["outcome"] == "failed"]
        for phase in failed_phases:
            blocks.append(f"<h4>{escape(phase['phase'])}</h4>")
            blocks.append(f"<pre>{escape(phase['longrepr'] or '(no traceback recorded)')}</pre>")
        if not failed_phases:
            blocks.append("<pre>(no traceback recorded)</pre>")
        for section in test["sections"]:
            blocks.append(
                f"<details><summary>{escape(section['title'])}</summary>"
                f"<pre>{escape(section['content'])}</pre></details>"
            )
        blocks.append("</article>")
    for index, error in enumerate(errors):
        blocks.append(f'<article class="failure" id="collection-error-{index}">')
        blocks.append(
            f'<div><h3>{escape(error["nodeid"])}</h3><span class="o-error">collection error</span></div>'
        )
        blocks.append(f"<pre>{escape(error['longrepr'])}</pre>")
        blocks.append("</article>")
    blocks.append("</section>")
    return "\n".join(blocks)


def _reason(test: dict[str, Any]) -> str | None:
    """The skip or xfail reason shown under the node id, if the test has one."""
    if test["outcome"] not in ("skipped", "xfailed", "xpassed"):
        return None
    for phase in test["phases"]:
        if phase["reason"]:
            reason: str = phase["reason"]
            return reason
    return None


def _summary(totals: dict[str, int]) -> str:
    return ", ".join(f"{totals[name]} {name}" for name in _SEVERITY if name in totals)


def _duration(seconds: float) -> str:
    if seconds < 0.00005:
        return "< 0.1 ms"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes)} min {rest:.0f} s"
