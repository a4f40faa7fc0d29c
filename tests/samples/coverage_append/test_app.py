"""With --cov-append, the lines an earlier run covered count too: 100% only with both runs' data."""

import app


def test_second():
    assert app.second() == 2
