import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def pytest_markeval_namespace(config):
    return {"SERVICE_UP": False, "LEVEL": "root"}
