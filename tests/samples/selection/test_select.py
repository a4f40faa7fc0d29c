import pytest


def test_alpha():
    pass


@pytest.mark.slow
def test_beta_is_slow():
    pass


@pytest.mark.slow
@pytest.mark.network
def test_gamma_is_slow_and_networked():
    pass


@pytest.mark.asyncio
@pytest.mark.network
async def test_delta_async_networked():
    pass


class TestGroup:
    @pytest.mark.parametrize("n", [1, 2, 3])
    def test_numbers(self, n):
        assert n != 3

    def test_alpha_in_class(self):
        pass


@pytest.mark.parametrize("speed", [pytest.param("fast"), pytest.param("crawl", marks=pytest.mark.slow)])
def test_speed(speed):
    pass
