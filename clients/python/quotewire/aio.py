"""The asyncio client: many calls multiplexed over one connection per endpoint."""

from __future__ import annotations

import asyncio
import itertools
import os
import ssl
import time
from collections import deque
from dataclasses import dataclass
from typing import AsyncIterator, Iterable, Iterator, Mapping

from quotewire import _framing, _tls
from quotewire._connection import Connection
from quotewire._endpoints import Endpoint, parse_endpoints
from quotewire._messages import ArticleLike, analyze_request, article_from, offset_unit
from quotewire._proto.grpc.health.v1 import health_pb2
from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb
from quotewire._proto.ttrpc import ttrpc_pb2
from quotewire.errors import DeadlineExceeded, RPCError, Unavailable
from quotewire.results import Analysis

DEFAULT_TARGET = "127.0.0.1:7807"


@dataclass(frozen=True)
class RetryPolicy:
    """How idempotent calls (Analyze, Ping, Info, Health) are retried when they
    meet UNAVAILABLE: up to ``max_attempts`` in all, each on the next endpoint,
    waiting ``initial_backoff`` seconds (doubling up to ``max_backoff``) in between.
    The call's deadline counts from the first attempt."""

    max_attempts: int = 3
    initial_backoff: float = 0.05
    max_backoff: float = 1.0

    def backoff(self, attempt: int) -> float:
        return min(self.max_backoff, self.initial_backoff * (2 ** attempt))


