#!/usr/bin/env python3
"""Opens many TCP connections from one source address and holds them until standard input closes.

Usage: flood_client.py SOURCE_ADDRESS COUNT HOST:PORT [HOST:PORT ...]

Connections go round-robin to the targets. Each socket is bound to SOURCE_ADDRESS (any 127.x.y.z on Linux), so the
server sees a flood from that address. A connection the server accepts and then closes stays open on this side
(CLOSE_WAIT), as a careless or hostile client would leave it. Prints "ready HELD FAILED SECONDS" once every connect
has been tried, then waits; on end of input it closes everything and prints "closed".
"""
import resource
import socket
import sys
import time

# Linux: choose the source port at connect time, per destination, instead of at bind time from one shared range
# (bind() alone takes ports of one parity first, and slows to a crawl once the first half of the range is used).
IP_BIND_ADDRESS_NO_PORT = 24


def raise_descriptor_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def main():
    source = sys.argv[1]
    count = int(sys.argv[2])
    targets = []
    for target in sys.argv[3:]:
        host, port = target.rsplit(":", 1)
        targets.append((host, int(port)))
    raise_descriptor_limit(count + 64)
    held = []
    failed = 0
    started = time.monotonic()
    for i in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.settimeout(10)
        try:
            s.setsockopt(socket.IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, 1)
            s.bind((source, 0))
            s.connect(targets[i % len(targets)])
            held.append(s)
        except OSError:
            failed += 1
            s.close()
    print("ready %d %d %.2f" % (len(held), failed, time.monotonic() - started), flush=True)
    sys.stdin.read()
    for s in held:
        s.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
