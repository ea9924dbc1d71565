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

SIZE=${SIZE:-4096}; MESSAGES=${MESSAGES:-20000}; ROUNDS=${ROUNDS:-3}; CONNECTIONS=${CONNECTIONS:-20}
INFLIGHT=${INFLIGHT:-500}; SINK_PORT=${SINK_PORT:-12726}; HOLD_PORT=${HOLD_PORT:-12727}

for tool in smtp-sink smtp-source postfix; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y postfix" >&2; exit 1; }
done

work=$(mktemp -d)
chmod 755 "$work"
pids=()
pf_conf="$work/conf"
cleanup() {
  [ -f "$pf_conf/main.cf" ] && postfix -c "$pf_conf" stop >/dev/null 2>&1 || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

wait_port() {
  for _ in $(seq 300); do ss -ltnH "sport = :$1" | grep -q . && return 0; sleep 0.1; done
  echo "nothing listens on port $1" >&2; return 1
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "building test classes and class path..." >&2
mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile >/dev/null
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$work/cp.txt")"

smtp-sink -u nobody "127.0.0.1:$SINK_PORT" 1000 & pids+=($!)
wait_port "$SINK_PORT"

# --- a private Postfix that holds what it receives and relays bench.test to the sink ---
mkdir -p "$pf_conf" "$work/queue" "$work/data"
chown postfix "$work/data"
cat > "$pf_conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $work/queue
data_directory = $work/data
mail_owner = postfix
setgid_group = postdrop
myhostname = bench.postfix.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains = bench.test
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
transport_maps = inline:{ bench.test=smtp:[127.0.0.1]:$SINK_PORT }
default_transport = error:5.7.1 no other delivery from this benchmark instance
relay_transport = error:5.7.1 no other delivery from this benchmark instance
smtp_bind_address = 127.0.0.1
smtp_dns_support_level = disabled
smtp_tls_security_level = none
alias_maps =
alias_database =
notify_classes =
maillog_file_prefixes = $work
maillog_file = $work/maillog
CF
cat > "$pf_conf/master.cf" <<CF
127.0.0.1:$HOLD_PORT inet n - n - - smtpd
  -o smtpd_client_restrictions=check_client_access,static:HOLD
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
smtp unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
CF
postfix -c "$pf_conf" start >/dev/null
wait_port "$HOLD_PORT"

queued() { find "$work/queue/incoming" "$work/queue/active" "$work/queue/deferred" "$work/queue/maildrop" -type f 2>/dev/null | wc -l; }
held() { find "$work/queue/hold" -type f 2>/dev/null | wc -l; }

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
sent=$(grep -c "relay=127.0.0.1\[127.0.0.1\]:$SINK_PORT.*status=sent" "$work/maillog" || true)

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
