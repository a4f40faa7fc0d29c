import json

SETTINGS = {"retries": 3, "delay": 0.5}


def load(text):
    parsed = json.loads(text)
    raise RuntimeError(f"no server in {parsed}")


CONFIG = load('{"port": 8080}')


def test_never_collected():
    pass
