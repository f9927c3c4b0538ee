"""The command line: ``newslint check``, ``rules``, ``explain``, ``init``, ``serve``.

No ``from __future__ import annotations`` here: typer reads every command's
annotations at each start, and as strings each would be compiled and
evaluated again (a fiftieth of a second of every single-file check).
"""

import gc
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from checker import __version__

if TYPE_CHECKING:
    from checker.config import Config

SETTINGS: dict[str, Any] = {
    "name": "newslint",
    "help": (
        "Check news copy before it is published: quotes, sources, counts, garbled phrases, duplicates, boilerplate."
    ),
    "no_args_is_help": True,
    "add_completion": False,
    "pretty_exceptions_enable": False,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(**SETTINGS)
# each command by the name it is called by, for run()
COMMANDS: dict[str, Callable[..., None]] = {}

_Command = TypeVar("_Command", bound=Callable[..., None])


def _command(name: str) -> Callable[[_Command], _Command]:
    """``app.command(name)``, remembered in :data:`COMMANDS`."""

    def register(function: _Command) -> _Command:
        COMMANDS[name] = function
        return app.command(name)(function)

    return register


EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Level(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool | None,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """newslint: a checker for news copy."""
    if ctx.invoked_subcommand != "check":
        _started()


def _started() -> None:
    """The start-up is over: collect garbage again, if the entry point stopped it.

    Start-up allocates a great many objects (modules, compiled expressions,
    word lists) and frees few, so the collections it would trigger find
    little to free; the entry point stops them until the rules are loaded.  The
    objects made so far are then set aside for good (``gc.freeze``): later
    collections, one every few hundred allocations while the files are
    checked, need not walk them again.
    """
    if not gc.isenabled():
        gc.enable()
        gc.freeze()


def _apply_options(
    cfg: "Config", select: list[str] | None, ignore: list[str] | None, exclude: list[str] | None, fail_on: Level | None
) -> None:
    """Lay the command line's rule selection, exclusions and failure level over the configuration."""
    from checker.findings import Severity

    if select:
        cfg.select = [s for item in select for s in item.split(",") if s]
    if ignore:
        cfg.ignore = [*cfg.ignore, *(s for item in ignore for s in item.split(",") if s)]
    if exclude:
        cfg.exclude = [*cfg.exclude, *exclude]
    if fail_on is not None:
        cfg.fail_on = Severity.parse(fail_on.value)


def _fail(message: str) -> None:
    typer.echo(f"newslint: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


@_command("check")
def check(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns; '-' reads standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    config: Annotated[str | None, typer.Option("--config", help="Read configuration from this file.")] = None,
    no_config: Annotated[
        bool, typer.Option("--no-config", help="Ignore configuration files; built-in defaults only.")
    ] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help="Run only these rule ids (repeatable).")] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="Do not run these rule ids (repeatable).")
    ] = None,
    fail_on: Annotated[
        Level | None, typer.Option("--fail-on", help="Exit 1 on findings at or above this level.")
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Skip paths matching this glob (repeatable).")
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="Name for standard input; its extension picks the reader."),
    ] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Read files in this encoding.")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even with findings (still 2 for a file that cannot be read).")
    ] = False,
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
    from checker.findings import FileResult
    from checker.packs import PackError
    from checker.reporters import ReportContext, get_reporter
    from checker.runner import check_files, collect_files

    try:
        discovery = [stdin_filename if p == "-" and stdin_filename else p for p in paths]
        cfg = resolve_config(discovery, config, no_config)
        _apply_options(cfg, select, ignore, exclude, fail_on)
        engine = Engine(cfg)
    except (ConfigError, PackError) as err:
        _fail(str(err))
        return
    _started()

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
        try:
            with open(output, "w", encoding="utf-8") as fh:
                reporter(all_results, fh, ctx)
        except OSError as err:
            _fail(f"cannot write the report to {output}: {err.strerror or err}")
    else:
        reporter(all_results, sys.stdout, ctx)
    if spent:
        _print_timings(spent, len(results))
    if format is not Format.text or output is not None:
        for r in all_results:
            if r.error:
                typer.echo(f"newslint: {r.error}", err=True)

    if any(r.error for r in all_results):
        raise typer.Exit(EXIT_ERROR)
    worst = max((d.severity for r in all_results for d in r.diagnostics), default=None)
    if worst is not None and worst >= cfg.fail_on and not exit_zero:
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
    """Colour only on a terminal; NO_COLOR (set and not empty, per no-color.org) always wins."""
    if output is not None or os.environ.get("NO_COLOR"):
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
    from checker.engine import FileTimeout, _describe, _time_limit, source_lines
    from checker.findings import FileResult
    from checker.fixes import FIXABLE_FORMATS, FixError, plan_fixes, unified_diff, write_atomically
    from checker.readers import ReadError, read_bytes

    results: list[FileResult] = []
    for path in files:
        if path == "-":
            results.append(FileResult(path=path, error="-: --fix and --diff need files, not standard input"))
            continue
        # the limits of a check hold here too; the write itself is not timed
        limit = engine.config.max_file_size
        try:
            with _time_limit(engine.config.timeout):
                size = Path(path).stat().st_size
                if size > limit:
                    raise ReadError(
                        f"file is {size:,} bytes, over the limit of {limit:,} (set max-file-size to raise it)"
                    )
                data = Path(path).read_bytes()
                docs = read_bytes(data, path, None, engine.read_options(kwargs.get("encoding")))
                checked = [(doc, engine.diagnose(doc)[0]) for doc in docs]
        except (OSError, ReadError) as err:
            results.append(FileResult(path=path, error=f"{path}: {err}"))
            continue
        except FileTimeout:
            timeout = engine.config.timeout
            error = f"{path}: not checked: it took longer than {timeout:g} s (raise 'timeout' in the configuration)"
            results.append(FileResult(path=path, error=error))
            continue
        except Exception as err:  # a reader or rule bug must not stop the other files
            results.append(FileResult(path=path, error=f"{path}: internal error: {_describe(err)}"))
            continue
        for doc, diagnostics in checked:
            result = FileResult(path=path, diagnostics=diagnostics)
            result.source_lines = source_lines(doc, diagnostics)
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


