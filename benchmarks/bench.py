"""Speed and memory of the course, printed as tables (run with `make bench`, not by the tests).

1. Notebooks: each student notebook executed from a fresh kernel, its wall time and the
   kernel's peak memory, beside its floor, each core path run at the same moment as its floor
   on the other processor (benchmarks/notebook_times.py says what it holds, how and why, and
   the targets).
2. Corpus: `python -m newstext annotate` on a corpus of pages made by varying the course page,
   at 1 and 2 worker processes, against bare `nlp.pipe` on the same cleaned paragraphs at the
   same number of processes. Targets: at most 25% slower than bare spaCy, and 2 processes at
   least 1.6 x as fast as 1. Each run is repeated (``--corpus-repeats``, 5) and the median is
   shown; annotate and bare spaCy run back to back in each repeat, and each ratio is the
   median of the repeats' own ratios (see :func:`bench_corpus`: this machine's speed drifts
   by 10 % and more within minutes). The CPU seconds (every process of the run, user and
   system) are shown too.
3. Memory: the peak resident memory of the largest process of `annotate --n-process 2` on
   100 and on 1,000 pages. Target: flat in the number of pages.
4. Cleaners (printed first, it takes seconds): the cleaner's main article on the development
   pages against no cleaning, jusText and trafilatura, .txt and .html (benchmarks/cleaners.py).
5. Quotations and entities on unseen news (printed second, seconds): the development
   annotations (data/annotations/dev/) scored for newstext, textacy per paragraph and whole
   article, and the model with and without the rules, beside the course page
   (``python -m newstext.evaluating.dev_scores``). Targets (issue 15, also tested in
   tests/test_dev_set.py): quotation F1 >= 0.97, speaker right >= 0.90, entities with the
   rules at least as good as the model alone on every article.

The corpus has 100 pages (not 500) and the memory runs use 2 processes, so that `make bench`
stays near 30 minutes on a 2-core machine; `--pages`, `--repeats`, `--corpus-repeats` and
`--memory-pages` change that. Run it on an otherwise idle machine: a test suite or a second
benchmark on the other core makes every figure meaningless.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newstext.cleaning.pipeline import clean_page
from newstext.core.paths import RAW_PAGE
from newstext.core.reading import read_page


def make_corpus(folder: Path, pages: int) -> list[Path]:
    """Write ``pages`` variants of the course page: the main article's body lines rotated and
    its relative time changed, so that no two pages are the same text."""
    lines = read_page(RAW_PAGE).split("\n")
    body = lines[6:19]
    paths = []
    for number in range(pages):
        shift = number % len(body)
        variant = lines[:5] + [f"Mint{number % 6 + 1} days ago"] + body[shift:] + body[:shift]
        variant += lines[19:]
        path = folder / f"page_{number:04d}.txt"
        path.write_text("\n".join(variant), encoding="utf-8")
        paths.append(path)
    return paths


#: Bare spaCy on the same cleaned paragraphs, in its own process as `annotate` is.
BARE_SCRIPT = """
import json, sys
from newstext import load_english
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for doc in load_english().pipe(texts, batch_size=256, n_process=int(sys.argv[2])):
    pass
"""

#: Runs a command and prints its wall time, the CPU time of all its processes and the peak
#: resident memory of the largest one (Linux counts every descendant that was waited for).
MEASURE_SCRIPT = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mib": usage.ru_maxrss / 1024}))
"""


@dataclass(frozen=True)
class Run:
    """What one run of a command took: wall seconds, CPU seconds of all its processes, and
    the peak resident memory of the largest process (MiB)."""

    seconds: float
    cpu: float
    peak_mib: float


