"""A plugin's own use of pytest's assertion-rewriting hook as a loader, as pytest-examples runs each
documentation example: build the hook, mark the example's name, load its file through the hook."""

import importlib.util
import sys

import pytest
from _pytest.assertion.rewrite import AssertionRewritingHook


@pytest.fixture
def run_example(request, tmp_path):
    def run(name, source):
        path = tmp_path / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        hook = AssertionRewritingHook(config=request.config)
        hook.mark_rewrite(name)
        spec = importlib.util.spec_from_file_location(name, str(path), loader=hook)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        finally:
            del sys.modules[name]
        return module

    return run
