#!/bin/sh
# Benchmark: `verify /md5` of a 512 MiB file on a real device session versus md5sum on the same file.
# Needs ~512 MiB free in the temp directory. Not part of `mvn verify`; prints the ratio (target <= 1.2).
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/lib ] || [ ! -d target/classes ]; then
    mvn -q -B -DskipTests package
fi
exec java -cp "target/classes:target/lib/*" bench/VerifyMd5Bench.java
