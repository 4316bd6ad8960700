#!/usr/bin/env bash
# Embedded FTP image repository (imageserver.ftp, Apache MINA FtpServer) versus Debian's vsftpd: both serve the same
# 64 MiB and 512 MiB files on 127.0.0.1, curl fetches each file 5 times from each (runs interleaved, one warm-up fetch
# per file and server first, not counted), and the median MB/s (10^6 bytes/s) and the ratio ioslab/vsftpd are printed
# (target >= 0.8). Not part of `mvn verify`; nothing asserts timings. Results: bench/results/ftp-server.txt.
#
#   bench/ftp-server.sh
#
# Environment (all optional):
#   BENCH_RUNS=5              timed fetches per file and server
#   BENCH_SIZES_MIB="64 512"  file sizes
#   BENCH_IOSLAB_PORT=40021   BENCH_VSFTPD_PORT=40022: control ports on 127.0.0.1
#   BENCH_SKIP_BUILD=1        use target/classes and target/lib as they are
#   BENCH_KEEP=1              keep the temp folder (files, configs, logs)
#
# Needs a JDK 17 (java, javac), curl and ~600 MiB free in /tmp; vsftpd (Debian package) and root for the baseline
# (PAM, chroot), otherwise the baseline is skipped with a note. Every process started here is stopped on exit.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${BENCH_RUNS:-5}
SIZES_MIB=${BENCH_SIZES_MIB:-64 512}
IOSLAB_PORT=${BENCH_IOSLAB_PORT:-40021}
VSFTPD_PORT=${BENCH_VSFTPD_PORT:-40022}
HOST=127.0.0.1
RESULTS="$ROOT/bench/results/ftp-server.txt"

WORK=$(mktemp -d /tmp/ioslab-ftp-bench.XXXXXX)
PIDS=()

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
    local pid i
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || continue
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ -n "${BENCH_KEEP:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # PORT PID: until something accepts on 127.0.0.1:PORT, or the process died, or 30 s
    local i
    for ((i = 0; i < 300; i++)); do
        kill -0 "$2" 2>/dev/null || return 1
        (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

# ------------------------------------------------------------------------------------------------- checks, build
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"
command -v javac >/dev/null || die "javac is missing (a JDK 17 is needed)"
for port in "$IOSLAB_PORT" "$VSFTPD_PORT"; do
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null && die "port $port is already in use on $HOST"
done
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building (mvn -B -q -DskipTests package)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) || die "build failed"
fi
[ -d "$ROOT/target/classes" ] && [ -d "$ROOT/target/lib" ] || die "target/classes or target/lib missing"
CP="$ROOT/target/classes:$ROOT/target/lib/*"
javac -nowarn -d "$WORK/bench" -cp "$CP" "$ROOT/bench/FtpServerBench.java" || die "cannot compile FtpServerBench"

# -------------------------------------------------------------------------------------------------------- files
IMAGES="$WORK/images"
mkdir -p "$IMAGES"
chmod 755 "$WORK" "$IMAGES"
for mib in $SIZES_MIB; do
    log "writing a ${mib} MiB file of random bytes"
    head -c "$((mib * 1024 * 1024))" /dev/urandom > "$IMAGES/image-${mib}m.bin" || die "cannot write the files"
    chmod 644 "$IMAGES/image-${mib}m.bin"
done

# ------------------------------------------------------------------------------------------------------ servers
java -Dlogback.configurationFile="$ROOT/bench/logback-client.xml" -cp "$WORK/bench:$CP" FtpServerBench \
    "$IOSLAB_PORT" "$IMAGES" 40100-40120 > "$WORK/ioslab.log" 2>&1 &
PIDS+=($!)
wait_port "$IOSLAB_PORT" "$!" || die "the embedded server did not start: $(cat "$WORK/ioslab.log")"

VSFTPD=""
if [ ! -x /usr/sbin/vsftpd ]; then
    log "no /usr/sbin/vsftpd (apt-get install vsftpd): baseline skipped"
elif [ "$(id -u)" != 0 ]; then
    log "vsftpd needs root (PAM, chroot): baseline skipped"
else
    mkdir -p "$WORK/empty"
    chmod 755 "$WORK/empty"
    cat > "$WORK/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=$HOST
