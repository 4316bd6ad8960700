#!/usr/bin/env bash
# ioslab scale and speed benchmark (issue 3). Not part of `mvn verify`; nothing here asserts timings.
#
#   bench/rack.sh                 # racks of 10, 1000 and 5000 devices, then SSH latency (1, 50, 200 sessions)
#   bench/rack.sh 10 100          # quick run: racks of 10 and 100 devices
#
# Environment (all optional):
#   BENCH_SIZES="10 1000 5000"    rack sizes when no arguments are given
#   BENCH_SESSION_DEVICES=200     devices of the rack the SSH sessions go to (round-robin)
#   BENCH_CONCURRENCY="1 50 200"  concurrent SSH sessions per latency run
#   BENCH_SSH_BASE=20001          first device SSH port (ports count up); BENCH_TELNET_BASE=26001 likewise
#   BENCH_SSHD_PORT=19022         loopback port of the OpenSSH sshd baseline
#   BENCH_COLD_MAX=N              no cold start for racks above N devices: their state folder is seeded with the
#                                 host keys of the largest cold rack (copied round-robin) and only the warm start is
#                                 measured; the cold time is extrapolated from that cold rack (RSA key generation
#                                 dominates a cold start, about 0.1-1 s per device on 2 cores)
#   BENCH_START_TIMEOUT=1800      seconds a rack may take to start before the run is abandoned
#   BENCH_LOGIN_TIMEOUT=120s      daemon.loginTimeout of the racks (default: the daemon's, 30s); sshd's LoginGraceTime
#                                 is 120s, and both clocks include the key exchange, which queues under a burst
#   BENCH_DESCRIPTOR_HEADROOM=N   daemon.descriptorHeadroom (default 2000 descriptors kept for connections); each
#                                 device holds 2 listening sockets, so under `ulimit -n 20000` racks above about
#                                 8,900 devices need a smaller headroom (9,500 devices: 500)
#   BENCH_JAVA_OPTS=""            extra JVM options for the daemon (e.g. -Xmx2g)
#   BENCH_SKIP_BUILD=1            use target/ioslab.jar as it is
#   BENCH_SKIP_SSHD=1             no OpenSSH baseline
#   BENCH_KEEP=1                  keep the temp folder (configs, logs, state) for a look afterwards
#
# Everything listens and connects on 127.0.0.1 only. Every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -gt 0 ]; then SIZES="$*"; else SIZES=${BENCH_SIZES:-10 1000 5000}; fi
SESSION_DEVICES=${BENCH_SESSION_DEVICES:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-1 50 200}
SSH_BASE=${BENCH_SSH_BASE:-20001}
TELNET_BASE=${BENCH_TELNET_BASE:-26001}
SSHD_PORT=${BENCH_SSHD_PORT:-19022}
START_TIMEOUT=${BENCH_START_TIMEOUT:-1800}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
HOST=127.0.0.1
CP="$ROOT/target/ioslab.jar:$ROOT/target/lib/*"

WORK=$(mktemp -d /tmp/ioslab-bench.XXXXXX)
PIDS=()

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_pid() { # PID [seconds]: SIGTERM, wait, then SIGKILL
    local pid=$1 wait_s=${2:-120} i
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
    for pid in "${PIDS[@]}"; do stop_pid "$pid" 30; done
    if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# ---------------------------------------------------------------------------------------------------- checks, build
max_size=0
for n in $SIZES $SESSION_DEVICES; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || die "rack size '$n' is not a positive number"
    ((n > max_size)) && max_size=$n
done
((SSH_BASE + max_size - 1 < TELNET_BASE || TELNET_BASE + max_size - 1 < SSH_BASE)) \
    || die "SSH ports $SSH_BASE.. and Telnet ports $TELNET_BASE.. overlap for $max_size devices"
((SSH_BASE + max_size - 1 <= 65535 && TELNET_BASE + max_size - 1 <= 65535)) || die "ports beyond 65535"
read -r eph_lo _ < /proc/sys/net/ipv4/ip_local_port_range
if ((SSH_BASE + max_size - 1 >= eph_lo || TELNET_BASE + max_size - 1 >= eph_lo)); then
    log "warning: device ports reach the ephemeral range (from $eph_lo); a bind may fail by chance"
fi

# Number of TCP listeners on 127.0.0.1/0.0.0.0 in [lo, hi].
listeners_in() {
    ss -Hltn 2>/dev/null | awk -v lo="$1" -v hi="$2" \
        '{ n = split($4, a, ":"); p = a[n] + 0 } p >= lo && p <= hi { c++ } END { print c + 0 }'
}
busy=$(( $(listeners_in "$SSH_BASE" $((SSH_BASE + max_size - 1))) \
    + $(listeners_in "$TELNET_BASE" $((TELNET_BASE + max_size - 1))) ))
((busy == 0)) \
    || die "$busy ports in $SSH_BASE.. or $TELNET_BASE.. already listen; pick BENCH_SSH_BASE/BENCH_TELNET_BASE"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building target/ioslab.jar (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) > "$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log" >&2; die "build failed"; }
