#!/bin/sh
# Benchmark: FtpClient against curl, downloads and uploads between a vsftpd on 127.0.0.1 and local files.
# Usage: bench/ftp-client.sh [MiB ...]   (default: 64 512). Needs root, /usr/sbin/vsftpd, curl, a JDK 17 and about
# 3x the largest size free in the temp directory. Not part of `mvn verify`; prints MB/s, the ratio client/curl
# (target >= 0.9 both ways) and the client's peak heap. Everything runs under `timeout`; vsftpd and the temp files
# are removed on exit.
set -eu
cd "$(dirname "$0")/.."
LIMIT="${BENCH_FTP_LIMIT:-1500}"
HEAP="${BENCH_FTP_HEAP:-64m}"
RUNS="${BENCH_FTP_RUNS:-5}"
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
fi
CP_FILE=target/bench-ftp-classpath.txt
if [ ! -s "$CP_FILE" ]; then
    mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" 2>/dev/null \
        || mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), heap -Xmx$HEAP," \
    "$(java -version 2>&1 | head -1), $(curl --version | head -1 | cut -d' ' -f1-2), vsftpd 3 (Debian)"
exec timeout --kill-after=10 "$LIMIT" java -Xmx"$HEAP" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
    -Dbench.runs="$RUNS" -Dlogback.configurationFile=bench/logback-client.xml dev.ioslab.transfer.ftp.FtpClientBench "$@"
