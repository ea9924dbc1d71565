#!/usr/bin/env bash
# smtpd: throughput and footprint, measured against smtp-sink (Postfix's do-nothing SMTP server) in the same run.
#
#   bench/smtpd-bench.sh            # defaults: 4 KiB messages, 20 sessions, 20000 messages per round, 3 rounds,
#                                   # after a warm-up of 20000 messages (WARMUP), extended by rounds until the JIT
#                                   # compiler has settled (settle_jit in lib.sh; at most JIT_ROUNDS of 10000)
#
# For each mode (one message per connection, many per connection) smtp-source drives first smtp-sink, then a fresh mailpipe
# running bench/routes/smtpd-to-spool.camel.yaml: smtpd: into the durable spool (every message group-committed to
# disk before its 250), without the DNS checks and delivery of the shipped routes, which have benchmarks of their
# own. Reported: messages/s (median of the rounds), the ratio to smtp-sink, mailpipe's CPU seconds per 1000 messages
# and peak RSS; then the heap used by 10,000 idle connections. Loopback only; everything started here is stopped on
# exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE=${SIZE:-4096}; SESSIONS=${SESSIONS:-20}; MESSAGES=${MESSAGES:-20000}; ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20000}; JIT_ROUNDS=${JIT_ROUNDS:-4}; IDLE=${IDLE:-10000}; SINK_PORT=${SINK_PORT:-12626}
MAILPIPE_PORT=${MAILPIPE_PORT:-12625}
PYTHON=/usr/bin/python3

command -v smtp-source >/dev/null || bin/install-test-peers
[ -f target/mailpipe.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# rate PORT FLAGS -> messages/s of one smtp-source round
rate() {
  local start end
  start=$(date +%s.%N)
  timeout 300 smtp-source $2 -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f bench@source.test -t rcpt@sink.test \
    "127.0.0.1:$1"
  end=$(date +%s.%N)
  echo "$MESSAGES / ($end - $start)" | bc -l
}

ulimit -n "$(ulimit -Hn)"   # 10,000 idle connections need more descriptors than the default
sink_user=(); [ "$(id -u)" -eq 0 ] && sink_user=(-u nobody)   # smtp-sink refuses to run as root
smtp-sink "${sink_user[@]}" "127.0.0.1:$SINK_PORT" 1024 >/dev/null 2>&1 & pids+=($!)
# start_mailpipe N FLAGS: a fresh instance with a new, empty spool (spool-N; the old ones are deleted only on exit,
# since creating files right after deleting many is slow on ext4 and would be measured), warmed up in the mode it is
# measured in (smtp-source FLAGS) until the JIT compiler has settled on that mode's paths; sets warmed to the
# messages sent
start_mailpipe() {
  local chunks share
  spool=$work/spool-$1
  SMTPD_PORT=$MAILPIPE_PORT SMTPD_MAX_CONNECTIONS_PER_CLIENT=20000 MAILPIPE_SPOOL_DIRECTORY="$spool" \
    MAILPIPE_ROUTES="file:bench/routes/smtpd-to-spool.camel.yaml" java ${JAVA_OPTS:--Xmx1g} -jar target/mailpipe.jar \
    > "$work/mailpipe.log" 2>&1 & mailpipe=$!; pids+=($mailpipe)
  wait_port "$MAILPIPE_PORT"
  smtp-source $2 -s "$SESSIONS" -m "$WARMUP" -l "$SIZE" -f warm@source.test -t rcpt@sink.test "127.0.0.1:$MAILPIPE_PORT"
  read -r chunks share < <(settle_jit "$mailpipe" "$JIT_ROUNDS" smtp-source $2 -s "$SESSIONS" -m 10000 -l "$SIZE" \
    -f warm@source.test -t rcpt@sink.test "127.0.0.1:$MAILPIPE_PORT")
  warmed=$((WARMUP + chunks * 10000))
  echo "warm-up: $warmed messages; JIT compiler's share of the CPU in its last 10000: $share%" >&2
}
wait_port "$SINK_PORT"

# Each mode gets its own instance: nothing is delivered, so the spool's backlog grows by every message, and a
# backlog beyond the journal's 8 retained segments (512 MiB) costs an fsync per message at checkpoints. A fresh
# spool per mode keeps both modes within that budget (at most WARMUP + JIT_ROUNDS * 10000 + ROUNDS * MESSAGES
# messages, 120,000 with the defaults).
printf '%-22s %12s %12s %8s %16s %8s\n' mode smtp-sink mailpipe ratio "cpu-s/1000 msgs" warm-up
for mode in "one message per connection:" "many per connection:-d"; do
  name=${mode%%:*}; flags=${mode#*:}
  [ -n "${mailpipe:-}" ] && { kill "$mailpipe"; wait "$mailpipe" 2>/dev/null || true; }
  instance=$(( ${instance:-0} + 1 )); start_mailpipe "$instance" "$flags"
  sink=(); mp=(); cpu=()
  for _ in $(seq "$ROUNDS"); do
    sink+=("$(rate "$SINK_PORT" "$flags")")
    t0=$(cpu_ticks "$mailpipe")
    mp+=("$(rate "$MAILPIPE_PORT" "$flags")")
    t1=$(cpu_ticks "$mailpipe")
    cpu+=("$(echo "($t1 - $t0) / $(getconf CLK_TCK) * 1000 / $MESSAGES" | bc -l)")
  done
  s=$(printf '%s\n' "${sink[@]}" | median); m=$(printf '%s\n' "${mp[@]}" | median)
  c=$(printf '%s\n' "${cpu[@]}" | median)
  printf '%-22s %10.0f/s %10.0f/s %7.0f%% %16.2f %8s\n' "$name" "$s" "$m" "$(echo "100 * $m / $s" | bc -l)" "$c" \
    "$warmed"
done
echo "messages queued (last instance, none delivered): $(java -jar target/mailpipe.jar queue counts --json --spool "$spool" |
  $PYTHON -c 'import json, sys; print(sum(json.load(sys.stdin)["states"].values()))')"
echo "mailpipe peak RSS: $(awk '/VmHWM/ {printf "%d MiB", $2 / 1024}' "/proc/$mailpipe/status")"

heap_used() { jcmd "$mailpipe" GC.run >/dev/null; sleep 1; jcmd "$mailpipe" GC.heap_info | awk '/used/ {
  for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print v; exit } }'; }
before=$(heap_used)
touch "$work/hold"
$PYTHON bench/idle_connections.py "$MAILPIPE_PORT" "$IDLE" "$work/hold" > "$work/idle.out" & idle=$!; pids+=($idle)
for _ in $(seq 600); do [ -s "$work/idle.out" ] && break; sleep 0.1; done
after=$(heap_used)
echo "idle connections greeted: $(cat "$work/idle.out") of $IDLE"
echo "heap used after GC: $((before / 1024)) MiB before, $((after / 1024)) MiB with $IDLE idle connections" \
     "($(( (after - before) * 1024 / IDLE )) bytes each)"
rm -f "$work/hold"; wait "$idle" || true
