#!/usr/bin/env bash
# Benchmark (not a test): ioslab's TFTP client next to tftp-hpa's `tftp`, `atftp` and `curl tftp://`, downloading the
# same files from the same tftpd-hpa over 127.0.0.1 into a local file, runs interleaved (one of each client in turn)
# so that all clients see the same machine load. Median of RUNS, MB/s (10^6 bytes/s) and ioslab / best other.
# Windows (RFC 7440) are measured against atftpd, the Debian server that supports them (tftpd-hpa does not).
#
# Settings (environment): RUNS (5), SIZES_MIB ("64 256"), BLOCKS ("512 1468 8192 65464"), WINDOWS ("4 16"),
# WINDOW_BLOCKS ("512 1468"), SKIP_BIG_AT_512 (1: no 256 MiB at blksize 512, which takes minutes), PORT (16969),
# ATFTPD (path to atftpd; it conflicts with tftpd-hpa as a Debian package, so it may be unpacked elsewhere:
# `apt-get download atftpd && dpkg -x atftpd_*.deb /opt/atftpd`), BENCH_SKIP_BUILD=1 to skip compiling,
# BEFORE (a git commit: its client and bench/TftpClientBench.java are built into the temp folder and run interleaved
# with the others as column "before", for before/after numbers under the same load), PIN (empty: the kernel places
# server and clients; "same": all on CPU 0; "cross": servers on CPU 0, clients on CPU 1). Lock-step speed over
# loopback is mostly where the scheduler puts the two processes: on one CPU each wake-up is a local context switch,
# on two an idle CPU must be woken (an IPI, and a halted vCPU in a VM) per packet, and the kernel keeps whichever
# placement a transfer starts with. PIN compares the clients with the placement fixed.
# Needs root (both servers switch user), tftpd-hpa, tftp-hpa, atftp, curl and a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZES_MIB=${SIZES_MIB:-"64 256"}
BLOCKS=${BLOCKS:-"512 1468 8192 65464"}
WINDOWS=${WINDOWS:-"4 16"}
WINDOW_BLOCKS=${WINDOW_BLOCKS:-"512 1468"}
SKIP_BIG_AT_512=${SKIP_BIG_AT_512:-1}
PORT=${PORT:-16969}
ATFTPD=${ATFTPD:-}
PIN=${PIN:-}
SERVER_CPU=()
CLIENT_CPU=()
case $PIN in
    "") ;;
    same) SERVER_CPU=(taskset -c 0); CLIENT_CPU=(taskset -c 0) ;;
    cross) SERVER_CPU=(taskset -c 0); CLIENT_CPU=(taskset -c 1) ;;
    *) echo "PIN must be empty, same or cross" >&2; exit 2 ;;
esac
for candidate in /usr/sbin/atftpd /opt/atftpd/usr/sbin/atftpd; do
    if [ -z "$ATFTPD" ] && [ -x "$candidate" ]; then ATFTPD=$candidate; fi
done

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    mvn -B -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=runtime \
        >/dev/null
fi
CP="target/classes:$(cat target/bench.cp)"

WORK=$(mktemp -d /tmp/ioslab-tftp-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/srv" "$WORK/out"
chmod 755 "$WORK/srv"
for mib in $SIZES_MIB; do
    head -c $((mib << 20)) /dev/urandom > "$WORK/srv/f$mib.bin"
    chmod 644 "$WORK/srv/f$mib.bin"
done

"${SERVER_CPU[@]}" /usr/sbin/in.tftpd -L -a "127.0.0.1:$PORT" -s -u root -B 65464 "$WORK/srv" &
PIDS+=($!)
if [ -n "$ATFTPD" ]; then
    "${SERVER_CPU[@]}" "$ATFTPD" --daemon --no-fork --bind-address 127.0.0.1 --port $((PORT + 1)) --user root --group root \
        --logfile /dev/null "$WORK/srv" &
    PIDS+=($!)
fi
sleep 0.5

coproc IOSLAB { exec "${CLIENT_CPU[@]}" java -cp "$CP" bench/TftpClientBench.java 2>/dev/null; }
PIDS+=($IOSLAB_PID)
BEFORE=${BEFORE:-}
if [ -n "$BEFORE" ]; then
    mkdir -p "$WORK/before/classes"
    git archive "$BEFORE" src/main/java src/main/resources bench/TftpClientBench.java | tar -x -C "$WORK/before"
    find "$WORK/before/src/main/java" -name '*.java' > "$WORK/before/sources"
    javac -nowarn -d "$WORK/before/classes" -cp "$(cat target/bench.cp)" @"$WORK/before/sources" >/dev/null 2>&1
    cp -r "$WORK/before/src/main/resources/." "$WORK/before/classes/" 2>/dev/null || true
    coproc BEFORE_IOSLAB { exec "${CLIENT_CPU[@]}" java -cp "$WORK/before/classes:$(cat target/bench.cp)" \
        "$WORK/before/bench/TftpClientBench.java" 2>/dev/null; }
    PIDS+=($BEFORE_IOSLAB_PID)
fi

# run_ioslab PORT FILE BLKSIZE WINDOW [before] -> seconds
run_ioslab() {
    local answer
    if [ "${5:-}" = before ]; then
        echo "127.0.0.1 $1 $2 $WORK/out/before.bin $3 $4" >&"${BEFORE_IOSLAB[1]}"
        read -r answer <&"${BEFORE_IOSLAB[0]}"
    else
        echo "127.0.0.1 $1 $2 $WORK/out/ioslab.bin $3 $4" >&"${IOSLAB[1]}"
        read -r answer <&"${IOSLAB[0]}"
    fi
    case $answer in FAIL*) echo "ioslab: $answer" >&2; echo nan ;; *) echo "$answer" ;; esac
}

