#!/bin/sh
# DKIM signing/verification throughput per core (4 KB and 1 MB messages, rsa-2048 and ed25519) next to the raw
# JDK Signature rate over a 32-byte hash. Usage: bench/dkim-bench.sh [seconds-per-measurement]  (default 3)
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
echo "JVM: $(java -version 2>&1 | head -1); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
exec java -XX:ActiveProcessorCount=1 -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" \
  io.mailpipe.dkim.DkimBenchmark "${1:-3}"
