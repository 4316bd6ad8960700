#!/usr/bin/python3
"""Server response times of interactive turns, from a loopback capture: `server_turns.py FILE.pcap PORT[=LABEL] ...`.

A turn starts at a data segment from a client to PORT and ends at the server's last data segment before the client's
next data segment on that connection; its time is the server's part of a round trip (reading, decrypting, running
the line, writing), without the client's. Turns are split by the bytes the server answered with: the smaller half
(an empty line's prompt) and the larger half (a command's output), cut halfway between the 10th and 90th percentile
of the answers' sizes. Used by bench/session-path.sh for section 1.
Prints JSON: {label: {"turns", "segments_per_turn", "small": {...}, "large": {...}}} with p50/p95 in ms.
"""
import json
import re
import subprocess
import sys

LINE = re.compile(r"^(\d+\.\d+) IP (\S+)\.(\d+) > (\S+)\.(\d+): .*?length (\d+)")


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))] if v else None


def stats(turns, last):
    ms = [t[0] * 1000.0 for t in turns[-last:]] if last else [t[0] * 1000.0 for t in turns]
    return {"n": len(ms), "p50": pct(ms, 50), "p95": pct(ms, 95), "min": min(ms) if ms else None}


def turns_of(path, ports):
    text = subprocess.run(["tcpdump", "-r", path, "-tt", "-n"], check=True,
                          capture_output=True, text=True, timeout=300).stdout
    conns = {}  # (client port, server port) -> open turn [start, last server time, bytes, segments]
    done = {p: [] for p in ports}
    for line in text.splitlines():
        m = LINE.match(line)
        if not m or int(m.group(6)) == 0:
            continue
        t, sport, dport, length = float(m.group(1)), int(m.group(3)), int(m.group(5)), int(m.group(6))
        if dport in ports:  # client -> server: closes the previous turn of this connection, opens the next
            key = (sport, dport)
            turn = conns.get(key)
            if turn and turn[1] is not None:
                done[dport].append((turn[1] - turn[0], turn[2], turn[3]))
            conns[key] = [t, None, 0, 0]
        elif sport in ports:
            turn = conns.get((dport, sport))
            if turn:
                turn[1], turn[2], turn[3] = t, turn[2] + length, turn[3] + 1
    for (cport, sport), turn in conns.items():
        if turn[1] is not None:
            done[sport].append((turn[1] - turn[0], turn[2], turn[3]))
    return done


def main():
    path, specs = sys.argv[1], sys.argv[2:]
    last = 0
    labels = {}
    for s in specs:
        if s.startswith("--last="):
            last = int(s.split("=", 1)[1])
            continue
        port, _, label = s.partition("=")
        labels[int(port)] = label or port
    done = turns_of(path, set(labels))
    out = {}
    for port, label in labels.items():
        turns = done[port][-last:] if last else done[port]
        if not turns:
            continue
        sizes = [b for _, b, _ in turns]
        cut = (pct(sizes, 10) + pct(sizes, 90)) / 2.0
        small = [x for x in turns if x[1] <= cut]
        large = [x for x in turns if x[1] > cut]
        out[label] = {"turns": len(turns), "segments_per_turn": sum(x[2] for x in turns) / len(turns),
                      "all": stats(turns, 0), "small": stats(small, 0), "large": stats(large, 0)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
