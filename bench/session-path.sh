#!/usr/bin/env bash
# ioslab session path benchmark ("Session path speed"). Not part of `mvn verify`; nothing here asserts timings.
#
#   bench/session-path.sh         # everything, 50 concurrent Netmiko sessions (about 8 minutes on 2 busy cores)
#   bench/session-path.sh 200     # the same with 200 concurrent sessions
#
# One run measures, on 127.0.0.1 only, next to a private OpenSSH sshd started here:
#   1. interactive round trips, interleaved: 'show clock' in an SSH shell and over Telnet on a device, 'echo hi'
#      in bash over sshd (paramiko invoke_shell for both SSH paths, a plain socket for Telnet); then (1b) the same
#      through two C clients on a pty, OpenSSH's ssh and inetutils telnet (packages openssh-client, telnet)
#   2. login + exec wall time: 'show version' on the devices, 'true' on sshd (new paramiko connection each)
#   3. server CPU per session: daemon utime+stime per exec session and per Netmiko session (also net of the idle
#      rate measured just before, and split by thread); sshd's per 'ssh true' (sshd -D's listener: its own and its
#      reaped children's time, i.e. the whole per-connection process tree)
#   4. N Netmiko sessions started at once against lone sessions
#   5. (BENCH_JFR_SESSIONS > 0) hot methods of the daemon over that many exec sessions, from JFR samples
#
# Environment (all optional):
#   BENCH_SP_DEVICES=4            devices of the temp rack (SSH from BENCH_SP_SSH_BASE=22201, Telnet from
#                                 BENCH_SP_TELNET_BASE=22301: clear of the shipped 2201-2203/2301-2303)
#   BENCH_SP_SSHD_PORT=22122      loopback port of the private sshd
#   BENCH_SP_RTT=50 BENCH_SP_RTT_WARMUP=50   round trips per path, and warm-up turns before them (back to back: the
#                                 JIT counts calls; C2 compiles the shell path after about 5,000 of them)
#   BENCH_SP_EXEC=30              login + exec samples per server (5 warm-up each)
#   BENCH_SP_CPU=100 BENCH_SP_CPU_WARMUP=50  exec sessions measured for CPU, after that many warm-up ones
#   BENCH_SP_NETMIKO=30 BENCH_SP_NETMIKO_WARMUP=5   Netmiko sessions measured for CPU, after that many warm-up ones
#   BENCH_SP_CONCURRENT=50        sessions at once (or the first argument); BENCH_SP_ROUNDS=1 rounds of them;
#                                 BENCH_SP_LONE=10 lone sessions first
#   BENCH_JFR_SESSIONS=300        exec sessions recorded with JFR for the hot-method list; 0: no JFR
#   BENCH_SP_STEPS="rtt rtt-native exec cpu-exec cpu-netmiko concurrent"  the sections to run ("rtt" for 1. alone)
#   BENCH_SP_STEP_TIMEOUT=900     seconds any one step may take before it is stopped
#   BENCH_JAVA_OPTS=""            extra JVM options for the daemon
#   BENCH_SP_IO_THREADS=          the daemon's ioThreads (network loops and SSH I/O); empty: its default (cores)
#   BENCH_SKIP_BUILD=1            use target/ioslab.jar as it is
#   BENCH_SKIP_SSHD=1             no OpenSSH baseline
#   BENCH_KEEP=1                  keep the temp folder (config, daemon log, state, JSON, JFR file)
#
# Every process started here is stopped on exit (daemon, sshd, the Python client and its workers).
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEVICES=${BENCH_SP_DEVICES:-4}
SSH_BASE=${BENCH_SP_SSH_BASE:-22201}
TELNET_BASE=${BENCH_SP_TELNET_BASE:-22301}
SSHD_PORT=${BENCH_SP_SSHD_PORT:-22122}
CONCURRENT=${1:-${BENCH_SP_CONCURRENT:-50}}
STEP_TIMEOUT=${BENCH_SP_STEP_TIMEOUT:-900}
JFR_SESSIONS=${BENCH_JFR_SESSIONS:-300}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
PY=/usr/bin/python3
HOST=127.0.0.1

