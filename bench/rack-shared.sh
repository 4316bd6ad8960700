#!/usr/bin/env bash
# ioslab rack benchmark in shared-listener mode (issue 14). Not part of `mvn verify`; nothing here asserts timings.
#
#   bench/rack-shared.sh            # 100,000 devices on 127.1.0.1 … behind one SSH and one Telnet socket
#   bench/rack-shared.sh 20000      # a smaller rack
#
# Measures: cold start (fresh state folder) and warm start (same folder again) until the shared SSH port answers,
# idle heap per device (after a full GC), thread and descriptor counts of the idle rack, 1,000 SSH sessions (connect,
# key exchange, password login, exec "show version", close) to random devices of the rack against 1,000 sessions to a
# 10-device rack in the same mode (p50 ratio: what routing by address costs), and Netmiko's show version on a device
# picked at random.
#
# Environment (all optional):
#   BENCH_SSH_PORT=22222 BENCH_TELNET_PORT=22323   the shared ports (bound on 0.0.0.0: written out in the config)
#   BENCH_SESSIONS=1000 BENCH_CONCURRENCY=10       SSH sessions per rack, started this many at a time (at most 5
#                                                  per device of the 10-device rack: a device has 5 vty lines)
#   BENCH_JAVA_OPTS="-Xmx6g"                       JVM options of the daemon
#   BENCH_START_TIMEOUT=1800                       seconds a rack may take to start
#   BENCH_SKIP_BUILD=1 BENCH_KEEP=1                as in bench/rack.sh
#
# Clients connect only to 127.x addresses. Every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEVICES=${1:-100000}
SSH_PORT=${BENCH_SSH_PORT:-22222}
TELNET_PORT=${BENCH_TELNET_PORT:-22323}
SESSIONS=${BENCH_SESSIONS:-1000}
CONCURRENCY=${BENCH_CONCURRENCY:-10}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx6g}
START_TIMEOUT=${BENCH_START_TIMEOUT:-1800}
FIRST=127.1.0.1
CP="$ROOT/target/ioslab.jar:$ROOT/target/lib/*"
WORK=$(mktemp -d /tmp/ioslab-shared.XXXXXX)
PID=

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
stop_daemon() {
    [ -n "$PID" ] || return 0
    kill -TERM "$PID" 2>/dev/null
    for _ in $(seq 1 1200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$PID" 2>/dev/null
    wait "$PID" 2>/dev/null
    PID=
}
cleanup() { stop_daemon; if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

[[ $DEVICES =~ ^[1-9][0-9]*$ ]] || die "rack size '$DEVICES' is not a positive number"
if ss -Hltn | awk '{print $4}' | grep -Eq ":($SSH_PORT|$TELNET_PORT)\$"; then
    die "port $SSH_PORT or $TELNET_PORT already listens; set BENCH_SSH_PORT/BENCH_TELNET_PORT"
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building target/ioslab.jar"
    (cd "$ROOT" && mvn -B -q -DskipTests package) > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build"; }
fi
mkdir -p "$WORK/client"
javac -nowarn -d "$WORK/client" -cp "$CP" "$ROOT/bench/SshLatency.java" || die "cannot compile SshLatency.java"

write_config() { # N STATE FILE
    cat > "$3" <<YAML
daemon:
  stateDir: $2
  logConfig: $ROOT/conf/logback.xml
  loginTimeout: 120s
  sharedListeners: { address: 0.0.0.0, sshPort: $SSH_PORT, telnetPort: $TELNET_PORT }
  # The client runs $CONCURRENCY sessions at once from one address; on the 10-device rack several meet on one
  # device, which the default (2 connections not logged in yet per address and device) would refuse.
  maxUnauthenticatedPerListener: 5
imageRepository:
  enabled: false
  directory: $2/images
devices:
  - name: "r{n}"
    count: $1
    address: $FIRST
    users: [{ name: admin, privilege: 15, secret: admin }]
    enableSecret: cisco
YAML
}

START_S=
start_daemon() { # N STATE LOG
    write_config "$1" "$2" "$WORK/rack-$1.yaml"
    local t0 t1
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$ROOT/target/ioslab.jar" "$WORK/rack-$1.yaml" > "$3" 2>&1 &
    PID=$!
    for _ in $(seq 1 $((START_TIMEOUT * 20))); do
        if grep -q "devices answer on the shared SSH port" "$3"; then break; fi
        kill -0 "$PID" 2>/dev/null || { tail -20 "$3" >&2; die "daemon exited"; }
        sleep 0.05
    done
    # The port answers with the SSH identification: the rack is up.
    exec 3<>"/dev/tcp/$FIRST/$SSH_PORT" && head -c 4 <&3 > /dev/null; exec 3<&- 3>&-
    t1=$(date +%s%N)
    START_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
}

idle_figures() { # prints: heap_MB threads fds rss_MB
    sleep 3
    jcmd "$PID" GC.run > /dev/null 2>&1
    local heap_kb threads fds rss_kb
    heap_kb=$(jcmd "$PID" GC.heap_info 2>/dev/null | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") {
        v = $(i + 1); sub(/K,?/, "", v); s += v } } END { print s + 0 }' | head -1)
    threads=$(awk '/^Threads:/ { print $2 }' "/proc/$PID/status")
    fds=$(ls "/proc/$PID/fd" | wc -l)
    rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status")
    echo "$((heap_kb / 1024)) $threads $fds $((rss_kb / 1024))"
}

latency() { # HOSTS LABEL -> p50 p95 errors
    java -Dlogback.configurationFile="$ROOT/bench/logback-client.xml" -cp "$WORK/client:$CP" SshLatency \
        --label "$2" --host "$FIRST" --hosts "$1" --port "$SSH_PORT" --user admin --password admin \
        --command "show version" --expect "Cisco IOS Software" --concurrency "$CONCURRENCY" \
        --rounds $((SESSIONS / CONCURRENCY)) --warmup 5 | tee -a "$WORK/latency.txt" | awk '/^RESULT/ {
        for (i = 1; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] } print r["p50_ms"], r["p95_ms"], r["errors"] }'
}