def _load_engine(config: str | None, no_config: bool):  # type: ignore[no-untyped-def]
    """The engine for the configuration found from the current folder; exit 2 on a bad one."""
    from checker.config import ConfigError, resolve_config
    from checker.engine import Engine
    from checker.packs import PackError

    try:
        return Engine(resolve_config(["."], config, no_config))
    except (ConfigError, PackError) as err:
        _fail(str(err))
        raise AssertionError("unreachable") from err


@_command("rules")
def list_rules(
    config: Annotated[str | None, typer.Option("--config", help="Read configuration from this file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Built-in defaults only.")] = False,
) -> None:
    """List every rule: id, kind, severity, whether it is on, and what it flags."""
    engine = _load_engine(config, no_config)
    width = max((len(s.id) for s in engine.specs), default=10)
    kind_width = max((len(s.kind) for s in engine.specs), default=10)
    typer.echo(f"{'rule':{width}}  {'kind':{kind_width}}  {'severity':8}  {'on':3}  summary")
    for spec in engine.specs:
        on = "yes" if spec.id in engine.enabled_ids else "no"
        severity = engine.config.severity.get(spec.id, spec.severity)
        typer.echo(f"{spec.id:{width}}  {spec.kind:{kind_width}}  {severity!s:8}  {on:3}  {spec.summary}")


@_command("explain")
def explain(
    rule: Annotated[str, typer.Argument(help="A rule id, as `newslint rules` lists them.")],
    config: Annotated[str | None, typer.Option("--config", help="Read configuration from this file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Built-in rules only.")] = False,
) -> None:
    """Explain a rule: what it flags, why it matters, an example, and the fix."""
    from checker.docs import rule_doc

    engine = _load_engine(config, no_config)
    for spec in engine.specs:
        if spec.id == rule:
            typer.echo(rule_doc(spec))
            return
    _fail(f"unknown rule {rule!r}; `newslint rules` lists them")


@_command("init")
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


@_command("serve")
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind; beyond loopback it needs a token.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="NEWSLINT_TOKEN", help="API token every request must carry (Bearer)."),
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Read configuration from this file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Built-in defaults only.")] = False,
    max_request_bytes: Annotated[int, typer.Option("--max-request-bytes", help="Largest request body accepted.")] = (
        5 * 1024 * 1024
    ),
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a request may take before a 503.")] = 10.0,
    max_concurrency: Annotated[int, typer.Option("--max-concurrency", help="Checks run at once per worker.")] = 4,
    max_queue: Annotated[int, typer.Option("--max-queue", help="Requests that may wait; more get a 503.")] = 256,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.")] = 1,
) -> None:
    """Serve the HTTP API (POST /v1/check) and the page for editors at http://HOST:PORT/."""
    from checker.server import ServeError, Settings
    from checker.server import serve as run_server

    settings = Settings(
        host=host,
        port=port,
        token=token or None,
        config_path=config,
        no_config=no_config,
        max_request_bytes=max_request_bytes,
        timeout=timeout,
        max_concurrency=max_concurrency,
        max_queue=max_queue,
        workers=workers,
    )
    try:
        run_server(settings)
    except ServeError as err:
        _fail(str(err))


