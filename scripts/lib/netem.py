#!/usr/bin/env python3
"""A userspace stand-in for `tc qdisc add ... netem delay D loss P` where the kernel has no
sch_netem: creates a TUN device, and every IP packet the kernel routes into it is dropped with
probability P or written back into the kernel after D (the kernel then forwards it on; the
namespace's routing, set up by scripts/net-faults, sends it out of the real interface). Each
packet is delayed by the same D, so order is kept, as with netem's default.

    netem.py DEVICE DELAY_MS LOSS_PERCENT [SECONDS]

Prints "ready" once the device exists, then runs until killed or for SECONDS; on exit prints
"netem: N packets, M dropped". Standard library only (Linux TUN ioctl).
"""
import collections
import fcntl
import os
import random
import select
import signal
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def main() -> int:
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip().splitlines()[-3].strip(), file=sys.stderr)
        return 64
    name, delay, loss = sys.argv[1], float(sys.argv[2]) / 1000, float(sys.argv[3]) / 100
    stop_at = time.monotonic() + float(sys.argv[4]) if len(sys.argv) == 5 else None
    if len(name.encode()) > 15 or not 0 <= loss <= 1 or delay < 0:
        print("netem: bad device name, delay or loss", file=sys.stderr)
        return 64
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH22x", name.encode(), IFF_TUN | IFF_NO_PI))
    os.set_blocking(fd, False)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("ready", flush=True)
    queue = collections.deque()  # (due, packet), due ascending because the delay is constant
    seen = dropped = 0
    while not stopping and (stop_at is None or time.monotonic() < stop_at):
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            try:
                os.write(fd, queue.popleft()[1])
            except OSError:
                pass  # the kernel refused it (e.g. no route yet): a lost packet
        timeout = max(0.0, queue[0][0] - now) if queue else 0.2
        try:
            readable, _, _ = select.select([fd], [], [], timeout)
        except InterruptedError:
            continue
        if not readable:
            continue
        now = time.monotonic()
        while True:
            try:
                packet = os.read(fd, 65536)
            except BlockingIOError:
                break
            seen += 1
            if random.random() < loss:
                dropped += 1
            else:
                queue.append((now + delay, packet))
    print(f"netem: {seen} packets, {dropped} dropped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