fi
[ -f "$ROOT/target/ioslab.jar" ] || die "no $ROOT/target/ioslab.jar"

# ---------------------------------------------------------------------------------------------------- rack helpers
write_config() { # N STATE_DIR FILE
    cat > "$3" <<EOF
daemon:
  stateDir: $2
  logConfig: $ROOT/conf/logback.xml
  bindAddress: $HOST
${BENCH_LOGIN_TIMEOUT:+  loginTimeout: $BENCH_LOGIN_TIMEOUT}
${BENCH_DESCRIPTOR_HEADROOM:+  descriptorHeadroom: $BENCH_DESCRIPTOR_HEADROOM}
imageRepository:
  enabled: false
devices:
  - name: "r{n}"
    count: $1
    address: $HOST
    sshPort: $SSH_BASE
    telnetPort: $TELNET_BASE
    users: [{ name: admin, privilege: 15, secret: admin }]
    enableSecret: cisco
EOF
}

RACK_PID=
START_S=
DAEMON_MS=
start_rack() { # N STATE_DIR TAG
    local n=$1 state=$2 tag=$3 cfg="$WORK/$3.yaml" out="$WORK/$3.log" t0 t1 line
    write_config "$n" "$state" "$cfg"
    t0=$(now_ns)
    # shellcheck disable=SC2086
    (cd "$WORK" && exec java $JAVA_OPTS -jar "$ROOT/target/ioslab.jar" "$cfg") > "$out" 2>&1 &
    RACK_PID=$!
    PIDS+=("$RACK_PID")
    while :; do
        if line=$(grep -m1 -o '[0-9]* devices started in [0-9]* ms' "$out"); then break; fi
        kill -0 "$RACK_PID" 2>/dev/null || { tail -20 "$out" >&2; die "$tag: the daemon exited before it was up"; }
        (( ($(now_ns) - t0) / 1000000000 < START_TIMEOUT )) || die "$tag: not up after ${START_TIMEOUT}s"
        sleep 0.1
    done
    t1=$(now_ns)
    START_S=$(secs "$t0" "$t1")
    DAEMON_MS=$(awk '{ print $5 }' <<< "$line")
    # The daemon binds one listener after the other and logs only when all are bound; check that they listen.
    local up=$(( $(listeners_in "$SSH_BASE" $((SSH_BASE + n - 1))) \
        + $(listeners_in "$TELNET_BASE" $((TELNET_BASE + n - 1))) ))
    ((up == 2 * n)) || die "$tag: $up of $((2 * n)) listeners are up after the start-up line"
    (exec 3<>"/dev/tcp/$HOST/$((TELNET_BASE + n - 1))") 2>/dev/null \
        || die "$tag: the last Telnet listener does not accept"
    log "$tag: $n devices up in ${START_S}s (daemon: ${DAEMON_MS} ms), $up listeners"
}

stop_rack() {
    local t0
    t0=$(now_ns)
    stop_pid "$RACK_PID" 300
    log "stopped in $(secs "$t0" "$(now_ns)")s"
    RACK_PID=
}

RSS_MB= ; THREADS= ; HEAP_KB=
measure_rack() { # idle rack: full GC, then heap used, RSS and threads
    local pid=$RACK_PID
    sleep "${BENCH_SETTLE:-3}"
    jcmd "$pid" GC.run > /dev/null 2>&1 || log "jcmd GC.run failed"
    HEAP_KB=$(jcmd "$pid" GC.heap_info 2>/dev/null | grep -m1 -oE 'total [0-9]+K, used [0-9]+K' \
        | grep -oE '[0-9]+K$' | tr -d K)
    [ -n "$HEAP_KB" ] || HEAP_KB=NaN
    RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
    THREADS=$(awk '/^Threads:/ { print $2 }' "/proc/$pid/status")
}