def read_token_file(path: str) -> str:
    """The first token line of a file (blank lines and # comments skipped)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                return line
    raise ValueError(f"{path}: no token in the file")


def windowed(items: Iterable, submit, concurrency: int) -> Iterator:
    """Submits items with at most ``concurrency`` outstanding and yields their
    futures in input order (shared by the sync and async ``analyze_many``)."""
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, not {concurrency}")
    window: deque = deque()
    for item in items:
        window.append(submit(item))
        if len(window) >= concurrency:
            yield window.popleft()
    while window:
        yield window.popleft()


class AsyncClient:
    """A Quotewire client for asyncio.

    ``target`` is ``"host:port"``, ``"unix:/path"``, a comma-separated list of
    them, or a list: calls go round-robin over the endpoints, each endpoint
    over one connection that carries any number of concurrent calls.

    TLS: endpoints written ``tls:host:port``, or every TCP endpoint with ``tls=True`` (implied by
    any ``tls_*`` file); ``tls_ca`` is the CA file that signed the server's certificate (default:
    the system's), ``tls_cert``/``tls_key`` the client certificate for mutual TLS,
    ``tls_server_name`` the name to verify when it differs from the host; or a ready
    ``ssl_context``. Unix sockets stay plaintext.

    Use as ``async with AsyncClient("127.0.0.1:7807") as client: ...``.
    """

    def __init__(
        self,
        target: str | list = DEFAULT_TARGET,
        *,
        token: str | None = None,
        token_file: str | None = None,
        metadata: Mapping[str, str] | None = None,
        timeout: float | None = 30.0,
        offsets: str = "unicode",
        connect_timeout: float = 5.0,
        max_frame_bytes: int = _framing.DEFAULT_MAX_FRAME_BYTES,
        retry: RetryPolicy = RetryPolicy(),
        tls: bool = False,
        tls_ca: str | None = None,
        tls_cert: str | None = None,
        tls_key: str | None = None,
        tls_server_name: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ):
        self.endpoints: list[Endpoint] = parse_endpoints(target)
        # TLS for every TCP endpoint when asked for by a flag, a file or a context; else only for
        # endpoints written tls:host:port.
        tls = tls or ssl_context is not None or any(v is not None for v in (tls_ca, tls_cert, tls_key, tls_server_name))
        if tls:
            unix = [str(endpoint) for endpoint in self.endpoints if endpoint.is_unix]
            if unix:
                raise ValueError(f"TLS applies to TCP endpoints; {', '.join(unix)} stays plaintext: leave it out or drop TLS")
            self.endpoints = [Endpoint(host=e.host, port=e.port, tls=True) for e in self.endpoints]
        if ssl_context is None and any(endpoint.tls for endpoint in self.endpoints):
            ssl_context = _tls.client_context(tls_ca, tls_cert, tls_key)
        self.ssl_context = ssl_context
        self.tls_server_name = tls_server_name
        offset_unit(offsets)  # refuse an unknown unit now, not at the first call
        if token is None:
            token_file = token_file or os.environ.get("QUOTEWIRE_TOKEN_FILE")
            if token_file:
                token = read_token_file(token_file)
        self.metadata: dict[str, str] = dict(metadata or {})
        if token:
            self.metadata["authorization"] = f"Bearer {token}"
        self.timeout = timeout
        self.offsets = offsets
        self.connect_timeout = connect_timeout
        self.max_frame_bytes = max_frame_bytes
        self.retry = retry
        self._connections: dict[Endpoint, Connection] = {}
        self._connecting: dict[Endpoint, asyncio.Lock] = {}
        self._round_robin = itertools.cycle(range(len(self.endpoints)))
        self._closed = False

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes every connection; calls still waiting fail UNAVAILABLE."""
        self._closed = True
        connections, self._connections = list(self._connections.values()), {}
        for connection in connections:
            await connection.close()

    # The methods of the API.

    async def analyze(
        self,
        article: ArticleLike,
        *,
        id: str | None = None,
        offsets: str | None = None,
        min_confidence: float = 0.0,
        skip_demands: bool = False,
        timeout: float | None = ...,
    ) -> Analysis:
        """Analyzes one article: a body (``str``), a dict of Article fields, or an
        ``Article``. Spans count Unicode scalars unless ``offsets`` says otherwise,
        so ``article.body[q.span.start:q.span.end]`` is the quote in Python."""
        message = article_from(article, id=id)
        units = offsets or self.offsets
        request = analyze_request(message, offsets=units, min_confidence=min_confidence, skip_demands=skip_demands)
        payload = await self.call(
            "quotewire.v1.Analyzer", "Analyze", request.SerializeToString(), timeout=timeout, idempotent=True
        )
        return Analysis(message, pb.AnalyzeResponse.FromString(payload), offsets=units)

    async def analyze_many(
        self, articles: Iterable[ArticleLike], *, concurrency: int = 16, return_exceptions: bool = False, **options
    ) -> AsyncIterator[Analysis]:
        """Analyzes articles with up to ``concurrency`` calls in flight and yields
        the results in input order. A failure raises at its position, or is
        yielded as the exception when ``return_exceptions`` is true."""
        tasks = windowed(articles, lambda item: asyncio.ensure_future(self.analyze(item, **options)), concurrency)
        started: list[asyncio.Future] = []
        try:
            for task in tasks:
                started.append(task)
                try:
                    yield await task
                except RPCError as error:
                    if not return_exceptions:
                        raise
                    yield error
        finally:
            for task in started:
                task.cancel()

    async def health(self, service: str = "", *, timeout: float | None = ...) -> str:
        """The serving status by name: ``"SERVING"``, ``"NOT_SERVING"``, ..."""
        request = health_pb2.HealthCheckRequest(service=service)
        payload = await self.call(
            "grpc.health.v1.Health", "Check", request.SerializeToString(), timeout=timeout, idempotent=True
        )
        status = health_pb2.HealthCheckResponse.FromString(payload).status
        return health_pb2.HealthCheckResponse.ServingStatus.Name(status)

    async def info(self, *, timeout: float | None = ...) -> "pb.InfoResponse":
        """The server's version, services and methods, and limits."""
        payload = await self.call("quotewire.v1.Server", "Info", b"", timeout=timeout, idempotent=True)
        return pb.InfoResponse.FromString(payload)

    async def ping(self, payload: bytes = b"", *, timeout: float | None = ...) -> float:
        """Round-trip time of a Ping in seconds (the echo is checked)."""
        started = time.perf_counter()
        answer = await self.call(
            "quotewire.v1.Server", "Ping", pb.PingRequest(payload=payload).SerializeToString(),
            timeout=timeout, idempotent=True,
        )
        if pb.PingResponse.FromString(answer).payload != payload:
            raise RPCError("the server echoed a different payload")
        return time.perf_counter() - started

    async def call(
        self,
        service: str,
        method: str,
        request: bytes,
        *,
        timeout: float | None = ...,
        metadata: Mapping[str, str] | None = None,
        idempotent: bool = False,
    ) -> bytes:
        """Calls any unary method with a serialized request; returns the serialized response.
        ``timeout`` (seconds; None for none) travels as the call's ``timeout_nano``."""
        if timeout is ...:
            timeout = self.timeout
        if timeout is not None and timeout <= 0:
            raise ValueError(f"timeout must be more than 0, not {timeout}")
        entries = {**self.metadata, **(metadata or {})}
        deadline = None if timeout is None else time.monotonic() + timeout
        attempts = self.retry.max_attempts if idempotent else 1
        for attempt in range(attempts):
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise DeadlineExceeded(f"the deadline of {timeout:g} s passed after {attempt} attempt(s)")
            message = ttrpc_pb2.Request(
                service=service, method=method, payload=request,
                timeout_nano=0 if remaining is None else max(1, int(remaining * 1e9)),
                metadata=[ttrpc_pb2.KeyValue(key=key, value=value) for key, value in entries.items()],
            )
            try:
                connection = await self._connection()
                return await connection.call(message, remaining)
            except Unavailable:
                if attempt + 1 >= attempts:
                    raise
            pause = self.retry.backoff(attempt)
            if remaining is not None:
                pause = min(pause, max(0.0, deadline - time.monotonic()))
            await asyncio.sleep(pause)
        raise AssertionError("unreachable")

    async def _connection(self) -> Connection:
        """The connection of the next endpoint in turn, opened when needed."""
        if self._closed:
            raise Unavailable("the client is closed")
        endpoint = self.endpoints[next(self._round_robin)]
        connection = self._connections.get(endpoint)
        if connection is not None and connection.usable:
            return connection
        lock = self._connecting.setdefault(endpoint, asyncio.Lock())
        async with lock:
            connection = self._connections.get(endpoint)
            if connection is None or not connection.usable:
                if connection is not None:
                    await connection.close()
                connection = Connection(
                    endpoint, max_frame_bytes=self.max_frame_bytes,
                    tls=self.ssl_context if endpoint.tls else None, server_name=self.tls_server_name,
                )
                await connection.open(self.connect_timeout)
                self._connections[endpoint] = connection
        return connection
