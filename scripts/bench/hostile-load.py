#!/usr/bin/env python3
"""Hostile clients of issue 14 against a real `quotewire serve`, with figures.

  scripts/bench/hostile-load.py BIN [CASE...]     (cases: 1 2 3 5 6 7; default all)

For each case it starts BIN serve on loopback, runs the hostile client as the
issue describes it, and meanwhile sends an honest Ping and a 16 KiB Analyze from
another connection every 100 ms. It prints the server's peak RSS (VmHWM), the
slowest honest call, and what the hostile client saw. Bounded: every case stops
by itself. Standard library only.
"""
import os, re, socket, struct, subprocess, sys, threading, time


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def request(service, method, payload=b"", timeout_nano=0):
    body = field(1, service.encode()) + field(2, method.encode()) + (field(3, payload) if payload else b"")
    if timeout_nano:
        body += varint(4 << 3) + varint(timeout_nano)
    return body


def analyze_request(body, article_id="a"):
    return field(1, field(1, article_id.encode()) + field(5, body.encode()))


def frame(stream_id, payload, kind=1, flags=0):
    return struct.pack(">IIBB", len(payload), stream_id, kind, flags) + payload


def read_frame(sock):
    header = b""
    while len(header) < 10:
        chunk = sock.recv(10 - len(header))
        if not chunk:
            return None
        header += chunk
    length, stream_id, kind, _ = struct.unpack(">IIBB", header)
    payload = bytearray()
    while len(payload) < length:
        chunk = sock.recv(min(1 << 20, length - len(payload)))
        if not chunk:
            return None
        payload += chunk
    return stream_id, kind, bytes(payload)


def status_code(payload):
    """The code of a ttrpc.Response (0 when it carries no status)."""
    if not payload or payload[0] != 0x0A:
        return 0
    i, length, shift = 1, 0, 0
    while True:
        b = payload[i]; i += 1
        length |= (b & 0x7F) << shift; shift += 7
        if b < 0x80:
            break
    status = payload[i:i + length]
    if status[:1] == b"\x08":
        code, shift, j = 0, 0, 1
        while True:
            b = status[j]; j += 1
            code |= (b & 0x7F) << shift; shift += 7
            if b < 0x80:
                return code
    return 0


class Server:
    def __init__(self, binary, *flags):
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0", "--metrics-port", "0", *flags],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        line = self.process.stderr.readline()
        while "serving ttrpc on" not in line:
            line = self.process.stderr.readline()
            if not line:
                raise SystemExit("the server did not start")
        self.port = int(re.search(r"serving ttrpc on 127\.0\.0\.1:(\d+)", line).group(1))
        self.metrics_port = int(re.search(r"metrics on http://[0-9.]+:(\d+)", line).group(1))
        threading.Thread(target=self.process.stderr.read, daemon=True).start()

    def peak_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0

    def connect(self, **options):
        sock = socket.create_connection(("127.0.0.1", self.port))
        if "rcvbuf" in options:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, options["rcvbuf"])
        return sock

    def stop(self, grace_signal=True):
        started = time.monotonic()
        self.process.terminate()
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return time.monotonic() - started


class Honest(threading.Thread):
    """An honest Ping and a 16 KiB Analyze every 100 ms; records the slowest answer."""
    HONEST = ('"We will build it," the mayor said. ' * 600)[:16384]

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.slowest, self.failures, self.running = server, 0.0, 0, True

    def run(self):
        stream_id = 1
        while self.running:
            try:
                with self.server.connect() as sock:
                    sock.settimeout(60)
                    while self.running:
                        for call in (request("quotewire.v1.Server", "Ping", field(1, b"x")),
                                     request("quotewire.v1.Analyzer", "Analyze", analyze_request(self.HONEST))):
                            started = time.monotonic()
                            sock.sendall(frame(stream_id, call))
                            answer = read_frame(sock)
                            self.slowest = max(self.slowest, time.monotonic() - started)
                            if answer is None or status_code(answer[2]) != 0:
                                self.failures += 1
                            stream_id += 2
                        time.sleep(0.1)
            except OSError:
                self.failures += 1
                time.sleep(0.1)

    def stop(self):
        self.running = False
        self.join(timeout=120)


