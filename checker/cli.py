"""The command line: ``newslint check``, ``rules``, ``explain``, ``init``."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker import __version__

app = typer.Typer(
    name="newslint",
    help="Check news copy before it is published: quotes, sources, counts, garbled phrases, duplicates, boilerplate.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Level(str, Enum):
    info = "info"
    warning = "warning"
    error = "error"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],  # noqa: UP045 - typer reads the annotation at run time
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """newslint: a checker for news copy."""


def _fail(message: str) -> None:
    typer.echo(f"newslint: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns; '-' reads standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,  # noqa: UP045
    config: Annotated[Optional[str], typer.Option("--config", help="Read configuration from this file.")] = None,  # noqa: UP045
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files; built-in defaults only.")
    ] = False,
    select: Annotated[
        Optional[list[str]], typer.Option("--select", help="Run only these rule ids (repeatable).")
    ] = None,  # noqa: UP045
    ignore: Annotated[
        Optional[list[str]], typer.Option("--ignore", help="Do not run these rule ids (repeatable).")
    ] = None,  # noqa: UP045
    fail_on: Annotated[
        Optional[Level], typer.Option("--fail-on", help="Exit 1 on findings at or above this level.")
    ] = None,  # noqa: UP045
    exclude: Annotated[
        Optional[list[str]], typer.Option("--exclude", help="Skip paths matching this glob (repeatable).")
    ] = None,  # noqa: UP045
    stdin_filename: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--stdin-filename", help="Name for standard input; its extension picks the reader."),
    ] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read files in this encoding.")] = None,  # noqa: UP045
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,  # noqa: UP045
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the findings, no source lines or notes.")] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help="Count findings per rule.")] = False,
    timings: Annotated[
        bool, typer.Option("--timings", help="Print the time spent in each rule and analysis layer.")
    ] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes to the files, atomically.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the safe fixes as a diff; change nothing.")] = False,
    report_unused_suppressions: Annotated[
        bool, typer.Option("--report-unused-suppressions", help="Report inline suppressions that suppress nothing.")
    ] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="A progress bar on a terminal.")] = True,
) -> None:
    """Check files and report what an editor should look at."""
    from checker.config import ConfigError, resolve_config
    from checker.engine import Engine
    from checker.findings import FileResult, Severity
    from checker.packs import PackError
    from checker.reporters import ReportContext, get_reporter
    from checker.runner import check_files, collect_files

    try:
        cfg = resolve_config(paths, config, no_config)
        if select:
            cfg.select = [s for item in select for s in item.split(",") if s]
        if ignore:
            cfg.ignore = [*cfg.ignore, *(s for item in ignore for s in item.split(",") if s)]
        if exclude:
            cfg.exclude = [*cfg.exclude, *exclude]
        if fail_on is not None:
            cfg.fail_on = Severity.parse(fail_on.value)
        engine = Engine(cfg)
    except (ConfigError, PackError) as err:
        _fail(str(err))
        return

    files, missing = collect_files(paths, cfg.exclude)
    spent: dict[str, float] | None = {} if timings else None
    kwargs = {"encoding": encoding, "report_unused_suppressions": report_unused_suppressions, "timings": spent}

    if fix or diff:
        results = _fix_files(engine, files, write=fix, kwargs=kwargs)
    elif "-" in files:
        from checker.engine import DocumentResult

        data = sys.stdin.buffer.read()
        name = stdin_filename or "-"
        doc_results: list[DocumentResult] = []
        for path in files:
            if path == "-":
                doc_results.extend(engine.check_path(name, data=data, **kwargs))  # type: ignore[arg-type]
            else:
                doc_results.extend(engine.check_path(path, **kwargs))  # type: ignore[arg-type]
        engine.finish_corpus(doc_results)
        results = [r.result for r in doc_results]
    else:
        results = _check_with_progress(engine, files, jobs, progress and not quiet, kwargs, check_files)

    all_results: list[FileResult] = [*missing, *results]
    for notice in _engine_notices(engine):
        if all_results:
            all_results[0].notices.append(notice)

    ctx = ReportContext(
        color=_use_color(output),
        statistics=statistics,
        quiet=quiet,
        rules=[r.spec for r in engine.rules],
        version=__version__,
    )
    reporter = get_reporter(format.value)
    if output is not None:
        with open(output, "w", encoding="utf-8") as fh:
            reporter(all_results, fh, ctx)
    else:
        reporter(all_results, sys.stdout, ctx)
    if spent:
        _print_timings(spent, len(results))

    if any(r.error for r in all_results):
        raise typer.Exit(EXIT_ERROR)
    worst = max((d.severity for r in all_results for d in r.diagnostics), default=None)
    if worst is not None and worst >= cfg.fail_on:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_CLEAN)


def _engine_notices(engine: object) -> list[str]:
    notices: list[str] = []
    for rule in getattr(engine, "rules", []):
        notice = getattr(rule, "notice", None)
        if notice:
            notices.append(f"{rule.id}: {notice}")
    return notices


def _use_color(output: Path | None) -> bool:
    if output is not None or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _check_with_progress(engine, files, jobs, progress, kwargs, check_files):  # type: ignore[no-untyped-def]
    show = progress and sys.stderr.isatty() and len(files) > 20
    if not show:
        return [r.result for r in check_files(engine, files, jobs=jobs, **kwargs)]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    ) as bar:
        task = bar.add_task("checking", total=len(files))
        results = check_files(engine, files, jobs=jobs, on_done=lambda: bar.advance(task), **kwargs)
    return [r.result for r in results]


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def _print_timings(spent: dict[str, float], documents: int) -> None:
    total = sum(v for k, v in spent.items() if k.startswith("rule:"))
    typer.echo(f"\ntime per document over {documents} document(s), in milliseconds:", err=True)
    for key, value in sorted(spent.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {key:40} {1000 * value / max(1, documents):9.3f}", err=True)
    typer.echo(f"  {'all rules (analysis included)':40} {1000 * total / max(1, documents):9.3f}", err=True)


def _fix_files(engine, files, *, write: bool, kwargs):  # type: ignore[no-untyped-def]
    from checker.findings import FileResult
    from checker.fixes import FIXABLE_FORMATS, FixError, plan_fixes, unified_diff, write_atomically
    from checker.readers import ReadError, read_bytes

    results: list[FileResult] = []
    for path in files:
        if path == "-":
            results.append(FileResult(path=path, error="-: --fix and --diff need files, not standard input"))
            continue
        try:
            data = Path(path).read_bytes()
            docs = read_bytes(data, path, None, engine.read_options(kwargs.get("encoding")))
        except (OSError, ReadError) as err:
            results.append(FileResult(path=path, error=f"{path}: {err}"))
            continue
        for doc in docs:
            diagnostics, _ = engine.diagnose(doc)
            result = FileResult(path=path, diagnostics=diagnostics)
            result.source_lines = {d.line: doc.source_map.source_line(d.line) for d in diagnostics}
            results.append(result)
            if len(docs) != 1 or doc.format not in FIXABLE_FORMATS:
                if any(d.fix for d in diagnostics):
                    result.notices.append(f"fixes are not applied to {doc.format} files")
                continue
            plan = plan_fixes(path, doc.source_map.source, doc.format, diagnostics)
            if not plan.applied:
                continue
            if not write:
                sys.stdout.write(unified_diff(plan))
                continue
            try:
                write_atomically(path, plan.fixed, doc.encoding, doc.bom, data)
            except (OSError, FixError) as err:
                result.error = f"{path}: {err}"
                continue
            fixed_ids = {
                (d.fix.src_start, d.fix.src_end) for d in diagnostics if d.fix and d.fix.applicability == "safe"
            }
            result.diagnostics = [
                d for d in diagnostics if not (d.fix and (d.fix.src_start, d.fix.src_end) in fixed_ids)
            ]
            result.notices.append(
                f"applied {plan.applied} fix(es)" + (f", skipped {plan.skipped} overlapping" if plan.skipped else "")
            )
    return results


@app.command("rules")
def list_rules(
    config: Annotated[Optional[str], typer.Option("--config", help="Read configuration from this file.")] = None,  # noqa: UP045
    no_config: Annotated[bool, typer.Option("--no-config", help="Built-in defaults only.")] = False,
) -> None:
    """List every rule: id, kind, severity, whether it is on, and what it flags."""
    from checker.config import ConfigError, resolve_config
    from checker.engine import Engine
    from checker.packs import PackError

    try:
        engine = Engine(resolve_config(["."], config, no_config))
    except (ConfigError, PackError) as err:
        _fail(str(err))
        return
    width = max((len(s.id) for s in engine.specs), default=10)
    kind_width = max((len(s.kind) for s in engine.specs), default=10)
    typer.echo(f"{'rule':{width}}  {'kind':{kind_width}}  {'severity':8}  {'on':3}  summary")
    for spec in engine.specs:
        on = "yes" if spec.id in engine.enabled_ids else "no"
        severity = engine.config.severity.get(spec.id, spec.severity)
        typer.echo(f"{spec.id:{width}}  {spec.kind:{kind_width}}  {severity!s:8}  {on:3}  {spec.summary}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="A rule id, as `newslint rules` lists them.")]) -> None:
    """Explain a rule: what it flags, why it matters, an example, and the fix."""
    from checker.docs import rule_doc
    from checker.engine import Engine

    engine = Engine(None)
    for spec in engine.specs:
        if spec.id == rule:
            typer.echo(rule_doc(spec))
            return
    _fail(f"unknown rule {rule!r}; `newslint rules` lists them")


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter configuration.")] = Path("newslint.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter configuration."""
    from checker.config import STARTER_CONFIG

    if path.exists() and not force:
        _fail(f"{path} exists; pass --force to overwrite it")
    path.write_text(STARTER_CONFIG, encoding="utf-8")
    typer.echo(f"wrote {path}")


def run() -> None:
    """Console-script entry point."""
    app()
