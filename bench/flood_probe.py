#!/usr/bin/env python3
"""Helpers for bench/flood.sh: an SSH login probe and a daemon sampler.

  flood_probe.py login HOST PORT          seconds from TCP connect to the device prompt (admin/admin), or "failed: ..."
  flood_probe.py cpu PID SECONDS          CPU of PID over SECONDS, in percent of one core (/proc/PID/stat)
  flood_probe.py fds PID                  open descriptors of PID (/proc/PID/fd)
  flood_probe.py loglines FILE FROM       after byte offset FROM of FILE: lines, and the most lines any one logger
                                          wrote in any one second ("lines max_per_logger_second logger")
"""
import collections
import os
import re
import sys
import time


def login(host, port):
    import paramiko
    started = time.monotonic()
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    try:
        client.connect(host, port=port, username="admin", password="admin", look_for_keys=False,
                       allow_agent=False, timeout=20, banner_timeout=20, auth_timeout=20)
        shell = client.invoke_shell()
        shell.settimeout(20)
        seen = b""
        while not re.search(rb"[>#]\s*$", seen):
            chunk = shell.recv(4096)
            if not chunk:
                raise EOFError("closed before the prompt")
            seen += chunk
        return "%.3f" % (time.monotonic() - started)
    except Exception as e:  # the bench reports any failure as a result
        return "failed: %s" % e
    finally:
        client.close()


def cpu(pid, seconds):
    ticks = os.sysconf("SC_CLK_TCK")

    def used():
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    before = used()
    time.sleep(seconds)
    return "%.1f" % (100.0 * (used() - before) / ticks / seconds)


def loglines(path, offset):
    per_second = collections.Counter()
    lines = 0
    with open(path, "rb") as f:
        f.seek(offset)
        for raw in f:
            lines += 1
            line = raw.decode("utf-8", "replace")
            m = re.match(r"(\S+?)[.,]\d+\S*\s+\S+\s+\[[^\]]*\]\s+(\S+)\s+-\s+(.*)", line)
            if m:
                kind = m.group(2) + " " + " ".join(re.sub(r"\d+|/?[\d.]+:\d+", "#", m.group(3)).split()[:8])
                per_second[(m.group(1), kind)] += 1
    worst = max(per_second.items(), key=lambda kv: kv[1], default=(("", "-"), 0))
    return "%d %d %s" % (lines, worst[1], worst[0][1].replace(" ", "_"))


def main():
    what = sys.argv[1]
    if what == "login":
        print(login(sys.argv[2], int(sys.argv[3])))
    elif what == "cpu":
        print(cpu(int(sys.argv[2]), float(sys.argv[3])))
    elif what == "fds":
        print(len(os.listdir("/proc/%d/fd" % int(sys.argv[2]))))
    elif what == "loglines":
        print(loglines(sys.argv[2], int(sys.argv[3])))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
