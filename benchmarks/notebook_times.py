"""The notebooks' speed and memory against their floor (part of `make bench`).

Each student notebook is executed from a fresh kernel in two forms: its **core path** (a copy
without its "Going further" sections, :func:`newstext.course.runner.core_path`: what a class
that keeps to the core runs) and the **whole** notebook.

The core path is compared with the notebook's **floor**: what any notebook doing that work
pays before its first line of teaching. The floor is a fresh kernel that starts, imports the
third-party stack the notebook's core path imports (of pandas, matplotlib's pyplot and spaCy),
loads the English model with ``spacy.load`` if the core path loads it, and shuts down. Which
of them a core path imports is read from its kernel after its last cell (``sys.modules``), not
declared, so a floor never holds more than the notebook loads. Notebooks 01 to 05 make pandas
tables and matplotlib figures in their own cells and load the model (02, 03 and 05 to parse
the page, 01 for the cleaner's glitch flags, 04 to score the model against the gold);
notebook 00 uses none of them, and `import newstext` imports no spaCy, so its floor is a bare
kernel.

Seconds run from asking for the kernel to the end of the last cell, what "Restart Kernel and
Run All" makes one wait; the kernel's shutdown is left out of the floor and the notebooks
alike (it is no part of the floor, and the second or so it takes with spaCy loaded would pull
every ratio towards 1). The table gives, per notebook: the floor's stack and seconds, the core
path's seconds and its ratio to the floor (the target), the same ratio with the shutdown in
(as the benchmark measured before, for comparison), the core path's peak memory, and the
whole notebook's seconds and peak memory.

The core path runs twice per round. **Cold**: with no parse saved (``data/processed/parses/``
emptied first), what the very first run on a machine waits. **Warm**: right after, with the
parses the cold run saved (:mod:`newstext.core.doc_cache`), what every later run waits,
and what a class that runs the notebooks in order waits from notebook 03 on (02 saved the
course page's parse). The target is read on the warm run and the cold one is printed beside it.

**Each core path runs at the same moment as its floor**, one on each of two processors: the
speed of a shared virtual machine drifts by 10 to 20 % from minute to minute, so that two
runs made one after the other compare the machine's moments as much as the notebooks.
Two :class:`Worker` processes, each held to one processor (``os.sched_setaffinity``, which
its kernels inherit), take the two runs of a pair together, and they swap sides every round.
The floor runs twice in a row, so that the core path never runs with the other processor
idle, and its first run is the one compared (it, too, ran beside the core path the whole
time). Measured this way a floor against a floor gives 0.99 to 1.02, run after run. The
seconds are therefore those of a machine whose other processor is busy, a little above what
one notebook alone waits; the whole notebook runs alone. With one processor only, the runs
of a pair are made one after the other, as before.

Targets: each core path within 1.5 x its floor; each notebook under 20 s; each kernel under
1 GiB. Every figure is the median of ``repeats`` rounds (5 by default), after one discarded
warm-up kernel per worker and one run of each core path that finds the stack its floor
imports. A ratio is the median of the rounds' own ratios. Run on its own with
`python benchmarks/notebook_times.py [repeats]`.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from newstext.core.doc_cache import PARSES_FOLDER
from newstext.core.model import MODEL_PACKAGES, installed_model
from newstext.core.paths import project_root
from newstext.course.runner import core_path, execute_notebook

ROOT = project_root()
SAVED_PARSES = ROOT / "data" / "processed" / PARSES_FOLDER
RATIO_TARGET = 1.5
SECONDS_TARGET = 20.0
MIB_TARGET = 1024.0

#: The third-party stack a floor may import, as ``(module a notebook loads, floor import)``.
STACK = (
    ("pandas", "import pandas"),
    ("matplotlib.pyplot", "import matplotlib.pyplot"),
    ("spacy", "import spacy"),
)
#: The model, loaded when any of its packages was imported by the notebook.
MODEL = "model"

#: A last cell that reports when the cells before it were done (the clock is the machine's,
#: as the benchmark's), the kernel's peak resident memory (Linux's VmHWM) and which of the
#: stack it loaded.
REPORT_CELL = f"""
import sys as _sys
import time as _time

