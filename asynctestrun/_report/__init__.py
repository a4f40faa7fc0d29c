"""Reporters: consumers of the event stream (terminal, JUnit XML, JSON)."""
