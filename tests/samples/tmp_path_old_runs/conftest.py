"""Plants older runs' directories in a temp root of the sample's own, before any test asks for a
temporary directory: ``pytest-of-USER/pytest-0`` ... for pytest, ``asynctestrun-of-USER/...`` for
asynctestrun. Both runners find their temp root with ``tempfile.gettempdir()`` when the base temp is
first made, so setting ``tempfile.tempdir`` here points them at it."""

import getpass
import tempfile
from pathlib import Path

TEMP_ROOT = Path(__file__).parent / "temp_root"
OLD_RUNS = 5

PLANTED = [
    TEMP_ROOT / f"{prefix}-of-{getpass.getuser()}" / f"{prefix}-{number}"
    for prefix in ("pytest", "asynctestrun")
    for number in range(OLD_RUNS)
]

for old_run in PLANTED:
    old_run.mkdir(mode=0o700, parents=True, exist_ok=True)
    (old_run / "left_by_an_old_run.txt").write_text("old")
for user_root in {path.parent for path in PLANTED}:
    user_root.chmod(0o700)

tempfile.tempdir = str(TEMP_ROOT)