listen_port=$VSFTPD_PORT
background=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
anonymous_enable=YES
anon_root=$IMAGES
no_anon_password=YES
anon_upload_enable=NO
write_enable=NO
local_enable=NO
pasv_enable=YES
pasv_min_port=40200
pasv_max_port=40220
port_enable=YES
connect_from_port_20=NO
secure_chroot_dir=$WORK/empty
xferlog_enable=NO
userlist_enable=NO
max_clients=0
max_per_ip=0
CONF
    chmod 600 "$WORK/vsftpd.conf"
    /usr/sbin/vsftpd "$WORK/vsftpd.conf" > "$WORK/vsftpd.log" 2>&1 &
    PIDS+=($!)
    if wait_port "$VSFTPD_PORT" "$!"; then VSFTPD=yes; else log "vsftpd did not start: $(cat "$WORK/vsftpd.log")"; fi
fi

# ----------------------------------------------------------------------------------------------------- measuring
fetch() { # PORT FILE -> prints bytes/s as curl measured it; fails when the size is wrong
    local out
    out=$(curl --silent --show-error --max-time 300 --output /dev/null \
        --write-out '%{size_download} %{speed_download}' "ftp://$HOST:$1/$2") || return 1
    set -- $out "$3"
    [ "$1" = "$3" ] || { log "fetched $1 bytes, expected $3"; return 1; }
    printf '%s\n' "$2"
}

check_identical() { # PORT FILE
    curl --silent --show-error --max-time 300 "ftp://$HOST:$1/$2" | cmp -s - "$IMAGES/$2"
}

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
mbps() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

{
    echo "# bench/ftp-server.sh $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
    echo "# $(curl --version | head -1 | cut -d' ' -f1-2), vsftpd $(dpkg-query -W -f '${Version}' vsftpd 2>/dev/null \
        || echo '(version unknown)')$( [ -n "$VSFTPD" ] || echo ' not run')"
    echo "# curl ftp://127.0.0.1 to /dev/null, passive (EPSV), binary;" \
        "median of $RUNS interleaved runs after one warm-up"
} > "$WORK/report"

printf '%-10s %14s %14s %8s\n' file ioslab_MB/s vsftpd_MB/s ratio >> "$WORK/report"
for mib in $SIZES_MIB; do
    file="image-${mib}m.bin"
    size=$(stat -c %s "$IMAGES/$file")
    servers="$IOSLAB_PORT"
    [ -n "$VSFTPD" ] && servers="$IOSLAB_PORT $VSFTPD_PORT"
    for port in $servers; do
        check_identical "$port" "$file" || die "port $port did not serve $file byte-identical"
        fetch "$port" "$file" "$size" > /dev/null || die "warm-up fetch of $file from port $port failed"
    done
    : > "$WORK/ioslab-$mib"
    : > "$WORK/vsftpd-$mib"
    for ((run = 1; run <= RUNS; run++)); do
        speed=$(fetch "$IOSLAB_PORT" "$file" "$size") || die "fetch of $file from ioslab failed"
        echo "$speed" >> "$WORK/ioslab-$mib"
        line="run $run ${mib} MiB: ioslab $(mbps "$speed") MB/s"
        if [ -n "$VSFTPD" ]; then
            speed=$(fetch "$VSFTPD_PORT" "$file" "$size") || die "fetch of $file from vsftpd failed"
            echo "$speed" >> "$WORK/vsftpd-$mib"
            line="$line, vsftpd $(mbps "$speed") MB/s"
        fi
        log "$line"
    done
    ours=$(median < "$WORK/ioslab-$mib")
    if [ -n "$VSFTPD" ]; then
        theirs=$(median < "$WORK/vsftpd-$mib")
        ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
        printf '%-10s %14s %14s %8s\n' "${mib}MiB" "$(mbps "$ours")" "$(mbps "$theirs")" "$ratio" >> "$WORK/report"
    else
        printf '%-10s %14s %14s %8s\n' "${mib}MiB" "$(mbps "$ours")" "-" "-" >> "$WORK/report"
    fi
done
echo "# target: ratio >= 0.80 (ioslab at least 80% of vsftpd's throughput)" >> "$WORK/report"

mkdir -p "$(dirname "$RESULTS")"
cp "$WORK/report" "$RESULTS"
cat "$WORK/report"
