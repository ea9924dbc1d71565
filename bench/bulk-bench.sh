#!/usr/bin/env bash
# Bulk mailing from Kafka end to end: send requests on mail.submit -> compose -> dkim:sign -> Kafka queue -> mx: ->
# smtp-sink, against Postfix relaying the same number of ready messages of the same size to the same sink in the
# same run.
#
#   bench/bulk-bench.sh                     # defaults: 5000 requests per round, 3 rounds after a warm-up of 20000,
#                                           # extended by rounds until mailpipe's JIT compiler has settled
#                                           # (settle_jit in lib.sh; at most JIT_ROUNDS)
#   REQUESTS=20000 ROUNDS=2 bench/bulk-bench.sh
#   KEEP=1 bench/bulk-bench.sh              # keep the work directory (logs, broker data, flight recording)
#
# Requests: one recipient each, with per-recipient variables (so each is composed on its own), a subject, a text and
# an HTML part, tenant, campaign and idempotency key; recipients spread over DOMAINS domains whose MX records (in a
# local unbound) point at one host name of one provider site. Every message is DKIM-signed (rsa-sha256, 2048 bits).
# Shaping is on with limits that do not bind: the site allows CONNECTIONS connections, 100 messages per connection
# and no rate limit; the bench checks afterwards that no delivery was deferred by the shaper.
# A round is timed from the start of `mailpipe submit` (which writes the round's requests with acks=all) until the
# sink has received all of them. Postfix gets the same number of messages of the composed size from smtp-source
# (20 sessions) and relays them to the sink; its round is timed the same way, from the first message sent.
# Reported: the median rates, the ratio, the CPU per message (mailpipe JVM and broker; Postfix master and daemons),
# mailpipe's CPU by thread group (JIT compiler, garbage collector, Kafka and Netty I/O threads, Camel threads;
# bench/thread_cpu.py), and where its Java time goes, from a flight recording of the timed rounds: samples
# attributed to compose (request parsing and MIME), sign (DKIM), Kafka client, SMTP delivery (mx:, Netty), queue
# and routing (mailpipe queue code, Camel) by the innermost frame of those packages (JDK, Jackson and logging frames
# are skipped; bench/jfr_stages.py).
# Needs root (Postfix) and the Debian packages postfix (smtp-source, smtp-sink) and unbound; the broker comes from
# bin/kafka-local.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

REQUESTS=${REQUESTS:-5000}; ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-20000}; JIT_ROUNDS=${JIT_ROUNDS:-10}
DOMAINS=${DOMAINS:-40}
CONNECTIONS=${CONNECTIONS:-20}; SESSIONS=${SESSIONS:-20}

