"""The notebooks' speed and memory against their floor (part of `make bench`).

Each student notebook is executed from a fresh kernel: its wall time and the kernel's peak
memory, beside the *floor*: a kernel that only starts, imports spaCy and loads the model.
Targets: the whole set within 1.5 x the sum of the floors, each notebook under 20 s, each
kernel under 1 GiB. Run on its own with `python benchmarks/notebook_times.py`.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

import nbformat

from newstext.core.paths import project_root
from newstext.course.runner import execute_notebook

ROOT = project_root()

#: A last cell that reports the kernel's peak resident memory (Linux's VmHWM).
PEAK_MEMORY_CELL = """
for line in open("/proc/self/status"):
    if line.startswith("VmHWM"):
        print("PEAK_KB", line.split()[1])
"""

FLOOR_CELLS = ["import spacy", "from newstext import load_english\nnlp = load_english()"]


def peak_mib(nb: nbformat.NotebookNode) -> float:
    """The peak memory printed by PEAK_MEMORY_CELL, in MiB."""
    for output in nb.cells[-1].outputs:
        for line in output.get("text", "").splitlines():
            if line.startswith("PEAK_KB"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("the memory cell printed nothing")


def measure(nb: nbformat.NotebookNode, folder: Path, repeats: int) -> tuple[float, float]:
    """Execute ``nb`` (saved in ``folder``) ``repeats`` times, each in a fresh kernel: the
    median (seconds, peak MiB). A shared machine is noisy; the median of a few runs is not."""
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_CELL))
    path = folder / "_bench.ipynb"
    nbformat.write(nb, path)
    seconds, mib = [], []
    try:
        for _ in range(repeats):
            started = time.perf_counter()
            executed = execute_notebook(path)
            seconds.append(time.perf_counter() - started)
            mib.append(peak_mib(executed))
    finally:
        path.unlink()
    return statistics.median(seconds), statistics.median(mib)


def bench_notebooks(repeats: int) -> None:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in FLOOR_CELLS])
    # The first kernel a process starts is seconds slower (Jupyter's one-off set-up, which a
    # running JupyterLab has done long before a class arrives): start one and discard it.
    measure(copy.deepcopy(floor_nb), ROOT / "notebooks", 1)
    floor_s, floor_mib = measure(floor_nb, ROOT / "notebooks", repeats)
    print(f"\nNotebooks (fresh kernel each, median of {repeats} runs)")
    print(f"{'notebook':<28}{'wall s':>8}{'floor s':>9}{'peak MiB':>10}{'floor MiB':>11}")
    total = 0.0
    for path in notebooks:
        seconds, mib = measure(nbformat.read(path, as_version=4), path.parent, repeats)
        total += seconds
        print(f"{path.stem:<28}{seconds:>8.1f}{floor_s:>9.1f}{mib:>10.0f}{floor_mib:>11.0f}")
    floors = floor_s * len(notebooks)
    print(
        f"{'all notebooks':<28}{total:>8.1f}{floors:>9.1f}   ratio {total / floors:.2f} "
        "(target <= 1.5)"
    )


if __name__ == "__main__":
    bench_notebooks(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