# ---------------------------------------------------------------------------------------------------- 1. racks
# Seeds STATE/devices/r1..rN/ssh/hostkey with the host keys of the cold rack in FROM (M devices), round-robin.
seed_host_keys() { # N STATE FROM M
    local n=$1 state=$2 from=$3 m=$4 k
    local -a keys=() dirs=()
    for ((k = 1; k <= m; k++)); do keys+=("$(< "$from/devices/r$k/ssh/hostkey")"); done
    for ((k = 1; k <= n; k++)); do dirs+=("$state/devices/r$k/ssh"); done
    printf '%s\0' "${dirs[@]}" | xargs -0 mkdir -p
    (umask 077; for ((k = 1; k <= n; k++)); do
        printf '%s\n' "${keys[(k - 1) % m]}" > "$state/devices/r$k/ssh/hostkey"
    done)
}

declare -A COLD WARM DCOLD DWARM RSS HEAP THR THRC RSSC
LAST_STATE=
LAST_STATE_N=0
COLD_MAX=${BENCH_COLD_MAX:-0}
COLD_REF_N=0
for n in $SIZES; do
    state="$WORK/state-$n"
    if ((COLD_MAX > 0 && n > COLD_MAX)); then
        ((COLD_REF_N > 0)) || die "BENCH_COLD_MAX=$COLD_MAX: list a rack of at most $COLD_MAX devices before $n"
        log "rack-$n: no cold start (BENCH_COLD_MAX=$COLD_MAX); seeding host keys from the $COLD_REF_N-device rack"
        seed_host_keys "$n" "$state" "$WORK/state-$COLD_REF_N" "$COLD_REF_N"
        COLD[$n]=est; DCOLD[$n]=est; RSSC[$n]=-; THRC[$n]=-
    else
        start_rack "$n" "$state" "rack-$n-cold"
        COLD[$n]=$START_S; DCOLD[$n]=$DAEMON_MS
        measure_rack; RSSC[$n]=$RSS_MB; THRC[$n]=$THREADS
        log "rack-$n idle after cold start: RSS ${RSS_MB} MB, heap after GC ${HEAP_KB} KB, ${THREADS} threads"
        stop_rack
        COLD_REF_N=$n
    fi
    start_rack "$n" "$state" "rack-$n-warm"
    WARM[$n]=$START_S; DWARM[$n]=$DAEMON_MS
    if [ "${COLD[$n]}" = est ]; then # this warm start plus the key generation time per device of the cold rack
        r=$COLD_REF_N
        COLD[$n]="~$(awk -v w="$START_S" -v c="${COLD[$r]}" -v cw="${WARM[$r]}" -v m="$r" -v n="$n" \
            'BEGIN { printf "%.0f", w + (c - cw) / m * n }')"
    fi
    measure_rack; RSS[$n]=$RSS_MB; HEAP[$n]=$HEAP_KB; THR[$n]=$THREADS
    log "rack-$n idle: RSS ${RSS_MB} MB, heap after GC ${HEAP_KB} KB, ${THREADS} threads"
    stop_rack
    if ((n >= SESSION_DEVICES)) && { ((LAST_STATE_N == 0)) || ((n < LAST_STATE_N)); }; then
        LAST_STATE=$state; LAST_STATE_N=$n
    fi
done

# ---------------------------------------------------------------------------------------------------- 2. sessions
log "compiling bench/SshLatency.java"
mkdir -p "$WORK/client"
javac -nowarn -d "$WORK/client" -cp "$CP" "$ROOT/bench/SshLatency.java" || die "cannot compile bench/SshLatency.java"
client() {
    java -Dlogback.configurationFile="$ROOT/bench/logback-client.xml" -cp "$WORK/client:$CP" SshLatency "$@"
}
rounds_for() { local c=$1; local r=$(( (20 + c - 1) / c )); ((r < 2)) && r=2; echo "$r"; }
field() { grep -m1 '^RESULT' <<< "$1" | grep -oE "(^| )$2=[^ ]*" | cut -d= -f2; }

declare -A IP50 IP95 IERR SP50 SP95 SERR
# Sessions go to a rack whose host keys exist already (a warm start), so key generation is not in the numbers.
state=${LAST_STATE:-$WORK/state-sessions}
start_rack "$SESSION_DEVICES" "$state" "sessions-rack-$SESSION_DEVICES"
SHOWVER="$WORK/show-version.txt"
client --label dump --port "$SSH_BASE" --ports 1 --password admin --command "show version" \
    --expect "Cisco IOS Software" --rounds 0 --warmup 1 --dump "$SHOWVER" > "$WORK/dump.out" 2>&1
