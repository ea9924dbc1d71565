#!/usr/bin/env bash
# SPF checks per second: mailpipe (warm dnsjava cache, and no cache against a local unbound) and pyspf on the same
# zones, plus the JVM thread count with 1,000 checks in flight. Needs: unbound, python3-spf (Debian packages).
# Usage: bench/spf-bench.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
RUN_SECONDS="${1:-10}"
WORK="$(mktemp -d)"
UNBOUND_PID=""
cleanup() {
  if [ -n "$UNBOUND_PID" ]; then kill "$UNBOUND_PID" 2>/dev/null || true; wait "$UNBOUND_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -q -DskipTests test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
CP="target/classes:target/test-classes:$(cat "$WORK/classpath.txt")"

java -cp "$CP" io.mailpipe.spf.SpfBenchmark generate "$WORK"
PORT="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
{
  echo "server:"
  for line in "interface: 127.0.0.1" "port: $PORT" "do-daemonize: no" 'username: ""' 'chroot: ""' \
      "directory: \"$WORK\"" 'pidfile: ""' "use-syslog: no" "verbosity: 0" "do-ip6: no" \
      "access-control: 127.0.0.0/8 allow" 'module-config: "iterator"' "num-threads: 1" \
      "num-queries-per-thread: 4096"; do
    echo "  $line"
  done
  sed 's/^/  /' "$WORK/unbound-zone.conf"
} > "$WORK/unbound.conf"
/usr/sbin/unbound -d -c "$WORK/unbound.conf" > "$WORK/unbound.log" 2>&1 &
UNBOUND_PID=$!
for _ in $(seq 1 50); do
  if /usr/bin/python3 -c "import dns.resolver as r; x=r.Resolver(configure=False); x.nameservers=['127.0.0.1']; x.port=$PORT; x.resolve('d0.bench','TXT',lifetime=0.5)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done

echo "== SPF benchmark: $(wc -l < "$WORK/queries.tsv") queries over 300 domains, ${RUN_SECONDS}s per run, unbound on 127.0.0.1:$PORT"
java -cp "$CP" io.mailpipe.spf.SpfBenchmark run "127.0.0.1:$PORT" "$WORK" "$RUN_SECONDS"
/usr/bin/python3 bench/pyspf_bench.py memory "$WORK/zone.json" "$WORK/queries.tsv" "$RUN_SECONDS"
/usr/bin/python3 bench/pyspf_bench.py dns 127.0.0.1 "$PORT" "$WORK/queries.tsv" "$RUN_SECONDS"