print("DONE_AT", _time.time())

for _line in open("/proc/self/status"):
    if _line.startswith("VmHWM"):
        print("PEAK_KB", _line.split()[1])
_loaded = [name for name, _ in {STACK!r} if name in _sys.modules]
if any(name in _sys.modules for name in {MODEL_PACKAGES!r}):
    _loaded.append({MODEL!r})
print("STACK", ",".join(_loaded))
"""


@dataclass
class Runs:
    """The repeated runs of one notebook (or floor): the seconds to the end of its last
    cell, the seconds with the kernel's shutdown, and the kernel's peak MiB of each."""

    seconds: list[float] = field(default_factory=list)
    with_shutdown: list[float] = field(default_factory=list)
    mib: list[float] = field(default_factory=list)
    stack: tuple[str, ...] = ()

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_with_shutdown(self) -> float:
        return statistics.median(self.with_shutdown)

    @property
    def median_mib(self) -> float:
        return statistics.median(self.mib)


def report(nb: nbformat.NotebookNode) -> tuple[float, float, tuple[str, ...]]:
    """(time done, peak MiB, stack) printed by :data:`REPORT_CELL`, the last cell."""
    found: dict[str, str] = {}
    # One print may arrive in pieces (the kernel flushes its output on a timer too).
    printed = "".join(output.get("text", "") for output in nb.cells[-1].outputs)
    for line in printed.splitlines():
        key, _, value = line.partition(" ")
        found[key] = value
    if not {"DONE_AT", "PEAK_KB", "STACK"} <= found.keys():
        raise RuntimeError("the report cell printed nothing")
    stack = tuple(found["STACK"].split(",")) if found["STACK"] else ()
    return float(found["DONE_AT"]), int(found["PEAK_KB"]) / 1024, stack


def run_once(nb: nbformat.NotebookNode, folder: Path, runs: Runs) -> None:
    """Execute ``nb`` with :data:`REPORT_CELL` appended, saved in ``folder`` (where the
    notebook's relative paths start), in a fresh kernel; add to ``runs`` the seconds from
    asking for the kernel to the end of the notebook's last cell, the seconds with the
    kernel's shutdown, and its peak memory.

    The kernel's shutdown is left out: it is not part of the floor, and it would add the same
    second or so to a floor and to a notebook (interpreter teardown with spaCy loaded),
    pulling every ratio towards 1."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(REPORT_CELL))
    path = folder / f"_bench_{os.getpid()}.ipynb"  # one per process: two may run at once
    nbformat.write(nb, path)
    try:
        started = time.time()  # the clock the kernel's time.time() reads too
        executed = execute_notebook(path)
        ended = time.time()
    finally:
        path.unlink()
    done_at, mib, runs.stack = report(executed)
    runs.seconds.append(done_at - started)
    runs.with_shutdown.append(ended - started)
    runs.mib.append(mib)


def floor_notebook(stack: tuple[str, ...]) -> nbformat.NotebookNode:
    """A notebook that imports ``stack`` and loads the model if ``stack`` holds it."""
    cells = [code for name, code in STACK if name in stack]
    if MODEL in stack:
        cells.append(f"nlp = spacy.load({installed_model()!r})")
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])


def stack_label(stack: tuple[str, ...]) -> str:
    """The floor's stack, short: ``pandas+pyplot+spacy+model``, or ``kernel`` for none."""
    return "+".join(name.removeprefix("matplotlib.") for name in stack) or "kernel"


@dataclass
class Measured:
    """What :func:`measure` found, per notebook: its core path's warm runs and the floor's run
    beside each, its cold runs and the floor's beside each, and the whole notebook's runs."""

    core: dict[str, Runs]
    floor: dict[str, Runs]
    whole: dict[str, Runs]
    cold: dict[str, Runs]
    cold_floor: dict[str, Runs]

    def ratio(self, name: str) -> float:
        """The median of the core path's seconds over its floor's, run by run."""
        return _paired_ratio(self.core[name].seconds, self.floor[name].seconds)

    def cold_ratio(self, name: str) -> float:
        """The same for the cold run of the core path (no parse saved)."""
        return _paired_ratio(self.cold[name].seconds, self.cold_floor[name].seconds)

    def ratio_with_shutdown(self, name: str) -> float:
        """The same with the kernel's shutdown counted on both sides."""
        return _paired_ratio(self.core[name].with_shutdown, self.floor[name].with_shutdown)


