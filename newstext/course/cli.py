"""The command line: ``python -m newstext COMMAND``.

Errors the course raises on purpose print as one line on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from newstext.core.errors import NewstextError


def _cmd_editions(args: argparse.Namespace) -> int:
    from newstext.course.editions import Editions, build_editions, stale_editions

    editions = Editions.of_project()
    if args.check:
        stale = stale_editions(editions)
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        if stale:
            print("run `make editions` to rebuild them", file=sys.stderr)
        return 1 if stale else 0
    for path in build_editions(editions, args.only):
        print(f"wrote {path}")
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from newstext.course.runner import run_notebooks

    for path in run_notebooks([Path(p) for p in args.notebooks], html_dir=Path(args.html)):
        print(f"wrote {path}")
    return 0


def _cmd_env(args: argparse.Namespace) -> int:
    from newstext.course.environment import environment_report, has_problems

    report = environment_report()
    print("\n".join(report))
    return 1 if has_problems(report) else 0


def _cmd_clean(args: argparse.Namespace) -> int:
    from newstext.cleaning.pipeline import clean_file, write_outputs

    # No reference date given: relative times stay unresolved unless the page prints a
    # date (the course page gets its documented one); the cleaning log says which.
    cleaned = clean_file(args.path, args.encoding, args.reference_date, glitches=args.glitches)
    for path in write_outputs(cleaned, args.out):  # default: data/processed/<page name>/
        print(f"wrote {path}")
    return 0


def _page_paths(paths: list[str], plain: bool = False) -> list[Path]:
    """The files named: a folder stands for the .txt files in it."""
    found = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            found.append(path)
            continue
        pages = sorted(path.glob("*.txt"))
        if not pages:
            kind = "articles" if plain else "pages"
            raise NewstextError(f"{path} is a folder with no .txt {kind} in it: give files.")
        found += pages
    return found


def _page_folders(paths: list[Path], out: str | None) -> list[Path]:
    """Where each file's outputs go: ``--out`` itself for one file, ``--out/<name>/`` for
    each of several; without ``--out``, ``data/processed/<name>/``. Two files of the same
    name would overwrite each other's outputs, so they are refused."""
    from newstext.core.paths import page_dir, page_name

    names = [page_name(path) for path in paths]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated and (out is None or len(paths) > 1):
        raise NewstextError(
            f"two files are named {repeated[0]!r}: their outputs would go to the same folder; "
            "rename one."
        )
    if out is None:
        return [page_dir(path) for path in paths]
    if len(paths) == 1:
        return [Path(out)]
    return [Path(out) / name for name in names]


def _cmd_annotate(args: argparse.Namespace) -> int:
    from newstext.annotating.annotate_page import PageJob, annotate_files
    from newstext.core.reading import read_page

    paths = _page_paths(args.paths, args.plain)
    for path in paths:  # every file checked before any work starts
        read_page(path, encoding=args.encoding)
    patterns = _patterns(args.patterns)
    folders = _page_folders(paths, args.out)
    jobs = [
        PageJob(path, folder, args.encoding, args.plain)
        for path, folder in zip(paths, folders, strict=True)
    ]
    summaries = annotate_files(jobs, n_process=args.n_process, patterns=patterns)
    if len(jobs) == 1:
        for summary in summaries:
            for file in summary.written:
                _say(args, f"wrote {file}")
        return 0
    from tqdm import tqdm

    bar = tqdm(summaries, total=len(jobs), unit="page", file=sys.stderr, disable=args.quiet)
    quotes = entities = 0
    for summary in bar:
        quotes += summary.quotes
        entities += summary.entities
    out = Path(args.out) if args.out else folders[0].parent
    _say(
        args, f"annotated {len(jobs)} pages into {out}/ ({quotes} quotations, {entities} entities)"
    )
    return 0


def _say(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line)


def _patterns(path: str | None) -> list[dict] | None:
    """The entity patterns of a ``--patterns`` file (spaCy's JSONL pattern format)."""
    if path is None:
        return None
    from newstext.annotating.entity_rules import load_patterns

    try:
        return load_patterns(path)
    except OSError as err:
        raise NewstextError(f"cannot read the patterns file {path} ({err.strerror}).") from None
    except ValueError as err:  # JSON errors too
        raise NewstextError(
            f"{path} is not a spaCy patterns file (one JSON pattern a line): {err}"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newstext", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    editions = commands.add_parser("editions", help="build the student and teacher notebooks")
    editions.add_argument("--check", action="store_true", help="only report stale editions")
    editions.add_argument("--only", help="build only the lessons whose name starts with this")
    editions.set_defaults(func=_cmd_editions)

    run = commands.add_parser("run", help="execute notebooks and write HTML handouts")
    run.add_argument("notebooks", nargs="+", help="notebook files to execute")
    run.add_argument("--html", default="build", help="folder for the HTML copies (default build/)")
    run.set_defaults(func=_cmd_run)

    clean = commands.add_parser("clean", help="clean a scraped page into CSV tables")
    clean.add_argument(
        "path", help="the page's visible text (.txt), or the page saved as .html/.htm/.html.gz"
    )
    clean.add_argument(
        "--out", help="folder for the CSV files (default data/processed/<page name>/)"
    )
    clean.add_argument("--encoding", default="utf-8", help="the file's encoding (default utf-8)")
    clean.add_argument(
        "--reference-date",
        type=date.fromisoformat,
        help="day the page was saved, YYYY-MM-DD: resolves relative times ('2 days ago'); "
        "without it they stay unresolved unless the page prints a date",
    )
    clean.add_argument("--glitches", action="store_true", help="also flag glitches (loads spaCy)")
    clean.set_defaults(func=_cmd_clean)

    annotate = commands.add_parser(
        "annotate",
        help="clean pages, then write their entities, quotations and spaCy docs",
        description="Clean each page, then write its tables, entities.csv, quotes.csv and "
        "the parsed articles (articles.spacy), offsets into the raw page. With --plain, "
        "each file is one article's clean text (a paragraph a line): no cleaning, and "
        "quotes.csv and entities.csv with offsets into that file's text.",
    )
    annotate.add_argument("paths", nargs="+", help="page files (.txt), or folders of them")
    annotate.add_argument(
        "--out",
        help="folder for the files: one page's own, or one subfolder per page when there are "
        "several (default data/processed/<page name>/)",
    )
    annotate.add_argument("--encoding", default="utf-8", help="the file's encoding (default utf-8)")
    annotate.add_argument(
        "--plain", action="store_true", help="the files are clean article text: skip cleaning"
    )
    annotate.add_argument(
        "--patterns", help="a file of extra entity patterns (spaCy's JSONL pattern format)"
    )
    annotate.add_argument(
        "--n-process",
        type=int,
        default=1,
        help="worker processes, each a page at a time (default 1)",
    )
    annotate.add_argument(
        "--quiet", action="store_true", help="print nothing but errors (no progress bar)"
    )
    annotate.set_defaults(func=_cmd_annotate)

    env = commands.add_parser("env", help="check this Python has what the course needs")
    env.set_defaults(func=_cmd_env)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewstextError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
