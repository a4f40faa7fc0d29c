"""The long representation of a failure (``_execute.failures``)."""

from asynctestrun._execute.failures import format_exception


def _helper(x):
    y = x * 2
    assert y == 3


def _raise():
    try:
        a = 1
        name = "hi"
        _helper(a + len(name) - 2)
    except AssertionError as exc:
        return exc
    raise RuntimeError("did not fail")


def test_showlocals_lists_each_frames_locals_sorted_after_it():
    text = format_exception(_raise(), style="long", showlocals=True)
    assert "a          = 1\nname       = 'hi'\n" in text
    assert "x          = 1\ny          = 2\n" in text
    assert text.index("name       = 'hi'") < text.index("def _helper(x):")


def test_without_showlocals_no_locals_are_shown():
    text = format_exception(_raise(), style="long")
    assert "name       =" not in text
    assert "E       assert 2 == 3" in text


def _blank_line_inside():
    try:
        first = 1

        assert first == 2
    except AssertionError as exc:
        return exc
    raise RuntimeError("did not fail")


def test_a_blank_source_line_keeps_its_four_space_prefix():
    # pytest strips each source line, then prefixes every one: a blank line reads "    ".
    text = format_exception(_blank_line_inside(), style="long")
    assert "        first = 1\n    \n>           assert first == 2\n" in text


def _caret_target():
    try:
        pair = (1, _helper(1))
        return pair
    except AssertionError as exc:
        return exc


def test_long_style_underlines_the_failing_call():
    # pytest 8's long style puts carets under the failing part of the line (3.11 positions).
    text = format_exception(_caret_target(), style="long")
    assert ">           pair = (1, _helper(1))\n                       ^^^^^^^^^^\n" in text


def test_a_whole_failing_line_has_no_carets():
    text = format_exception(_blank_line_inside(), style="long")
    assert ">           assert first == 2\nE" in text


def test_showlocals_lists_a_short_frames_locals_indented_under_it():
    # --tb=short -l: pytest prints each frame's locals eight spaces in, right after its lines.
    text = format_exception(_raise(), style="short", showlocals=True)
    assert "    assert y == 3\nE   assert 2 == 3\n        x          = 1\n        y          = 2" in text
    assert "        a          = 1\n        name       = 'hi'" in text


def _raise_with_values():
    def check(text):
        order = {"second": 2, "first": 1}
        assert not (text and order)

    try:
        check("t" * 300)
    except AssertionError as exc:
        return exc


def test_locals_are_pretty_printed_in_full_from_vv_and_arguments_uncut_from_vvv():
    # pytest's truncate_locals ends at -vv (pprint.pformat), its truncate_args at -vvv.
    cut = "'" + "t" * 117 + "..." + "t" * 118 + "'"
    default = format_exception(_raise_with_values(), style="long", showlocals=True)
    assert "order      = {'second': 2, 'first': 1}" in default
    assert f"text = {cut}" in default
    vv = format_exception(_raise_with_values(), style="long", showlocals=True, verbosity=2)
    assert "order      = {'first': 1, 'second': 2}" in vv
    assert f"text       = '{'t' * 300}'" in vv
    assert f"text = {cut}" in vv
    vvv = format_exception(_raise_with_values(), style="long", showlocals=True, verbosity=3)
    assert f"text = '{'t' * 300}'" in vvv


def test_a_modules_frame_names_its_builtins_among_its_locals():
    # A module's frame has its globals as locals: pytest prints "__builtins__ = <builtins>".
    namespace: dict[str, object] = {}
    try:
        exec(compile("LIMIT = 3\nraise ValueError(LIMIT)\n", __file__, "exec"), namespace)
    except ValueError as exc:
        text = format_exception(exc, style="long", showlocals=True)
    assert "LIMIT      = 3\n__builtins__ = <builtins>" in text


def _own_cause():
    try:
        try:
            raise KeyError("k")
        except KeyError as exc:
            raise exc from exc
    except KeyError as exc:
        return exc


def test_an_exception_that_is_its_own_cause_is_shown_once():
    # pytest walks a chain once per exception; following __cause__ recursed without end.
    for style in ("auto", "short", "long", "line"):
        text = format_exception(_own_cause(), style=style)
        assert text.count("KeyError: 'k'") == 1, style
        assert "direct cause" not in text, style


def test_a_cause_never_raised_is_shown_without_e_markers():
    try:
        raise RuntimeError("wrapped") from ValueError("never raised")
    except RuntimeError as exc:
        text = format_exception(exc, style="short")
    assert text.startswith("ValueError: never raised\n\nThe above exception was the direct cause")


def test_a_frame_without_source_reads_as_pytests_placeholder():
    namespace: dict[str, object] = {}
    exec(compile("def made():\n    raise KeyError('made')\n", "<string>", "exec"), namespace)
    try:
        namespace["made"]()  # type: ignore[operator]
    except KeyError as exc:
        error = exc
    assert "<string>:2: in made\n    ???\n" in format_exception(error, style="short")
    assert "\n>   ???\nE   KeyError: 'made'\n" in format_exception(error, style="long")
