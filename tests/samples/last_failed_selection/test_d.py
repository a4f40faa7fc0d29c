class TestK:
    def test_fail(self):
        assert False

    def test_ok(self):
        pass
