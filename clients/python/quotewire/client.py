"""The synchronous client: the asyncio client driven from a private event loop thread."""

from __future__ import annotations

import asyncio
import threading
from typing import Iterable, Iterator

from quotewire._messages import ArticleLike
from quotewire.aio import DEFAULT_TARGET, AsyncClient, windowed
from quotewire.errors import RPCError
from quotewire.results import Analysis


class Client:
    """A blocking Quotewire client, safe to share between threads.

    Takes the same arguments as :class:`quotewire.aio.AsyncClient`; its calls
    run on a private event loop, so ``analyze_many`` keeps many calls in flight
    over one connection while the caller iterates plainly::

        with Client("127.0.0.1:7807") as client:
            for result in client.analyze_many(texts, concurrency=32):
                print(result.article_id, len(result.quotes))
    """

    def __init__(self, target: str | list = DEFAULT_TARGET, **options):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="quotewire-client", daemon=True)
        self._thread.start()
        try:
            self._client: AsyncClient = self._run(self._make(target, options))
        except BaseException:
            self._stop_loop()
            raise

    @staticmethod
    async def _make(target, options) -> AsyncClient:
        return AsyncClient(target, **options)

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    def close(self) -> None:
        """Closes the connections and stops the client's thread."""
        if self._loop.is_closed():
            return
        self._run(self._client.close())
        self._stop_loop()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    @property
    def endpoints(self):
        return self._client.endpoints

    def analyze(self, article: ArticleLike, **options) -> Analysis:
        """See :meth:`AsyncClient.analyze`."""
        return self._run(self._client.analyze(article, **options))

    def analyze_many(
        self, articles: Iterable[ArticleLike], *, concurrency: int = 16, return_exceptions: bool = False, **options
    ) -> Iterator[Analysis]:
        """See :meth:`AsyncClient.analyze_many`: results in input order."""
        submit = lambda item: asyncio.run_coroutine_threadsafe(self._client.analyze(item, **options), self._loop)
        for future in windowed(articles, submit, concurrency):
            try:
                yield future.result()
            except RPCError as error:
                if not return_exceptions:
                    raise
                yield error

    def health(self, service: str = "", **options) -> str:
        """See :meth:`AsyncClient.health`."""
        return self._run(self._client.health(service, **options))

    def info(self, **options):
        """See :meth:`AsyncClient.info`."""
        return self._run(self._client.info(**options))

    def ping(self, payload: bytes = b"", **options) -> float:
        """See :meth:`AsyncClient.ping`."""
        return self._run(self._client.ping(payload, **options))

    def call(self, service: str, method: str, request: bytes, **options) -> bytes:
        """See :meth:`AsyncClient.call`."""
        return self._run(self._client.call(service, method, request, **options))
