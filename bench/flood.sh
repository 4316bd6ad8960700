#!/usr/bin/env bash
# Connection flood against the shipped rack (conf/ioslab.yaml: r1-r3, SSH 2201-2203, Telnet 2301-2303), as issue 16
# describes it: FLOOD_CONNECTIONS idle connections from FLOOD_SOURCE (127.0.0.2) over the six ports, held open while
# the daemon's CPU, a legitimate login from 127.0.0.1, its descriptors and its log are measured; then the flood stops
# and the recovery is timed. Not a test: nothing is asserted. See bench/README.md ("Connection flood").
#
#   bench/flood.sh                      # the shipped rack and its defaults, 20,400 connections
#   FLOOD_JAR=/tmp/old/ioslab.jar FLOOD_DAEMON_NOFILE=1500 FLOOD_CONNECTIONS=3000 bench/flood.sh
#                                       # exhaustion on purpose (limit below the flood), e.g. to compare acceptors
set -euo pipefail

HERE=$(cd "$(dirname "$0")/.." && pwd)
JAR=${FLOOD_JAR:-$HERE/target/ioslab.jar}
CONNECTIONS=${FLOOD_CONNECTIONS:-20400}
SOURCE=${FLOOD_SOURCE:-127.0.0.2}
HOLD_S=${FLOOD_HOLD_S:-10}
DAEMON_NOFILE=${FLOOD_DAEMON_NOFILE:-}      # ulimit -n for the daemon; empty: inherited
EXTRA_DAEMON_YAML=${FLOOD_DAEMON_YAML:-}    # lines added under daemon: (e.g. "  descriptorLimit: 20000")
CLIENTS=${FLOOD_CLIENTS:-3}                 # flood processes (each holds CONNECTIONS/CLIENTS sockets)
LABEL=${FLOOD_LABEL:-$(basename "$(dirname "$JAR")")}
PY=/usr/bin/python3                         # Debian's python3 has paramiko (python3-netmiko)
PROBE=$HERE/bench/flood_probe.py
CLIENT=$HERE/src/test/resources/flood/flood_client.py
PORTS="2201 2202 2203 2301 2302 2303"