def measured(command: list[str]) -> Run:
    """How long ``command`` takes, and its memory, run in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE_SCRIPT, *command],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return Run(figures["seconds"], figures["cpu"], figures["peak_mib"])


def median_run(runs: list[Run]) -> Run:
    """The median of each figure over repeated runs of one command."""
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.cpu for run in runs),
        statistics.median(run.peak_mib for run in runs),
    )


def annotate_command(folder: Path, out: Path, n_process: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newstext",
        "annotate",
        str(folder),
        "--out",
        str(out),
        "--n-process",
        str(n_process),
        "--quiet",
    ]


#: {(pages, n_process): run} of the annotate runs, so that the memory table reuses a run
#: the corpus table made.
Runs = dict[tuple[int, int], Run]

ANNOTATE_NAME = "newstext annotate (all outputs)"
BARE_NAME = "bare nlp.pipe (cleaned paragraphs)"


def bench_corpus(pages: int, processes: list[int], repeats: int = 5) -> Runs:
    """Time annotate and bare spaCy on a corpus of ``pages`` pages at each number of
    processes, ``repeats`` times; print the medians and the ratios.

    The machine's speed drifts (on a shared virtual machine a plain Python loop takes from
    0.73 to 1.10 s from one second to the next), so a ratio of two medians taken minutes
    apart can move by 10 %. Each ratio is therefore made of pairs: in every repeat annotate
    and bare spaCy run back to back (in alternating order, so that neither always runs first)
    and the ratio is the median of the repeats' own ratios; so is the speed-up.
    """
    runs: dict[tuple[str, int], list[Run]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        paths = make_corpus(folder, pages)
        texts = []
        for path in paths:
            texts.extend(clean_page(read_page(path)).paragraphs["text"])
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        for repeat in range(repeats):
            for n_process in processes:
                out = Path(tmp) / f"out_{n_process}"
                commands = {
                    ANNOTATE_NAME: annotate_command(folder, out, n_process),
                    BARE_NAME: [sys.executable, "-c", BARE_SCRIPT, str(texts_file), str(n_process)],
                }
                order = list(commands) if repeat % 2 == 0 else list(reversed(commands))
                for name in order:
                    runs.setdefault((name, n_process), []).append(measured(commands[name]))
    print_corpus_table(pages, len(texts), processes, repeats, runs)
    return {(pages, n): median_run(runs[(ANNOTATE_NAME, n)]) for n in processes}


def paired(top: list[Run], bottom: list[Run]) -> list[float]:
    """The ratio of wall seconds of each repeat: ``top[i] / bottom[i]``."""
    return [a.seconds / b.seconds for a, b in zip(top, bottom, strict=True)]


def spread(values: list[float], digits: int = 2) -> str:
    return f"{min(values):.{digits}f}-{max(values):.{digits}f}"


def print_corpus_table(
    pages: int, paragraphs: int, processes: list[int], repeats: int,
    runs: dict[tuple[str, int], list[Run]],
) -> None:
    """The corpus table, then each ratio: the median of the repeats' ratios, their range."""
    print(
        f"\nCorpus: {pages} pages, {paragraphs} paragraphs (each run in a fresh process, "
        f"median of {repeats}; CPU: all its processes; peak: the largest process)"
    )
    print(
        f"{'run':<36}{'n_process':>10}{'seconds':>9}{'min-max':>13}{'CPU s':>8}"
        f"{'pages/s':>9}{'peak MiB':>10}"
    )
    for n_process in processes:
        for name in (ANNOTATE_NAME, BARE_NAME):
            found = runs[(name, n_process)]
            run = median_run(found)
            walls = spread([one.seconds for one in found], 1)
            print(
                f"{name:<36}{n_process:>10}{run.seconds:>9.1f}{walls:>13}{run.cpu:>8.1f}"
                f"{pages / run.seconds:>9.1f}{run.peak_mib:>10.0f}"
            )
    print("ratios: median of the repeats' own ratios (range)")
    for n_process in processes:
        ratios = paired(runs[(ANNOTATE_NAME, n_process)], runs[(BARE_NAME, n_process)])
        ratio = statistics.median(ratios)
        met = "met" if ratio <= 1.25 else "NOT met"
        print(
            f"overhead at n_process={n_process}: {ratio:.2f} ({spread(ratios)}; "
            f"target <= 1.25): {met}"
        )
    if 1 in processes and 2 in processes:
        for name in (ANNOTATE_NAME, BARE_NAME):
            ratios = paired(runs[(name, 1)], runs[(name, 2)])
            speed_up = statistics.median(ratios)
            line = f"speed-up, 2 processes against 1, {name}: {speed_up:.2f} x ({spread(ratios)}"
            if name == ANNOTATE_NAME:
                line += "; target >= 1.6): " + ("met" if speed_up >= 1.6 else "NOT met")
            else:
                line += ")"
            print(line)


def bench_memory(sizes: list[int], n_process: int, known: Runs) -> None:
    rows = []
    for pages in sizes:
        if (pages, n_process) not in known:  # else the corpus table's run
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "pages"
                folder.mkdir()
                make_corpus(folder, pages)
                command = annotate_command(folder, Path(tmp) / "out", n_process)
                known[(pages, n_process)] = measured(command)
        run = known[(pages, n_process)]
        rows.append((pages, run.seconds, run.peak_mib))
    print(f"\nMemory: newstext annotate --n-process {n_process} (peak: the largest process)")
    print(f"{'pages':>7}{'seconds':>9}{'pages/s':>9}{'peak MiB':>10}")
    for pages, seconds, mib in rows:
        print(f"{pages:>7}{seconds:>9.1f}{pages / seconds:>9.1f}{mib:>10.0f}")
    if len(rows) > 1:
        print(
            f"peak at {rows[-1][0]} pages / at {rows[0][0]} pages: "
            f"{rows[-1][2] / rows[0][2]:.2f} (target: flat, about 1.0)"
        )


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100, help="pages in the corpus benchmark")
    parser.add_argument(
        "--n-process",
        type=numbers,
        default=[1, 2],
        help="processes of the corpus runs, comma-separated (default 1,2)",
    )
    parser.add_argument(
        "--memory-pages",
        type=numbers,
        default=[100, 1000],
        help="corpus sizes of the memory runs, comma-separated (default 100,1000)",
    )
    parser.add_argument("--skip-cleaners", action="store_true")
    parser.add_argument("--skip-quality", action="store_true",
                        help="leave out the quotation and entity scores on the development set")
    parser.add_argument("--skip-notebooks", action="store_true")
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="rounds of the notebooks (median of the paired ratios; default 5)",
    )
    parser.add_argument(
        "--corpus-repeats",
        type=int,
        default=5,
        help="runs of each corpus command (median of the paired ratios; default 5)",
    )
    args = parser.parse_args(argv)
    if not args.skip_cleaners:
        from cleaners import bench_cleaners  # benchmarks/cleaners.py, beside this file

        bench_cleaners()
    if not args.skip_quality:
        from newstext.evaluating.dev_scores import main as print_dev_scores

        print("\nQuotations and entities on the development annotations")
        print_dev_scores()
    if not args.skip_notebooks:
        from notebook_times import bench_notebooks  # benchmarks/notebook_times.py, beside this file

        bench_notebooks(args.repeats)
    runs: Runs = {}
    if not args.skip_corpus:
        runs = bench_corpus(args.pages, args.n_process, args.corpus_repeats)
    if not args.skip_memory:
        bench_memory(args.memory_pages, 2, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
