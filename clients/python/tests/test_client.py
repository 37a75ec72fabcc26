"""The synchronous client against a real `quotewire serve`."""

from __future__ import annotations

import signal
import socket
import tempfile
from pathlib import Path

import pytest

import quotewire
from quotewire import Client, RetryPolicy
from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb

from conftest import Server, free_port

CURLY = "“We will rebuild every bridge,” the mayor said. The governor urged Congress to release the funds."


def test_analyze_text_spans_index_python_strings(server, article_text):
    body = article_text.replace('"', "“", 1).replace('"', "”", 1)  # non-ASCII before the quotes
    with Client(server.address) as client:
        result = client.analyze(body, id="harbor")
    assert result.article_id == "harbor"
    assert len(result.quotes) >= 5 and len(result.demands) >= 1
    direct = [quote for quote in result.quotes if quote.kind == pb.QUOTE_KIND_DIRECT]
    assert direct
    for quote in direct:
        assert body[quote.span.start:quote.span.end] == quote.text
    for demand in result.demands:
        assert body[demand.action_span.start:demand.action_span.end] == demand.action


def test_analyze_utf8_offsets_count_bytes(server):
    with Client(server.address) as client:
        result = client.analyze(CURLY, offsets="utf8")
    quote = result.quotes[0]
    assert CURLY.encode()[quote.span.start:quote.span.end].decode() == quote.text


def test_analyze_article_dict_and_message_keep_metadata(server):
    record = {"id": "a-1", "title": "Bridge", "url": "https://example.org/a", "source": "Wire",
              "published": "2026-11-30T12:00:00Z", "body": CURLY, "extra": "ignored"}
    with Client(server.address) as client:
        from_dict = client.analyze(record)
        from_message = client.analyze(pb.Article(id="a-2", body=CURLY))
    assert from_dict.article_id == "a-1" and from_dict.article.title == "Bridge"
    assert from_dict.article.published_at.seconds == 1796040000
    assert from_message.article_id == "a-2"
    assert len(from_dict.quotes) == len(from_message.quotes) >= 1


def test_options_min_confidence_and_skip_demands(server, article_text):
    with Client(server.address) as client:
        everything = client.analyze(article_text)
        no_demands = client.analyze(article_text, skip_demands=True)
        confident = client.analyze(article_text, min_confidence=0.99)
    assert everything.demands and not no_demands.demands
    assert all(quote.confidence >= 0.99 for quote in confident.quotes)
    assert len(confident.quotes) <= len(everything.quotes)


def test_health_info_ping(server):
    with Client(server.address) as client:
        assert client.health() == "SERVING"
        info = client.info()
        assert client.ping(b"echo me") > 0
    services = {service.name: list(service.methods) for service in info.services}
    assert "Analyze" in services["quotewire.v1.Analyzer"]
    assert info.version and info.limits.max_frame_bytes > 0


def test_unknown_method_is_unimplemented(server):
    with Client(server.address) as client:
        with pytest.raises(quotewire.Unimplemented) as raised:
            client.call("quotewire.v1.Analyzer", "Nope", b"")
        assert raised.value.code == quotewire.StatusCode.UNIMPLEMENTED
        assert "Nope" in raised.value.message
        with pytest.raises(quotewire.InvalidArgument):
            client.call("quotewire.v1.Analyzer", "Analyze", b"\xff\xff\xff")  # not protobuf


def test_deadline_exceeded_then_the_connection_still_works(server):
    body = CURLY * 40_000  # ~4 MB minus a little: analysis takes far longer than a microsecond
    with Client(server.address, max_frame_bytes=8 << 20) as client:
        with pytest.raises(quotewire.DeadlineExceeded):
            client.analyze(body[: 3_000_000], timeout=1e-6)
        assert client.analyze(CURLY).quotes


def test_bad_text_is_refused_client_side():
    port = free_port()  # nothing listens: a call would fail UNAVAILABLE, not INVALID_ARGUMENT
    with Client(f"127.0.0.1:{port}") as client:
        with pytest.raises(quotewire.InvalidArgument, match="article.body"):
            client.analyze(b"caf\xe9 au lait")
        with pytest.raises(quotewire.InvalidArgument, match="surrogate"):
            client.analyze("half a pair \ud83d")
        with pytest.raises(quotewire.InvalidArgument, match="U\\+0000 in field article.title"):
            client.analyze({"title": "a\x00b", "body": "x"})
        with pytest.raises(quotewire.Unavailable, match=str(port)):
            client.analyze("fine text")


def test_frame_size_limit_on_requests(server):
    with Client(server.address, max_frame_bytes=1024) as client:
        with pytest.raises(quotewire.ResourceExhausted, match="frame limit of 1024"):
            client.analyze(CURLY * 20)
        assert client.analyze(CURLY).quotes


