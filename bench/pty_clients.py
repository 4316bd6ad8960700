"""C clients on a pty for bench/session_path.py: OpenSSH's `ssh` and inetutils `telnet`.

They run the way a person's terminal, or scrapli's system transport, runs them: the client process owns a pty, and
the benchmark types into its master side and reads the screen back from it. Both paths therefore pay the same extra
process and pty hops, and the comparison between SSH and Telnet is one between two C clients rather than between
paramiko (Python, with a reader thread) and a plain socket. Every session is interactive and stays open; a round trip
is a line written to the pty up to its prompt read back after a newline. Connects to 127.0.0.1 only.
"""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import tempfile
import termios
import time

HOST = "127.0.0.1"
TIMEOUT = 15.0
CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
# The same cipher and MAC as paramiko 2.12 negotiates with the devices, for every SSH row of both clients.
SSH_CRYPTO = ["-c", "aes128-ctr", "-m", "hmac-sha2-256"]
SSH_COMMON = ["-tt", "-e", "none", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
              "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o", "ServerAliveInterval=0"] + SSH_CRYPTO


class PtyClient:
    """One client process on a pty of its own (200x50, its controlling terminal)."""

    def __init__(self, argv, prompt, env=None):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))

        def own_terminal():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                                     preexec_fn=own_terminal)
        os.close(slave)
        self.fd = master
        self.prompt = prompt

    def send(self, data):
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def read_until(self, ends):
        buf = b""
        deadline = time.monotonic() + TIMEOUT
        while not any(CSI.sub(b"", buf).endswith(e) for e in ends):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {ends!r} after {buf[-200:]!r}")
            if not select.select([self.fd], [], [], left)[0]:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the client has exited and the pty is gone
                data = b""
            if not data:
                raise EOFError(f"{self.proc.args[0]} ended after {buf[-200:]!r}")
            buf += data
        return CSI.sub(b"", buf)

    def round_trip(self, line):
        t0 = time.perf_counter()
        self.send(line + b"\r")  # the Enter key
        out = self.read_until([b"\n" + self.prompt])
        return time.perf_counter() - t0, out

    def close(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.fd)


def _askpass(password):
    """An SSH_ASKPASS program that answers `password` (ssh reads passwords from the terminal otherwise)."""
    fd, path = tempfile.mkstemp(prefix="sp-askpass-")
    with os.fdopen(fd, "w") as f:
        f.write(f"#!/bin/sh\necho '{password}'\n")
    os.chmod(path, 0o700)
    return path


def device_ssh(port, user, password, prompt):
    """An interactive SSH shell on a device, logged in with a password, at its prompt."""
    askpass = _askpass(password)
    env = dict(os.environ, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force", DISPLAY="none", TERM="vt100")
    argv = ["ssh"] + SSH_COMMON + ["-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=1",
                                   "-p", str(port), f"{user}@{HOST}"]
    try:
        client = PtyClient(argv, prompt, env)
        client.read_until([prompt])
    finally:
        os.unlink(askpass)
    return client


def device_telnet(port, user, password, prompt):
    """A Telnet session on a device through inetutils telnet, logged in, at its prompt."""
    client = PtyClient(["telnet", HOST, str(port)], prompt, dict(os.environ, TERM="vt100"))
    client.read_until([b"Username: "])
    client.send(user.encode() + b"\r")
    client.read_until([b"Password: "])
    client.send(password.encode() + b"\r")
    client.read_until([b"\n" + prompt])
    return client


def sshd_shell(port, user, key_file):
    """A login shell over OpenSSH's sshd with a public key (set up by bench/session-path.sh)."""
    argv = ["ssh"] + SSH_COMMON + ["-i", key_file, "-o", "IdentitiesOnly=yes", "-o", "PasswordAuthentication=no",
                                   "-p", str(port), f"{user}@{HOST}"]
    return PtyClient(argv, b"sp$ ", dict(os.environ, TERM="vt100"))


def prepare_bash(shell):
    """Sets a fixed prompt, no PROMPT_COMMAND and no bracketed paste in a fresh login bash; returns the shell."""
    time.sleep(0.5)  # the login shell's first prompt; its text depends on the host, so it is not matched
    shell.send(b"PS1='sp''$ '; unset PROMPT_COMMAND; bind 'set enable-bracketed-paste off'\r")
    shell.read_until([b"\nsp$ ", b"\rsp$ "])  # this prompt may follow the bracketed-paste-off "\x1b[?2004l\r"
    return shell


def versions():
    """The two clients' versions, for the report."""
    ssh = subprocess.run(["ssh", "-V"], capture_output=True, text=True).stderr.strip()
    telnet = subprocess.run(["telnet", "--version"], capture_output=True, text=True).stdout.splitlines()
    return f"{ssh}; {telnet[0] if telnet else 'telnet'}"