def _paired_ratio(runs: list[float], floors: list[float]) -> float:
    """The median of each run's seconds over those of the floor run made beside it."""
    return statistics.median(run / floor for run, floor in zip(runs, floors, strict=True))


class Worker:
    """A process, held to one processor when given one, that runs the notebooks sent to it
    one after the other, each in a fresh kernel of its own (which inherits the processor)."""

    def __init__(self, cpu: int | None) -> None:
        pin = None if cpu is None else (lambda: os.sched_setaffinity(0, {cpu}))
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=pin,
        )
        self.receive()  # its warm-up kernel is done

    def send(self, nb: nbformat.NotebookNode, times: int = 1) -> None:
        """Ask for ``times`` runs of ``nb``, one after the other; :meth:`receive` the runs."""
        self.process.stdin.write(json.dumps({"nb": nb, "times": times}) + "\n")
        self.process.stdin.flush()

    def receive(self) -> list[dict]:
        """The runs asked for last, each a dict of :class:`Runs` fields."""
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("a benchmark worker stopped: see the error above")
        return json.loads(line)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def serve() -> None:
    """A worker's loop: one discarded warm-up kernel (the first kernel a process starts is
    seconds slower: Jupyter's one-off set-up, which a running JupyterLab has done long before a
    class arrives), then the runs asked for on stdin, reported as one JSON line each time."""
    report = os.fdopen(os.dup(1), "w")  # the reports' own channel...
    os.dup2(2, 1)  # ...and whatever a kernel or library prints goes to stderr
    folder = ROOT / "notebooks"
    run_once(floor_notebook(()), folder, Runs())
    print(json.dumps([]), file=report, flush=True)
    for line in sys.stdin:
        asked = json.loads(line)
        runs = Runs()
        for _ in range(asked["times"]):
            run_started_again_if_needed(nbformat.from_dict(asked["nb"]), folder, runs)
        done = [
            {"seconds": seconds, "with_shutdown": shutdown, "mib": mib, "stack": runs.stack}
            for seconds, shutdown, mib in zip(runs.seconds, runs.with_shutdown, runs.mib,
                                              strict=True)
        ]
        print(json.dumps(done), file=report, flush=True)


def run_started_again_if_needed(nb: nbformat.NotebookNode, folder: Path, runs: Runs) -> None:
    """:func:`run_once`, once more if the kernel dies before it answers. Two workers that
    start kernels at the same moment can be given the same free port (jupyter_client picks
    it before the kernel binds it, "Address already in use"); the failed start is not
    counted."""
    try:
        run_once(nb, folder, runs)
    except RuntimeError as error:  # "Kernel died before replying to kernel_info"
        print(f"kernel failed to start ({error}); starting it again", file=sys.stderr)
        run_once(nb, folder, runs)


def add(runs: Runs, run: dict) -> None:
    """Add one run a worker reported to ``runs``."""
    runs.seconds.append(run["seconds"])
    runs.with_shutdown.append(run["with_shutdown"])
    runs.mib.append(run["mib"])
    runs.stack = tuple(run["stack"])


def run_pair(
    workers: list[Worker], swap: bool, core: nbformat.NotebookNode, floor: nbformat.NotebookNode
) -> tuple[dict, dict]:
    """A run of ``core`` and a run of ``floor`` made at the same moment on two workers (the
    floor run twice, the first compared), or one after the other with one worker."""
    if len(workers) == 1:
        workers[0].send(core)
        core_run = workers[0].receive()[0]
        workers[0].send(floor)
        return core_run, workers[0].receive()[0]
    core_side, floor_side = reversed(workers) if swap else workers
    core_side.send(core)
    floor_side.send(floor, times=2)
    return core_side.receive()[0], floor_side.receive()[0]