random_address() { # N
    python3 -c "import random,ipaddress; print(ipaddress.IPv4Address('$FIRST') + random.randrange($1))"
}

netmiko_show_version() { # HOST
    /usr/bin/python3 - "$1" "$SSH_PORT" <<'PY'
import sys
from netmiko import ConnectHandler
c = ConnectHandler(device_type="cisco_ios", host=sys.argv[1], port=int(sys.argv[2]), username="admin",
                   password="admin", secret="cisco", fast_cli=False)
out = c.send_command("show version")
c.disconnect()
line = next((l for l in out.splitlines() if "uptime is" in l), "")
print("ok" if "Cisco IOS Software" in out else "FAILED", line.strip())
PY
}

# ------------------------------------------------------------------------------------------------ big rack
STATE="$WORK/state-$DEVICES"
log "cold start of $DEVICES devices (shared listeners on 0.0.0.0:$SSH_PORT/$TELNET_PORT)"
start_daemon "$DEVICES" "$STATE" "$WORK/cold.log"
COLD=$START_S
read -r HEAP_N THREADS_N FDS_N RSS_N < <(idle_figures)
log "cold ${COLD}s; idle heap ${HEAP_N} MB, ${THREADS_N} threads, ${FDS_N} descriptors, RSS ${RSS_N} MB"
device_folders() { find "$STATE/devices" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
DISK_COLD=$(device_folders)
log "$SESSIONS SSH sessions to random devices of $DEVICES"
read -r P50_N P95_N ERR_N < <(latency "$DEVICES" "rack$DEVICES")
# The same comparison inside one daemon, interleaved so that both see the same machine load: 5 × (200 sessions to
# random devices of the rack, 200 to its first 10 devices), 10 at a time; the ratio of the median p50s.
: > "$WORK/interleaved.txt"
for round in 1 2 3 4 5; do
    for hosts in "$DEVICES" 10; do
        CONCURRENCY=10 SESSIONS=200 latency "$hosts" "round$round-hosts$hosts" > /dev/null
    done
done
grep "^RESULT label=round" "$WORK/latency.txt" > "$WORK/interleaved.txt"
INTERLEAVED=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
    if (r["label"] ~ /hosts10$/) ten[++t] = r["p50_ms"]; else big[++b] = r["p50_ms"] }
    function median(a, n,   i, j, x) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x } return a[int((n + 1) / 2)] }
    END { mb = median(big, b); mt = median(ten, t); printf "%.0f ms / %.0f ms = %.2f", mb, mt, mb / mt }' \
    "$WORK/interleaved.txt")
