#!/usr/bin/python3
"""Control API at scale (issue 13): a rack of N devices with one fault each and event streams open.

Not a test: nothing here asserts timings. Starts target/ioslab.jar with a generated configuration (devices on
127.0.0.1 only, control API on 127.0.0.1), then measures, in one run:

  faults      POST /devices/{name}/faults once per device (a `transfer latency` fault that stays until removed)
  devices     GET /devices, --samples times, with every device carrying a fault and two followers open
  streams     SSH command round trip on r1 (`show clock` in one interactive shell, each line an event) with no
              follower, then with a follower that reads everything plus one that never reads (its socket
              buffer full), then after the stalled one has gone: a slow or vanished reader must not slow a device

Run with Debian's /usr/bin/python3 (python3-paramiko). Usage:
    bench/control_api.py [--devices 1000] [--samples 30] [--ssh-base 30001] [--telnet-base 32001]
                         [--control-port 2380] [--keep]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import paramiko

HOST = "127.0.0.1"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))]


def ms_summary(samples):
    ms = [v * 1000.0 for v in samples]
    return f"p50 {statistics.median(ms):8.2f} ms  p95 {pct(ms, 95):8.2f} ms  max {max(ms):8.2f} ms  (n={len(ms)})"


def write_config(path, state, n, ssh_base, telnet_base, control_port):
    with open(path, "w") as f:
        f.write(f"""daemon:
  stateDir: {state}
  logConfig: {ROOT}/conf/logback.xml
  bindAddress: {HOST}
imageRepository:
  enabled: false
control:
  enabled: true
  address: {HOST}
  port: {control_port}
devices:
  - name: "r{{n}}"
    count: {n}
    address: {HOST}
    sshPort: {ssh_base}
    telnetPort: {telnet_base}
    users: [{{ name: admin, privilege: 15, secret: admin }}]
    enableSecret: cisco
""")


def api(base, method, path, body=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.read()


class Shell:
    """One interactive SSH shell on a device; `rtt` times a command from send to the next prompt."""

    def __init__(self, port):
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        self.client.connect(HOST, port=port, username="admin", password="admin", look_for_keys=False,
                            allow_agent=False, timeout=30)
        self.chan = self.client.invoke_shell(width=200, height=0)
        self.chan.settimeout(15)
        self.read_until(b"#")
        self.chan.send("terminal length 0\r")
        self.read_until(b"#")

    def read_until(self, marker):
        buf = b""
        while not CSI.sub(b"", buf).rstrip().endswith(marker):
            chunk = self.chan.recv(65536)
            if not chunk:
                raise EOFError("session closed")
            buf += chunk
        return buf

    def rtt(self, command):
        t0 = time.perf_counter()
        self.chan.send(command + "\r")
        self.read_until(b"#")
        return time.perf_counter() - t0

    def close(self):
        self.client.close()


def follower(control_port, stop, counter):
    """Reads the daemon-wide event stream as fast as it comes."""
    s = socket.create_connection((HOST, control_port), timeout=10)
    s.sendall(b"GET /api/v1/events?follow=true HTTP/1.1\r\nHost: bench\r\n\r\n")
    s.settimeout(0.5)
    while not stop.is_set():
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        if not data:
            break
        counter[0] += data.count(b"\n")
    s.close()


def stalled_reader(control_port):
    """Asks for the event stream and never reads it: its receive buffer fills and stays full."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect((HOST, control_port))
    s.sendall(b"GET /api/v1/events?follow=true HTTP/1.1\r\nHost: bench\r\n\r\n")
    return s


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--devices", type=int, default=1000)
    p.add_argument("--samples", type=int, default=30)
    p.add_argument("--ssh-base", type=int, default=30001)
    p.add_argument("--telnet-base", type=int, default=32001)
    p.add_argument("--control-port", type=int, default=2380)
    p.add_argument("--java-opts", default="")
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    jar = os.path.join(ROOT, "target", "ioslab.jar")
    if not os.path.exists(jar):
        sys.exit("no target/ioslab.jar: run mvn -B -q package -DskipTests first")
    work = tempfile.mkdtemp(prefix="ioslab-control-bench.")
    cfg = os.path.join(work, "rack.yaml")
    write_config(cfg, os.path.join(work, "var"), a.devices, a.ssh_base, a.telnet_base, a.control_port)
    log = open(os.path.join(work, "daemon.log"), "w")
    daemon = subprocess.Popen(["java", *a.java_opts.split(), "-jar", jar, cfg], cwd=work, stdout=log,
                              stderr=subprocess.STDOUT)
    base = f"http://{HOST}:{a.control_port}/api/v1"
    try:
        t0 = time.time()
        while True:
            if daemon.poll() is not None:
                sys.exit("daemon exited:\n" + open(os.path.join(work, "daemon.log")).read()[-3000:])
            if "devices started in" in open(os.path.join(work, "daemon.log")).read():
                break
            if time.time() - t0 > 1800:
                sys.exit("daemon not up after 1800 s")
            time.sleep(0.2)
        print(f"rack of {a.devices} devices up in {time.time() - t0:.1f} s")

        names = [d["name"] for d in json.loads(api(base, "GET", "/devices"))]
        posts = []
        for name in names:
            t = time.perf_counter()
            api(base, "POST", f"/devices/{name}/faults",
                {"kind": "transfer", "type": "latency", "ms": 1, "untilRemoved": True})
            posts.append(time.perf_counter() - t)
        print(f"faults      POST one per device:        {ms_summary(posts)}")

        shell = Shell(a.ssh_base)
        for _ in range(10):
            shell.rtt("show clock")
        alone = [shell.rtt("show clock") for _ in range(a.samples)]

        stop = threading.Event()
        seen = [0]
        fast = threading.Thread(target=follower, args=(a.control_port, stop, seen), daemon=True)
        fast.start()
        stalled = stalled_reader(a.control_port)
        # Fill the stalled reader's buffers with events before measuring.
        for _ in range(300):
            shell.rtt("show clock")
        with_streams = [shell.rtt("show clock") for _ in range(a.samples)]

        sizes, lists = [], []
        for _ in range(a.samples):
            t = time.perf_counter()
            body = api(base, "GET", "/devices")
            lists.append(time.perf_counter() - t)
            sizes.append(len(body))
        print(f"devices     GET /devices ({sizes[0]} bytes): {ms_summary(lists)}")

        stalled.close()
        time.sleep(1)
        after = [shell.rtt("show clock") for _ in range(a.samples)]
        stop.set()
        fast.join(5)
        shell.close()
        print(f"streams     show clock, no follower:     {ms_summary(alone)}")
        print(f"            with fast + stalled follower:{ms_summary(with_streams)}  "
              f"ratio {statistics.median(with_streams) / statistics.median(alone):.2f}x")
        print(f"            after the stalled one left:  {ms_summary(after)}  "
              f"ratio {statistics.median(after) / statistics.median(alone):.2f}x")
        print(f"            lines the fast follower read: {seen[0]}")
        api(base, "POST", "/reset")
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(60)
        except subprocess.TimeoutExpired:
            daemon.kill()
        if a.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
