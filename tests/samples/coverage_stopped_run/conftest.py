"""Whether pytest-cov saved its data file by the time the run is unconfigured: it does once pytest's
test loop returns, not when -x, --maxfail, --sw, pytest.exit() or Ctrl-C stop the loop."""

from pathlib import Path

EVENTS = Path(__file__).parent / "events.log"


def pytest_unconfigure(config):
    saved = (Path(config.rootpath) / ".coverage").exists()
    with EVENTS.open("a") as events:
        events.write(f"data file saved: {'yes' if saved else 'no'}\n")
