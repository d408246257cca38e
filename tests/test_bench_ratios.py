"""The corpus benchmark's ratios are made of pairs (benchmarks/bench.py): checked on made-up
runs whose ratios were worked out by hand."""

import sys

import pytest

from newstext.core.paths import project_root

sys.path.insert(0, str(project_root() / "benchmarks"))

from bench import ANNOTATE_NAME, BARE_NAME, Run, paired, print_corpus_table  # noqa: E402


def runs_of(*seconds: float) -> list[Run]:
    return [Run(value, value, 100.0) for value in seconds]


def test_a_ratio_is_made_of_each_repeat_with_its_own_pair():
    # The machine is twice as slow in the third repeat: each repeat's own ratio stays 1.2.
    assert paired(runs_of(12, 12, 24), runs_of(10, 10, 20)) == [1.2, 1.2, 1.2]


def test_the_table_prints_the_median_of_the_paired_ratios_and_the_targets(capsys):
    runs = {
        # n_process 1: overheads 1.2, 1.3, 1.1 -> median 1.2 (the medians' ratio: 60/50 too)
        (ANNOTATE_NAME, 1): runs_of(60, 65, 66),
        (BARE_NAME, 1): runs_of(50, 50, 60),
        # n_process 2: overheads 1.4, 1.2, 1.2 -> 1.2; medians' ratio 36/30 = 1.2 as well
        (ANNOTATE_NAME, 2): runs_of(42, 36, 36),
        (BARE_NAME, 2): runs_of(30, 30, 30),
    }
    print_corpus_table(10, 450, [1, 2], 3, runs)
    printed = capsys.readouterr().out
    assert "overhead at n_process=1: 1.20 (1.10-1.30; target <= 1.25): met" in printed
    assert "overhead at n_process=2: 1.20 (1.20-1.40; target <= 1.25): met" in printed
    # speed-up of annotate: 60/42, 65/36, 66/36 = 1.43, 1.81, 1.83 -> median 1.81
    assert f"{ANNOTATE_NAME}: 1.81 x (1.43-1.83; target >= 1.6): met" in printed
    # bare: 50/30, 50/30, 60/30 = 1.67, 1.67, 2.00
    assert f"{BARE_NAME}: 1.67 x (1.67-2.00)" in printed


# --- the notebooks' benchmark (benchmarks/notebook_times.py): which runs make a pair ---------

import notebook_times  # noqa: E402
from notebook_times import Measured, Runs, run_pair  # noqa: E402


class FakeWorker:
    """Stands in for a benchmark worker: notes what it is asked to run and answers with the
    seconds it was given for each notebook."""

    def __init__(self, name: str, seconds: dict[str, list[float]]) -> None:
        self.name, self.seconds, self.asked = name, seconds, []

    def send(self, nb, times: int = 1) -> None:
        self.asked.append((nb, times))

    def receive(self) -> list[dict]:
        nb, times = self.asked[-1]
        return [{"seconds": s, "with_shutdown": s, "mib": 1.0, "stack": []}
                for s in self.seconds[nb][:times]]


def test_a_pair_runs_the_floor_twice_beside_the_core_path_and_compares_its_first_run():
    first = FakeWorker("first", {"core": [3.0], "floor": [2.0, 2.5]})
    second = FakeWorker("second", {"core": [3.3], "floor": [2.2, 2.4]})
    core, floor = run_pair([first, second], False, "core", "floor")
    assert (first.asked, second.asked) == ([("core", 1)], [("floor", 2)])
    assert (core["seconds"], floor["seconds"]) == (3.0, 2.2)
    core, floor = run_pair([first, second], True, "core", "floor")  # sides swapped
    assert (first.asked[-1], second.asked[-1]) == (("floor", 2), ("core", 1))
    assert (core["seconds"], floor["seconds"]) == (3.3, 2.0)


def test_with_one_worker_the_pair_runs_one_after_the_other():
    only = FakeWorker("only", {"core": [3.0], "floor": [2.0]})
    core, floor = run_pair([only], False, "core", "floor")
    assert only.asked == [("core", 1), ("floor", 1)]
    assert (core["seconds"], floor["seconds"]) == (3.0, 2.0)


def runs(*seconds: float) -> Runs:
    return Runs(seconds=list(seconds), with_shutdown=list(seconds), mib=[1.0] * len(seconds))


def test_warm_and_cold_runs_are_each_compared_with_the_floor_run_beside_them():
    found = Measured(
        core={"nb": runs(3.0, 3.3, 6.0)},  # the machine twice as slow in the third round
        floor={"nb": runs(2.0, 2.2, 4.0)},
        whole={"nb": runs(5.0)},
        cold={"nb": runs(4.0, 4.4, 8.0)},
        cold_floor={"nb": runs(2.0, 2.0, 4.0)},
    )
    assert found.ratio("nb") == 1.5  # 1.5, 1.5, 1.5
    assert found.cold_ratio("nb") == 2.0  # 2.0, 2.2, 2.0 -> median 2.0


def test_a_kernel_that_dies_at_start_is_started_once_more_and_only_the_good_run_counts(
    monkeypatch, capsys
):
    attempts = []

    def run_once(nb, folder, runs):
        attempts.append(nb)
        if len(attempts) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")
        runs.seconds.append(2.0)

    monkeypatch.setattr(notebook_times, "run_once", run_once)
    found = Runs()
    notebook_times.run_started_again_if_needed("nb", None, found)
    assert attempts == ["nb", "nb"] and found.seconds == [2.0]
    assert "starting it again" in capsys.readouterr().err


def test_a_kernel_that_dies_twice_stops_the_worker(monkeypatch):
    def run_once(nb, folder, runs):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(notebook_times, "run_once", run_once)
    with pytest.raises(RuntimeError, match="Kernel died"):
        notebook_times.run_started_again_if_needed("nb", None, Runs())