[ -s "$SHOWVER" ] || { cat "$WORK/dump.out" >&2; die "show version over SSH gave no output"; }
for c in $CONCURRENCY; do
    out=$(client --label ioslab --port "$SSH_BASE" --ports "$SESSION_DEVICES" --user admin --password admin \
        --command "show version" --expect "Cisco IOS Software" --concurrency "$c" --rounds "$(rounds_for "$c")" 2>&1)
    echo "$out" >> "$WORK/sessions.out"
    IP50[$c]=$(field "$out" p50_ms); IP95[$c]=$(field "$out" p95_ms); IERR[$c]=$(field "$out" errors)
    log "ioslab $c sessions: $(grep -m1 '^RESULT' <<< "$out")"
    grep '^FIRST_ERROR' <<< "$out" >&2
done
measure_rack
log "sessions rack after the runs: RSS ${RSS_MB} MB, heap after GC ${HEAP_KB} KB, ${THREADS} threads"
stop_rack

SSHD_NOTE=
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
if [ -z "$SSHD_NOTE" ]; then
    d="$WORK/sshd"
    mkdir -p "$d/home"
    [ -d /run/sshd ] || mkdir -p -m 0755 /run/sshd   # sshd's privilege-separation folder, made by systemd otherwise
    ssh-keygen -q -t rsa -b 2048 -N '' -f "$d/host_rsa"   # same host key type as the devices (RSA 2048)
    ssh-keygen -q -t ecdsa -b 256 -N '' -f "$d/id_ecdsa"
    # bash sources ~/.bashrc for commands run by sshd; root's may do anything (here: pyenv init, 2.5 s). An empty
    # HOME for the benchmark key keeps the login shell's start-up out of the numbers (PermitUserEnvironment below).
    printf 'environment="HOME=%s",environment="SHLVL=1" %s\n' "$d/home" "$(cat "$d/id_ecdsa.pub")" \
        > "$d/authorized_keys"
    cat > "$d/sshd_config" <<EOF
ListenAddress $HOST:$SSHD_PORT
HostKey $d/host_rsa
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
# The default (10:30:100) drops unauthenticated connections beyond 10; the benchmark opens 200 at once.
MaxStartups 1000
PermitUserEnvironment HOME,SHLVL
LogLevel ERROR
EOF
    /usr/sbin/sshd -t -f "$d/sshd_config" || die "sshd rejects $d/sshd_config"
    ((0 == $(listeners_in "$SSHD_PORT" "$SSHD_PORT"))) || die "port $SSHD_PORT already listens; set BENCH_SSHD_PORT"
    /usr/sbin/sshd -D -e -f "$d/sshd_config" 2> "$d/sshd.log" &
    SSHD_PID=$!
    PIDS+=("$SSHD_PID")
    for ((i = 0; i < 100; i++)); do
        (($(listeners_in "$SSHD_PORT" "$SSHD_PORT") > 0)) && break
        sleep 0.1
    done
    log "sshd $(/usr/sbin/sshd -V 2>&1 | head -1) on $HOST:$SSHD_PORT (pid $SSHD_PID)"
    for c in $CONCURRENCY; do
        out=$(client --label sshd --port "$SSHD_PORT" --ports 1 --user "$(id -un)" --key "$d/id_ecdsa" \
            --command "cat $SHOWVER" --expect "Cisco IOS Software" --concurrency "$c" \
            --rounds "$(rounds_for "$c")" 2>&1)
        echo "$out" >> "$WORK/sessions.out"
        SP50[$c]=$(field "$out" p50_ms); SP95[$c]=$(field "$out" p95_ms); SERR[$c]=$(field "$out" errors)
        log "sshd $c sessions: $(grep -m1 '^RESULT' <<< "$out")"
        grep '^FIRST_ERROR' <<< "$out" >&2
    done
    stop_pid "$SSHD_PID" 10
fi

# ---------------------------------------------------------------------------------------------------- 3. report
first=; last=
for n in $SIZES; do [ -z "$first" ] && first=$n; last=$n; done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0 && a != "NaN" && a != "") }' && echo 1 || echo 0; }

echo
echo "ioslab benchmark  $(date -u '+%Y-%m-%d %H:%M UTC')  $(nproc) cores  $(java -version 2>&1 | head -1)"
echo "commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)  JAVA_OPTS='${JAVA_OPTS}'" \
    " loginTimeout=${BENCH_LOGIN_TIMEOUT:-default}"
echo
printf '%-8s %8s %12s %12s %10s %10s %8s %9s %14s %8s %8s\n' rack devices cold_start_s warm_start_s \
    cold_dmn_ms warm_dmn_ms rss_MB heap_MB heap_KB/device threads thr_cold
