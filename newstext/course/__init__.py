"""Running the course: the command line, the notebook editions, the runner, the checks.

- ``cli``: ``python -m newstext COMMAND``.
- ``environment``: notebook 00's check of the installation.
- ``editions``: the student and teacher notebooks built from ``lessons/``.
- ``runner``: notebooks executed from a fresh kernel.
- ``checks``: the exercise checks, one module per lesson.

The top layer: it may import from every stage; no stage imports from it.
"""
