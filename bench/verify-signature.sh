#!/bin/sh
# Benchmark: signature verification of a 512 MiB signed image (the daemon's VerificationPool and ImageVerifier, run
# by `ioslab.jar check`) next to `sha512sum` and `openssl dgst -sha512` on the same file in the same run; then two
# images on two workers against one image on one. Not part of `mvn verify`; nothing asserts timings.
#
#   bench/verify-signature.sh                 # 512 MiB, best of 7 rounds
#   BENCH_SIZE_MIB=128 BENCH_ROUNDS=3 bench/verify-signature.sh
#
# Targets: one verification <= 0.9x sha512sum's time; two images on two cores >= 1.7x the single-image rate.
# Results are printed and written to bench/results/verify-signature-<date>.txt.
set -eu
cd "$(dirname "$0")/.."
SIZE_MIB=${BENCH_SIZE_MIB:-512}
ROUNDS=${BENCH_ROUNDS:-7}
if [ ! -f target/ioslab.jar ] || [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    mvn -q -B -o -DskipTests package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/ioslab-bench-signature.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
jar() { java -jar target/ioslab.jar "$@"; }
now_ns() { date +%s%N; }

jar keygen --dir "$work/pki" > /dev/null
head -c "${SIZE_MIB}M" /dev/urandom > "$work/payload"
jar sign --pki "$work/pki" --type production --platform C3900 --version '15.7(3)M8' \
    --in "$work/payload" --out "$work/a.SPA.bin" > /dev/null
jar sign --pki "$work/pki" --type production --platform C3900 --version '15.7(3)M9' \
    --in "$work/payload" --out "$work/b.SPA.bin" > /dev/null
rm "$work/payload"
cat "$work/a.SPA.bin" "$work/b.SPA.bin" > /dev/null    # both in the page cache: CPU, not the disk, is measured

# best TOOL...: "wall cpu", the best wall time and the best CPU time (user + sys) in ms of ROUNDS runs of a command
best() {
    bw=""
    bc=""
    i=0
    while [ "$i" -lt "$ROUNDS" ]; do
        /usr/bin/time -f '%e %U %S' -o "$work/time.out" "$@" > /dev/null
        w=$(awk '{ printf "%d", $1 * 1000 }' "$work/time.out")
        c=$(awk '{ printf "%d", ($2 + $3) * 1000 }' "$work/time.out")
        if [ -z "$bw" ] || [ "$w" -lt "$bw" ]; then bw=$w; fi
        if [ -z "$bc" ] || [ "$c" -lt "$bc" ]; then bc=$c; fi
        i=$((i + 1))
    done
    echo "$bw $bc"
}

# check_best ARGS...: "wall cpu", the best in-process round time and process CPU time (ms) of
# `ioslab.jar check --repeat ROUNDS` (round 1 includes the JIT warming up, so it is rarely the best)
check_best() {
    jar check --pki "$work/pki" --repeat "$ROUNDS" "$@" > "$work/check.out" || { cat "$work/check.out"; exit 1; }
    w=$(sed -n 's/^round [0-9]*: .* in \([0-9.]*\) ms .*/\1/p' "$work/check.out" | sort -n | head -1 | cut -d. -f1)
    c=$(sed -n 's/^round .*process cpu \([0-9]*\) ms.*/\1/p' "$work/check.out" | sort -n | head -1)
    echo "$w $c"
}

# The machine may be shared: every figure is a best of ROUNDS, and the reference tools run before and after the
# JVM so that a busy spell during either half does not favour one side. CPU times are less sensitive to other load
# than wall times; the scaling figure can only be a wall time.
sha512sum_t=$(best sha512sum "$work/a.SPA.bin")
openssl_t=$(best openssl dgst -sha512 "$work/a.SPA.bin")
md5sum_t=$(best md5sum "$work/a.SPA.bin")
# The control for the scaling figure: how two sha512sum processes on the two images scale on this machine now.
pair_t=$(best sh -c 'sha512sum "$1" & sha512sum "$2"; wait' pair "$work/a.SPA.bin" "$work/b.SPA.bin")
t0=$(now_ns)
jar check --pki "$work/pki" --workers 1 "$work/a.SPA.bin" > /dev/null
cold_ms=$(( ($(now_ns) - t0) / 1000000 ))
one_t=$(check_best --workers 1 "$work/a.SPA.bin")
one_md5_t=$(check_best --workers 1 --md5 "$work/a.SPA.bin")
two_t=$(check_best --workers 2 "$work/a.SPA.bin" "$work/b.SPA.bin")
two_md5_t=$(check_best --workers 2 --md5 "$work/a.SPA.bin" "$work/b.SPA.bin")
lower() { echo "$1 $2" | awk '{ print ($1 < $3 ? $1 : $3), ($2 < $4 ? $2 : $4) }'; }
sha512sum_t=$(lower "$sha512sum_t" "$(best sha512sum "$work/a.SPA.bin")")
openssl_t=$(lower "$openssl_t" "$(best openssl dgst -sha512 "$work/a.SPA.bin")")
md5sum_t=$(lower "$md5sum_t" "$(best md5sum "$work/a.SPA.bin")")
pair_t=$(lower "$pair_t" "$(best sh -c 'sha512sum "$1" & sha512sum "$2"; wait' pair "$work/a.SPA.bin" "$work/b.SPA.bin")")

wall() { echo "$1" | cut -d' ' -f1; }
cpu() { echo "$1" | cut -d' ' -f2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v r="$1" -v t="$2" -v dir="$3" 'BEGIN { if ((dir == "le" && r <= t) || (dir == "ge" && r >= t)) print "PASS"; else print "MISS" }'; }
sw=$(wall "$sha512sum_t")
sc=$(cpu "$sha512sum_t")
row() { printf '%-48s %8s %8s %9s %9s\n' "$1" "$(wall "$2")" "$(cpu "$2")" "$(ratio "$(wall "$2")" "$sw")" "$(ratio "$(cpu "$2")" "$sc")"; }
single_wall=$(ratio "$(wall "$one_t")" "$sw")
single_cpu=$(ratio "$(cpu "$one_t")" "$sc")
md5_wall=$(ratio "$(wall "$one_md5_t")" "$sw")
md5_cpu=$(ratio "$(cpu "$one_md5_t")" "$sc")
scale=$(ratio "$((2 * $(wall "$one_t")))" "$(wall "$two_t")")
scale_md5=$(ratio "$((2 * $(wall "$one_md5_t")))" "$(wall "$two_md5_t")")
scale_sha512sum=$(ratio "$((2 * sw))" "$(wall "$pair_t")")
result="bench/results/verify-signature-$(date +%Y-%m-%d).txt"
{
    echo "verify-signature: ${SIZE_MIB} MiB signed image, best of ${ROUNDS} rounds (tools: of 2x${ROUNDS}), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$(java -version 2>&1 | head -1); $(openssl version); $(sha512sum --version | head -1)"
    echo
    printf '%-48s %8s %8s %9s %9s\n' "what" "wall ms" "cpu ms" "wall/sha" "cpu/sha"
    row "sha512sum" "$sha512sum_t"
    row "openssl dgst -sha512" "$openssl_t"
    row "md5sum" "$md5sum_t"
    row "2 x sha512sum at once, one image each" "$pair_t"
    printf '%-48s %8s %8s %9s %9s\n' "ioslab check, 1 image, cold JVM (java -jar)" "$cold_ms" "-" "$(ratio "$cold_ms" "$sw")" "-"
    row "ioslab verify, 1 image, SHA-512 (boot, copy)" "$one_t"
    row "ioslab verify, 1 image, SHA-512 + MD5 (verify)" "$one_md5_t"
    row "ioslab verify, 2 images, 2 workers, SHA-512" "$two_t"
    row "ioslab verify, 2 images, 2 workers, + MD5" "$two_md5_t"
    echo
    echo "targets"
    echo "  one verification <= 0.9x sha512sum        SHA-512: wall ${single_wall}x $(verdict "$single_wall" 0.9 le), cpu ${single_cpu}x $(verdict "$single_cpu" 0.9 le)"
    echo "                                            SHA-512 + MD5: wall ${md5_wall}x $(verdict "$md5_wall" 0.9 le), cpu ${md5_cpu}x $(verdict "$md5_cpu" 0.9 le)"
    echo "  two on two cores >= 1.7x the single rate  SHA-512: ${scale}x $(verdict "$scale" 1.7 ge), SHA-512 + MD5: ${scale_md5}x $(verdict "$scale_md5" 1.7 ge)"
    echo "                                            (control: two sha512sum processes scale ${scale_sha512sum}x on this machine now)"
} | tee "$result"
