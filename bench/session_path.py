#!/usr/bin/python3
"""Client side of bench/session-path.sh: times ioslab's SSH and Telnet session path next to OpenSSH's sshd.

Not a test: nothing here asserts timings. Every mode connects to 127.0.0.1 only, has a timeout on every read, and
merges its figures into one JSON file (--out) that the `report` mode turns into the table. Run with Debian's
/usr/bin/python3 (python3-paramiko, python3-netmiko).

Modes:
  rtt          interleaved interactive round trips: 'show clock' over SSH and over Telnet on a device, 'echo hi'
               in bash over sshd (all three sessions stay open; one sample of each per turn, order rotating);
               --client native: the same through OpenSSH's ssh and inetutils telnet on a pty (pty_clients.py)
  exec         a new connection per sample: connect, key exchange, auth, exec channel, read to EOF, close
               ('show version' on the devices, 'true' on sshd), interleaved
  cpu-exec     server CPU per exec session: daemon utime+stime over --count sessions after --warmup; for sshd
               the listener's own and reaped children's time (sshd -D waits for every per-connection process)
  cpu-netmiko  daemon CPU and wall time per Netmiko session (cisco_ios, enable, send_command, disconnect)
  concurrent   lone Netmiko sessions one after the other, then rounds of N sessions started at once
  sessions     plain exec sessions with no figures (load for a profiler)
  report       prints the table from --out
"""
import argparse
import json
import multiprocessing
import os
import re
import resource
import signal
import socket
import statistics
import sys
import time

import paramiko

import pty_clients
from pty_clients import CSI, HOST, TIMEOUT

TICK_MS = 1000.0 / os.sysconf("SC_CLK_TCK")


