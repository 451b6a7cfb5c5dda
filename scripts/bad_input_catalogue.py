#!/usr/bin/env python3
"""Run the whole bad-input catalogue (tests/bad_inputs.py) against ONE fresh build and print the outcome.

    python scripts/bad_input_catalogue.py [--no-site] [--keep] [--markdown BAD_INPUT.md]

Every case's files are written beside the real seeds into one seeds folder
under a temporary directory, ``build.py --out TMP/out`` runs once (with the
MkDocs step unless --no-site), and every case is judged.  Two exceptions are
printed with the table: when that build crashes, each case is then built
alone (in-process) to name the culprits, and the build is repeated without
them so the other cases can still be judged; and when this process is root,
the permission cases are built by uid 65534 (root reads everything).

Prints ``inputs tried / crashed / lost / unsafe HTML found`` (the last three
are 0 when all is well) and a table of case → outcome.  Exit status: 0 when
every case is ok, 1 otherwise.  ``--markdown`` (re)writes the catalogue table.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import bad_inputs as bi  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--no-site", action="store_true", help="skip MkDocs (and the HTML scan)")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory and print its path")
    p.add_argument("--markdown", type=Path, help="write the catalogue with today's outcomes as a Markdown table")
    p.add_argument("--quiet", action="store_true", help="only the figures line and the table")
    args = p.parse_args(argv)

    work = bi.new_workdir()
    log = (lambda *a: None) if args.quiet else (lambda *a: print("·", *a, file=sys.stderr))
    t0 = time.perf_counter()
    try:
        run = bi.run_catalogue(work, site=not args.no_site, log=log)
        elapsed = time.perf_counter() - t0
        if args.markdown:
            args.markdown.write_text(markdown(run), encoding="utf-8")
        print_run(run, elapsed)
        if args.markdown:
            print(f"\nwrote {args.markdown}")
        # Before the work folder goes: whether the build crashed is read from its output there (the
        # exit status was 1 after every run, the report being gone by then).
        ok = all(o.status in ("ok", "skipped") for o in run.outcomes.values()) and not any(
            v for k, v in run.figures.items() if k != "inputs tried") and not run.build.crashed
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            bi.remove_workdir(work)
    return 0 if ok else 1


def print_run(run: bi.CatalogueRun, elapsed: float) -> None:
    f = run.figures
    b = run.build
    print(f"\ninputs tried / crashed / lost / unsafe HTML found: "
          f"{f['inputs tried']} / {f['crashed']} / {f['lost']} / {f['unsafe HTML found']}")
    print(f"(catalogue of {len(bi.CASES)} kinds of bad input; {sum(len(c.names) for c in run.ctxs.values())} input paths "
          f"beside the {sum(1 for _ in bi.SEEDS.iterdir())} real seeds; {elapsed:.0f} s)")
    others = {}
    for o in run.outcomes.values():
        if o.status not in ("ok", "skipped", "crashed", "lost", "unsafe"):
            others[o.status] = others.get(o.status, 0) + 1
    skipped = [n for n, o in run.outcomes.items() if o.status == "skipped"]
    if others or skipped:
        print("also: " + ", ".join([f"{k} {v}" for k, v in sorted(others.items())] + ([f"skipped {len(skipped)}"] if skipped else [])))
    state = "crashed" if b.crashed else f"exit {b.rc}"
    print(f"the ONE build: {state} in {b.seconds:.1f} s" + (", Python traceback on stderr" if b.traceback else ""))
    if run.culprits:
        print(f"  built alone, these cases crash the whole build: {', '.join(run.culprits)}")
        if run.rerun is not None:
            print(f"  the build without them: exit {run.rerun.rc} in {run.rerun.seconds:.1f} s; the other cases are judged on it")
    if run.nonroot_note:
        print(f"  {run.nonroot_note}")
    if run.real_lost:
        print(f"  real seeds' articles lost: {run.real_lost}")
    if run.unattributed:
        print("  unsafe HTML not traced to one case:")
        for x in run.unattributed[:10]:
            print(f"    {x}")
    width = max(len(n) for n in run.outcomes)
    print(f"\n{'case':<{width}}  outcome       detail")
    print(f"{'-' * width}  ------------  ------")
    for c in bi.CASES:
        o = run.outcomes.get(c.name)
        if o is None:
            continue
        detail = first_note(o)
        detail = " ".join(detail.split())
        print(f"{c.name:<{width}}  {o.status:<12}  {detail[:110]}")
    shown = sum(1 for o in run.outcomes.values() for n in o.notes if n.startswith("display:"))
    if shown:
        print(f"\n{shown} problem row(s)/file name(s) appear on the report page with stray Markdown backslashes "
              f"(e.g. 'not a text file\\: …'); see test_report_page_text_is_exact.")


def first_note(o: bi.Outcome) -> str:
    """The note that gave the case its outcome."""
    if o.status == "ok":
        return ""
    return next((n for n in o.notes if n.startswith(o.status + ":")), next(iter(o.notes), ""))


def _cell(s: str) -> str:
    return " ".join(s.replace("|", "\\|").split())


def markdown(run: bi.CatalogueRun) -> str:
    f = run.figures
    out = [
        "# Bad input catalogue",
        "",
        "Every kind of bad seed we know of, what the build must do with it, and the test that checks it. The cases live",
        "in [`tests/bad_inputs.py`](tests/bad_inputs.py) (each: name, description, a function that writes the file(s)",
        "into a seeds folder, and the expectation: problem kinds and articles). Regenerate this file with",
        "`python scripts/bad_input_catalogue.py --markdown BAD_INPUT.md`.",
        "",
        "What every bad input must get: a clear message naming the file and the problem in `report.json` (`problems`) and",
        "as a row of the report page (构建报告); the build goes on for every other file; every readable article is",
        "published; `--strict` turns problems into exit 1; no Python traceback reaches the user; nothing from a seed",
        "becomes a tag, attribute, link, script or YAML key on the site.",
        "",
        "How the tests check it: `tests/test_bad_input.py::test_case_in_full_build[case]` judges the case inside ONE",
        "`build.py` run (subprocess, with MkDocs) of all cases beside the real seeds; `test_case_alone_strict[case]`",
        "builds the case alone with `--strict`. Build-wide tests: `test_full_build_has_no_traceback`,",
        "`test_real_seeds_never_lost`, `test_report_lists_every_input_path`, `test_report_page_text_is_exact`,",
        "`test_no_seed_content_is_live_html` (html.parser over every page against a clean build's tags, attributes,",
        "hosts and inline scripts), `test_front_matter_has_only_our_keys`. Seeds that change during the build are",
        "simulated by wrapping `cppcc_archive.read.discover` and the `os.stat` that `read.py` uses; permission cases run",
        "as uid 65534 when the tests run as root. `tests/test_integrity.py`: determinism, stable URLs, SIGKILL at five",
        "moments, and a hypothesis property test (any bytes as a seed).",
        "",
        f"Last run: inputs tried / crashed / lost / unsafe HTML found = **{f['inputs tried']} / {f['crashed']} / "
        f"{f['lost']} / {f['unsafe HTML found']}** (statuses: ok, crashed, hang, lost, unsafe, wrong-text, wrong-report).",
        "",
        "| # | case | input | what the build does | last run | test |",
        "|---|---|---|---|---|---|",
    ]
    for i, c in enumerate(bi.CASES, 1):
        o = run.outcomes.get(c.name)
        status = o.status if o else "—"
        if o and o.status != "ok":
            first = first_note(o)
            status += (": " + first.split(":", 1)[-1].strip()[:90]) if first else ""
        out.append(f"| {i} | `{c.name}` | {_cell(c.description)} | {_cell(c.does)} | {_cell(status)} | "
                   f"`test_case_in_full_build[{c.name}]`, `test_case_alone_strict[{c.name}]` |")
    out += [
        "",
        "Dedicated tests beside the table: `test_seed_vanishing_inside_read_bytes` (read_bytes monkeypatched),",
        "`test_seed_vanishing_after_discovery_whole_cli`, `test_read_never_returns_more_than_the_limit` (file grows",
        "between os.stat and open), `test_fifo_swapped_in_after_stat_does_not_block`,",
        "`test_50mb_file_is_reported_without_reading_it`, `test_scanner_catches_live_html` (the HTML scan itself).",
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