[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q -DskipTests package" >&2; exit 1; }
WORK=$(mktemp -d /tmp/ioslab-flood.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -n "${DAEMON:-}" ] && kill "$DAEMON" 2>/dev/null && wait "$DAEMON" 2>/dev/null || true
    [ -n "${FLOOD_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

for port in $PORTS; do
    if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "port $port is in use; stop the rack first" >&2; exit 1; fi
done

mkdir -p "$WORK/conf"
cp "$HERE/conf/logback.xml" "$WORK/conf/"
if [ -n "$EXTRA_DAEMON_YAML" ]; then
    awk -v extra="$EXTRA_DAEMON_YAML" '{print} /^daemon:/{print extra}' "$HERE/conf/ioslab.yaml" > "$WORK/conf/ioslab.yaml"
else
    cp "$HERE/conf/ioslab.yaml" "$WORK/conf/"
fi
cd "$WORK"
LOG=$WORK/daemon.log
(
    [ -n "$DAEMON_NOFILE" ] && ulimit -n "$DAEMON_NOFILE"
    exec java -Xmx512m -cp "$JAR:$(dirname "$JAR")/lib/*" dev.ioslab.daemon.Main >"$LOG" 2>&1
) &
DAEMON=$!
for _ in $(seq 1 600); do
    grep -q "devices started" "$LOG" 2>/dev/null && break
    kill -0 "$DAEMON" 2>/dev/null || { cat "$LOG"; exit 1; }
    sleep 0.2
done
sleep 2

fds_before=$($PY "$PROBE" fds "$DAEMON")
login_before=$($PY "$PROBE" login 127.0.0.1 2201)
cpu_idle=$($PY "$PROBE" cpu "$DAEMON" 5)
log_offset=$(stat -c %s "$LOG")

# The flood: CLIENTS processes, each holding its share of connections to the six ports from SOURCE.
targets=""
for port in $PORTS; do targets="$targets 127.0.0.1:$port"; done
mkfifo "$WORK/hold"
exec 9<>"$WORK/hold"
ticks() { awk '{sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13]}' "/proc/$DAEMON/stat"; }
hz=$(getconf CLK_TCK)
ticks0=$(ticks)
t0=$(date +%s.%N)
for i in $(seq 1 "$CLIENTS"); do
    $PY "$CLIENT" "$SOURCE" $((CONNECTIONS / CLIENTS)) $targets <"$WORK/hold" >"$WORK/client$i.out" 2>&1 9>&- &
    PIDS+=($!)
done
for i in $(seq 1 "$CLIENTS"); do
    until grep -q "^ready" "$WORK/client$i.out" 2>/dev/null; do
        kill -0 "${PIDS[$((i - 1))]}" 2>/dev/null || { cat "$WORK/client$i.out"; exit 1; }
        sleep 0.2
    done
done
t_ready=$(date +%s.%N)
cpu_opening=$(echo "scale=1; 100 * ($(ticks) - $ticks0) / $hz / ($t_ready - $t0)" | bc)
held=0; failed=0
for i in $(seq 1 "$CLIENTS"); do
    read -r _ h f _ < "$WORK/client$i.out"; held=$((held + h)); failed=$((failed + f))
done

# Standing flood: CPU over HOLD_S, then logins from 127.0.0.1 (SSH on r1 and r3) and descriptors.
cpu_flood=$($PY "$PROBE" cpu "$DAEMON" "$HOLD_S")
fds_flood=$($PY "$PROBE" fds "$DAEMON")
login_flood_r1=$($PY "$PROBE" login 127.0.0.1 2201)
login_flood_r3=$($PY "$PROBE" login 127.0.0.1 2203)
cpu_flood2=$($PY "$PROBE" cpu "$DAEMON" 5)
threads_flood=$(awk '/^Threads/{print $2}' "/proc/$DAEMON/status")

# Stop the flood; recovery: until the descriptors are back within 10 of the start and a login works.
t_stop=$(date +%s.%N)
exec 9>&-
for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
PIDS=()
while [ "$($PY "$PROBE" fds "$DAEMON")" -gt $((fds_before + 10)) ]; do sleep 0.1; done
login_after=$($PY "$PROBE" login 127.0.0.1 2201)
t_recovered=$(date +%s.%N)
fds_after=$($PY "$PROBE" fds "$DAEMON")
sleep 11   # one summary interval, so the flood's last counts are in the log
read -r log_lines worst_per_s worst_kind <<<"$($PY "$PROBE" loglines "$LOG" "$log_offset")"
log_bytes=$(( $(stat -c %s "$LOG") - log_offset ))
warns=$(tail -c +"$((log_offset + 1))" "$LOG" | grep -c " WARN " || true)

printf '%-28s %s\n' \
    label "$LABEL" \
    daemon_nofile "${DAEMON_NOFILE:-$(ulimit -n)}" \
    flood_connections "$CONNECTIONS from $SOURCE over 6 ports, $CLIENTS clients" \
    flood_connected "$held connected, $failed failed, in $(echo "$t_ready - $t0" | bc) s" \
    fds_before "$fds_before" \
    fds_during_flood "$fds_flood" \
    fds_after "$fds_after" \
    threads_during_flood "$threads_flood" \
    cpu_idle_pct_one_core "$cpu_idle" \
    cpu_opening_pct_one_core "$cpu_opening (while the flood connects)" \
    cpu_flood_pct_one_core "$cpu_flood (first ${HOLD_S} s), $cpu_flood2 (next 5 s)" \
    login_before_s "$login_before" \
    login_during_flood_r1_s "$login_flood_r1" \
    login_during_flood_r3_s "$login_flood_r3" \
    login_after_s "$login_after" \
    recovery_s "$(echo "$t_recovered - $t_stop" | bc)" \
    log_bytes_during_run "$log_bytes" \
    log_lines_during_run "$log_lines ($warns WARN)" \
    log_max_lines_per_s_one_kind "$worst_per_s ($worst_kind)"
if [ -n "${FLOOD_SHOW_LOG:-}" ]; then tail -c +"$((log_offset + 1))" "$LOG" | cut -c1-240 | head -40; fi
