"""Starts real `quotewire serve` processes for the tests (the binary from
QUOTEWIRE_BIN, or the debug build of the repository)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
READY = re.compile(r"serving ttrpc on (127\.0\.0\.1:\d+)")


def quotewire_binary() -> str:
    binary = os.environ.get("QUOTEWIRE_BIN") or str(REPO / ".build" / "debug" / "quotewire")
    if not os.access(binary, os.X_OK):
        pytest.fail(f"{binary} is not an executable: run swift build or set QUOTEWIRE_BIN")
    return binary


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `quotewire serve` child process; `address` is its TCP listener."""

    def __init__(self, *extra: str, port: int = 0, start_timeout: float = 60.0):
        self.extra = extra
        self.port = port
        self.stderr_lines: list[str] = []
        self._ready = threading.Event()
        self.address = ""
        self.process = subprocess.Popen(
            [quotewire_binary(), "serve", "--port", str(port), *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        threading.Thread(target=self._read_stderr, daemon=True).start()
        if not self._ready.wait(start_timeout) or not self.address:
            self.kill()
            pytest.fail("quotewire serve did not start:\n" + "".join(self.stderr_lines))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr_lines.append(line)
            match = READY.search(line)
            if match and not self.address:
                self.address = match.group(1)
                self._ready.set()
        self._ready.set()  # the process ended: stop waiting

    def kill(self, sig: int = signal.SIGKILL) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=60)


@pytest.fixture
def server():
    running = Server()
    yield running
    running.kill()


@pytest.fixture
def article_text() -> str:
    return (REPO / "examples" / "harbor-bridge.txt").read_text(encoding="utf-8")
