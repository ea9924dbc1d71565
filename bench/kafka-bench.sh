#!/usr/bin/env bash
# Kafka mode, end to end: smtp-source -> mailpipe (smtpd: -> mail.incoming, acks=all) -> consumer -> delivery
# endpoint -> outcome on mail.events, against one local broker started here (bin/kafka-local, fresh data).
#
#   bench/kafka-bench.sh            # defaults: 4 KiB messages, 20 sessions, 20000 messages
#
# Reported: the SMTP acceptance rate (every 250 waited for the broker's ack), the end-to-end rate (until the last
# message's delivered event is on mail.events), and the CPU seconds of the broker and of mailpipe with the broker's
# share. Until the mx: producer is wired, delivery goes to a discarding log endpoint (DELIVERY_URI overrides it).
# Loopback only; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE=${SIZE:-4096}; SESSIONS=${SESSIONS:-20}; MESSAGES=${MESSAGES:-20000}
ports=($(free_ports 3)); MAILPIPE_PORT=${MAILPIPE_PORT:-${ports[0]}}; export KAFKA_PORT=${KAFKA_PORT:-${ports[1]}}
export KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-${ports[2]}}
DELIVERY_URI=${DELIVERY_URI:-log:io.mailpipe.bench?level=TRACE}

command -v smtp-source >/dev/null || bin/install-test-peers
[ -f target/mailpipe.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
export KAFKA_WORK_DIR=$work/kafka
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  bin/kafka-local stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT


brokers=$(bin/kafka-local start)
broker_pid=$(cat "$KAFKA_WORK_DIR/broker.pid")
MAILPIPE_QUEUE=kafka MAILPIPE_KAFKA_BROKERS=$brokers MAILPIPE_DELIVERY_URI=$DELIVERY_URI \
  SMTPD_PORT=$MAILPIPE_PORT SMTPD_MAX_MESSAGE_SIZE=$((SIZE * 4)) \
  java -Xmx1g -jar target/mailpipe.jar > "$work/mailpipe.log" 2>&1 &
app=$!
wait_port "$MAILPIPE_PORT"

hz=$(getconf CLK_TCK)
broker_before=$(cpu_ticks "$broker_pid"); app_before=$(cpu_ticks "$app")
java -cp "target/kafka-local/lib/*" bench/kafka/CountRecords.java "$brokers" mail.events "$MESSAGES" 900 \
  > "$work/done" &
counter=$!
start=$(date +%s%N)
timeout 600 smtp-source -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f bench@source.test -t rcpt@sink.test \
  "127.0.0.1:$MAILPIPE_PORT"
accepted=$(date +%s%N)
wait "$counter"
done_ms=$(cat "$work/done")
broker_cpu=$(( $(cpu_ticks "$broker_pid") - broker_before )); app_cpu=$(( $(cpu_ticks "$app") - app_before ))

smtp_rate=$(echo "$MESSAGES / (($accepted - $start) / 1000000000)" | bc -l)
e2e_rate=$(echo "$MESSAGES / (($done_ms * 1000000 - $start) / 1000000000)" | bc -l)
printf 'messages %d of %d bytes over %d sessions\n' "$MESSAGES" "$SIZE" "$SESSIONS"
printf 'accepted (250 after broker ack): %.0f msg/s\n' "$smtp_rate"
printf 'end to end (delivered event):   %.0f msg/s\n' "$e2e_rate"
printf 'CPU seconds: broker %.1f, mailpipe %.1f; broker share %.0f%%\n' "$(echo "$broker_cpu / $hz" | bc -l)" \
  "$(echo "$app_cpu / $hz" | bc -l)" "$(echo "100 * $broker_cpu / ($broker_cpu + $app_cpu)" | bc -l)"
