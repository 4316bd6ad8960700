#!/usr/bin/env bash
# Benchmark (not a test): ioslab's embedded TFTP server next to tftpd-hpa, each client fetching the same file from
# both over 127.0.0.1, runs interleaved so both servers see the same machine load. Median of RUNS, MB/s (10^6
# bytes/s) and, per client, embedded / tftpd-hpa. tftp-hpa's `tftp` has no blksize option, so it measures 512-byte
# blocks; curl and atftp measure every block size. With atftpd available, windows (RFC 7440) are also compared with
# atftpd (tftpd-hpa has none), using atftp as the client.
#
# Settings (environment): RUNS (5), SIZE_MIB (64), BLOCKS ("512 1468 8192 65464"), WINDOWS ("4 16"), PORT (16979),
# ATFTPD (path to atftpd, see bench/tftp-client.sh), BENCH_SKIP_BUILD=1 to skip compiling.
# Needs root (tftpd-hpa switches user), tftpd-hpa, tftp-hpa, curl, atftp and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZE_MIB=${SIZE_MIB:-64}
BLOCKS=${BLOCKS:-"512 1468 8192 65464"}
WINDOWS=${WINDOWS:-"4 16"}
PORT=${PORT:-16979}
ATFTPD=${ATFTPD:-}
for candidate in /usr/sbin/atftpd /opt/atftpd/usr/sbin/atftpd; do
    if [ -z "$ATFTPD" ] && [ -x "$candidate" ]; then ATFTPD=$candidate; fi
done

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime \
        >/dev/null 2>&1
fi
CP="target/classes:$(cat target/bench.cp)"

WORK=$(mktemp -d /tmp/ioslab-tftp-server-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/srv" "$WORK/out"
chmod 755 "$WORK/srv"
FILE=f$SIZE_MIB.bin
head -c $((SIZE_MIB << 20)) /dev/urandom > "$WORK/srv/$FILE"
chmod 644 "$WORK/srv/$FILE"

HPA_PORT=$PORT
IOSLAB_PORT=$((PORT + 1))
ATFTPD_PORT=$((PORT + 2))
/usr/sbin/in.tftpd -L -a "127.0.0.1:$HPA_PORT" -s -u root -B 65464 "$WORK/srv" &
PIDS+=($!)
if [ -n "$ATFTPD" ]; then
    "$ATFTPD" --daemon --no-fork --bind-address 127.0.0.1 --port "$ATFTPD_PORT" --user root --group root \
        --logfile /dev/null "$WORK/srv" &
    PIDS+=($!)
fi
coproc EMBEDDED { exec java -Dlogback.configurationFile=bench/logback-client.xml -cp "$CP" \
    bench/TftpServerBench.java "$IOSLAB_PORT" "$WORK/srv"; }
PIDS+=($EMBEDDED_PID)
read -r ready <&"${EMBEDDED[0]}"
[ "$ready" = ready ] || { echo "embedded server did not start" >&2; exit 1; }
sleep 0.3

# fetch CLIENT PORT BLKSIZE WINDOW -> seconds, or nan
fetch() {
    local client=$1 port=$2 blk=$3 win=$4 out="$WORK/out/$1.bin" start end
    local -a cmd
    case $client in
        tftp-hpa) cmd=(tftp -m binary 127.0.0.1 "$port" -c get "$FILE" "$out") ;;
        curl) cmd=(curl -s -S --tftp-blksize "$blk" -o "$out" "tftp://127.0.0.1:$port/$FILE") ;;
        atftp)
            cmd=(atftp -g -r "$FILE" -l "$out")
            [ "$blk" != 512 ] && cmd+=(--option "blksize $blk")
            [ "$win" != 1 ] && cmd+=(--option "windowsize $win")
            cmd+=(127.0.0.1 "$port") ;;
    esac
    start=$(date +%s%N)
    if ! "${cmd[@]}" >/dev/null 2>"$WORK/out/err"; then
        echo "$client on port $port failed: $(head -c 200 "$WORK/out/err")" >&2
        echo nan
        return
    fi
    end=$(date +%s%N)
    if ! cmp -s "$WORK/srv/$FILE" "$out"; then
        echo "$client on port $port: file arrived different" >&2
        echo nan
        return
    fi
    awk -v ns=$((end - start)) 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}

median() {
    printf '%s\n' "$@" | grep -v nan | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]
        else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rate() {
    awk -v s="$1" -v m="$SIZE_MIB" 'BEGIN { if (s == "nan") print 0; else printf "%.1f", m * 1048576 / s / 1e6 }'
}

# compare CLIENT BLKSIZE WINDOW OTHER-LABEL OTHER-PORT
compare() {
    local client=$1 blk=$2 win=$3 label=$4 other_port=$5 rep ours=() theirs=()
    # warm-up: the embedded server is a long-running JVM; let its JIT compile the transfer path first
    fetch "$client" "$IOSLAB_PORT" "$blk" "$win" >/dev/null
    fetch "$client" "$IOSLAB_PORT" "$blk" "$win" >/dev/null
    for ((rep = 1; rep <= RUNS; rep++)); do
        ours+=("$(fetch "$client" "$IOSLAB_PORT" "$blk" "$win")")
        theirs+=("$(fetch "$client" "$other_port" "$blk" "$win")")
    done
    local a b
    a=$(rate "$(median "${ours[@]}")")
    b=$(rate "$(median "${theirs[@]}")")
    printf '%-9s blk %5s win %2s   embedded %7s MB/s   %-9s %7s MB/s   ratio %s\n' "$client" "$blk" "$win" "$a" \
        "$label" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
}

echo "# $(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "# $SIZE_MIB MiB file, median of $RUNS interleaved runs; ratio = embedded MB/s / other server's MB/s, same client"
for blk in $BLOCKS; do
    [ "$blk" = 512 ] && compare tftp-hpa 512 1 tftpd-hpa "$HPA_PORT"
    compare curl "$blk" 1 tftpd-hpa "$HPA_PORT"
    compare atftp "$blk" 1 tftpd-hpa "$HPA_PORT"
done
if [ -n "$ATFTPD" ]; then
    for blk in 512 1468; do
        for win in $WINDOWS; do
            compare atftp "$blk" "$win" atftpd "$ATFTPD_PORT"
        done
    done
else
    echo "# windowsize: skipped, no atftpd (set ATFTPD; tftpd-hpa does not support RFC 7440)"
fi
