"""A second lane for one build: a forked helper process makes some outputs beside the main process.

The helper is forked, not spawned: it starts with the loaded book and every imported module at no cost.
It talks to the main process over one duplex pipe (pickled messages):

    helper → main   ("ready", value) or ("error", lines) or ("crash", traceback): first, as soon as
                    the helper has read and checked the project (value: the book and the warnings)
    main → helper   whatever the helper's work asks for (the A4 page starts for the e-book), or
                    requests it answers with ("answer", value) (see Helper.ask)
    helper → main   ("done", result) or ("error", lines) or ("crash", traceback)

The helper never prints and leaves with os._exit, so it runs no exit handler of the main process
(temporary font files, pytest, the progress display are the main process's business).

The helper ends when the main process does, however it ends (SIGKILL included): on Linux the kernel
sends it SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere, and as a second guard, a
thread of the helper waits on a pipe only the main process holds open, which reaches its end when the
main process is gone, and then ends the helper.
"""
from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
import traceback
from typing import Callable, BinaryIO

from .errors import BuildError, KitapError, Reported, SourceErrors, messages


def usable_cpus() -> int:
    """CPUs this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def available(jobs: int) -> bool:
    """Whether a build may fork a helper: asked for (`jobs` ≥ 2) on a system that has fork."""
    return jobs >= 2 and hasattr(os, "fork")


class Channel:
    """One end of a two-way pipe carrying pickled values (lighter to import than multiprocessing's)."""

    def __init__(self, reader: BinaryIO, writer: BinaryIO):
        self._reader, self._writer = reader, writer

    def send(self, value) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.write(struct.pack("!Q", len(data)) + data)
        self._writer.flush()

    def recv(self):
        size = self._reader.read(8)
        if len(size) < 8:
            raise EOFError("the other process closed the pipe")
        data = self._reader.read(struct.unpack("!Q", size)[0])
        return pickle.loads(data)

    def close(self) -> None:
        for end in (self._reader, self._writer):
            try:
                end.close()
            except OSError:
                pass


def _pipe_pair() -> tuple[Channel, Channel]:
    to_helper, to_main = os.pipe(), os.pipe()
    main = Channel(os.fdopen(to_main[0], "rb"), os.fdopen(to_helper[1], "wb"))
    helper = Channel(os.fdopen(to_helper[0], "rb"), os.fdopen(to_main[1], "wb"))
    return main, helper


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _end_with_parent(parent: int, lifeline: int) -> None:
    """In the helper: end when the process `parent` ends (see the module's docstring)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util

        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        try:
            while os.read(lifeline, 1):
                pass
        except OSError:
            pass
        os._exit(1)

    threading.Thread(target=watch, name="kitap-lifeline", daemon=True).start()


class Helper:
    """Runs `work(connection)` in a forked process; `work` sends ("ready", value) first, then returns."""

    def __init__(self, work: Callable[[Channel], object]):
        self._conn, theirs = _pipe_pair()
        lifeline, self._lifeline = os.pipe()  # the helper reads; only this process holds the write end
        parent = os.getpid()
        try:
            self.pid = os.fork()
        except OSError:
            self._conn.close()
            theirs.close()
            os.close(lifeline)
            os.close(self._lifeline)
            raise
        if self.pid == 0:  # pragma: no cover - runs in the helper process (its effects are tested)
            code = 1
            try:
                os.close(self._lifeline)
                _end_with_parent(parent, lifeline)
                self._conn.close()
                try:
                    reply = ("done", work(theirs))
                except KitapError as error:
                    reply = ("error", messages(error))
                except BaseException:  # a bug: the main process reports it with the helper's traceback
                    reply = ("crash", traceback.format_exc())
                theirs.send(reply)
                code = 0
            finally:
                os._exit(code)
        theirs.close()
        os.close(lifeline)

    def send(self, value) -> None:
        """Send a value to the helper; if it has ended (its work failed, the checker found an error), its
        last message says why, and that is raised."""
        try:
            self._conn.send(value)
        except (BrokenPipeError, ConnectionError):
            kind, reply = self._receive()
            self._reap()
            if kind == "done":
                raise BuildError("the build's helper process ended before it was sent what it waits for") from None
            _raise(kind, reply)

    def _receive(self) -> tuple:
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            self._reap()
            raise BuildError("the helper process of the build ended without an answer; "
                             "run again with --jobs 1 to build in one process") from None

    def ready(self):
        """The value the helper sends when ready, waiting for it; its errors are raised."""
        kind, value = self._receive()
        if kind == "ready":
            return value
        self._reap()
        _raise(kind, value)

    def ask(self, request):
        """Send a request the helper's work answers with ("answer", value); that value."""
        self.send(request)
        kind, value = self._receive()
        if kind == "answer":
            return value
        self._reap()
        _raise(kind, value)

    def result(self):
        """The helper's result, waiting for it (after `ready`); its errors are raised."""
        kind, value = self._receive()
        self._reap()
        if kind == "done":
            return value
        _raise(kind, value)

    def cancel(self) -> None:
        """Stop the helper (the main lane failed) and wait for it to go."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()

    def _reap(self) -> None:
        if self.pid:
            pid, self.pid = self.pid, 0
            os.waitpid(pid, 0)
            self._conn.close()
            os.close(self._lifeline)


def _raise(kind: str, value) -> None:
    if kind == "error":
        raise Reported(value)
    raise BuildError("the build's helper process failed (a bug in kitap; please report it):\n" + str(value))


# ---- pools of forked workers ---------------------------------------------------------------------

WORKER_DIED = ("a worker process of the build was killed (the machine ran out of memory?); the build did not "
               "finish. Run again with --jobs 1 to build in one process, or on a machine with more memory")


def _start_worker(parent: int, lifeline: int, held: int) -> None:
    os.close(held)
    _end_with_parent(parent, lifeline)


class WorkerPool:
    """Forked worker processes (a process pool executor); they end with this process, however it ends. A
    worker that dies (the kernel's out-of-memory killer) breaks the pool: its results are a BuildError."""

    def __init__(self, processes: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.lifeline, self.held = os.pipe()
        self.pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_start_worker, initargs=(os.getpid(), self.lifeline, self.held))
        try:
            self.pool.submit(int).result()  # (forks every worker now, with what this process holds now)
        except BaseException:
            self.close(cancel=True)
            raise

    def submit(self, function: Callable, *args):
        return self.pool.submit(function, *args)

    def wait(self, jobs):
        """The result of the job `jobs` (or the list of results of the list `jobs`): the worker's error raised, or
        BuildError if a worker died meanwhile."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return [job.result() for job in jobs] if isinstance(jobs, list) else jobs.result()
        except BrokenProcessPool:
            raise BuildError(WORKER_DIED) from None

    def close(self, cancel: bool = False) -> None:
        if cancel:  # (the workers' current jobs are of no use any more)
            for worker in list((getattr(self.pool, "_processes", None) or {}).values()):
                worker.kill()
        self.pool.shutdown(wait=True, cancel_futures=cancel)
        for end in (self.lifeline, self.held):
            try:
                os.close(end)
            except OSError:
                pass


_TASK: dict = {}  # the function the workers of in_processes() were forked with


def _run_task(item):
    try:
        return "done", _TASK["function"](item)
    except SourceErrors as problems:  # (its pickle would lose the list of errors)
        return "source", problems.errors
    except KitapError as error:
        return "kitap", messages(error)


def in_processes(function: Callable, items: list, jobs: int, least: int = 2) -> list:
    """[function(item) for item in items], in order, by up to `jobs` forked processes when there are at least
    `least` items (else here): the first item's error is raised, as the loop here would raise it."""
    if not available(jobs) or len(items) < least:
        return [function(item) for item in items]
    _TASK["function"] = function
    try:
        pool = WorkerPool(min(jobs, len(items)))
    except OSError:
        return [function(item) for item in items]
    finally:
        _TASK.clear()
    try:
        done = pool.wait([pool.submit(_run_task, item) for item in items])
    except BaseException:
        pool.close(cancel=True)
        raise
    pool.close()
    results = []
    for how, value in done:
        if how == "source":
            raise SourceErrors(value)
        if how == "kitap":
            raise Reported(value)
        results.append(value)
    return results
