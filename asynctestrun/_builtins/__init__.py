"""The objects behind pytest's built-in fixtures: monkeypatch, capsys/capfd, caplog, tmp_path, ports.

Plain classes with explicit start/stop methods; ``_execute`` creates them per test (or per run) and
wires them to fixture names. Nothing here keeps module-level state between runs.
"""
