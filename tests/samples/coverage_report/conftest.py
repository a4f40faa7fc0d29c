import pytest

import app


@pytest.fixture
def limit():
    return app.LIMIT
