"""Execution: the only stage that runs user code. Runtime state lives here, never on model objects."""