def case(number, title, binary, flags, hostile):
    server = Server(binary, *flags)
    honest = Honest(server)
    honest.start()
    started = time.monotonic()
    try:
        seen = hostile(server)
    finally:
        took = time.monotonic() - started
        honest.stop()
        peak = server.peak_mib()
        stop = server.stop()
    print(f"case {number} {title}: peak RSS {peak:.0f} MiB, slowest honest call {honest.slowest * 1000:.0f} ms "
          f"({honest.failures} failed), {took:.1f} s; {seen}; exit after SIGTERM {stop:.1f} s", flush=True)


def send_quietly(sock, data):
    """Sends in the background; the server may stop reading or close the connection."""
    def send():
        try:
            sock.sendall(data)
        except OSError:
            pass
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


def drain(sock, count, timeout=120):
    sock.settimeout(timeout)
    codes = {}
    for _ in range(count):
        answer = read_frame(sock)
        if answer is None:
            break
        code = status_code(answer[2])
        codes[code] = codes.get(code, 0) + 1
    return codes


def case1(server):
    with server.connect() as sock:
        body = ("John urged Mary to " * 220000)[:4_000_000]
        sock.sendall(frame(1, request("quotewire.v1.Analyzer", "Analyze", analyze_request(body))))
        return f"answer codes {drain(sock, 1)}"


def case2(server):
    sock = server.connect(rcvbuf=4096)
    body = ("John urged Mary to " * 3000)[:48_000]
    batch = b"".join(frame(2 * i + 1, request("quotewire.v1.Analyzer", "Analyze", analyze_request(body)))
                     for i in range(100))
    send_quietly(sock, batch)
    time.sleep(20)  # a client that never reads, for 20 s
    sock.close()
    return "100 calls whose answers are never read, for 20 s"


def case3(server):
    with server.connect() as sock:
        body = ('"We will not pay twice," the mayor told reporters. ' * 21000)[:1 << 20]
        call = request("quotewire.v1.Analyzer", "Analyze", analyze_request(body), timeout_nano=1000)
        send_quietly(sock, b"".join(frame(2 * i + 1, call) for i in range(600)))
        codes = drain(sock, 600)
        time.sleep(5)  # what the server does after the answers
        return f"answer codes {codes}"


def case5(server):
    sockets = [server.connect() for _ in range(3)]
    body = ('"We will not pay twice," the mayor told reporters. ' * 21000)[:1 << 20]
    opening = frame(0, request("quotewire.v1.Analyzer", "AnalyzeStream", analyze_request(body)), flags=0x02)
    for sock in sockets:
        # The answers are never read: the server may stop reading, so the sends run in the background.
        send_quietly(sock, b"".join(opening[:4] + struct.pack(">I", 2 * i + 1) + opening[8:] for i in range(100)))
    time.sleep(5)
    return "300 AnalyzeStream articles of 1 MiB sent over 3 connections; then SIGTERM (see exit time)"


def case6(server):
    sockets = []
    opening = request("quotewire.v1.Analyzer", "AnalyzeStream")
    for _ in range(100):
        sock = server.connect()
        send_quietly(sock, b"".join(frame(2 * i + 1, opening, flags=0x02) for i in range(1024)))
        sockets.append(sock)
    time.sleep(10)
    for sock in sockets:
        sock.close()
    return "100 connections x 1,024 open streams without traffic, for 10 s"


def case7(server):
    scrape = b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"
    sock = socket.create_connection(("127.0.0.1", server.metrics_port))
    flood = scrape * (6_800_000 // len(scrape))
    send_quietly(sock, flood)
    held = []
    for _ in range(1100):
        try:
            half = socket.create_connection(("127.0.0.1", server.metrics_port), timeout=2)
            half.sendall(b"GET /metr")
            held.append(half)
        except OSError:
            break
    time.sleep(15)
    sock.close()
    for half in held:
        half.close()
    return f"6.8 MB of pipelined scrapes never read, plus {len(held)} half-sent requests, for 15 s"


CASES = {
    "1": ("response amplification (4 MB of 'John urged Mary to ')", [], case1),
    "2": ("100 Analyze of 48 KB whose answers are never read", ["--idle-timeout", "5"], case2),
    "3": ("600 Analyze of 1 MiB with timeout_nano=1000", [], case3),
    "5": ("shutdown with 300 streamed articles of 1 MiB, --shutdown-grace 2", ["--shutdown-grace", "2"], case5),
    "6": ("idle streams", ["--max-connections", "200"], case6),
    "7": ("metrics endpoint flood", [], case7),
}

if __name__ == "__main__":
    binary, chosen = sys.argv[1], sys.argv[2:] or list(CASES)
    for key in chosen:
        title, flags, hostile = CASES[key]
        case(key, title, binary, flags, hostile)
