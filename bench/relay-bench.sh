#!/usr/bin/env bash
# Relay throughput end to end: smtp-source -> MTA -> smtp-sink, for mailpipe with each queue back-end (spool, Kafka)
# and for Postfix doing the same relay in the same run as the reference.
#
#   bench/relay-bench.sh            # defaults: 4 KiB messages, 20 sessions, 5000 messages per round, 3 rounds after
#                                   # a warm-up of 20000, which mailpipe extends by rounds of 5000 until its JIT
#                                   # compiler has settled (under 5% of the JVM's CPU in a round; at most JIT_ROUNDS)
#   MESSAGES=20000 SIZE=65536 bench/relay-bench.sh
#   KEEP=1 bench/relay-bench.sh     # keep the work directory (logs, spool, broker data) for a look afterwards
#
# One smtp-sink takes every delivery; its running counter (-c) tells when a round's last message has arrived. Each
# MTA gets a warm-up round (WARMUP messages, and for mailpipe the further rounds its JIT compiler needs to settle, see
# settle_jit in lib.sh) and then ROUNDS rounds of MESSAGES; a round is timed from the moment
# smtp-source starts until the sink has received all of them, so the rate covers acceptance, queueing and delivery.
# Reported per MTA: the median end-to-end messages/s, the ratio to Postfix, the median accept rate (smtp-source
# done), and the CPU its processes used during the timed rounds, per message (Postfix: the master and all its
# daemons; mailpipe: the JVM, in Kafka mode also the broker, whose share is shown). CPU per message is the figure
# that depends least on what else runs on the machine.
#   Postfix:  a private instance (own configuration and queue, see lib.sh) relaying sink.test to
#             smtp:[127.0.0.1]:SINK with DNS disabled; its default concurrency (20) and connection cache.
#   spool:    target/mailpipe.jar with the shipped routes, MAILPIPE_MX_OVERRIDES pointing sink.test at the sink and
#             DNS (SPF) answered by a local unbound that knows no names; the event log's delivered lines are checked.
#   kafka:    the same with MAILPIPE_QUEUE=kafka against one broker from bin/kafka-local (fresh data).
# Every port is chosen free at run time; everything listens on 127.0.0.1 only and is stopped on exit. Needs root
# (Postfix) and the Debian packages postfix (smtp-source, smtp-sink) and unbound.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE=${SIZE:-4096}; SESSIONS=${SESSIONS:-20}; MESSAGES=${MESSAGES:-5000}; ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20000}; JIT_ROUNDS=${JIT_ROUNDS:-10}; BACKENDS=${BACKENDS:-postfix spool kafka}

for tool in smtp-sink smtp-source postfix unbound; do
  command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install -y postfix unbound" >&2; exit 1; }
