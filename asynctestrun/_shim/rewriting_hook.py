"""``_pytest.assertion.rewrite`` as plugins use it: ``AssertionRewritingHook`` over asynctestrun's rewriter.

Plugins that run code of their own under rewritten assertions build pytest's hook themselves and use
it as a loader: pytest-examples makes one per example, marks the example's module name and loads
the example file with ``importlib.util.spec_from_file_location(name, path, loader=hook)``. Without
this name, such a plugin failed to import and was left out (its fixtures gone, the test modules
importing it collection errors). The hook rewrites whatever module it loads, as pytest's does; it
claims nothing while looking up imports unless a name was marked, since the runner's own finder
already rewrites the test files and conftests.
"""

from __future__ import annotations

from .._rewrite.hook import RewritingFinder

__all__ = ["AssertionRewritingHook"]


class AssertionRewritingHook(RewritingFinder):
    """pytest's ``AssertionRewritingHook(config)``: ``mark_rewrite``, ``find_spec`` and a loader's
    ``create_module`` / ``exec_module``."""

    def __init__(self, config: object = None) -> None:
        super().__init__(lambda _name, _path: False)
        self.config = config