WORK=$(mktemp -d /tmp/ioslab-session-path.XXXXXX)
RES="$WORK/results.json"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
PIDS=()
STEP_PID=

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_pid() { # PID [seconds]: SIGTERM, wait, then SIGKILL
    local pid=$1 wait_s=${2:-60} i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < wait_s * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
        sleep 0.1
    done
    log "pid $pid did not stop within ${wait_s}s; killing it"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

cleanup() {
    local pid
    # The step runs under timeout(1), which forwards SIGTERM to the client and its process group (the workers).
    [ -n "$STEP_PID" ] && stop_pid "$STEP_PID" 20
    for pid in "${PIDS[@]}"; do stop_pid "$pid" 30; done
    if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for v in "$DEVICES" "$CONCURRENT" "$JFR_SESSIONS" "$STEP_TIMEOUT"; do
    [[ $v =~ ^[0-9]+$ ]] || die "'$v' is not a number"
done
((DEVICES >= 1 && CONCURRENT >= 1)) || die "need at least one device and one concurrent session"
# Every concurrent session needs a vty line (16 per device here): spread a large run over more devices, as an
# automation run spreads its sessions over a fleet.
if ((DEVICES * 16 < CONCURRENT)); then
    DEVICES=$(( (CONCURRENT + 15) / 16 ))
    echo "$(date -u +%H:%M:%S)  $CONCURRENT concurrent sessions need $DEVICES devices of 16 vty lines" >&2
fi
((SSH_BASE + DEVICES <= TELNET_BASE || TELNET_BASE + DEVICES <= SSH_BASE)) || die "SSH and Telnet ports overlap"
$PY -c 'import paramiko, netmiko' 2>/dev/null || die "$PY lacks paramiko or netmiko (python3-paramiko, python3-netmiko)"

listeners_in() { # number of TCP listeners on ports [lo, hi]
    ss -Hltn 2>/dev/null | awk -v lo="$1" -v hi="$2" \
        '{ n = split($4, a, ":"); p = a[n] + 0 } p >= lo && p <= hi { c++ } END { print c + 0 }'
}
busy=$(( $(listeners_in "$SSH_BASE" $((SSH_BASE + DEVICES - 1))) \
    + $(listeners_in "$TELNET_BASE" $((TELNET_BASE + DEVICES - 1))) ))
((busy == 0)) || die "$busy ports of $SSH_BASE.. or $TELNET_BASE.. already listen; set BENCH_SP_SSH_BASE/TELNET_BASE"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building target/ioslab.jar (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) > "$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; die "build failed"; }
fi
[ -f "$ROOT/target/ioslab.jar" ] || die "no $ROOT/target/ioslab.jar"

# ---------------------------------------------------------------------------------------------------- the daemon
cat > "$WORK/ioslab.yaml" <<EOF
daemon:
  stateDir: $WORK/state
  logConfig: $ROOT/conf/logback.xml
  bindAddress: $HOST
  # The concurrent runs open dozens of sessions at once from 127.0.0.1 to each device, $CONCURRENT in all.
  maxUnauthenticatedPerListener: 64
  maxUnauthenticatedPerAddress: $((CONCURRENT > 128 ? CONCURRENT + 16 : 128))
${BENCH_SP_IO_THREADS:+  ioThreads: $BENCH_SP_IO_THREADS}
imageRepository:
  enabled: false
devices:
  - name: "r{n}"
    count: $DEVICES
    address: $HOST
    sshPort: $SSH_BASE
    telnetPort: $TELNET_BASE
    users: [{ name: admin, privilege: 15, secret: admin }]
    enableSecret: cisco
    # 16 vty lines per device, as on a router set up for automation: the concurrent runs need more than 5 each.
    startupConfig: [line vty 0 15, " login local"]
EOF
# shellcheck disable=SC2086
(cd "$WORK" && exec java $JAVA_OPTS -jar "$ROOT/target/ioslab.jar" "$WORK/ioslab.yaml") > "$WORK/daemon.log" 2>&1 &
DPID=$!
PIDS+=("$DPID")
for ((i = 0; ; i++)); do
    grep -q 'devices started in [0-9]* ms' "$WORK/daemon.log" && break
    kill -0 "$DPID" 2>/dev/null || { tail -20 "$WORK/daemon.log" >&2; die "the daemon exited before it was up"; }
    ((i < 1200)) || die "the daemon is not up after 120 s"
    sleep 0.1
done
up=$(( $(listeners_in "$SSH_BASE" $((SSH_BASE + DEVICES - 1))) \
    + $(listeners_in "$TELNET_BASE" $((TELNET_BASE + DEVICES - 1))) ))
((up == 2 * DEVICES)) || die "$up of $((2 * DEVICES)) device listeners are up"
log "daemon up (pid $DPID): $DEVICES devices, SSH $SSH_BASE.., Telnet $TELNET_BASE.."
SSH_PORTS=$(seq -s, "$SSH_BASE" $((SSH_BASE + DEVICES - 1)))

# ---------------------------------------------------------------------------------------------------- the sshd
SSHD_NOTE=
SSHD_ARGS=()
if [ -n "${BENCH_SKIP_SSHD:-}" ]; then
    SSHD_NOTE="skipped (BENCH_SKIP_SSHD)"
elif [ ! -x /usr/sbin/sshd ]; then
    if [ "$(id -u)" = 0 ] && [ -x /usr/sbin/policy-rc.d ]; then
        # policy-rc.d keeps the package from starting a system sshd on port 22.
        log "installing openssh-server (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q openssh-server > "$WORK/apt.log" 2>&1 || true
    fi
    [ -x /usr/sbin/sshd ] || SSHD_NOTE="not installed: run 'apt-get install openssh-server' (as root) and again"
fi
if [ -z "$SSHD_NOTE" ] && (($(listeners_in "$SSHD_PORT" "$SSHD_PORT") > 0)); then
    SSHD_NOTE="port $SSHD_PORT already listens (set BENCH_SP_SSHD_PORT)"
fi
if [ -z "$SSHD_NOTE" ]; then
    d="$WORK/sshd"
    mkdir -p "$d/home"
    [ -d /run/sshd ] || mkdir -p -m 0755 /run/sshd   # sshd's privilege-separation folder, made by systemd otherwise
    ssh-keygen -q -t ecdsa -b 256 -N '' -f "$d/host_ecdsa"   # the devices' host key type (ECDSA P-256)
    ssh-keygen -q -t ecdsa -b 256 -N '' -m PEM -f "$d/id_ecdsa"
    # An empty HOME for the benchmark key: bash would otherwise run the user's ~/.bashrc and ~/.profile (root's
    # here runs 'pyenv init', 2.5 s) in every session (PermitUserEnvironment below).
    printf 'environment="HOME=%s",environment="SHLVL=0" %s\n' "$d/home" "$(cat "$d/id_ecdsa.pub")" \
        > "$d/authorized_keys"
    cat > "$d/sshd_config" <<EOF
ListenAddress $HOST:$SSHD_PORT
HostKey $d/host_ecdsa
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
PermitRootLogin yes
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
PermitUserEnvironment HOME,SHLVL
LogLevel ERROR
EOF
    if /usr/sbin/sshd -t -f "$d/sshd_config" 2> "$d/sshd-t.log"; then
        /usr/sbin/sshd -D -e -f "$d/sshd_config" 2> "$d/sshd.log" &
        SSHD_PID=$!
        PIDS+=("$SSHD_PID")
        for ((i = 0; i < 100; i++)); do
            (($(listeners_in "$SSHD_PORT" "$SSHD_PORT") > 0)) && break
            sleep 0.1
        done
        (($(listeners_in "$SSHD_PORT" "$SSHD_PORT") > 0)) || die "sshd does not listen on $SSHD_PORT"
        SSHD_ARGS=(--sshd-port "$SSHD_PORT" --sshd-user "$(id -un)" --sshd-key "$d/id_ecdsa" --sshd-pid "$SSHD_PID")
        log "sshd on $HOST:$SSHD_PORT (pid $SSHD_PID)"
    else
        SSHD_NOTE="sshd rejects its config: $(head -1 "$d/sshd-t.log")"
    fi
fi
[ -n "$SSHD_NOTE" ] && log "no sshd baseline: $SSHD_NOTE"

# ---------------------------------------------------------------------------------------------------- the steps
step() { # NAME MODE ARGS...: one client run under timeout(1); its JSON goes into $RES
    local name=$1 rc t0=$SECONDS
    shift
    log "$name ..."
    timeout -k 10 "$STEP_TIMEOUT" $PY "$ROOT/bench/session_path.py" "$@" --out "$RES" \
        --ssh-ports "$SSH_PORTS" --telnet-port "$TELNET_BASE" --daemon-pid "$DPID" ${SSHD_ARGS[@]+"${SSHD_ARGS[@]}"} \
        > "$WORK/$name.out" 2> "$WORK/$name.err" &
    STEP_PID=$!
    wait "$STEP_PID"
    rc=$?
    STEP_PID=
    if ((rc != 0)); then
        tail -5 "$WORK/$name.err" >&2
        log "$name failed (exit $rc)"
        return 1
    fi
    log "$name done in $((SECONDS - t0)) s"
}

captured_rtt() { # NAME KEY ARGS...: an rtt step under a loopback capture, the server's part merged into $RES[KEY]
    # The server's part of each turn, from a loopback capture (root and tcpdump only): client's line in -> the
    # server's last answering segment out. Separates what the daemon does from what the client does.
    local name=$1 key=$2 tcpdump_pid=
    shift 2
    if [ "$(id -u)" = 0 ] && command -v tcpdump > /dev/null; then
        tcpdump -i lo -s 128 -w "$WORK/$name.pcap" -U \
            "tcp and (port ${SSH_PORTS%%,*} or port $TELNET_BASE or port $SSHD_PORT)" 2> "$WORK/$name-tcpdump.log" &
        tcpdump_pid=$!
        sleep 1
    fi
    step "$name" rtt --count "${BENCH_SP_RTT:-50}" --warmup "${BENCH_SP_RTT_WARMUP:-50}" "$@"
    [ -n "$tcpdump_pid" ] || return 0
    sleep 0.5
    kill -INT "$tcpdump_pid" 2> /dev/null
    wait "$tcpdump_pid" 2> /dev/null || true
    $PY "$ROOT/bench/server_turns.py" "$WORK/$name.pcap" "--last=$((2 * ${BENCH_SP_RTT:-50}))" \
        "${SSH_PORTS%%,*}=ioslab_ssh" "$TELNET_BASE=ioslab_telnet" "$SSHD_PORT=sshd_bash" \
        > "$WORK/$name-server.json" 2> "$WORK/$name-server.err" || true
    $PY - "$RES" "$WORK/$name-server.json" "$key" << 'PYEOF'
import json, sys
res, turns, key = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    with open(turns) as f:
        server = json.load(f)
except (OSError, ValueError):
    sys.exit(0)
with open(res) as f:
    data = json.load(f)
data.setdefault(key, {})["server"] = server
with open(res, "w") as f:
    json.dump(data, f)
PYEOF
}

STEPS=" ${BENCH_SP_STEPS:-rtt rtt-native exec cpu-exec cpu-netmiko concurrent} "
wanted() { [[ $STEPS == *" $1 "* ]]; }
wanted rtt && captured_rtt rtt rtt
if wanted rtt-native; then
    if command -v ssh > /dev/null && command -v telnet > /dev/null; then
        captured_rtt rtt-native rtt_native --client native
    else
        log "rtt-native skipped: it needs OpenSSH's ssh and a telnet client ('apt-get install openssh-client telnet')"
    fi
fi
wanted exec && step exec exec --count "${BENCH_SP_EXEC:-30}" --warmup 5
wanted cpu-exec && step cpu-exec cpu-exec --count "${BENCH_SP_CPU:-100}" --warmup "${BENCH_SP_CPU_WARMUP:-50}"
wanted cpu-netmiko && step cpu-netmiko cpu-netmiko --count "${BENCH_SP_NETMIKO:-30}" \
    --warmup "${BENCH_SP_NETMIKO_WARMUP:-5}"
wanted concurrent && step concurrent concurrent --n "$CONCURRENT" --rounds "${BENCH_SP_ROUNDS:-1}" \
    --lone "${BENCH_SP_LONE:-10}" --round-timeout "$STEP_TIMEOUT"

JFR_OUT=
if ((JFR_SESSIONS > 0)); then
    # 1 ms sampling (the 'profile' settings sample every 10 ms): enough samples from a few hundred sessions.
    if jcmd "$DPID" JFR.start name=sp settings=profile 'jdk.ExecutionSample#period=1ms' > "$WORK/jfr.log" 2>&1; then
        step jfr sessions --count "$JFR_SESSIONS" || true
        jcmd "$DPID" JFR.dump name=sp filename="$WORK/sp.jfr" >> "$WORK/jfr.log" 2>&1
        jcmd "$DPID" JFR.stop name=sp >> "$WORK/jfr.log" 2>&1
        JFR_OUT=$(timeout 300 $PY "$ROOT/bench/jfr_hot_methods.py" "$WORK/sp.jfr" "$JFR_SESSIONS" 10 2>&1)
    else
        JFR_OUT="JFR.start failed: $(head -3 "$WORK/jfr.log")"
    fi
fi

# ---------------------------------------------------------------------------------------------------- the report
echo
echo "ioslab session path  $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cores"
echo "load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg) (other engineers' builds included)"
echo "commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)  $(java -version 2>&1 | head -1)" \
    " JAVA_OPTS='$JAVA_OPTS'"
echo "client: $($PY -c 'import sys, paramiko, netmiko; print("Python", sys.version.split()[0], "paramiko",
    paramiko.__version__, "netmiko", netmiko.__version__)'), TCP_NODELAY on its own sockets (not Netmiko's)"
if [ -n "$SSHD_NOTE" ]; then echo "sshd: $SSHD_NOTE"; else echo "sshd: $(/usr/sbin/sshd -V 2>&1 | head -1)"; fi
echo "rack: $DEVICES devices, SSH $SSH_BASE.., Telnet $TELNET_BASE..; sessions go round-robin over them"
echo
$PY "$ROOT/bench/session_path.py" report --out "$RES"
if [ -n "$JFR_OUT" ]; then
    echo
    echo "5. daemon hot methods over $JFR_SESSIONS exec sessions ('show version'), JFR ExecutionSample every 1 ms"
    echo "$JFR_OUT"
fi
