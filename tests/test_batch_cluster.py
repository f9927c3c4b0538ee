"""`newslint batch --scheduler tcp://...` against a real dask.distributed
cluster of two worker processes, started by the test on the loopback interface."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster
from typer.testing import CliRunner

from checker.batch.job import local_cluster_options
from checker.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import generate, planted_duplicates

ARTICLES = 60
SEED = 5


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(**local_cluster_options(2, processes=True)) as c:
        assert c.scheduler_address.startswith("tcp://127.0.0.1:")
        yield c


def test_batch_on_a_two_worker_cluster(cluster: LocalCluster, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in generate(ARTICLES, SEED):
        (corpus / name).write_text(text, encoding="utf-8")
    out, clusters = tmp_path / "findings.jsonl", tmp_path / "clusters.jsonl"
    args = ["--no-config", "--select", "boilerplate,duplicate-paragraph", "--no-progress"]
    where = ["--scheduler", cluster.scheduler_address, "--partition-size", "7", "--duplicates", str(clusters)]
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), *where, *args])
    assert result.exit_code in (0, 1), result.output
    assert "60 articles checked" in result.stderr

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = {r["path"]: r for r in records if "path" in r and r.get("pass") != "duplicates"}
    summary = records[-1]["summary"]
    assert summary["workers"] == 2 and summary["partitions"] == 9

    checked = CliRunner().invoke(app, ["check", str(corpus), "--format", "json", "--jobs", "1", *args[:3]])
    expected = {f["path"]: f["findings"] for f in json.loads(checked.stdout)["files"]}
    assert {p: r["findings"] for p, r in articles.items()} == expected

    planted = planted_duplicates(ARTICLES, SEED)
    found = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines()]
    copies = {Path(a).name for c in found for a in c["articles"]}
    assert set(planted) <= copies
