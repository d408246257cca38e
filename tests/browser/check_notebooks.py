"""Open every student notebook in JupyterLab in headless Chromium, run all cells, and check
that no cell shows an error. Saves a screenshot of each under build/screenshots/.

Run with `make test-browser` (it installs Chromium and Playwright first). JupyterLab serves a
temporary copy of the project, so the committed notebooks are never saved over.
"""

from __future__ import annotations

import json
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from newstext.course.runner import copy_project

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOTEBOOK_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: JupyterLab settings for the check: render every cell (JupyterLab 4 draws only the cells
#: in view by default), and no news pop-up over the screenshots.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def write_settings(folder: Path) -> Path:
    """A user-settings folder holding LAB_SETTINGS."""
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    return folder


def start_lab(root: Path, port: int, token: str) -> subprocess.Popen:
    settings = write_settings(root.parent / "lab-settings")
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={root.parent}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    lab = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/status?token={token}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(url, timeout=2):
                return lab
        except OSError:
            time.sleep(0.5)
    lab.kill()
    raise RuntimeError("JupyterLab did not start within a minute")


def prompts_not_run(page: Page) -> list[str]:
    """The input prompts of the code cells that have not run yet ("[ ]:" or "[*]:")."""
    prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
    if not prompts:
        return ["no code cells shown"]
    return [prompt for prompt in prompts if not re.fullmatch(r"\[\d+\]:", prompt.strip())]


def run_all(page: Page) -> list[str]:
    """Run → Run All Cells once the kernel is idle; wait until every code cell has run.

    Returns the prompts of the cells that did not run (empty when all did). If nothing has
    started after a few seconds (the kernel was not connected yet), the command is given again.
    """
    page.locator(".jp-Notebook:visible").first.wait_for(timeout=60_000)
    page.get_by_text("| Idle").first.wait_for(timeout=60_000)
    deadline = time.time() + NOTEBOOK_TIMEOUT_S
    for _attempt in range(3):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells").first.click()
        started = time.time()
        while time.time() < deadline:
            not_run = prompts_not_run(page)
            if not not_run:
                return []
            if time.time() - started > 10 and all(p.strip() == "[ ]:" for p in not_run):
                if page.locator(".jp-InputPrompt").filter(has_text=re.compile(r"\d")).count():
                    return not_run  # some cells ran, then Run All stopped at an error
                break  # nothing started: give the command again
            time.sleep(1)
    return prompts_not_run(page)


def errors_shown(page: Page) -> list[str]:
    """Text of every error output on the page (tracebacks are rendered as stderr)."""
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    return [text for text in errors.all_inner_texts() if "Error" in text or "Traceback" in text]


def main() -> int:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    shots = ROOT / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(16)
    port = free_port()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        copy_project(ROOT, root)
        lab = start_lab(root, port, token)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for notebook in notebooks:
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    url = f"http://127.0.0.1:{port}/lab/tree/notebooks/{notebook.name}?reset&token={token}"
                    page.goto(url)
                    started = time.time()
                    not_run = run_all(page)
                    errors = errors_shown(page)
                    if not_run:
                        errors.append(f"{len(not_run)} cells did not run: {not_run[:5]}")
                    page.screenshot(path=str(shots / f"{notebook.stem}.png"))
                    status = "ok" if not errors else f"{len(errors)} error(s)"
                    print(f"{notebook.name:<32} {time.time() - started:5.1f} s  {status}")
                    for error in errors:
                        print("   ", error.strip().splitlines()[-1])
                    failures += bool(errors)
                    page.close()
                browser.close()
        finally:
            lab.terminate()
            lab.wait(timeout=30)
    print(f"{len(notebooks) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
