"""A unittest set-up from another module failing in importlib.import_module: pytest finds neither the
test nor its file in the traceback, so it leaves the frozen frames out."""

from base_case import BaseCase


class TestWithFailingSetUp(BaseCase):
    def test_never_runs(self):
        pass
