#!/usr/bin/python3
"""Hot methods of a JFR recording: `jfr_hot_methods.py FILE.jfr SESSIONS [TOP]`.

Reads `jfr print --events jdk.ExecutionSample` and prints, over all samples of threads running Java code: the top
methods by self samples (the sampled frame), the packages of those frames, the ioslab methods by inclusive samples
(anywhere on the stack, once per stack), the nearest ioslab frame of each sample, and the share per thread group.
SESSIONS divides the sample count so that runs of different length compare. Used by bench/session-path.sh
(BENCH_JFR_SESSIONS).
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*?\)(?:\s+line:\s*\d+)?")


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                          check=True, capture_output=True, text=True, timeout=300).stdout
    thread, stack, in_stack = None, [], False
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("sampledThread ="):
            m = re.search(r'"(.*)"', s)
            thread = m.group(1) if m else "?"
        elif s.startswith("stackTrace = ["):
            stack, in_stack = [], True
        elif in_stack and s == "]":
            in_stack = False
            if stack:
                yield thread, stack
        elif in_stack:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))


def package(method):
    parts = method.split(".")
    return ".".join(parts[:min(4, len(parts) - 2)]) if len(parts) > 2 else method


def thread_group(name):
    return re.sub(r"[-#]?\d+", "", name or "?").rstrip("-")


def main():
    path, sessions = sys.argv[1], int(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    self_c, incl_c, ioslab_c, threads, pkg_c = (collections.Counter() for _ in range(5))
    total = 0
    for thread, stack in samples(path):
        total += 1
        self_c[stack[0]] += 1
        for method in set(stack):
            if method.startswith("dev.ioslab."):
                incl_c[method] += 1
        pkg_c[package(stack[0])] += 1
        own = next((m for m in stack if m.startswith("dev.ioslab.")), "(no ioslab frame)")
        ioslab_c[own] += 1
        threads[thread_group(thread)] += 1
    print(f"JFR execution samples: {total} over {sessions} sessions ({total / max(1, sessions):.2f} per session)")
    for title, counter in (("self (sampled frame)", self_c), ("package of the sampled frame", pkg_c),
                           ("ioslab methods, inclusive (anywhere on the stack)", incl_c),
                           ("nearest ioslab frame", ioslab_c), ("thread group", threads)):
        print(f"  top {top} {title}:")
        for method, count in counter.most_common(top):
            print(f"    {100.0 * count / max(1, total):5.1f}%  {count:6d}  {method}")


if __name__ == "__main__":
    main()
