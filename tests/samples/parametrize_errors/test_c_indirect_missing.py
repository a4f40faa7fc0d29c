import pytest


@pytest.fixture
def fx(request):
    return request.param


@pytest.mark.parametrize("fx", [1], indirect=["nope"])
def test_indirect_names_another(fx):
    pass
