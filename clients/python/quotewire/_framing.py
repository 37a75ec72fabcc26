"""ttrpc framing: a 10-byte big-endian header (payload length u32, stream id
u32, type u8, flags u8) before each protobuf payload."""

from __future__ import annotations

import struct

HEADER = struct.Struct(">IIBB")
HEADER_SIZE = HEADER.size  # 10

TYPE_REQUEST = 1
TYPE_RESPONSE = 2
TYPE_DATA = 3

# The server's default; a larger frame is refused on either side.
DEFAULT_MAX_FRAME_BYTES = 4 << 20


def encode_frame(stream_id: int, frame_type: int, payload: bytes, flags: int = 0) -> bytes:
    """The header and payload of one frame."""
    return HEADER.pack(len(payload), stream_id, frame_type, flags) + payload


def decode_header(header: bytes) -> tuple[int, int, int, int]:
    """(length, stream id, type, flags) of a 10-byte header."""
    return HEADER.unpack(header)
