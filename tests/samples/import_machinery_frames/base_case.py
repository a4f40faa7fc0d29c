import importlib
import unittest


class BaseCase(unittest.TestCase):
    def setUp(self):
        importlib.import_module("no_such_module_for_set_up")