def two_processors() -> list[int]:
    """Two processors this process may use, or none when it has only one (or the system
    cannot hold a process to one)."""
    if not hasattr(os, "sched_getaffinity"):
        return []
    cpus = sorted(os.sched_getaffinity(0))
    return cpus[:2] if len(cpus) >= 2 else []


def measure(paths: list[Path], repeats: int) -> Measured:
    """Run each notebook's core path (cold, then warm) beside its floor, and the whole
    notebook alone, ``repeats`` times in rounds (every notebook once per round)."""
    notebooks = {path.stem: nbformat.read(path, as_version=4) for path in paths}
    cores = {name: core_path(nb) for name, nb in notebooks.items()}
    found = Measured(*({name: Runs() for name in notebooks} for _ in range(5)))
    workers = [Worker(cpu) for cpu in two_processors()] or [Worker(None)]
    try:
        floors = {}
        for name, core in cores.items():  # which stack each floor imports
            workers[0].send(core)
            floors[name] = floor_notebook(tuple(workers[0].receive()[0]["stack"]))
        for repeat in range(repeats):
            swap = repeat % 2 == 1
            for name in notebooks:
                shutil.rmtree(SAVED_PARSES, ignore_errors=True)
                cold, floor = run_pair(workers, swap, cores[name], floors[name])
                add(found.cold[name], cold)
                add(found.cold_floor[name], floor)
                warm, floor = run_pair(workers, swap, cores[name], floors[name])
                add(found.core[name], warm)
                add(found.floor[name], floor)
                workers[0].send(notebooks[name])
                add(found.whole[name], workers[0].receive()[0])
    finally:
        for worker in workers:
            worker.close()
    return found


def print_table(found: Measured, repeats: int) -> None:
    """Print the table and whether each target is met."""
    print(f"\nNotebooks: core path and whole, fresh kernel each, median of {repeats} runs")
    print(
        f"{'notebook':<24}{'floor (stack)':<28}{'floor s':>8}{'core s':>8}{'ratio':>7}"
        f"{'cold s':>8}{'cold ratio':>11}{'w/ shutdown':>12}{'core MiB':>10}{'whole s':>9}"
        f"{'whole MiB':>11}"
    )
    for name, core in found.core.items():
        whole = found.whole[name]
        print(
            f"{name:<24}{stack_label(core.stack):<28}{found.floor[name].median_s:>8.1f}"
            f"{core.median_s:>8.1f}{found.ratio(name):>7.2f}"
            f"{found.cold[name].median_s:>8.1f}{found.cold_ratio(name):>11.2f}"
            f"{found.ratio_with_shutdown(name):>12.2f}"
            f"{core.median_mib:>10.0f}{whole.median_s:>9.1f}{whole.median_mib:>11.0f}"
        )
    floors = {runs.stack: runs.median_mib for runs in found.floor.values()}
    for stack, mib in floors.items():
        print(f"floor {stack_label(stack)}: peak {mib:.0f} MiB")
    worst = max(found.ratio(name) for name in found.core)
    slowest = max(runs.median_s for runs in found.whole.values())
    largest = max(runs.median_mib for runs in [*found.core.values(), *found.whole.values()])
    worst_cold = max(found.cold_ratio(name) for name in found.core)
    met = "met" if worst <= RATIO_TARGET else "NOT met"
    print(f"worst core/floor ratio {worst:.2f} (target <= {RATIO_TARGET}): {met}; "
          f"cold, the first run on a machine: {worst_cold:.2f}")
    met = "met" if slowest < SECONDS_TARGET else "NOT met"
    print(f"slowest whole notebook {slowest:.1f} s (target < {SECONDS_TARGET:.0f} s): {met}")
    met = "met" if largest < MIB_TARGET else "NOT met"
    print(f"largest kernel {largest:.0f} MiB (target < {MIB_TARGET:.0f} MiB): {met}")


def bench_notebooks(repeats: int) -> None:
    """Measure every student notebook (:func:`measure`) and print the table."""
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    print_table(measure(paths, repeats), repeats)


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        serve()
    else:
        bench_notebooks(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
