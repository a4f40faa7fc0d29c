import asyncio
import unittest
import pytest


class A(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.x = 1

    async def test_ok(self):
        await asyncio.sleep(0)
        self.assertEqual(self.x, 1)

    async def test_fail(self):
        self.assertEqual(self.x, 2)

    @unittest.skip("nope")
    async def test_skip(self):
        pass

    @unittest.expectedFailure
    async def test_xf(self):
        assert False

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    async def asyncTearDown(self):
        pass


class B(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("class setup broke")

    def test_a(self):
        pass

    def test_b(self):
        pass


class C(unittest.TestCase):
    def setUp(self):
        self.addCleanup(self.cleanup)

    def cleanup(self):
        raise ValueError("cleanup broke")

    def test_c(self):
        pass

    @pytest.mark.xfail(reason="marked")
    def test_marked(self):
        assert 0

    def test_skiptest(self):
        raise unittest.SkipTest("skip me")


@unittest.skip("whole class")
class D(unittest.TestCase):
    def test_d(self):
        pass


class E(unittest.TestCase):
    def tearDown(self):
        raise OSError("teardown broke")

    def test_e(self):
        pass


class F(unittest.IsolatedAsyncioTestCase):
    async def test_leaves_task(self):
        asyncio.get_running_loop().create_task(asyncio.sleep(10))

    async def test_uses_fixture_usefixtures(self):
        pass
