def test_before():
    pass


class TestNeedsDatabase:
    async def test_query(self, database):
        pass

    def test_plain_method(self):
        pass


class TestOther:
    async def test_runs(self):
        pass


def test_after():
    pass
