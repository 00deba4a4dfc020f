"""Per-stage timings of a build (shown by --verbose), with a hook for a progress display."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator


class Stopwatch:
    """Accumulates seconds per named stage; tells `on_stage` when a stage starts."""

    def __init__(self, on_stage: Callable[[str], None] | None = None):
        self.seconds: dict[str, float] = {}
        self.on_stage = on_stage or (lambda name: None)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.on_stage(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


NULL = Stopwatch()