for n in $SIZES; do
    printf '%-8s %8d %12s %12s %10s %10s %8s %9s %14s %8s %8s\n' rack "$n" "${COLD[$n]}" "${WARM[$n]}" "${DCOLD[$n]}" \
        "${DWARM[$n]}" "${RSS[$n]}" "$(awk -v h="${HEAP[$n]}" 'BEGIN { printf "%.1f", h / 1024 }')" \
        "$(awk -v h="${HEAP[$n]}" -v n="$n" 'BEGIN { printf "%.1f", h / n }')" "${THR[$n]}" "${THRC[$n]}"
done
echo "  start_s: wall time from 'java -jar' until the daemon logs that all listeners are bound (cold: fresh state"
echo "  folder, every SSH host key generated; warm: same folder again). dmn_ms: the daemon's own 'devices started in'."
echo "  rss/heap/threads: idle rack after the warm start; heap = used after 'jcmd GC.run'."
echo "  thr_cold: threads after the cold start. '~N' cold_start_s: not run (BENCH_COLD_MAX); estimated as this"
echo "  warm start + N x (cold - warm) / devices of the largest cold rack."
echo
printf '%-8s %9s %14s %14s %12s %12s %10s %10s %7s\n' sessions devices ioslab_p50_ms ioslab_p95_ms sshd_p50_ms \
    sshd_p95_ms ratio_p50 ratio_p95 errors
for c in $CONCURRENCY; do
    ratio50=$(ratio "${IP50[$c]:-}" "${SP50[$c]:-}")
    ratio95=$(ratio "${IP95[$c]:-}" "${SP95[$c]:-}")
    printf '%-8s %9s %14s %14s %12s %12s %10s %10s %7s\n' "$c" "$SESSION_DEVICES" "${IP50[$c]:--}" "${IP95[$c]:--}" \
        "${SP50[$c]:--}" "${SP95[$c]:--}" "$ratio50" "$ratio95" "${IERR[$c]:--}/${SERR[$c]:--}"
done
echo "  one session = TCP connect + key exchange + auth (ioslab: password; sshd: ECDSA key) + exec 'show version'"
echo "  (sshd: 'cat' of the same text) + read to EOF + close; rounds of N sessions started at once; errors ioslab/sshd."
[ -n "$SSHD_NOTE" ] && echo "  sshd: $SSHD_NOTE"
echo
echo "targets"
if [[ ${COLD[5000]:-} == "~"* ]]; then
    printf '  %-52s cold %6ss (extrapolated) MISS, warm %6ss %s\n' "5,000 devices start in under 30 s" \
        "${COLD[5000]#\~}" "${WARM[5000]}" "$(verdict "$(lt "${WARM[5000]}" 30)")"
elif [ -n "${COLD[5000]:-}" ]; then
    printf '  %-52s cold %6ss %s, warm %6ss %s\n' "5,000 devices start in under 30 s" "${COLD[5000]}" \
        "$(verdict "$(lt "${COLD[5000]}" 30)")" "${WARM[5000]}" "$(verdict "$(lt "${WARM[5000]}" 30)")"
else
    printf '  %-52s n/a (no 5000-device rack in this run)\n' "5,000 devices start in under 30 s"
fi
per_dev=$(awk -v h="${HEAP[$last]}" -v n="$last" 'BEGIN { printf "%.1f", h / n }')
marg="-"
if [ "$first" != "$last" ]; then
    marg=$(awk -v a="${HEAP[$first]}" -v b="${HEAP[$last]}" -v m="$first" -v n="$last" \
        'BEGIN { printf "%.1f", (b - a) / (n - m) }')
fi
printf '  %-52s %s KB/device at %s devices (marginal %s KB) %s\n' "idle heap under 200 KB per device" "$per_dev" \
    "$last" "$marg" "$(verdict "$(lt "$per_dev" 200)")"
if [ "$first" != "$last" ]; then
    grow=$((THR[$last] - THR[$first]))
    printf '  %-52s %s threads at %s devices, %s at %s (+%s) %s\n' "no thread per idle device" "${THR[$first]}" \
        "$first" "${THR[$last]}" "$last" "$grow" "$(verdict "$(lt "$grow" 11)")"
else
    printf '  %-52s n/a (needs two rack sizes)\n' "no thread per idle device"
fi
cmax=0
for c in $CONCURRENCY; do ((c > cmax)) && cmax=$c; done
ok95=0
[ "${IERR[$cmax]:-1}" = 0 ] && ok95=$(lt "${IP95[$cmax]:-NaN}" 1000)
if ((cmax >= 200)); then v95=$(verdict "$ok95"); else v95="n/a (needs 200 sessions)"; fi
printf '  %-52s p95 %s ms at %s sessions, %s errors %s\n' "200 concurrent sessions: p95 show version under 1 s" \
    "${IP95[$cmax]:--}" "$cmax" "${IERR[$cmax]:--}" "$v95"