@_command("batch")
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Folders, files, globs or JSON Lines exports; fsspec URLs (s3://...) too.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Write the JSON Lines report here.")],
    duplicates: Annotated[
        str | None,
        typer.Option("--duplicates", help="Also find near-duplicate articles; write their clusters to this file."),
    ] = None,
    min_similarity: Annotated[
        float, typer.Option("--min-similarity", min=0.0, max=1.0, help="Text similarity (0-1) of a duplicate pair.")
    ] = 0.8,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="A Dask scheduler (tcp://host:8786); default: a local cluster.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Local worker processes (default: all).")] = None,
    partition_size: Annotated[
        int | None, typer.Option("--partition-size", min=1, help="Articles per unit of work (default: sized to fit).")
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip articles already in the output; append the rest.")] = (
        False
    ),
    config: Annotated[str | None, typer.Option("--config", help="Read configuration from this file.")] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Built-in defaults only.")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", help="Run only these rule ids (repeatable).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Do not run these rule ids (repeatable).")] = (
        None
    ),
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Skip paths matching this glob.")] = None,
    id_field: Annotated[str | None, typer.Option("--id-field", help="JSON Lines: the article id field.")] = None,
    headline_field: Annotated[str | None, typer.Option("--headline-field", help="JSON Lines: the headline.")] = None,
    body_field: Annotated[str | None, typer.Option("--body-field", help="JSON Lines: the article body.")] = None,
    fail_on: Annotated[Level | None, typer.Option("--fail-on", help="Exit 1 on findings at this level or above.")] = (
        None
    ),
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="A progress bar on a terminal.")] = True,
) -> None:
    """Check an archive or a crawl, on this machine or a Dask cluster; one JSON line per article."""
    from checker.batch.job import BatchOptions, run_batch
    from checker.config import ConfigError, resolve_config
    from checker.engine import Engine
    from checker.packs import PackError

    try:
        cfg = resolve_config([i for i in inputs if "://" not in i], config, no_config)
        _apply_options(cfg, select, ignore, exclude, fail_on)
        for key, value in (("id", id_field), ("headline", headline_field), ("body", body_field)):
            if value:
                cfg.json_fields[key] = value
        Engine(cfg)  # a bad configuration fails here, not on every worker
    except (ConfigError, PackError) as err:
        _fail(str(err))
        return
    if resume and not output.exists():
        resume = False
    opts = BatchOptions(
        inputs=list(inputs),
        output=str(output),
        config=cfg,
        scheduler=scheduler,
        jobs=jobs,
        partition_size=partition_size,
        duplicates=duplicates,
        min_ratio=min_similarity,
        resume=resume,
        progress=progress and sys.stderr.isatty(),
        log=lambda message: typer.echo(f"newslint: {message}", err=True),
    )
    try:
        summary = run_batch(opts)
    except OSError as err:
        _fail(str(err))
        return
    facts = summary.as_dict()
    typer.echo(
        f"{facts['articles']:,} articles checked ({facts['skipped']:,} already done) in {facts['seconds']:.1f} s, "
        f"{facts['articles_per_second']:,.1f} articles/s on {facts['workers']} workers; "
        f"{facts['findings']:,} findings, {facts['unreadable']:,} unreadable",
        err=True,
    )
    for rule, count in facts["findings_per_rule"].items():
        typer.echo(f"  {rule:32} {count:9,}", err=True)
    if duplicates is not None:
        typer.echo(
            f"near-duplicates: {facts['duplicate_pairs']:,} pairs in {facts['duplicate_clusters']:,} clusters "
            f"({facts['duplicate_candidates']:,} candidates, {facts['duplicate_seconds']:.1f} s)",
            err=True,
        )
    if summary.unreadable:
        raise typer.Exit(EXIT_ERROR)
    worst = summary.worst()
    if worst is not None and worst >= cfg.fail_on:
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_CLEAN)


def run() -> None:
    """Console-script entry point.

    A command named on the line is run by an application that has only that
    command: the framework builds the options of every command it has at each
    start (two milliseconds of every single-file check for the five others), and
    the named command parses, helps and fails exactly as it does in
    :data:`app`.  Anything else (``--help``, a misspelt command) goes to
    :data:`app` itself.
    """
    app_for(sys.argv[1:])()


def app_for(args: list[str]) -> typer.Typer:
    """The application that runs the command line ``args``: see :func:`run`."""
    command = COMMANDS.get(args[0]) if args else None
    if command is None:
        return app
    one = typer.Typer(**SETTINGS)
    one.callback()(main)
    one.command(args[0])(command)
    return one
