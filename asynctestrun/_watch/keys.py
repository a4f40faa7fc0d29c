"""Single key presses from the terminal, for watch mode's interactive commands.

A daemon thread puts the terminal in cbreak mode (keys arrive one at a time, unechoed; Ctrl-C
still interrupts) and reports each key. Keys that need text (a pattern) switch the terminal back to
normal line editing for the prompt. ``stop()`` always restores the terminal as it was, and is also
registered with ``atexit`` in case the loop dies without reaching its ``finally``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import select
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any

KeyCallback = Callable[[str, str | None], None]  # (key, text typed at its prompt or None)


class KeyReader:
    def __init__(self, on_key: KeyCallback, prompts: Mapping[str, str]) -> None:
        self._on_key = on_key
        self._prompts = dict(prompts)
        self._stop = threading.Event()
        self._saved: Any = None
        self._fd = -1
        self._lock = threading.Lock()

    def start(self) -> bool:
        """Start reading; False (and nothing started) when stdin is not a terminal or has no termios."""
        try:
            import termios
            import tty
        except ImportError:  # Windows
            return False
        if not sys.stdin.isatty():
            return False
        self._fd = sys.stdin.fileno()
        self._saved = termios.tcgetattr(self._fd)
        tty.setcbreak(self._fd)
        atexit.register(self.stop)
        threading.Thread(target=self._read, daemon=True, name="watch-keys").start()
        return True

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            if self._saved is None:
                return
            import termios

            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def _read(self) -> None:
        while not self._stop.is_set():
            try:
                ready, _, _ = select.select([self._fd], [], [], 0.2)
                if not ready:
                    continue
                key = os.read(self._fd, 1).decode(errors="replace")
            except OSError:
                return
            if not key:
                return
            if key in self._prompts:
                self._on_key(key, self._prompt(self._prompts[key]))
            else:
                self._on_key(key, None)

    def _prompt(self, text: str) -> str | None:
        """Read one line with the terminal's own editing; None if the terminal went away."""
        import termios
        import tty

        with self._lock:
            if self._saved is None:
                return None
            termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
            line = b""
            while not line.endswith(b"\n"):
                chunk = os.read(self._fd, 1024)
                if not chunk:
                    return None
                line += chunk
            return line.decode(errors="replace").strip()
        except OSError:
            return None
        finally:
            with self._lock:
                if self._saved is not None and not self._stop.is_set():
                    tty.setcbreak(self._fd)