for tool in smtp-sink smtp-source postfix unbound jcmd jfr; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y postfix unbound (and a JDK)" >&2; exit 1; }
done
[ -f target/mailpipe.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d /var/tmp/bulk-bench.XXXXXX)
chmod 755 "$work"
export KAFKA_WORK_DIR=$work/kafka
ports=($(free_ports 8))
SINK_PORT=${ports[0]} PF_PORT=${ports[1]} MP_PORT=${ports[2]} DNS_PORT=${ports[3]}
KAFKA_PORT=${ports[4]} KAFKA_CONTROLLER_PORT=${ports[5]} MGMT_PORT=${ports[6]} PROBE_PORT=${ports[7]}
export KAFKA_PORT KAFKA_CONTROLLER_PORT
sink="" probe="" unbound="" app="" broker=""
cleanup() {
  [ -n "$app" ] && stop_pid "$app"
  [ -n "$broker" ] && { bin/kafka-local stop >/dev/null 2>&1 || true; }
  [ -f "$work/postfix/etc/main.cf" ] && { postfix -c "$work/postfix/etc" stop >/dev/null 2>&1 || true; }
  [ -n "$unbound" ] && stop_pid "$unbound"
  [ -n "$sink" ] && stop_pid "$sink"
  [ -n "$probe" ] && stop_pid "$probe"
  [ -n "${KEEP:-}" ] && echo "work directory kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

# --- the sink, and DNS: DOMAINS domains with MX mx.provider.bench.test -> 127.0.0.1 -----------------------------
smtp-sink -c -u nobody "127.0.0.1:$SINK_PORT" 1000 > "$work/sink.count" 2> "$work/sink.log" & sink=$!
records=("mx.provider.bench.test. 3600 IN A 127.0.0.1")
for d in $(seq 0 $((DOMAINS - 1))); do records+=("d$d.bench.test. 3600 IN MX 10 mx.provider.bench.test."); done
unbound_config "$work" "$DNS_PORT" "${records[@]}" > "$work/unbound.conf"
unbound -d -c "$work/unbound.conf" > "$work/unbound.log" 2>&1 & unbound=$!
wait_port "$SINK_PORT"; wait_port "$DNS_PORT"

delivered() { sink_delivered "$work/sink.count"; }
elapsed_rate() { echo "$1 * 1000000000 / ($3 - $2)" | bc -l; }

# requests FILE COUNT ROUND [DOMAIN]: COUNT send requests, one per line (recipients at DOMAIN when given)
requests() {
  /usr/bin/python3 - "$2" "$3" "$DOMAINS" "${4:-}" > "$1" <<'PY'
import json, sys
count, round_name, domains, domain = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = "Hello {{first}},\n\n" + "Your weekly summary is ready. " * 30 + "\n\nRegards,\nAcme\n"
html = "<html><body><p>Hello <b>{{first}}</b>,</p>" + "<p>Your weekly summary is ready.</p>" * 30 + "</body></html>"
for i in range(count):
    print(json.dumps({"schema": "mailpipe.send/1", "tenant": "acme", "campaign": "weekly-" + round_name,
        "idempotencyKey": "%s-%d" % (round_name, i), "from": {"address": "news@acme.bench.test", "name": "Acme"},
        "recipients": [{"address": "user%d@%s" % (i, domain or "d%d.bench.test" % (i % domains)), "variables": {"first": "User%d" % i}}],
        "subject": "Weekly summary for {{first}}", "text": text, "html": html,
        "headers": {"List-Unsubscribe": "<mailto:unsubscribe@acme.bench.test>"}}, separators=(",", ":")))
PY
}

declare -A rate cpu
submit() { java -jar target/mailpipe.jar submit "$work/$1.jsonl" --brokers "$brokers" > "$work/submit-$1.log" 2>&1; }
# mailpipe_round NAME COUNT: submit COUNT requests and wait for the sink; prints the end-to-end rate
mailpipe_round() {
  local target start end
  requests "$work/$1.jsonl" "$2" "$1"
  target=$(( $(delivered) + $2 ))
  start=$(date +%s%N)
  submit "$1"
  wait_delivered "$work/sink.count" "$target"
  end=$(date +%s%N)
  elapsed_rate "$2" "$start" "$end"
}
# postfix_round COUNT: COUNT messages of the composed size through Postfix; prints the end-to-end rate
postfix_round() {
  local target start end
  target=$(( $(delivered) + $1 ))
  start=$(date +%s%N)
  timeout 600 smtp-source -s "$SESSIONS" -m "$1" -l "$size" -f news@acme.bench.test -t user@d0.bench.test \
    "127.0.0.1:$PF_PORT"
  wait_delivered "$work/sink.count" "$target"
  end=$(date +%s%N)
  elapsed_rate "$1" "$start" "$end"
}

# --- mailpipe: broker, DKIM key, limits that do not bind, the jar in Kafka mode with bulk on ----------------------
brokers=$(bin/kafka-local start); broker=$(cat "$KAFKA_WORK_DIR/broker.pid")
mkdir -p "$work/dkim"
java -jar target/mailpipe.jar dkim-keygen --algorithm=rsa-sha256 --domain=acme.bench.test --selector=b1 \
  --out="$work/dkim" > /dev/null
echo "acme.bench.test b1 b1.private" > "$work/dkim/key-table"
cat > "$work/limits.yaml" <<YAML
defaults: {max-connections: $CONNECTIONS, max-messages-per-connection: 100}
sites:
  provider: {mx: ["*.provider.bench.test"], max-connections: $CONNECTIONS, max-messages-per-connection: 100}
YAML
env MAILPIPE_QUEUE=kafka MAILPIPE_KAFKA_BROKERS="$brokers" MAILPIPE_BULK_ENABLED=true \
  MAILPIPE_KAFKA_PARTITIONS=${PARTITIONS:-12} MAILPIPE_KAFKA_CONSUMERS=${CONSUMERS:-6} \
  MAILPIPE_BULK_CONSUMERS=${BULK_CONSUMERS:-4} MAILPIPE_KAFKA_POLL_TIMEOUT_MS=200 \
  MAILPIPE_SHAPING_ENABLED=true MAILPIPE_SHAPING_FILE="$work/limits.yaml" \
  MAILPIPE_DKIM_KEY_TABLE="$work/dkim/key-table" MAILPIPE_DNS_SERVERS="127.0.0.1:$DNS_PORT" \
  MAILPIPE_MX_PORT="$SINK_PORT" MAILPIPE_MX_TLS_POLICY=none SMTPD_PORT="$MP_PORT" \
  MAILPIPE_MX_OVERRIDES="probe.bench.test=127.0.0.1:$PROBE_PORT" MAILPIPE_MANAGEMENT_PORT="$MGMT_PORT" \
  MAILPIPE_SPOOL_DIRECTORY="$work/spool" \
  java ${JAVA_OPTS:--Xmx1g} -jar target/mailpipe.jar > "$work/mailpipe.log" 2>&1 & app=$!
wait_port "$MP_PORT"

# the size of a composed, signed message: one request to a second sink that keeps what it receives
mkdir -p "$work/probe"; chown nobody "$work/probe"
smtp-sink -u nobody -d "$work/probe/%M." "127.0.0.1:$PROBE_PORT" 10 2> "$work/probe.log" & probe=$!
wait_port "$PROBE_PORT"
requests "$work/probe.jsonl" 1 probe probe.bench.test
submit probe
for _ in $(seq 600); do ls "$work/probe/" | grep -q . && break; sleep 0.1; done
# the dump starts with five envelope lines and smtp-sink's own three-line Received field; lines end in LF only
size=$(cat "$work"/probe/* 2>/dev/null | awk 'NR > 8 {n += length($0) + 2} END {print n + 0}')
[ "$size" -gt 0 ] || { echo "the probe message never arrived" >&2; exit 1; }
stop_pid "$probe"; probe=""

echo "mailpipe: warm-up ($WARMUP requests) and $ROUNDS rounds of $REQUESTS..." >&2
mailpipe_round warmup "$WARMUP" > /dev/null
# Further warm-up rounds (each under a name of its own: request idempotency keys must not repeat) until the JIT
# compiler has settled, with a flight recording already running: starting one makes the JVM recompile much of its
# code, so the recording of the timed rounds starts only after this one has been through that, and replaces it.
jcmd "$app" JFR.start name=warm settings=profile > /dev/null
settle_round() { mailpipe_round "settle-$(date +%s%N)" "$REQUESTS"; }
read -r chunks share < <(settle_jit "$app" "$JIT_ROUNDS" settle_round)
warmed=$((WARMUP + chunks * REQUESTS))
echo "  warm-up extended to $warmed requests; JIT compiler's share of the CPU in its last round: $share%" >&2
jcmd "$app" JFR.start name=bulk settings=profile > /dev/null
jcmd "$app" JFR.stop name=warm > /dev/null
/usr/bin/python3 bench/thread_cpu.py snapshot "$app" > "$work/threads.before"
before_app=$(cpu_ticks "$app"); before_broker=$(cpu_ticks "$broker")
rates=()
for r in $(seq "$ROUNDS"); do
  rates+=("$(mailpipe_round "round$r" "$REQUESTS")")
  printf '  round %d: %8.0f requests/s end to end\n' "$r" "${rates[-1]}" >&2
done
cpu[mailpipe]=$(( $(cpu_ticks "$app") - before_app )); cpu[broker]=$(( $(cpu_ticks "$broker") - before_broker ))
/usr/bin/python3 bench/thread_cpu.py snapshot "$app" > "$work/threads.after"
jcmd "$app" JFR.stop name=bulk filename="$work/bulk.jfr" > /dev/null
rate[mailpipe]=$(printf '%s\n' "${rates[@]}" | median)
# shaping must not have bound: no recipient deferred, every one delivered
metrics=$(curl -sf "http://127.0.0.1:$MGMT_PORT/observe/metrics")
deferred=$(echo "$metrics" | awk '/^mailpipe_deliveries_total\{/ && /outcome="deferred"/ {n += $2} END {print n + 0}')
sent=$(echo "$metrics" | awk '/^mailpipe_deliveries_total\{/ && /outcome="delivered"/ {n += $2} END {print n + 0}')
stop_pid "$app"; app=""
bin/kafka-local stop >/dev/null 2>&1; broker=""
expected=$((1 + warmed + ROUNDS * REQUESTS))
[ "$deferred" -eq 0 ] || { echo "mailpipe deferred $deferred recipients: shaping or the sink bound" >&2; exit 1; }
[ "$sent" -eq "$expected" ] || { echo "mailpipe counted $sent deliveries, expected $expected" >&2; exit 1; }

# --- Postfix: the same number of ready messages of the composed size, relayed to the same sink ------------------
private_postfix "$work/postfix" "$PF_PORT" d0.bench.test "smtp:[127.0.0.1]:$SINK_PORT"
pf_master=$(tr -d ' ' < "$work/postfix/queue/pid/master.pid")
echo "Postfix: warm-up ($WARMUP messages of $size octets) and $ROUNDS rounds of $REQUESTS..." >&2
postfix_round "$WARMUP" > /dev/null
before_pf=$(cpu_ticks "$pf_master")
rates=()
for r in $(seq "$ROUNDS"); do
  rates+=("$(postfix_round "$REQUESTS")")
  printf '  round %d: %8.0f messages/s end to end\n' "$r" "${rates[-1]}" >&2
done
cpu[postfix]=$(( $(cpu_ticks "$pf_master") - before_pf ))
rate[postfix]=$(printf '%s\n' "${rates[@]}" | median)
postfix -c "$work/postfix/etc" stop >/dev/null 2>&1

# --- report ---------------------------------------------------------------------------------------------------
hz=$(getconf CLK_TCK)
per_message() { echo "1000 * $1 / $hz / ($ROUNDS * $REQUESTS)" | bc -l; }
echo
printf 'bulk: send requests on mail.submit, then mailpipe (compose, dkim:sign rsa-sha256, Kafka queue, mx:, shaping on)\n'
printf 'to smtp-sink, against Postfix relaying ready %s-octet messages to the same sink (%s sessions);\n' "$size" \
  "$SESSIONS"
printf '%s requests per round, one recipient each over %s domains; median of %s rounds after a warm-up of %s\n' \
  "$REQUESTS" "$DOMAINS" "$ROUNDS" "$warmed (Postfix: $WARMUP)"
printf '%-16s %12s %10s %12s  %s\n' "" "end to end" "x Postfix" "CPU ms/msg" "CPU s (timed rounds)"
printf '%-16s %10.0f/s %10s %12.2f  Postfix %.1f\n' "Postfix relay" "${rate[postfix]}" "" \
  "$(per_message "${cpu[postfix]}")" "$(echo "${cpu[postfix]} / $hz" | bc -l)"
printf '%-16s %10.0f/s %10.2f %12.2f  mailpipe %.1f, broker %.1f (broker share %.0f%%)\n' "mailpipe bulk" \
  "${rate[mailpipe]}" "$(echo "${rate[mailpipe]} / ${rate[postfix]}" | bc -l)" \
  "$(per_message $(( cpu[mailpipe] + cpu[broker] )))" "$(echo "${cpu[mailpipe]} / $hz" | bc -l)" \
  "$(echo "${cpu[broker]} / $hz" | bc -l)" "$(echo "100 * ${cpu[broker]} / (${cpu[mailpipe]} + ${cpu[broker]})" | bc -l)"
echo
echo "mailpipe's CPU in the timed rounds by thread (user + system time of each thread, from /proc):"
/usr/bin/python3 bench/thread_cpu.py report "$work/threads.before" "$work/threads.after"
echo "the Java code those threads ran (flight recording, samples by innermost frame):"
jfr print --stack-depth 128 --events jdk.ExecutionSample "$work/bulk.jfr" | /usr/bin/python3 bench/jfr_stages.py
