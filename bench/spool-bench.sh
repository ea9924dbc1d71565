#!/usr/bin/env bash
# Accept rate into a durable queue: smtp-source -> mailpipe (smtpd: -> spool:, 250 after the group commit) against
# smtp-source -> Postfix (smtpd -> cleanup -> queue file fsync'd, 250) in the same run, then the fsyncs per message
# mailpipe's group commit achieved.
#
#   bench/spool-bench.sh        # defaults: 4 KiB messages, 20 sessions, 5000 messages per round, 3 rounds
#   SIZE=65536 SESSIONS=50 PERSIST=1 bench/spool-bench.sh
#   KEEP=1 bench/spool-bench.sh   # keep the work directory (logs, spool) for a look afterwards
#
# Both servers deliver what they queued to a discarding transport (Postfix: discard:, mailpipe: a log endpoint at
# level OFF), and each round waits until the queue is empty again before the next. Postfix runs as a private
# instance (its own config and queue directory under a temporary directory, loopback only, nothing relayed); the
# system Postfix configuration is not touched. Needs root for Postfix. Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE=${SIZE:-4096}; SESSIONS=${SESSIONS:-20}; MESSAGES=${MESSAGES:-5000}; ROUNDS=${ROUNDS:-3}; PERSIST=${PERSIST:-0}
ports=($(free_ports 2)); PF_PORT=${PF_PORT:-${ports[0]}}; MAILPIPE_PORT=${MAILPIPE_PORT:-${ports[1]}}
FLAGS=""; [ "$PERSIST" = 1 ] && FLAGS=-d

command -v smtp-source >/dev/null || bin/install-test-peers
[ -f target/mailpipe.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d /var/tmp/spool-bench.XXXXXX)
chmod 755 "$work"
pf=$work/postfix
mailpipe=""
cleanup() {
  [ -d "$pf/etc" ] && postfix -c "$pf/etc" stop >/dev/null 2>&1 || true
  [ -n "$mailpipe" ] && kill "$mailpipe" 2>/dev/null && wait "$mailpipe" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

queued_files() { find "$@" -type f 2>/dev/null | wc -l; }
wait_empty() { # dirs...: until no queue file is left (bounded: 300 s)
  for _ in $(seq 3000); do [ "$(queued_files "$@")" -eq 0 ] && return 0; sleep 0.1; done
  echo "queue did not drain" >&2; return 1
}
# wait_spool_empty: until mailpipe's spool holds no message, counted by mailpipe itself (a small message lives only
# in the journal until a checkpoint, so its files alone do not tell; bounded: 300 s)
wait_spool_empty() {
  local deadline=$((SECONDS + 300))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(java -jar target/mailpipe.jar queue counts --json --spool "$work/spool" |
      python3 -c 'import json, sys; print(sum(json.load(sys.stdin)["states"].values()))')" -eq 0 ] && return 0
    sleep 0.5
  done
  echo "spool did not drain" >&2; return 1
}
# rate PORT -> accepted messages/s of one smtp-source round (what the client sees: 250 after durable storage)
rate() {
  local start end
  start=$(date +%s.%N)
  timeout 300 smtp-source $FLAGS -s "$SESSIONS" -m "$MESSAGES" -l "$SIZE" -f bench@source.test \
    -t rcpt@in.bench.test "127.0.0.1:$1"
  end=$(date +%s.%N)
  echo "$MESSAGES / ($end - $start)" | bc -l
}

# --- a private, loopback-only Postfix that queues (fsync) and then discards mail for in.bench.test ------------
private_postfix "$pf" "$PF_PORT" in.bench.test discard:
pfq=$pf/queue

# --- mailpipe with its shipped routes: smtpd: -> spool: and spool: -> a discarding endpoint ---------------------
SMTPD_PORT=$MAILPIPE_PORT SMTPD_MAX_CONNECTIONS_PER_CLIENT=20000 SMTPD_LOCAL_DOMAINS=in.bench.test \
  MAILPIPE_SPOOL_DIRECTORY="$work/spool" MAILPIPE_QUEUE_EVENT_LOG="$work/events.log" \
  MAILPIPE_DELIVERY_URI="log:discard?level=OFF" MAILPIPE_ROUTES="classpath:routes/*.camel.yaml,classpath:routes/spool/*.camel.yaml" \
  java ${JAVA_OPTS:--Xmx1g} -jar target/mailpipe.jar > "$work/mailpipe.log" 2>&1 & mailpipe=$!
wait_port "$MAILPIPE_PORT"
pf_queue=("$pfq/incoming" "$pfq/active" "$pfq/deferred" "$pfq/maildrop")
smtp-source -s "$SESSIONS" -m 1000 -l "$SIZE" -f warm@source.test -t rcpt@in.bench.test "127.0.0.1:$PF_PORT"
smtp-source -s "$SESSIONS" -m 1000 -l "$SIZE" -f warm@source.test -t rcpt@in.bench.test "127.0.0.1:$MAILPIPE_PORT"
wait_empty "${pf_queue[@]}"; wait_spool_empty

mode="one message per connection"; [ "$PERSIST" = 1 ] && mode="many messages per connection"
echo "accept rate into a durable queue: $SIZE-octet messages, $SESSIONS sessions, $mode, median of $ROUNDS rounds"
pf_rates=(); mp_rates=()
for round in $(seq "$ROUNDS"); do
  pf_rates+=("$(rate "$PF_PORT")"); wait_empty "${pf_queue[@]}"
  mp_rates+=("$(rate "$MAILPIPE_PORT")"); wait_spool_empty
  printf '  round %d: postfix %8.0f/s   mailpipe %8.0f/s\n' "$round" "${pf_rates[-1]}" "${mp_rates[-1]}"
done
p=$(printf '%s\n' "${pf_rates[@]}" | median); m=$(printf '%s\n' "${mp_rates[@]}" | median)
printf '%-10s %10.0f msgs/s\n%-10s %10.0f msgs/s   (%.2fx postfix)\n' postfix "$p" mailpipe "$m" "$(echo "$m / $p" | bc -l)"

kill "$mailpipe"; wait "$mailpipe" || true; mailpipe=""
stats=$(grep -o '[0-9]* messages journaled in .*' "$work/mailpipe.log" | sort -n | tail -1)
echo "mailpipe spool: $stats"
read -r journaled commits checkpoint rewrites < <(echo "$stats" | awk '{print $1, $5, $15, $20}')
[ "${journaled:-0}" -gt 0 ] || { echo "no spool statistics in the mailpipe log" >&2; exit 1; }
printf 'fsyncs per accepted message: %.3f on the accept path (journal commits), %.3f in all (with checkpoints and rewrites)\n' \
  "$(echo "$commits / $journaled" | bc -l)" "$(echo "($commits + $checkpoint + $rewrites) / $journaled" | bc -l)"
