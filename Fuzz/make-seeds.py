#!/usr/bin/env python3
"""Writes the seed corpora of Fuzz/Corpus/ (small, hand-made inputs).

Run from the repository root: python3 Fuzz/make-seeds.py
"""
import os
import struct


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, value):
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    if isinstance(value, str):
        value = value.encode()
    return varint(number << 3 | 2) + varint(len(value)) + value


def frame(stream, kind, payload, flags=0):
    return struct.pack(">IIBB", len(payload), stream, kind, flags) + payload


def request(service, method, payload=b"", metadata=(), timeout=0):
    body = field(1, service) + field(2, method) + field(3, payload)
    if timeout:
        body += field(4, timeout)
    for key, value in metadata:
        body += field(5, field(1, key) + field(2, value))
    return body


BODY = ('The mayor said the plan would work. "We will not back down," said Gov. Jane Smith, '
        'urging Congress to act. She added that the city expects three things.')
article = field(1, "a1") + field(5, BODY)
analyze = field(1, article) + field(2, field(1, 1))
auth = [("authorization", "Bearer fuzz-token")]

frames = {
    "ping": b"\x00" + frame(1, 1, request("quotewire.v1.Server", "Ping", field(1, "hi"))),
    "info": b"\x00" + frame(1, 1, request("quotewire.v1.Server", "Info")),
    "health": b"\x01" + frame(3, 1, request("grpc.health.v1.Health", "Check", field(1, ""))),
    "analyze": b"\x00" + frame(5, 1, request("quotewire.v1.Analyzer", "Analyze", analyze, timeout=10**9)),
    "analyze-auth": b"\x01" + frame(7, 1, request("quotewire.v1.Analyzer", "Analyze", analyze, auth)),
    "unknown-method": b"\x00" + frame(9, 1, request("quotewire.v1.Server", "Nope")),
    "stream-data": b"\x00" + frame(11, 1, request("quotewire.v1.Analyzer", "AnalyzeStream"), flags=2)
    + frame(11, 3, analyze) + frame(11, 3, b"", flags=5),
    "pipelined": b"\x00" + b"".join(frame(2 * i + 1, 1, request("quotewire.v1.Server", "Ping")) for i in range(4)),
    "oversized": b"\x00" + struct.pack(">IIBB", 1 << 20, 1, 1, 0) + b"\x00" * 32,
    "even-stream": b"\x00" + frame(2, 1, request("quotewire.v1.Server", "Ping")),
}

# Model seeds: byte 0 picks the type: the Swift message types sorted by name, as FuzzModel orders them.
model_types = ["Actor", "AnalysisStats", "AnalyzeOptions", "AnalyzeRequest", "AnalyzeResponse", "AnyMessage",
               "Article", "Demand", "HealthCheckRequest", "HealthCheckResponse", "InfoRequest", "InfoResponse",
               "KeyValue", "PingRequest", "PingResponse", "Quote", "RPCStatus", "ServerLimits", "ServiceInfo",
               "Span", "TTRPCRequest", "TTRPCResponse", "Timestamp"]
span = field(1, 4) + field(2, 9)
quote = field(1, "q1") + field(2, 1) + field(3, "We will not back down") + field(4, span) + field(5, "p1")
actor = field(1, "p1") + field(2, "Jane Smith") + field(3, "Governor") + field(5, 1) + field(6, span)
model = {
    "Actor": actor,
    "AnalyzeRequest": analyze,
    "AnalyzeResponse": field(1, "a1") + field(2, actor) + field(3, quote),
    "Article": article,
    "Quote": quote,
    "Span": span,
    "TTRPCRequest": request("quotewire.v1.Analyzer", "Analyze", analyze, auth, 5 * 10**8),
    "TTRPCResponse": field(1, field(1, 16) + field(2, "invalid bearer token")),
    "RPCStatus": field(1, 3) + field(2, "bad") + field(3, field(1, "type.googleapis.com/x") + field(2, b"\x08\x01")),
    "KeyValue": field(1, "authorization") + field(2, "Bearer x"),
    "InfoResponse": field(1, "1.0") + field(2, field(1, "quotewire.v1.Server") + field(2, "Ping")),
    "HealthCheckRequest": field(1, "quotewire.v1.Analyzer"),
    "Timestamp": field(1, 1767225600) + field(2, 5),
}

analysis = {
    "briefing": BODY,
    "curly": "\u201cWe will act,\u201d the senator said. \u00abNon,\u00bb dit-il. \u201eJa\u201c, sagte sie.",
    "multi-paragraph": '"First part.\n\n"Second part," she said.\n\nSen. Bob Lee argued that it failed.',
    "emoji": "\U0001F600 said \"\u00e9\u0301\" according to U.S. officials on Jan. 5.",
}


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


for name, data in frames.items():
    write("Fuzz/Corpus/frames", name, data)
for name, data in model.items():
    write("Fuzz/Corpus/model", name, bytes([model_types.index(name)]) + data)
for name, text in analysis.items():
    write("Fuzz/Corpus/analysis", name, text.encode())
write("Fuzz/Corpus/analysis", "invalid-utf8", b'"Half \xff\xfe quote," he said.\x00 \xc3')