PICK=$(random_address "$DEVICES")
log "Netmiko show version on $PICK"
NETMIKO=$(netmiko_show_version "$PICK" 2>&1 | tail -1)
DISK_DEVICES=$(device_folders)
stop_daemon
log "warm start of $DEVICES devices"
start_daemon "$DEVICES" "$STATE" "$WORK/warm.log"
WARM=$START_S
read -r HEAP_W THREADS_W FDS_W RSS_W < <(idle_figures)
stop_daemon

# ------------------------------------------------------------------------------------------------ 10-device rack
log "10-device rack, same mode"
start_daemon 10 "$WORK/state-10" "$WORK/ten.log"
read -r HEAP_10 THREADS_10 FDS_10 RSS_10 < <(idle_figures)
read -r P50_10 P95_10 ERR_10 < <(latency 10 rack10)
stop_daemon

PER_DEVICE=$(awk -v a="$HEAP_N" -v b="$HEAP_10" -v n="$DEVICES" 'BEGIN { printf "%.1f", (a - b) * 1024 / (n - 10) }')
RATIO=$(awk -v a="$P50_N" -v b="$P50_10" 'BEGIN { printf "%.2f", a / b }')
printf '\n%-22s %12s %12s\n' "" "rack $DEVICES" "rack 10"
printf '%-22s %12s %12s\n' "cold start s" "$COLD" "-"
printf '%-22s %12s %12s\n' "warm start s" "$WARM" "-"
printf '%-22s %12s %12s\n' "idle heap MB" "$HEAP_N" "$HEAP_10"
printf '%-22s %12s %12s\n' "threads" "$THREADS_N" "$THREADS_10"
printf '%-22s %12s %12s\n' "descriptors" "$FDS_N" "$FDS_10"
printf '%-22s %12s %12s\n' "RSS MB" "$RSS_N" "$RSS_10"
printf '%-22s %12s %12s\n' "ssh p50 ms" "$P50_N" "$P50_10"
printf '%-22s %12s %12s\n' "ssh p95 ms" "$P95_N" "$P95_10"
printf '%-22s %12s %12s\n' "ssh errors" "$ERR_N" "$ERR_10"
printf '\nheap per idle device (marginal): %s KB\n' "$PER_DEVICE"
printf 'p50 ratio random-of-%s / 10-device rack: %s\n' "$DEVICES" "$RATIO"
printf 'same daemon, interleaved, median p50 random-of-%s / its first 10 devices: %s\n' "$DEVICES" "$INTERLEAVED"
printf 'device folders after the cold start: %s; after every session above: %s (of %s devices)\n' "$DISK_COLD" \
    "$DISK_DEVICES" "$DEVICES"
printf 'netmiko show version on %s: %s\n' "$PICK" "$NETMIKO"
printf 'warm start idle: heap %s MB, %s threads, %s descriptors\n' "$HEAP_W" "$THREADS_W" "$FDS_W"