# run_tool NAME PORT FILE BLKSIZE WINDOW -> seconds (wall clock of the whole process)
run_tool() {
    local name=$1 port=$2 file=$3 blk=$4 win=$5 out="$WORK/out/$1.bin" start end
    local -a cmd
    case $name in
        tftp-hpa) cmd=(tftp -m binary 127.0.0.1 "$port" -c get "$file" "$out") ;;
        atftp)
            cmd=(atftp -g -r "$file" -l "$out")
            [ "$blk" != 512 ] && cmd+=(--option "blksize $blk")
            [ "$win" != 1 ] && cmd+=(--option "windowsize $win")
            cmd+=(127.0.0.1 "$port") ;;
        curl) cmd=(curl -s -S --tftp-blksize "$blk" -o "$out" "tftp://127.0.0.1:$port/$file") ;;
    esac
    start=$(date +%s%N)
    if ! "${CLIENT_CPU[@]}" "${cmd[@]}" >/dev/null 2>"$WORK/out/$name.err"; then
        echo "$name failed: $(head -c 200 "$WORK/out/$name.err")" >&2
        echo nan
        return
    fi
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.4f\n", ns / 1e9 }'
}

median() {
    printf '%s\n' "$@" | grep -v nan | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]
        else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# compare LABEL PORT FILE MIB BLKSIZE WINDOW TOOLS...
compare() {
    local label=$1 port=$2 file=$3 mib=$4 blk=$5 win=$6
    shift 6
    local -a tools=(ioslab "$@")
    [ -n "$BEFORE" ] && tools=(before "${tools[@]}")
    declare -A times=()
    local rep tool t
    run_ioslab "$port" "$file" "$blk" "$win" >/dev/null   # warm-up of the JVM for this block size
    [ -n "$BEFORE" ] && run_ioslab "$port" "$file" "$blk" "$win" before >/dev/null
    for ((rep = 1; rep <= RUNS; rep++)); do
        for tool in "${tools[@]}"; do
            if [ "$tool" = ioslab ]; then t=$(run_ioslab "$port" "$file" "$blk" "$win")
            elif [ "$tool" = before ]; then t=$(run_ioslab "$port" "$file" "$blk" "$win" before)
            else t=$(run_tool "$tool" "$port" "$file" "$blk" "$win"); fi
            if [ "$rep" = 1 ] && [ "$t" != nan ] && ! cmp -s "$WORK/srv/$file" "$WORK/out/$tool.bin"; then
                echo "$tool: $file arrived different" >&2
                t=nan
            fi
            times[$tool]="${times[$tool]:-} $t"
        done
    done
    local line best_other=0 ours=0 before=0 mbs
    line=$(printf '%-22s %5s MiB  blk %5s  win %2s ' "$label" "$mib" "$blk" "$win")
    for tool in "${tools[@]}"; do
        # shellcheck disable=SC2086
        t=$(median ${times[$tool]})
        mbs=$(awk -v s="$t" -v m="$mib" 'BEGIN { if (s == "nan") print 0; else printf "%.1f", m * 1048576 / s / 1e6 }')
        line+=$(printf ' %8s %7s MB/s' "$tool" "$mbs")
        if [ "$tool" = ioslab ]; then ours=$mbs
        elif [ "$tool" = before ]; then before=$mbs
        elif awk -v a="$mbs" -v b="$best_other" 'BEGIN { exit !(a > b) }'; then best_other=$mbs; fi
    done
    line+=$(awk -v a="$ours" -v b="$best_other" 'BEGIN { if (b > 0) printf "   ratio %.2f", a / b }')
    line+=$(awk -v a="$before" -v b="$best_other" 'BEGIN { if (a > 0 && b > 0) printf " (before %.2f)", a / b }')
    echo "$line"
}

echo "# $(date -u +%F) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "# median of $RUNS interleaved runs; ratio = ioslab MB/s / best other client's MB/s"
echo "# placement: ${PIN:-free, as the kernel chooses}"
[ -n "$BEFORE" ] && echo "# before = ioslab at $(git rev-parse --short "$BEFORE"), run interleaved with the others"
echo "# tftp-hpa's client has no blksize option: it runs at 512 only"
for mib in $SIZES_MIB; do
    for blk in $BLOCKS; do
        if [ "$blk" = 512 ] && [ "$mib" -gt 64 ] && [ "$SKIP_BIG_AT_512" = 1 ]; then
            echo "# skipped: $mib MiB at blksize 512 (SKIP_BIG_AT_512=1; minutes per client)"
            continue
        fi
        tools=(atftp curl)
        [ "$blk" = 512 ] && tools=(tftp-hpa atftp curl)
        compare "tftpd-hpa" "$PORT" "f$mib.bin" "$mib" "$blk" 1 "${tools[@]}"
    done
done
if [ -n "$ATFTPD" ]; then
    mib=${SIZES_MIB%% *}
    for blk in $WINDOW_BLOCKS; do
        compare "atftpd lock-step" $((PORT + 1)) "f$mib.bin" "$mib" "$blk" 1 atftp
        for win in $WINDOWS; do
            compare "atftpd window" $((PORT + 1)) "f$mib.bin" "$mib" "$blk" "$win" atftp
        done
    done
else
    echo "# windowsize: skipped, no atftpd (set ATFTPD; tftpd-hpa does not support RFC 7440)"
fi