def test_language_other_than_english_is_refused(server):
    with Client(server.address) as client:
        with pytest.raises(quotewire.InvalidArgument, match="de"):
            client.analyze({"body": CURLY, "language": "de"})
        assert client.analyze({"body": CURLY, "language": "en-GB"}).quotes


def test_analyze_many_in_order_with_rows(server, article_text):
    articles = [{"id": f"n{index}", "body": CURLY if index % 2 else article_text} for index in range(40)]
    with Client(server.address) as client:
        results = list(client.analyze_many(articles, concurrency=8))
    assert [result.article_id for result in results] == [f"n{index}" for index in range(40)]
    rows = quotewire.to_rows(results)
    assert rows and all(tuple(row) == quotewire.ROW_COLUMNS for row in rows)
    assert {row["kind"] for row in rows} >= {"direct", "demand"}
    demand = next(row for row in rows if row["kind"] == "demand")
    assert demand["action"] and demand["demander"]


def test_analyze_many_return_exceptions(server):
    articles = ["fine", {"body": "x", "language": "fr"}, "also fine"]
    with Client(server.address) as client:
        results = list(client.analyze_many(articles, return_exceptions=True))
        assert isinstance(results[1], quotewire.InvalidArgument)
        assert isinstance(results[0], quotewire.Analysis) and isinstance(results[2], quotewire.Analysis)
        with pytest.raises(quotewire.InvalidArgument):
            list(client.analyze_many(articles))


def test_bearer_token(tmp_path):
    tokens = tmp_path / "tokens"
    tokens.write_text("# tokens\ns3cret\n")
    server = Server("--auth-token-file", str(tokens))
    try:
        with Client(server.address) as anonymous:
            with pytest.raises(quotewire.Unauthenticated):
                anonymous.analyze(CURLY)
        with Client(server.address, token_file=str(tokens)) as client:
            assert client.analyze(CURLY).quotes
        with Client(server.address, token="wrong") as client:
            with pytest.raises(quotewire.Unauthenticated):
                client.ping()
    finally:
        server.kill()


def test_unix_socket():
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "qw.sock")
        server = Server("--unix", path)
        try:
            with Client(f"unix:{path}") as client:
                assert client.health() == "SERVING"
                assert client.analyze(CURLY).quotes
        finally:
            server.kill()


def test_round_robin_and_failover_over_two_servers():
    first, second = Server(), Server()
    try:
        with Client([first.address, second.address]) as client:
            for _ in range(4):
                client.ping()
            assert len(client._client._connections) == 2  # both endpoints were used
            first.kill()
            results = [client.analyze(CURLY) for _ in range(6)]  # UNAVAILABLE on the first is retried on the second
            assert all(result.quotes for result in results)
    finally:
        first.kill()
        second.kill()


def test_server_restart_mid_run(article_text):
    port = free_port()
    server = Server(port=port)
    retry = RetryPolicy(max_attempts=200, initial_backoff=0.02, max_backoff=0.1)  # bounded: ~20 s of retries
    articles = [{"id": f"r{index}", "body": article_text} for index in range(60)]
    seen = []
    try:
        with Client(f"127.0.0.1:{port}", retry=retry) as client:
            for result in client.analyze_many(articles, concurrency=8):
                seen.append(result.article_id)
                if len(seen) == 20:
                    server.kill(signal.SIGKILL)  # calls in flight are lost with the connection
                    server = Server(port=port)
    finally:
        server.kill()
    assert seen == [f"r{index}" for index in range(60)]


def test_unreachable_server_is_unavailable():
    with Client(f"127.0.0.1:{free_port()}", retry=RetryPolicy(max_attempts=2)) as client:
        with pytest.raises(quotewire.Unavailable, match="cannot connect"):
            client.health()


def test_bad_arguments():
    with pytest.raises(ValueError, match="offsets"):
        Client("127.0.0.1:1", offsets="bytes")
    with pytest.raises(ValueError, match="port"):
        Client("localhost:http")


def test_example_script_turns_jsonl_into_csv_rows(server, article_text, tmp_path):
    import csv
    import json
    import subprocess
    import sys

    from conftest import REPO

    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps({"id": f"e{index}", "body": article_text}) + "\n" for index in range(3)))
    rows = tmp_path / "rows.csv"
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / "analyze_jsonl.py"), str(articles), str(rows), "--server", server.address],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with rows.open(newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    assert tuple(table[0]) == quotewire.ROW_COLUMNS
    assert {row["article_id"] for row in table} == {"e0", "e1", "e2"}
