"""The asyncio client: multiplexing on one connection, and framing against a scripted peer."""

from __future__ import annotations

import asyncio

import pytest

import quotewire
from quotewire import AsyncClient
from quotewire._framing import HEADER_SIZE, TYPE_RESPONSE, decode_header, encode_frame
from quotewire._proto.quotewire.v1 import analyzer_pb2 as pb
from quotewire._proto.ttrpc import ttrpc_pb2

CURLY = "“We will rebuild every bridge,” the mayor said."


def test_64_concurrent_calls_over_one_connection(server, article_text):
    async def main():
        async with AsyncClient(server.address) as client:
            bodies = [article_text if index % 3 else CURLY for index in range(64)]
            results = await asyncio.gather(*(client.analyze(body, id=f"c{index}") for index, body in enumerate(bodies)))
            assert len(client._connections) == 1
            return results

    results = asyncio.run(main())
    assert [result.article_id for result in results] == [f"c{index}" for index in range(64)]
    assert all(result.quotes for result in results)


def test_async_analyze_many_keeps_order(server):
    async def main():
        async with AsyncClient(server.address) as client:
            texts = [CURLY * (1 + index % 5) for index in range(30)]
            return [result async for result in client.analyze_many(texts, concurrency=64)]

    results = asyncio.run(main())
    assert [len(result.quotes) for result in results] == [1 + index % 5 for index in range(30)]


class ScriptedPeer:
    """An asyncio server that records request frames and answers as a test scripts it."""

    def __init__(self, answer):
        self.answer = answer
        self.stream_ids: list[int] = []

    async def __aenter__(self):
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.address = "127.0.0.1:%d" % self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc):
        self.server.close()
        await self.server.wait_closed()

    async def _serve(self, reader, writer):
        try:
            while True:
                length, stream_id, _type, _flags = decode_header(await reader.readexactly(HEADER_SIZE))
                request = ttrpc_pb2.Request.FromString(await reader.readexactly(length))
                self.stream_ids.append(stream_id)
                await self.answer(writer, stream_id, request)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def ok_response(request) -> bytes:
    return ttrpc_pb2.Response(payload=pb.PingResponse(payload=pb.PingRequest.FromString(request.payload).payload).SerializeToString()).SerializeToString()


def test_frames_read_exactly_even_byte_by_byte_and_ids_are_odd_increasing():
    async def answer(writer, stream_id, request):
        assert request.timeout_nano > 0
        assert {entry.key: entry.value for entry in request.metadata} == {"authorization": "Bearer t0k", "x-run": "7"}
        frame = encode_frame(stream_id, TYPE_RESPONSE, ok_response(request))
        for index in range(len(frame)):  # one byte per write
            writer.write(frame[index:index + 1])
            await writer.drain()

    async def main():
        async with ScriptedPeer(answer) as peer:
            async with AsyncClient(peer.address, token="t0k", metadata={"x-run": "7"}) as client:
                for index in range(5):
                    await client.ping(bytes([index]) * 300)
            return peer.stream_ids

    assert asyncio.run(main()) == [1, 3, 5, 7, 9]


def test_oversized_frame_from_the_peer_is_refused():
    async def answer(writer, stream_id, request):
        writer.write(b"\xff\xff\xff\xff" + stream_id.to_bytes(4, "big") + bytes([TYPE_RESPONSE, 0]))
        await writer.drain()

    async def main():
        async with ScriptedPeer(answer) as peer:
            async with AsyncClient(peer.address, retry=quotewire.RetryPolicy(max_attempts=1)) as client:
                with pytest.raises(quotewire.ResourceExhausted, match="4294967295 bytes"):
                    await client.ping()

    asyncio.run(main())


def test_status_codes_become_typed_exceptions():
    async def answer(writer, stream_id, request):
        code = int(request.method)
        response = ttrpc_pb2.Response(status={"code": code, "message": f"status {code}"})
        writer.write(encode_frame(stream_id, TYPE_RESPONSE, response.SerializeToString()))
        await writer.drain()

    async def main():
        async with ScriptedPeer(answer) as peer:
            async with AsyncClient(peer.address) as client:
                for code in quotewire.StatusCode:
                    if code == quotewire.StatusCode.OK:
                        continue
                    with pytest.raises(quotewire.RPCError) as raised:
                        await client.call("x.Y", str(code.value), b"")
                    assert raised.value.code == code
                    assert type(raised.value).__name__.upper() == code.name.replace("_", "")
                    assert raised.value.message == f"status {code.value}"

    asyncio.run(main())


def test_peer_closing_mid_call_is_unavailable():
    async def answer(writer, stream_id, request):
        writer.close()

    async def main():
        async with ScriptedPeer(answer) as peer:
            async with AsyncClient(peer.address, retry=quotewire.RetryPolicy(max_attempts=2)) as client:
                with pytest.raises(quotewire.Unavailable):
                    await client.ping()
            return peer.stream_ids

    assert asyncio.run(main()) == [1, 1]  # retried once, on a new connection
