#!/usr/bin/env bash
# copy /verify of a large signed image from the embedded FTP server into a device's flash0:, next to what the same
# work costs with the real tools in the same run: curl downloading the file, then sha512sum hashing it. Also the plain
# copy without /verify. Median of BENCH_CV_RUNS (default 5), interleaved. 127.0.0.1 only; cleans up after itself.
#
#   bench/copy-verify.sh            # 512 MiB
#   bench/copy-verify.sh 64         # any size in MiB
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
size_mib=${1:-512}
runs=${BENCH_CV_RUNS:-5}
ssh_port=${BENCH_CV_SSH:-22401}
ftp_port=${BENCH_CV_FTP:-22121}
work=$(mktemp -d)
daemon=""
cleanup() {
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
    [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

[ "${BENCH_SKIP_BUILD:-}" = 1 ] || (cd "$repo" && mvn -B -q -o -DskipTests package)
jar="$repo/target/ioslab.jar"
mkdir -p "$work/conf"
cat > "$work/conf/ioslab.yaml" <<YAML
daemon: { stateDir: var, bootTime: 1s }
imageRepository: { enabled: true, ftpPort: $ftp_port, tftpPort: $((ftp_port + 1)), sampleImageBytes: 65536 }
devices:
  - { name: r1, sshPort: $ssh_port, telnetPort: $((ssh_port + 100)),
      users: [{ name: admin, privilege: 15, secret: admin }], enableSecret: cisco,
      platform: { flash: [{ name: flash0, sizeBytes: $(( (size_mib * 3 + 256) * 1048576 )) }] } }
YAML
cd "$work"
java -jar "$jar" > daemon.log 2>&1 &
daemon=$!
for _ in $(seq 1 120); do grep -q "ioslab is up" daemon.log && break; sleep 0.5; done
grep -q "ioslab is up" daemon.log || { cat daemon.log; exit 1; }

head -c $((size_mib * 1048576)) /dev/urandom > payload.bin
java -jar "$jar" sign --pki var/pki --type production --platform C3900 --version '15.9(3)M2' \
    --in payload.bin --out var/images/big.SPA.bin > /dev/null
rm payload.bin

/usr/bin/python3 - "$ssh_port" "$ftp_port" "$runs" <<'PY'
import statistics, subprocess, sys, time
import paramiko
ssh_port, ftp_port, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
c = paramiko.SSHClient(); c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
c.connect("127.0.0.1", port=ssh_port, username="admin", password="admin", look_for_keys=False, allow_agent=False)
ch = c.invoke_shell(width=250)
pending = ""
def until(marker, timeout=900):
    """Waits for marker in what arrived after the previous match; keeps what follows it for the next call."""
    global pending
    end = time.time() + timeout
    while marker not in pending and time.time() < end:
        if ch.recv_ready():
            pending += ch.recv(1 << 20).decode("latin1")
        else:
            time.sleep(0.005)
    if marker not in pending:
        raise SystemExit("timed out waiting for " + marker + ":\n" + pending[-2000:])
    i = pending.index(marker) + len(marker)
    seen, pending = pending[:i], pending[i:]
    return seen
until("r1#")
ch.send("terminal length 0\rconfigure terminal\rfile prompt quiet\rend\r"); until("r1(config)#end"); until("r1#")
url = "ftp://127.0.0.1:%d/big.SPA.bin" % ftp_port
def device(cmd, marker):
    ch.send("delete /force flash0:big.SPA.bin\r"); until("r1#")
    t0 = time.perf_counter(); ch.send(cmd + "\r"); out = until(marker); until("r1#")
    return time.perf_counter() - t0, out
def tools():
    t0 = time.perf_counter()
    subprocess.run(["curl", "-s", "-o", "big.copy", url], check=True)
    subprocess.run(["sha512sum", "big.copy"], check=True, stdout=subprocess.DEVNULL)
    t = time.perf_counter() - t0
    subprocess.run(["rm", "-f", "big.copy"], check=True)
    return t
verify, plain, tool = [], [], []
for i in range(runs):
    t, out = device("copy /verify " + url + " flash0:", "Digital signature successfully verified")
    verify.append(t)
    t, _ = device("copy " + url + " flash0:", "bytes/sec)")
    plain.append(t)
    tool.append(tools())
m = statistics.median
print("copy /verify from FTP : %.2f s (median of %d)" % (m(verify), runs))
print("copy from FTP         : %.2f s" % m(plain))
print("curl + sha512sum      : %.2f s" % m(tool))
print("ratio /verify vs curl+sha512sum : %.2f   (target <= 1.2)" % (m(verify) / m(tool)))
print("ratio /verify vs copy           : %.2f" % (m(verify) / m(plain)))
PY