done
[ -f target/mailpipe.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d /var/tmp/relay-bench.XXXXXX)
chmod 755 "$work"
export KAFKA_WORK_DIR=$work/kafka
ports=($(free_ports 6))
SINK_PORT=${ports[0]} PF_PORT=${ports[1]} MP_PORT=${ports[2]} DNS_PORT=${ports[3]}
KAFKA_PORT=${ports[4]} KAFKA_CONTROLLER_PORT=${ports[5]}
export KAFKA_PORT KAFKA_CONTROLLER_PORT
sink="" unbound="" app="" broker=""
cleanup() {
  [ -n "$app" ] && stop_pid "$app"
  [ -n "$broker" ] && { bin/kafka-local stop >/dev/null 2>&1 || true; }
  [ -f "$work/postfix/etc/main.cf" ] && { postfix -c "$work/postfix/etc" stop >/dev/null 2>&1 || true; }
  [ -n "$unbound" ] && stop_pid "$unbound"
  [ -n "$sink" ] && stop_pid "$sink"
  [ -n "${KEEP:-}" ] && echo "work directory kept: $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

# --- the sink, and a resolver that answers NXDOMAIN for every name (SPF checks never leave the machine) ----------
smtp-sink -c -u nobody "127.0.0.1:$SINK_PORT" 1000 > "$work/sink.count" 2> "$work/sink.log" & sink=$!
unbound_config "$work" "$DNS_PORT" > "$work/unbound.conf"
unbound -d -c "$work/unbound.conf" > "$work/unbound.log" 2>&1 & unbound=$!
wait_port "$SINK_PORT"; wait_port "$DNS_PORT"

delivered() { sink_delivered "$work/sink.count"; }
# round PORT COUNT: send COUNT messages to 127.0.0.1:PORT; prints "end-to-end/s accepted/s"
round() {
  local target start accepted end
  target=$(( $(delivered) + $2 ))
  start=$(date +%s%N)
  timeout 600 smtp-source -s "$SESSIONS" -m "$2" -l "$SIZE" -f bench@source.test -t rcpt@sink.test "127.0.0.1:$1"
  accepted=$(date +%s%N)
  wait_delivered "$work/sink.count" "$target"
  end=$(date +%s%N)
  echo "$(echo "$2 * 1000000000 / ($end - $start)" | bc -l) $(echo "$2 * 1000000000 / ($accepted - $start)" | bc -l)"
}

# measure NAME PORT [PID...]: warm-up, then ROUNDS timed rounds; records the medians, the messages of the warm-up and
# the CPU ticks of each PID. For mailpipe (every NAME but postfix) the first PID is its JVM, warmed up until its JIT
# compiler has settled.
declare -A e2e accept cpu warm
measure() {
  local name=$1 port=$2 rates=() accepts=() before=() line i chunks share
  shift 2
  echo "$name: warm-up ($WARMUP messages) and $ROUNDS rounds of $MESSAGES..." >&2
  round "$port" "$WARMUP" >/dev/null
  warm[$name]=$WARMUP
  if [ "$name" != postfix ]; then
    read -r chunks share < <(settle_jit "$1" "$JIT_ROUNDS" round "$port" "$MESSAGES")
    warm[$name]=$((WARMUP + chunks * MESSAGES))
    echo "  warm-up extended to ${warm[$name]} messages; JIT compiler's share of the CPU in its last round: $share%" >&2
  fi
  for pid in "$@"; do before+=("$(cpu_ticks "$pid")"); done
  for r in $(seq "$ROUNDS"); do
    line=$(round "$port" "$MESSAGES")
    rates+=("${line% *}"); accepts+=("${line#* }")
    printf '  round %d: %8.0f msgs/s end to end, %8.0f msgs/s accepted\n' "$r" "${line% *}" "${line#* }" >&2
  done
  i=0
  for pid in "$@"; do cpu[$name.$i]=$(( $(cpu_ticks "$pid") - before[i] )); i=$((i + 1)); done
  e2e[$name]=$(printf '%s\n' "${rates[@]}" | median)
  accept[$name]=$(printf '%s\n' "${accepts[@]}" | median)
}

# start_mailpipe QUEUE [VAR=VALUE...]: the jar with the shipped routes, relaying sink.test to the sink
start_mailpipe() {
  local queue=$1
  shift
  env "$@" MAILPIPE_QUEUE="$queue" SMTPD_PORT="$MP_PORT" SMTPD_MAX_CONNECTIONS_PER_CLIENT=1000 \
    MAILPIPE_SPOOL_DIRECTORY="$work/$queue/spool" MAILPIPE_QUEUE_EVENT_LOG="$work/$queue/events.log" \
    MAILPIPE_MX_OVERRIDES="sink.test=127.0.0.1:$SINK_PORT" MAILPIPE_DNS_SERVERS="127.0.0.1:$DNS_PORT" \
    java ${JAVA_OPTS:--Xmx1g} -jar target/mailpipe.jar > "$work/mailpipe-$queue.log" 2>&1 & app=$!
  wait_port "$MP_PORT"
}

hz=$(getconf CLK_TCK)
for backend in $BACKENDS; do
  case $backend in
    postfix)
      private_postfix "$work/postfix" "$PF_PORT" sink.test "smtp:[127.0.0.1]:$SINK_PORT"
      measure postfix "$PF_PORT" "$(tr -d ' ' < "$work/postfix/queue/pid/master.pid")"
      postfix -c "$work/postfix/etc" stop >/dev/null 2>&1 ;;
    spool)
      mkdir -p "$work/spool"
      start_mailpipe spool
      measure spool "$MP_PORT" "$app"
      stop_pid "$app"; app=""
      logged=$(cat "$work/spool/events.log"* 2>/dev/null | grep -c '"event":"delivered"' || true)
      expected=$((warm[spool] + ROUNDS * MESSAGES))
      echo "spool: event log has $logged delivered events for $expected messages" >&2
      [ "$logged" -eq "$expected" ] || { echo "spool: the event log does not match the sink" >&2; exit 1; } ;;
    kafka)
      mkdir -p "$work/kafka"
      brokers=$(bin/kafka-local start); broker=$(cat "$KAFKA_WORK_DIR/broker.pid")
      start_mailpipe kafka MAILPIPE_KAFKA_BROKERS="$brokers"
      measure kafka "$MP_PORT" "$app" "$broker"
      stop_pid "$app"; app=""
      bin/kafka-local stop >/dev/null 2>&1; broker="" ;;
    *) echo "unknown back-end $backend (postfix, spool, kafka)" >&2; exit 2 ;;
  esac
done

echo
printf 'relay smtp-source -> MTA -> smtp-sink: %s-octet messages, %s sessions, one message per connection,\n' \
  "$SIZE" "$SESSIONS"
printf '%s messages per round, median of %s rounds after the warm-up (messages)\n' "$MESSAGES" "$ROUNDS"
printf '%-16s %12s %10s %12s %14s %8s  %s\n' MTA "end to end" "x Postfix" accepted "CPU ms/msg" warm-up \
  "CPU s (timed rounds)"
for backend in $BACKENDS; do
  ratio=-; [ -n "${e2e[postfix]:-}" ] && ratio=$(printf '%.2f' "$(echo "${e2e[$backend]} / ${e2e[postfix]}" | bc -l)")
  case $backend in
    postfix) name="Postfix"; cpu_text=$(printf 'Postfix %.1f' "$(echo "${cpu[postfix.0]} / $hz" | bc -l)") ;;
    spool) name="mailpipe spool"; cpu_text=$(printf 'mailpipe %.1f' "$(echo "${cpu[spool.0]} / $hz" | bc -l)") ;;
    kafka) name="mailpipe kafka"
      cpu_text=$(printf 'mailpipe %.1f, broker %.1f (broker share %.0f%%)' "$(echo "${cpu[kafka.0]} / $hz" | bc -l)" \
        "$(echo "${cpu[kafka.1]} / $hz" | bc -l)" \
        "$(echo "100 * ${cpu[kafka.1]} / (${cpu[kafka.0]} + ${cpu[kafka.1]})" | bc -l)") ;;
  esac
  ticks=$(( ${cpu[$backend.0]} + ${cpu[$backend.1]:-0} ))
  per_message=$(echo "1000 * $ticks / $hz / ($ROUNDS * $MESSAGES)" | bc -l)
  printf '%-16s %10.0f/s %10s %10.0f/s %14.2f %8s  %s\n' "$name" "${e2e[$backend]}" "$ratio" "${accept[$backend]}" \
    "$per_message" "${warm[$backend]}" "$cpu_text"
done
