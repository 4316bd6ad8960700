"""The table of bench/session-path.sh, from the JSON file bench/session_path.py fills (see its --out)."""
import json


def _f(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def _ratio(a, b):
    return a / b if a is not None and b else None


def _get(data, *keys):
    for k in keys:
        if not isinstance(data, dict) or k not in data:
            return None
        data = data[k]
    return data


def _verdict(value, limit):
    return "n/a" if value is None else ("PASS" if value <= limit else "MISS")


def _row(label, s):
    s = s or {}
    return (f"  {label:<34} {s.get('n', 0):>4} {_f(s.get('p50')):>9} {_f(s.get('p95')):>9} {_f(s.get('min')):>9}"
            f" {_f(s.get('max')):>9}")


def _rtt_section(rtt, number, clients, tag, targets):
    """Section 1 (or 1b): the interleaved round trips of one client kind, and the server's part of them."""
    print(f"{number} interactive round trip (one sample of each per turn, order rotating; {rtt['warmup']} warm-up"
          f" turns {rtt.get('warmup_pause_ms', rtt['pause_ms']):.0f} ms apart, then a {rtt['pause_ms']:.0f} ms pause"
          " before each measured one)")
    print(f"  {'':<34} {'n':>4} {'p50_ms':>9} {'p95_ms':>9} {'min_ms':>9} {'max_ms':>9}")
    print(_row("ioslab SSH shell    'show clock'", rtt.get("ioslab_ssh")))
    print(_row("ioslab Telnet       'show clock'", rtt.get("ioslab_telnet")))
    print(_row("sshd bash (pty)     'echo hi'", rtt.get("sshd_bash")))
    print(_row("ioslab SSH shell    empty line", rtt.get("ioslab_ssh_empty")))
    print(_row("ioslab Telnet       empty line", rtt.get("ioslab_telnet_empty")))
    print(_row("sshd bash (pty)     empty line", rtt.get("sshd_bash_empty")))
    st = _ratio(_get(rtt, "ioslab_ssh", "p50"), _get(rtt, "ioslab_telnet", "p50"))
    ss = _ratio(_get(rtt, "ioslab_ssh", "p50"), _get(rtt, "sshd_bash", "p50"))
    st95 = _ratio(_get(rtt, "ioslab_ssh", "p95"), _get(rtt, "ioslab_telnet", "p95"))
    ss95 = _ratio(_get(rtt, "ioslab_ssh", "p95"), _get(rtt, "sshd_bash", "p95"))
    print(f"  time from sending the line to its prompt after a newline; {clients}")
    print(f"  ratio SSH/Telnet      p50 {_f(st)}  p95 {_f(st95)}")
    print(f"  ratio ioslab SSH/sshd p50 {_f(ss)}  p95 {_f(ss95)}")
    targets.append((f"SSH round trip <= 1.2x Telnet (p50){tag}", f"{_f(st)}x", _verdict(st, 1.2)))
    targets.append((f"SSH round trip <= 1.0x sshd (p50){tag}", f"{_f(ss)}x", _verdict(ss, 1.0)))
    server = rtt.get("server")
    if server:
        print("  server's part of the same turns (tcpdump -i lo: the line's segment in -> the server's last answering"
              " segment out; the measured turns)")
        print(f"  {'':<34} {'turns':>5} {'segs/turn':>9} {'p50_ms':>9} {'p95_ms':>9} {'cmd p50':>9}"
              f" {'empty p50':>9}")
        for key, label in (("ioslab_ssh", "ioslab SSH"), ("ioslab_telnet", "ioslab Telnet"),
                           ("sshd_bash", "sshd + bash")):
            t = server.get(key)
            if t:
                print(f"  {label:<34} {t['turns']:>5} {t['segments_per_turn']:>9.1f} {_f(t['all']['p50'], 3):>9}"
                      f" {_f(t['all']['p95'], 3):>9} {_f(t['large']['p50'], 3):>9} {_f(t['small']['p50'], 3):>9}")
        sv_st = _ratio(_get(server, "ioslab_ssh", "all", "p50"), _get(server, "ioslab_telnet", "all", "p50"))
        sv_ss = _ratio(_get(server, "ioslab_ssh", "all", "p50"), _get(server, "sshd_bash", "all", "p50"))
        print(f"  server-side ratio SSH/Telnet p50 {_f(sv_st)}   ioslab SSH/sshd p50 {_f(sv_ss)}")
    print()


def report(path):
    with open(path) as f:
        d = json.load(f)
    head = f"  {'':<34} {'n':>4} {'p50_ms':>9} {'p95_ms':>9} {'min_ms':>9} {'max_ms':>9}"
    targets = []

    rtt = d.get("rtt")
    if rtt:
        _rtt_section(rtt, "1.", "both SSH rows include paramiko's own decryption and thread hand-off, the Telnet row is"
                     " a plain socket", "", targets)
    native = d.get("rtt_native")
    if native:
        _rtt_section(native, "1b.", f"through C clients on a pty ({native.get('clients', 'ssh, telnet')}), SSH rows"
                     " aes128-ctr + hmac-sha2-256 as with paramiko", " (C clients)", targets)

    ex = d.get("exec")
    if ex:
        print("2. login + exec, a new connection each (TCP connect, key exchange, auth, exec, read to EOF, close)")
        print(head)
        print(_row("ioslab 'show version' (password)", ex.get("ioslab_show_version")))
        print(_row("sshd   'true' (ECDSA key)", ex.get("sshd_true")))
        r = _ratio(_get(ex, "ioslab_show_version", "p50"), _get(ex, "sshd_true", "p50"))
        print(f"  ratio ioslab/sshd p50 {_f(r)}")
        print()

    cpu, nm = d.get("cpu_exec"), d.get("cpu_netmiko")
    if cpu or nm:
        print("3. server CPU per session, ms (utime+stime from /proc/<pid>/stat, all threads; net = minus the idle rate"
              " measured just before x the run's length;")
        print("   no JIT = net minus the C1/C2 compiler threads; client = this Python client's own CPU)")
        print(f"  {'':<34} {'sessions':>8} {'server':>8} {'net':>8} {'no JIT':>8} {'client':>8} {'wall_p50':>9}")
        rows = [("ioslab exec 'show version'", _get(cpu, "ioslab")), ("ioslab Netmiko session", nm),
                ("sshd exec 'true' (process tree)", _get(cpu, "sshd"))]
        for label, r in rows:
            if r:
                nojit = None
                if r.get("threads_ms_per_session") is not None:
                    jit = sum(v for k, v in r["threads_ms_per_session"].items() if "CompilerThre" in k)
                    nojit = max(0.0, r["net_ms_per_session"] - jit)
                print(f"  {label:<34} {r['sessions']:>8} {_f(r['server_ms_per_session']):>8}"
                      f" {_f(r['net_ms_per_session']) if nojit is not None else '-':>8} {_f(nojit):>8}"
                      f" {_f(r['client_ms_per_session']):>8} {_f(_get(r, 'wall', 'p50'), 0):>9}")
        for label, r in (("exec", _get(cpu, "ioslab")), ("Netmiko", nm)):
            split = _get(r, "threads_ms_per_session")
            if split:
                print(f"  daemon threads per {label} session: "
                      + ", ".join(f"{g} {ms:.2f}" for g, ms in list(split.items())[:7]))
        for label, r in (("exec", cpu), ("Netmiko", nm)):
            idle = _get(r, "daemon_idle")
            if idle:
                print(f"  daemon idle before the {label} run: {_f(idle['ms_per_s'])} ms CPU per second over"
                      f" {idle['seconds']:.0f} s (" + ", ".join(f"{g} {ms:.0f} ms" for g, ms in
                                                              list(idle["threads_ms"].items())[:4]) + ")")
        ratio = _ratio(_get(cpu, "ioslab", "server_ms_per_session"), _get(cpu, "sshd", "server_ms_per_session"))
        print(f"  ratio ioslab exec / sshd exec CPU {_f(ratio)}")
        # Judged on the net figure: what the sessions add to the daemon's idle rate. A Netmiko session lasts about
        # 4.5 s of Netmiko's own pauses, over which an idle JVM's housekeeping (GC, safepoints: ~3 ms/s) would
        # otherwise be billed to it; an exec session lasts milliseconds, so both figures agree there.
        for name, r, limit in (("exec", _get(cpu, "ioslab"), 10), ("Netmiko", nm, 15)):
            v = _get(r, "net_ms_per_session")
            targets.append((f"daemon CPU <= {limit} ms per {name} session (net of idle)",
                            f"{_f(v)} ms (gross {_f(_get(r, 'server_ms_per_session'))})", _verdict(v, limit)))
        print()

    cc = d.get("concurrent")
    if cc:
        print(f"4. Netmiko sessions started at once ({cc['n']} x {cc['rounds']} round(s)) against lone sessions"
              " one after the other")
        print(head)
        print("  session = ConnectHandler cisco_ios (connect, key exchange, password, shell, prompt and terminal"
              " set-up) + enable (secret cisco) + send_command('show version') + disconnect; one process per session")
        print(_row("lone", cc.get("lone")))
        print(_row(f"{cc['n']} at once", cc.get("concurrent")))
        r = _ratio(_get(cc, "concurrent", "p95"), _get(cc, "lone", "p50"))
        r95 = _ratio(_get(cc, "concurrent", "p95"), _get(cc, "lone", "p95"))
        print(f"  errors {cc['errors']}" + (f" (first: {cc['first_error']})" if cc["first_error"] else ""))
        print(f"  daemon CPU {_f(cc['server_ms_per_session'])} ms per concurrent session")
        print(f"  ratio p95 at once / lone p50 {_f(r)}   / lone p95 {_f(r95)}")
        ok = r if cc["errors"] == 0 else None
        targets.append((f"{cc['n']} concurrent Netmiko p95 <= 1.2x lone (p50)",
                        f"{_f(r)}x, {cc['errors']} errors", _verdict(ok, 1.2) if cc["errors"] == 0 else "MISS"))
        print()

    print("targets")
    for name, value, verdict in targets:
        print(f"  {name:<44} {value:>24}  {verdict}")
