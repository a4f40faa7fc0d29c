def test_failed_before():
    pass


def test_passed_before():
    pass


class TestRecorded:
    def test_collection_as_plugins_saw_it(self, seen, pytestconfig):
        if pytestconfig.option.lf:
            # --lf: the files without a failure are skipped unread (their collection still starts),
            # this file's passing test at module level is not collected, and the class's is
            # collected, then deselected by --lf after every other modifyitems hook, so
            # collection_finish no longer has it.
            assert seen == {
                "modules": ["test_checks.py", "test_empty.py", "test_other.py"],
                "modified": ["test_failed_before", "test_collection_as_plugins_saw_it", "test_passed_in_class"],
                "deselected": ["test_passed_in_class"],
                "finished": ["test_failed_before", "test_collection_as_plugins_saw_it"],
                "skipped_files": 2,
                "failure_collected": True,
                "file_or_dir": [],
            }
        else:
            # Every test module, one without tests too; no arguments given, none in file_or_dir.
            assert seen["modules"] == ["test_checks.py", "test_empty.py", "test_other.py"]
            assert seen["deselected"] == []
            assert seen["finished"] == seen["modified"]
            assert seen["skipped_files"] == 0
            assert seen["failure_collected"] is None
            assert seen["file_or_dir"] == []

    def test_passed_in_class(self):
        pass
