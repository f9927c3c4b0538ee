"""`newslint batch`: the same findings as `newslint check`, JSON Lines inputs,
near-duplicate clusters, and resuming an interrupted run.

These tests share one in-process Dask cluster (two worker threads on the
loopback interface); tests/test_batch_cluster.py runs the job on a cluster of
worker processes.
"""

from __future__ import annotations

import base64
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster
from typer.testing import CliRunner

from checker.batch.duplicates import Duplicates, Pair
from checker.batch.inputs import LinesPart, read_lines
from checker.batch.job import BatchOptions, local_cluster_options, run_batch
from checker.batch.output import read_done
from checker.cli import app
from checker.config import Config

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import generate, planted_duplicates, write_jsonl

CORPUS_SIZE = 16
# for tests of the job rather than of the findings: one cheap rule keeps them fast
CHEAP = Config(select=["boilerplate"])
DUPLICATE_CORPUS = 80
SEED = 11


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(**local_cluster_options(2, processes=False)) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in generate(CORPUS_SIZE, SEED):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def article_lines(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "path" in record and record.get("pass") != "duplicates":
            assert record["path"] not in out, f"{record['path']} reported twice"
            out[record["path"]] = record
    return out


def test_batch_reports_what_check_reports(client: Client, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    summary = run_batch(BatchOptions(inputs=[str(corpus)], output=str(out), client=client, partition_size=5))
    assert summary.articles == CORPUS_SIZE

    checked = CliRunner().invoke(app, ["check", str(corpus), "--format", "json", "--no-config", "--jobs", "1"])
    assert checked.exit_code in (0, 1), checked.output
    expected = {f["path"]: f["findings"] for f in json.loads(checked.stdout)["files"]}
    got = article_lines(out)
    assert set(got) == set(expected)
    for path, findings in expected.items():
        assert got[path]["findings"] == findings, path
    last = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    assert last["summary"]["articles"] == CORPUS_SIZE


def test_an_unreadable_input_is_reported_and_the_rest_checked(client: Client, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    summary = run_batch(
        BatchOptions(inputs=[str(corpus), str(tmp_path / "missing")], output=str(out), client=client, config=CHEAP)
    )
    assert summary.unreadable == 1
    records = article_lines(out)
    assert records[str(tmp_path / "missing")]["error"]
    assert len(records) == CORPUS_SIZE + 1


def test_json_lines_export_gives_one_line_per_article(client: Client, tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    write_jsonl(30, SEED, export)
    out = tmp_path / "findings.jsonl"
    # tiny partitions: many byte ranges, each line read by exactly one of them
    summary = run_batch(
        BatchOptions(inputs=[str(export)], output=str(out), client=client, config=CHEAP, partition_size=2)
    )
    assert summary.articles == 30
    records = article_lines(out)
    assert sorted(records) == sorted(f"{export}#article-{i:07d}" for i in range(30))
    offsets = sorted(r["offset"] for r in records.values())
    assert offsets[0] == 0 and len(set(offsets)) == 30


def test_json_lines_export_reports_what_check_reports(client: Client, tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    write_jsonl(16, SEED, export)
    out = tmp_path / "findings.jsonl"
    run_batch(BatchOptions(inputs=[str(export)], output=str(out), client=client, partition_size=3))
    checked = CliRunner().invoke(app, ["check", str(export), "--format", "json", "--no-config", "--jobs", "1"])
    expected = {f["path"]: f["findings"] for f in json.loads(checked.stdout)["files"]}
    got = article_lines(out)
    assert set(got) == set(expected)
    assert sum(len(f) for f in expected.values()) > 0
    for path, findings in expected.items():
        assert got[path]["findings"] == findings, path


def test_json_lines_field_names_are_configurable(client: Client, tmp_path: Path) -> None:
    export = tmp_path / "crawl.jsonl"
    rows = [
        {"key": f"k{i}", "title": "Council votes on budget", "content": text}
        for i, (_, text) in enumerate(generate(3, 1))
    ]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cfg = Config(json_fields={"id": "key", "headline": "title", "body": "content"})
    out = tmp_path / "findings.jsonl"
    run_batch(BatchOptions(inputs=[str(export)], output=str(out), client=client, config=cfg))
    assert sorted(article_lines(out)) == [f"{export}#k0", f"{export}#k1", f"{export}#k2"]


def test_a_message_names_the_export_s_line_of_an_article_read_alone(client: Client, tmp_path: Path) -> None:
    # the batch reads each line of an export alone; a message naming a line names the export's, as check does
    para = "Rescue boats and two helicopters searched the water until dawn, and fishermen joined them."
    rows = [
        {"id": f"a{i}", "headline": "Ferry", "body": f"First paragraph {i} of the story.\n\n{para}"} for i in range(3)
    ]
    rows[2]["body"] += f"\n\n{para}"
    export = tmp_path / "export.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "findings.jsonl"
    run_batch(BatchOptions(inputs=[str(export)], output=str(out), client=client))
    (repeat,) = [f for f in article_lines(out)[f"{export}#a2"]["findings"] if f["rule"] == "duplicate-paragraph"]
    assert repeat["line"] == 3 and "line 3" in repeat["message"]


@pytest.mark.parametrize("block", [3, 64, 500, 10_000])
def test_byte_ranges_cover_every_line_once(tmp_path: Path, block: int) -> None:
    lines = [f'{{"id": {i}, "body": "{"x" * (i * 13 % 97)}"}}\n'.encode() for i in range(120)]
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"".join(lines))
    size = path.stat().st_size
    seen = []
    for start in range(0, size, block):
        seen.extend(read_lines(LinesPart(0, str(path), start, min(size, start + block), 1)))
    assert [line for _, line in seen] == lines
    assert [offset for offset, _ in seen] == [sum(len(x) for x in lines[:i]) for i in range(120)]


def test_planted_near_duplicates_are_clustered(client: Client, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in generate(DUPLICATE_CORPUS, SEED):
        (folder / name).write_text(text, encoding="utf-8")
    planted = planted_duplicates(DUPLICATE_CORPUS, SEED)
    assert len(planted) >= 3
    expected: dict[str, set[str]] = {}
    for copy, original in planted.items():
        expected.setdefault(original, {original}).add(copy)

    out, clusters = tmp_path / "findings.jsonl", tmp_path / "clusters.jsonl"
    cfg = Config(select=["boilerplate"])  # the rules do not matter here; keep the check pass short
    summary = run_batch(
        BatchOptions(inputs=[str(folder)], output=str(out), client=client, config=cfg, duplicates=str(clusters))
    )
    found = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines()]
    got = sorted(sorted(Path(a).name for a in c["articles"]) for c in found)
    assert got == sorted(sorted(group) for group in expected.values())
    assert summary.clusters == len(expected)

    flagged = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("pass") == "duplicates":
            flagged[Path(record["path"]).name] = record["findings"]
    # the later copy of every pair is flagged, with the earlier one as the related article
    for copy, original in planted.items():
        (finding,) = flagged[copy]
        assert finding["rule"] == "duplicate-across-files"
        other = Path(finding["related"][0]["path"]).name
        assert other in expected[original] and other < copy
    assert not set(flagged) & set(expected)  # the earliest article of a cluster is never the one flagged


def test_resume_skips_articles_already_written(client: Client, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    run_batch(BatchOptions(inputs=[str(corpus)], output=str(out), client=client, config=CHEAP, partition_size=4))
    full = article_lines(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = lines[:10]
    # an interrupted run: ten whole lines, then one cut short by the crash
    out.write_text("".join(kept) + lines[10][:25], encoding="utf-8")
    assert len(read_done(str(out))) == 10

    summary = run_batch(
        BatchOptions(inputs=[str(corpus)], output=str(out), client=client, config=CHEAP, partition_size=4, resume=True)
    )
    assert summary.skipped == 10
    assert summary.articles == CORPUS_SIZE - 10
    assert article_lines(out) == full


def test_resume_of_a_json_lines_export(client: Client, tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    write_jsonl(12, SEED, export)
    out = tmp_path / "findings.jsonl"
    run_batch(BatchOptions(inputs=[str(export)], output=str(out), client=client, config=CHEAP, partition_size=3))
    full = article_lines(out)
    out.write_text("".join(out.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    summary = run_batch(
        BatchOptions(inputs=[str(export)], output=str(out), client=client, config=CHEAP, partition_size=3, resume=True)
    )
    assert summary.articles == 7
    assert article_lines(out) == full


def test_clusters_join_pairs_transitively() -> None:
    found = Duplicates(pairs=[Pair("a", "b", 0.9, 0.9), Pair("b", "c", 0.8, 0.9), Pair("x", "y", 0.7, 0.85)])
    assert found.clusters() == [["a", "b", "c"], ["x", "y"]]


def test_band_keys_are_the_same_in_every_process() -> None:
    from checker.batch.minhash import BANDS, band_keys, signatures

    first, second = signatures([{1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}])
    assert band_keys(first) == band_keys(second)
    assert len(band_keys(first)) == BANDS
    assert band_keys(first) == band_keys(signatures([{5, 4, 3, 2, 1}])[0])


def test_fsspec_urls_are_read_like_local_files(client: Client, tmp_path: Path) -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    texts = dict(generate(4, SEED))
    for name, text in texts.items():
        fs.pipe(f"/crawl/{name}", text.encode("utf-8"))
    fs.pipe("/crawl/notes.bin", b"\x00\x01")  # not an article: skipped, as `check` skips it in a folder
    out = tmp_path / "findings.jsonl"
    summary = run_batch(BatchOptions(inputs=["memory://crawl"], output=str(out), client=client))
    assert summary.articles == 4 and summary.unreadable == 0
    assert sorted(article_lines(out)) == sorted(f"memory:///crawl/{name}" for name in texts)
    fs.rm("/crawl", recursive=True)


def test_buckets_give_every_pair_when_small_and_a_star_and_a_chain_when_large() -> None:
    from checker.batch.duplicates import MAX_BUCKET, ROW_BITS, bucket_pairs

    large = list(range(100, 100 + MAX_BUCKET + 3))
    # key 7: rows 1, 2, 3 (row 1 listed twice); key 9: row 4 alone (twice); key 5: row 6 alone
    keys = np.array([7, 7, 7, 9, 9, 5, *[11] * len(large), 7], dtype=np.int64)
    rows = np.array([3, 1, 2, 4, 4, 6, *reversed(large), 1], dtype=np.int64)
    packed = bucket_pairs(keys, rows)
    got = [(int(p) >> ROW_BITS, int(p) & ((1 << ROW_BITS) - 1)) for p in packed]
    star = {(large[0], other) for other in large[1:]}
    chain = set(itertools.pairwise(large[1:]))
    assert sorted(got) == sorted({(1, 2), (1, 3), (2, 3)} | star | chain)
    assert bucket_pairs(np.array([3], dtype=np.int64), np.array([8], dtype=np.int64)).size == 0


def test_a_candidate_meets_in_two_bands() -> None:
    from checker.batch.duplicates import shared_pairs

    pieces = [np.array([5, 6, 5], dtype=np.int64), np.array([7, 6], dtype=np.int64), np.empty(0, dtype=np.int64)]
    assert shared_pairs(pieces).tolist() == [5, 6]


def test_candidate_search_through_the_cluster_matches_a_plain_count(
    client: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.batch import duplicates
    from checker.batch.minhash import BANDS

    rng = random.Random(3)
    shared = [rng.getrandbits(63) for _ in range(12)]  # a few keys many rows share, so buckets of every size
    lines, bands = [], []
    for row in range(400):
        keys = [rng.choice(shared) if rng.random() < 0.15 else rng.getrandbits(63) for _ in range(BANDS)]
        if row % 50 == 7:
            keys = list(bands[row - 1])  # an exact copy of the row before
        bands.append(keys)
        packed = base64.b64encode(b"".join(k.to_bytes(8, "little", signed=True) for k in keys)).decode("ascii")
        lines.append(json.dumps({"path": f"a{row:03}", "ref": [f"a{row:03}", None, -1], "bands": packed}))
    path = tmp_path / "rows.lsh"
    path.write_text("\n".join(lines) + "\n" + lines[0][:30], encoding="utf-8")  # a last row cut short

    buckets: dict[int, list[int]] = {}
    for row, keys in enumerate(bands):
        for key in keys:
            buckets.setdefault(key, []).append(row)
    met: Counter[tuple[int, int]] = Counter()
    for members in buckets.values():
        members = sorted(set(members))
        if len(members) <= duplicates.MAX_BUCKET:
            met.update(itertools.combinations(members, 2))
        else:
            met.update((members[0], other) for other in members[1:])
            met.update(itertools.pairwise(members[1:]))
    expected = sorted(pair for pair, n in met.items() if n >= duplicates.MIN_SHARED_BANDS)
    assert {(row - 1, row) for row in range(7, 400, 50)} <= set(expected)

    monkeypatch.setattr(duplicates, "LINES_PER_CHUNK", 64)  # several chunks, each split across the partitions
    rows, candidates = duplicates.candidate_pairs(client, str(path), 3)
    assert rows == 401
    assert sorted(candidates) == expected


def test_a_local_cluster_is_started_and_stopped_when_none_is_given(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.jsonl"
    summary = run_batch(BatchOptions(inputs=[str(corpus)], output=str(out), config=CHEAP, jobs=2, processes=False))
    assert summary.workers == 2 and summary.articles == CORPUS_SIZE
    assert len(article_lines(out)) == CORPUS_SIZE
