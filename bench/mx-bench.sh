#!/usr/bin/env bash
# mx: delivery throughput against smtp-sink, with Postfix's own smtp client delivering the same messages to the same
# sink in the same run as the reference.
#
#   bench/mx-bench.sh        # defaults: 4 KiB messages, 20000 per round, 3 rounds, 20 connections
#
# mailpipe: a Camel route direct: -> mx: (overrides bench.test to the sink) with MESSAGES exchanges, at most INFLIGHT
# in flight, over a pool of CONNECTIONS reused connections (io.mailpipe.bench.MxBenchmark in the test classes).
# Postfix: a private instance (own config, queue and data directories in a temporary directory) whose smtpd puts
# every message on hold; the messages are injected with smtp-source and released (not timed), then "postqueue -f"
# starts the clock and it stops when the queue is empty. Postfix delivers with its default smtp concurrency (20)
# and connection cache. Reported: median messages/s of each, the ratio, and the JVM's thread count.
# Loopback only; needs root (Postfix) and the Debian postfix package (smtp-sink, smtp-source).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE=${SIZE:-4096}; MESSAGES=${MESSAGES:-20000}; ROUNDS=${ROUNDS:-3}; CONNECTIONS=${CONNECTIONS:-20}
INFLIGHT=${INFLIGHT:-500}; ports=($(free_ports 2)); SINK_PORT=${SINK_PORT:-${ports[0]}}; HOLD_PORT=${HOLD_PORT:-${ports[1]}}

for tool in smtp-sink smtp-source postfix; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y postfix" >&2; exit 1; }
done

work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() {
  [ -f "$work/pf/etc/main.cf" ] && postfix -c "$work/pf/etc" stop >/dev/null 2>&1 || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT


echo "building test classes and class path..." >&2
mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile >/dev/null
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$work/cp.txt")"

smtp-sink -u nobody "127.0.0.1:$SINK_PORT" 1000 & pids+=($!)
wait_port "$SINK_PORT"

# --- a private Postfix that holds what it receives and relays bench.test to the sink ---
private_postfix "$work/pf" "$HOLD_PORT" bench.test "smtp:[127.0.0.1]:$SINK_PORT" \
  smtpd_client_restrictions=check_client_access,static:HOLD
pf_conf=$work/pf/etc

queued() { find "$work/pf/queue/incoming" "$work/pf/queue/active" "$work/pf/queue/deferred" "$work/pf/queue/maildrop" -type f 2>/dev/null | wc -l; }
held() { find "$work/pf/queue/hold" -type f 2>/dev/null | wc -l; }

postfix_round() {
  timeout 600 smtp-source -s 20 -m "$MESSAGES" -l "$SIZE" -f bench@source.test -t rcpt@bench.test "127.0.0.1:$HOLD_PORT"
  for _ in $(seq 600); do [ "$(held)" -ge "$MESSAGES" ] && break; sleep 0.1; done
  [ "$(held)" -ge "$MESSAGES" ] || { echo "only $(held) of $MESSAGES messages on hold" >&2; exit 1; }
  postsuper -c "$pf_conf" -H ALL 2>/dev/null
  local start end
  start=$(date +%s.%N)
  postqueue -c "$pf_conf" -f
  for _ in $(seq 6000); do [ "$(queued)" -eq 0 ] && [ "$(held)" -eq 0 ] && break; sleep 0.05; done
  end=$(date +%s.%N)
  [ "$(queued)" -eq 0 ] || { echo "Postfix did not empty its queue" >&2; exit 1; }
  echo "$MESSAGES / ($end - $start)" | bc -l
}

echo "Postfix: warm-up and $ROUNDS rounds of $MESSAGES messages..." >&2
saved=$MESSAGES; MESSAGES=500; postfix_round >/dev/null; MESSAGES=$saved
postfix_rates=()
for _ in $(seq "$ROUNDS"); do postfix_rates+=("$(postfix_round)"); done
sent=$(grep -c "relay=127.0.0.1\[127.0.0.1\]:$SINK_PORT.*status=sent" "$work/pf/maillog" || true)

echo "mailpipe mx: $ROUNDS rounds of $MESSAGES messages..." >&2
java ${JAVA_OPTS:--Xmx512m} -cp "$classpath" io.mailpipe.bench.MxBenchmark "$SINK_PORT" "$MESSAGES" "$SIZE" \
  "$INFLIGHT" "$CONNECTIONS" "$ROUNDS" 2>"$work/mailpipe.err" | tee "$work/mailpipe.out" >&2
mx_rates=($(sed -n 's/.* rate=\([0-9.]*\).*/\1/p' "$work/mailpipe.out"))
failed=$(awk -F'failed=' '{split($2,a," "); s+=a[1]} END {print s+0}' "$work/mailpipe.out")
threads=$(sed -n 's/.*peakThreads=\([0-9]*\).*/\1/p' "$work/mailpipe.out" | tail -1)

pf=$(printf '%s\n' "${postfix_rates[@]}" | median)
mx=$(printf '%s\n' "${mx_rates[@]}" | median)
echo
printf 'message size %s B, %s messages per round, %s rounds (medians), sink: smtp-sink\n' "$SIZE" "$MESSAGES" "$ROUNDS"
printf '%-34s %10.0f msgs/s   (rounds: %s)\n' "Postfix smtp client -> smtp-sink" "$pf" "$(printf '%.0f ' "${postfix_rates[@]}")"
printf '%-34s %10.0f msgs/s   (rounds: %s)\n' "mailpipe mx: -> smtp-sink" "$mx" "$(printf '%.0f ' "${mx_rates[@]}")"
printf '%-34s %10.2f\n' "ratio mailpipe / Postfix" "$(echo "$mx / $pf" | bc -l)"
printf '%-34s %10s (peak JVM threads; %s connections, %s in flight)\n' "mailpipe threads" "$threads" "$CONNECTIONS" "$INFLIGHT"
printf '%-34s %10s (Postfix log, status=sent incl. warm-up) / mailpipe failures: %s\n' "Postfix deliveries" "$sent" "$failed"
