"""One ttrpc connection: many calls multiplexed by stream id, answered in any order."""

from __future__ import annotations

import asyncio
import ssl

from quotewire import _framing, _tls
from quotewire._endpoints import Endpoint
from quotewire._proto.ttrpc import ttrpc_pb2
from quotewire.errors import DeadlineExceeded, ResourceExhausted, RPCError, Unavailable, error_for

_MAX_STREAM_ID = 0xFFFF_FFFF


class Connection:
    """A connection to one endpoint. Client stream ids are odd and increasing;
    a reader task hands each Response frame to the call waiting for its id.
    When the connection breaks, every waiting call fails UNAVAILABLE."""

    def __init__(
        self, endpoint: Endpoint, *, max_frame_bytes: int,
        tls: ssl.SSLContext | None = None, server_name: str | None = None,
    ):
        self.endpoint = endpoint
        self.max_frame_bytes = max_frame_bytes
        self.tls = tls
        self.server_name = server_name
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._reader_task: asyncio.Task | None = None
        self._pending: dict[int, asyncio.Future] = {}
        self._next_stream_id = 1
        self._closed_error: RPCError | None = None

    @property
    def usable(self) -> bool:
        """Open, not broken, and with stream ids left."""
        return self._writer is not None and self._closed_error is None and self._next_stream_id <= _MAX_STREAM_ID

    async def open(self, timeout: float | None) -> None:
        try:
            if self.endpoint.is_unix:
                opening = asyncio.open_unix_connection(self.endpoint.path)
            else:
                server_name = (self.server_name or self.endpoint.host) if self.tls is not None else None
                opening = asyncio.open_connection(
                    self.endpoint.host, self.endpoint.port, ssl=self.tls, server_hostname=server_name
                )
            self._reader, self._writer = await asyncio.wait_for(opening, timeout)
        except asyncio.TimeoutError:
            raise Unavailable(f"cannot connect to {self.endpoint}: no answer within {timeout} s") from None
        except ssl.SSLError as error:
            raise Unavailable(_tls.handshake_failure(self.endpoint, error)) from None
        except OSError as error:
            raise Unavailable(f"cannot connect to {self.endpoint}: {error.strerror or error}") from None
        self._reader_task = asyncio.get_running_loop().create_task(self._read_loop())

    async def call(self, request: "ttrpc_pb2.Request", timeout: float | None) -> bytes:
        """Sends one request and returns the response payload, or raises the status as an RPCError."""
        if self._closed_error is not None:
            raise self._closed_error
        payload = request.SerializeToString()
        if len(payload) > self.max_frame_bytes:
            raise ResourceExhausted(
                f"the request is {len(payload)} bytes, more than the frame limit of {self.max_frame_bytes}"
            )
        stream_id = self._next_stream_id
        self._next_stream_id += 2
        future = asyncio.get_running_loop().create_future()
        self._pending[stream_id] = future
        try:
            assert self._writer is not None
            self._writer.write(_framing.encode_frame(stream_id, _framing.TYPE_REQUEST, payload))
            await self._writer.drain()
            answer = await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise DeadlineExceeded(f"no answer from {self.endpoint} within the deadline of {timeout:g} s") from None
        except (ConnectionError, OSError) as error:
            self._fail(Unavailable(self._lost(error)))
            if future.done() and not future.cancelled():
                future.exception()  # this call raises the connection's error itself
            raise self._closed_error from None
        finally:
            self._pending.pop(stream_id, None)
        response = ttrpc_pb2.Response.FromString(answer)
        if response.HasField("status") and response.status.code != 0:
            raise error_for(response.status.code, response.status.message)
        return response.payload

    async def _read_loop(self) -> None:
        assert self._reader is not None
        try:
            while True:
                header = await self._reader.readexactly(_framing.HEADER_SIZE)
                length, stream_id, frame_type, _flags = _framing.decode_header(header)
                if length > self.max_frame_bytes:
                    self._fail(ResourceExhausted(
                        f"{self.endpoint} sent a frame of {length} bytes, more than the limit of {self.max_frame_bytes}"
                    ))
                    return
                payload = await self._reader.readexactly(length)
                if frame_type != _framing.TYPE_RESPONSE:
                    continue
                future = self._pending.pop(stream_id, None)
                if future is not None and not future.done():
                    future.set_result(payload)
        except asyncio.IncompleteReadError:
            self._fail(Unavailable(f"{self.endpoint} closed the connection"))
        except (ConnectionError, OSError) as error:
            self._fail(Unavailable(self._lost(error)))
        except asyncio.CancelledError:
            self._fail(Unavailable(f"connection to {self.endpoint} closed by the client"))
            raise

    def _lost(self, error: OSError) -> str:
        if isinstance(error, ssl.SSLError):
            return _tls.session_failure(self.endpoint, error)
        return f"connection to {self.endpoint} lost: {error}"

    def _fail(self, error: RPCError) -> None:
        if self._closed_error is None:
            self._closed_error = error
        for future in self._pending.values():
            if not future.done():
                future.set_exception(error)
        self._pending.clear()
        if self._writer is not None:
            self._writer.close()

    async def close(self) -> None:
        if self._reader_task is not None:
            self._reader_task.cancel()
            try:
                await self._reader_task
            except asyncio.CancelledError:
                pass
        self._fail(Unavailable(f"connection to {self.endpoint} closed by the client"))
        if self._writer is not None:
            try:
                await self._writer.wait_closed()
            except (ConnectionError, OSError):
                pass