# ------------------------------------------------------------------------------------------------------- helpers
def pct(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def summary(samples_s):
    ms = [v * 1000.0 for v in samples_s]
    if not ms:
        return {"n": 0}
    return {"n": len(ms), "p50": statistics.median(ms), "p95": pct(ms, 95), "min": min(ms), "max": max(ms)}


def proc_ticks(pid, children=False):
    """utime+stime (and with children=True cutime+cstime of reaped children) of a process, in clock ticks."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is the state (field 3 of proc(5)); utime is field 14, so index 11.
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks


def thread_ticks(pid):
    """utime+stime per live thread of a process: {tid: (name, ticks)}; names as in /proc (15 characters)."""
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw.rsplit(")", 1)[1].split()
        threads[tid] = (name, int(fields[11]) + int(fields[12]))
    return threads


def thread_split(before, after, total_ticks):
    """Milliseconds per thread group (digits dropped from names) between two thread_ticks() snapshots."""
    groups = {}
    for tid, (name, ticks) in after.items():
        group = re.sub(r"[#-]?\d+$", "", name).strip() or name
        groups[group] = groups.get(group, 0) + ticks - before.get(tid, (name, 0))[1]
    groups["(threads that ended)"] = total_ticks - sum(groups.values())
    return {g: t * TICK_MS for g, t in sorted(groups.items(), key=lambda kv: -kv[1]) if t > 0}


def live_children(pid):
    kids = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                kids += f.read().split()
        except OSError:
            pass
    return kids


def client_cpu_s():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def nodelay_socket(port):
    sock = socket.create_connection((HOST, port), timeout=TIMEOUT)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def ssh_connect(port, user, password=None, pkey=None):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(HOST, port, username=user, password=password, pkey=pkey, sock=nodelay_socket(port),
                   look_for_keys=False, allow_agent=False, timeout=TIMEOUT, banner_timeout=TIMEOUT,
                   auth_timeout=TIMEOUT)
    return client


def merge_out(path, key, value):
    data = {}
    if os.path.exists(path):
        with open(path) as f:
            data = json.load(f)
    data[key] = value
    with open(path, "w") as f:
        json.dump(data, f, indent=1)


# ------------------------------------------------------------------------------------------------------- targets
class Target:
    """A server and its credentials: ioslab devices (password) or sshd (key)."""

    def __init__(self, ports, user, password=None, key_file=None):
        self.ports = ports
        self.user = user
        self.password = password
        self.pkey = paramiko.ECDSAKey.from_private_key_file(key_file) if key_file else None
        self.turn = 0

    def next_port(self):
        self.turn += 1
        return self.ports[(self.turn - 1) % len(self.ports)]

    def connect(self, port=None):
        return ssh_connect(port or self.ports[0], self.user, self.password, self.pkey)

    def exec_once(self, command, expect):
        """One whole session; returns its wall time in seconds. Raises when the output lacks `expect`."""
        t0 = time.perf_counter()
        client = self.connect(self.next_port())
        try:
            _, stdout, _ = client.exec_command(command, timeout=TIMEOUT)
            out = stdout.read()
            stdout.channel.recv_exit_status()
        finally:
            client.close()
        elapsed = time.perf_counter() - t0
        if expect.encode() not in out:
            raise RuntimeError(f"{command!r} on port {self.ports}: output lacks {expect!r}: {out[:200]!r}")
        return elapsed


def devices(args):
    return Target(args.ssh_ports, "admin", password="admin")


def sshd(args):
    if not args.sshd_port:
        return None
    return Target([args.sshd_port], args.sshd_user, key_file=args.sshd_key)


# ------------------------------------------------------------------------------------------------------- shells
class ShellSession:
    """An interactive pty shell over an SSH channel; a round trip ends when the prompt follows a newline."""

    def __init__(self, client, prompt):
        self.client = client
        self.channel = client.invoke_shell(term="vt100", width=200, height=50)
        self.channel.settimeout(TIMEOUT)
        self.prompt = prompt

    def send(self, data):
        self.channel.sendall(data)

    def read_until(self, ends):
        buf = b""
        deadline = time.monotonic() + TIMEOUT
        while not any(CSI.sub(b"", buf).endswith(e) for e in ends):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {ends!r} after {buf[-200:]!r}")
            data = self.channel.recv(65536)
            if not data:
                raise EOFError(f"shell closed after {buf[-200:]!r}")
            buf += data
        return CSI.sub(b"", buf)

    def round_trip(self, line, newline=b"\r"):
        t0 = time.perf_counter()
        self.send(line + newline)
        out = self.read_until([b"\n" + self.prompt])
        return time.perf_counter() - t0, out

    def close(self):
        self.client.close()


class TelnetSession:
    """A raw Telnet client (RFC 854) that refuses every option (DO -> WONT, WILL -> DONT) and logs in."""

    IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240

    def __init__(self, port, user, password, prompt):
        self.sock = nodelay_socket(port)
        self.prompt = prompt
        self.state = "data"  # data, iac, verb, sb, sb_iac
        self.verb = 0
        self.read_until([b"Username: "])
        self.sock.sendall(user.encode() + b"\r\n")
        self.read_until([b"Password: "])
        self.sock.sendall(password.encode() + b"\r\n")
        self.read_until([b"\n" + prompt])

    def _decode(self, data):
        out = bytearray()
        for b in data:
            if self.state == "data":
                if b == self.IAC:
                    self.state = "iac"
                else:
                    out.append(b)
            elif self.state == "iac":
                if b == self.IAC:
                    out.append(b)
                    self.state = "data"
                elif b in (self.DO, self.DONT, self.WILL, self.WONT):
                    self.verb, self.state = b, "verb"
                elif b == self.SB:
                    self.state = "sb"
                else:
                    self.state = "data"
            elif self.state == "verb":
                if self.verb == self.DO:
                    self.sock.sendall(bytes([self.IAC, self.WONT, b]))
                elif self.verb == self.WILL:
                    self.sock.sendall(bytes([self.IAC, self.DONT, b]))
                self.state = "data"
            elif self.state == "sb":
                self.state = "sb_iac" if b == self.IAC else "sb"
            elif self.state == "sb_iac":
                self.state = "data" if b == self.SE else "sb"
        return bytes(out)

    def read_until(self, ends):
        buf = b""
        deadline = time.monotonic() + TIMEOUT
        while not any(buf.endswith(e) for e in ends):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {ends!r} after {buf[-200:]!r}")
            data = self.sock.recv(65536)
            if not data:
                raise EOFError(f"telnet closed after {buf[-200:]!r}")
            buf += self._decode(data)
        return buf

    def round_trip(self, line):
        t0 = time.perf_counter()
        self.sock.sendall(line + b"\r\n")
        out = self.read_until([b"\n" + self.prompt])
        return time.perf_counter() - t0, out

    def close(self):
        self.sock.close()


def bash_shell(target):
    """Interactive login bash over sshd with a fixed prompt, no PROMPT_COMMAND and no bracketed paste."""
    return pty_clients.prepare_bash(ShellSession(target.connect(), b"sp$ "))


def rtt_sessions(args, prompt):
    """The open sessions the rtt mode times: (ioslab SSH, ioslab Telnet, sshd bash or None), with --client's kind."""
    if args.client == "native":
        ssh = pty_clients.device_ssh(args.ssh_ports[0], "admin", "admin", prompt)
        telnet = pty_clients.device_telnet(args.telnet_port, "admin", "admin", prompt)
        bash = None
        if args.sshd_port:
            bash = pty_clients.prepare_bash(pty_clients.sshd_shell(args.sshd_port, args.sshd_user, args.sshd_key))
        return ssh, telnet, bash
    ssh = ShellSession(devices(args).connect(), prompt)
    ssh.read_until([prompt])
    target = sshd(args)
    return ssh, TelnetSession(args.telnet_port, "admin", "admin", prompt), bash_shell(target) if target else None


# ------------------------------------------------------------------------------------------------------- modes
def mode_rtt(args):
    ssh_shell, telnet, bash = rtt_sessions(args, args.prompt.encode())
    paths = {
        "ioslab_ssh": lambda: ssh_shell.round_trip(b"show clock"),
        "ioslab_telnet": lambda: telnet.round_trip(b"show clock"),
        "ioslab_ssh_empty": lambda: ssh_shell.round_trip(b""),
        "ioslab_telnet_empty": lambda: telnet.round_trip(b""),
    }
    expect = {"ioslab_ssh": b"UTC", "ioslab_telnet": b"UTC", "sshd_bash": b"\nhi\r", "ioslab_ssh_empty": b"",
              "ioslab_telnet_empty": b"", "sshd_bash_empty": b""}
    if bash:
        paths["sshd_bash"] = lambda: bash.round_trip(b"echo hi")
        paths["sshd_bash_empty"] = lambda: bash.round_trip(b"")
    names = list(paths)
    samples = {n: [] for n in names}
    for turn in range(args.warmup + args.count):
        k = turn % len(names)
        for name in names[k:] + names[:k]:
            # Warm-up turns go back to back (the JIT counts calls, not time); measured turns pause first, as a
            # person or a script between commands does, so each one starts from a quiet machine.
            time.sleep((args.pause_ms if turn >= args.warmup else args.warmup_pause_ms) / 1000.0)
            elapsed, out = paths[name]()
            if expect[name] not in out:
                raise RuntimeError(f"{name}: unexpected output {out!r}")
            if turn >= args.warmup:
                samples[name].append(elapsed)
    for s in (ssh_shell, telnet, bash):
        if s:
            s.close()
    result = {n: summary(v) for n, v in samples.items()}
    result["warmup"], result["pause_ms"], result["warmup_pause_ms"] = args.warmup, args.pause_ms, args.warmup_pause_ms
    if args.client == "native":
        result["clients"] = pty_clients.versions()
    merge_out(args.out, "rtt_native" if args.client == "native" else "rtt", result)
    print(json.dumps(result))


def mode_exec(args):
    dev, base = devices(args), sshd(args)
    runs = [("ioslab_show_version", dev, "show version", "Cisco IOS Software")]
    if base:
        runs.append(("sshd_true", base, "true", ""))
    samples = {r[0]: [] for r in runs}
    for turn in range(args.warmup + args.count):
        for name, target, command, expect in (runs if turn % 2 == 0 else runs[::-1]):
            elapsed = target.exec_once(command, expect)
            if turn >= args.warmup:
                samples[name].append(elapsed)
    result = {n: summary(v) for n, v in samples.items()}
    merge_out(args.out, "exec", result)
    print(json.dumps(result))


def idle_rate(pid, seconds):
    """CPU milliseconds per second of a process left alone (JVM housekeeping, timers), and its thread split."""
    threads0, c0, t0 = thread_ticks(pid), proc_ticks(pid), time.monotonic()
    time.sleep(seconds)
    ticks, elapsed = proc_ticks(pid) - c0, time.monotonic() - t0
    return {"ms_per_s": ticks * TICK_MS / elapsed, "seconds": elapsed,
            "threads_ms": thread_split(threads0, thread_ticks(pid), ticks)}


def cpu_run(session, pid, children, count, warmup, idle_ms_per_s=0.0):
    """Server CPU over `count` calls of session(k) after `warmup` unmeasured ones. With children, pid is sshd -D's
    listener and its reaped children's time counts too; otherwise pid is the daemon and its threads are split."""
    for k in range(warmup):
        session(k)
    threads0 = None if children else thread_ticks(pid)
    c0, u0, t0 = proc_ticks(pid, children), client_cpu_s(), time.monotonic()
    walls = [session(k) for k in range(count)]
    deadline = time.monotonic() + 10
    while children and live_children(pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # per-connection processes still exiting; their time reaches the listener once reaped
    time.sleep(0.2)
    ticks, elapsed = proc_ticks(pid, children) - c0, time.monotonic() - t0
    split = None if children else thread_split(threads0, thread_ticks(pid), ticks)
    server_ms = ticks * TICK_MS
    return {"sessions": count, "warmup": warmup, "server_ms_per_session": server_ms / count,
            "net_ms_per_session": max(0.0, server_ms - idle_ms_per_s * elapsed) / count,
            "threads_ms_per_session": {g: ms / count for g, ms in split.items()} if split else None,
            "client_ms_per_session": (client_cpu_s() - u0) * 1000 / count,
            "elapsed_s": elapsed, "wall": summary(walls)}


def mode_cpu_exec(args):
    idle = idle_rate(args.daemon_pid, args.idle_s)
    dev = devices(args)
    result = {"daemon_idle": idle,
              "ioslab": cpu_run(lambda k: dev.exec_once("show version", "Cisco IOS Software"), args.daemon_pid,
                                False, args.count, args.warmup, idle["ms_per_s"])}
    base = sshd(args)
    if base:
        result["sshd"] = cpu_run(lambda k: base.exec_once("true", ""), args.sshd_pid, True, args.count,
                                 min(args.warmup, 10))
    merge_out(args.out, "cpu_exec", result)
    print(json.dumps(result))


def netmiko_session(port):
    from netmiko import ConnectHandler
    t0 = time.perf_counter()
    conn = ConnectHandler(device_type="cisco_ios", host=HOST, port=port, username="admin", password="admin",
                          secret="cisco", timeout=60, banner_timeout=60, auth_timeout=60)
    try:
        conn.enable()
        out = conn.send_command("show version")
    finally:
        conn.disconnect()
    if "Cisco IOS Software" not in out:
        raise RuntimeError(f"netmiko show version on {port}: {out[:200]!r}")
    return time.perf_counter() - t0


def mode_cpu_netmiko(args):
    idle = idle_rate(args.daemon_pid, args.idle_s)
    ports = args.ssh_ports
    result = cpu_run(lambda k: netmiko_session(ports[k % len(ports)]), args.daemon_pid, False, args.count,
                     args.warmup, idle["ms_per_s"])
    result["daemon_idle"] = idle
    merge_out(args.out, "cpu_netmiko", result)
    print(json.dumps(result))


def concurrent_worker(port, barrier, results, index):
    try:
        barrier.wait(timeout=120)
        results.put((index, netmiko_session(port), None))
    except BaseException as e:  # report every failure, including a broken barrier
        results.put((index, None, f"{type(e).__name__}: {e}"))


def concurrent_round(args, n):
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(n), ctx.Queue()
    procs = [ctx.Process(target=concurrent_worker, daemon=True,
                         args=(args.ssh_ports[i % len(args.ssh_ports)], barrier, results, i)) for i in range(n)]
    for p in procs:
        p.start()
    c0 = proc_ticks(args.daemon_pid)
    got, deadline = [], time.monotonic() + args.round_timeout
    try:
        while len(got) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                got.append(results.get(timeout=left))
            except Exception:
                break
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join(5)
    cpu_ms = (proc_ticks(args.daemon_pid) - c0) * TICK_MS
    errors = [e for _, _, e in got if e] + ["no result (round timeout)"] * (n - len(got))
    return [s for _, s, e in got if not e], errors, cpu_ms


def mode_concurrent(args):
    import netmiko  # noqa: F401  (imported once here, before the fork, so workers start fast)
    lone = [netmiko_session(args.ssh_ports[k % len(args.ssh_ports)]) for k in range(args.lone)]
    walls, errors, cpu_ms = [], [], 0.0
    for _ in range(args.rounds):
        w, e, c = concurrent_round(args, args.n)
        walls += w
        errors += e
        cpu_ms += c
    result = {"n": args.n, "rounds": args.rounds, "lone": summary(lone), "concurrent": summary(walls),
              "errors": len(errors), "first_error": errors[0] if errors else None,
              "server_ms_per_session": cpu_ms / max(1, args.n * args.rounds)}
    merge_out(args.out, "concurrent", result)
    print(json.dumps(result))


def mode_sessions(args):
    dev = devices(args)
    t0 = time.monotonic()
    for _ in range(args.count):
        dev.exec_once("show version", "Cisco IOS Software")
    print(json.dumps({"sessions": args.count, "elapsed_s": time.monotonic() - t0}))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["rtt", "exec", "cpu-exec", "cpu-netmiko", "concurrent", "sessions", "report"])
    p.add_argument("--out", required=True, help="JSON file the figures are merged into")
    p.add_argument("--ssh-ports", type=lambda s: [int(x) for x in s.split(",")], default=[22201])
    p.add_argument("--telnet-port", type=int, default=22301)
    p.add_argument("--prompt", default="r1#", help="device prompt of the first SSH port's device")
    p.add_argument("--sshd-port", type=int, default=0, help="0: no sshd baseline")
    p.add_argument("--sshd-user", default="root")
    p.add_argument("--sshd-key", help="ECDSA private key accepted by sshd")
    p.add_argument("--sshd-pid", type=int)
    p.add_argument("--daemon-pid", type=int)
    p.add_argument("--count", type=int, default=30)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--pause-ms", type=float, default=20.0, help="rtt: pause before each measured round trip")
    p.add_argument("--client", choices=["paramiko", "native"], default="paramiko",
                   help="rtt: paramiko and a plain Telnet socket, or OpenSSH's ssh and inetutils telnet on a pty")
    p.add_argument("--warmup-pause-ms", type=float, default=0.0, help="rtt: pause before each warm-up round trip")
    p.add_argument("--n", type=int, default=50, help="concurrent: sessions started at once")
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--lone", type=int, default=10, help="concurrent: lone sessions first")
    p.add_argument("--round-timeout", type=float, default=600.0)
    p.add_argument("--idle-s", type=float, default=10.0, help="cpu-*: seconds the daemon's idle CPU is measured")
    args = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run finally blocks: close sessions, stop workers
    if args.mode == "report":
        from session_path_report import report
        report(args.out)
        return
    {"rtt": mode_rtt, "exec": mode_exec, "cpu-exec": mode_cpu_exec, "cpu-netmiko": mode_cpu_netmiko,
     "concurrent": mode_concurrent, "sessions": mode_sessions}[args.mode](args)


if __name__ == "__main__":
    main()
