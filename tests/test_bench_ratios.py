"""The corpus benchmark's ratios are made of pairs (benchmarks/bench.py): checked on made-up
runs whose ratios were worked out by hand."""

import sys

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
