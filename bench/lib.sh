# Shell helpers shared by the bench/ scripts (source it; it defines functions only and changes no settings).

# wait_port PORT: until something listens on 127.0.0.1:PORT over TCP (bounded: 60 s)
wait_port() {
  for _ in $(seq 600); do ss -ltnH "sport = :$1" | grep -q . && return 0; sleep 0.1; done
  echo "nothing listens on port $1" >&2; return 1
}

# median: of the numbers on stdin, one a line
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# free_ports COUNT: COUNT distinct loopback ports that are free for both TCP and UDP right now, one a line
free_ports() {
  /usr/bin/python3 - "$1" <<'PY'
import socket, sys
wanted, held, ports = int(sys.argv[1]), [], []
for _ in range(20 * wanted):
    if len(ports) == wanted:
        break
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        udp.bind(("127.0.0.1", tcp.getsockname()[1]))
    except OSError:
        tcp.close()
        continue
    held += [tcp, udp]
    ports.append(tcp.getsockname()[1])
for s in held:
    s.close()
if len(ports) < wanted:
    sys.exit("no %d free ports on 127.0.0.1" % wanted)
print("\n".join(map(str, ports)))
PY
}

# cpu_ticks PID: user + system CPU time used so far by the process and its descendants, the living ones and those
# already reaped (a parent's cutime/cstime), in clock ticks (getconf CLK_TCK per second). The difference of two
# calls is the CPU the process tree used in between, even when children came and went (Postfix's daemons).
cpu_ticks() {
  local total child
  total=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13 + $14 + $15}')
  total=${total:-0}
  for child in $(ps -o pid= --ppid "$1"); do total=$((total + $(cpu_ticks "$child"))); done
  echo "$total"
}

# settle_jit PID LIMIT COMMAND...: runs COMMAND (one chunk of warm-up load) again and again until the JIT compiler
# threads of the JVM PID used less than 5% of its CPU during a chunk, at most LIMIT times; prints how many chunks ran
# and the compiler's share in the last one. The JVM keeps compiling its hot paths for tens of thousands of messages
# after start (in the relay benchmark C2 took a third of the CPU for half a minute after a 20,000-message warm-up),
# so rounds timed before that measure the compiler rather than the server it produces.
settle_jit() {
  local pid=$1 limit=$2 runs=0 share=100 before after
  shift 2
  before=$(mktemp); after=$(mktemp)
  while [ "$runs" -lt "$limit" ] && [ "$share" -ge 5 ]; do
    /usr/bin/python3 bench/thread_cpu.py snapshot "$pid" > "$before"
    "$@" > /dev/null
    /usr/bin/python3 bench/thread_cpu.py snapshot "$pid" > "$after"
    share=$(/usr/bin/python3 bench/thread_cpu.py share "$before" "$after" "JIT compiler")
    runs=$((runs + 1))
  done
  rm -f "$before" "$after"
  echo "$runs $share"
}

# stop_pid PID: SIGTERM, then SIGKILL if it is still there after 60 s; only for a child of the calling shell
stop_pid() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 600); do kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }; sleep 0.1; done
  echo "pid $1 did not stop within 60 s; killing it" >&2
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# private_postfix DIR PORT DOMAIN TRANSPORT [SMTPD_OPTION...]: configure, check and start a Postfix instance of its
# own (configuration, queue, data and log under DIR) that listens on 127.0.0.1:PORT only, accepts mail for DOMAIN
# from 127.0.0.0/8 and hands it to TRANSPORT (e.g. discard: or smtp:[127.0.0.1]:2525); no DNS, no other delivery.
# SMTPD_OPTION are extra "-o name=value" arguments of its smtpd. The system Postfix is not touched; needs root.
# Stop it with: postfix -c DIR/etc stop
private_postfix() {
  local dir=$1 port=$2 domain=$3 transport=$4 options=""
  shift 4
  [ $# -gt 0 ] && options=$(printf '  -o %s\n' "$@")
  mkdir -p "$dir/etc" "$dir/queue" "$dir/data"
  chown postfix "$dir/data"
  cat > "$dir/etc/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
myhostname = bench.postfix.test
mydestination =
alias_maps =
alias_database =
local_recipient_maps =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
relay_domains = $domain
transport_maps = inline:{ $domain=$transport }
default_transport = error:5.7.1 no other delivery from this benchmark instance
relay_transport = error:5.7.1 no other delivery from this benchmark instance
smtp_bind_address = 127.0.0.1
smtp_dns_support_level = disabled
smtp_tls_security_level = none
smtpd_tls_security_level = none
notify_classes =
maillog_file_prefixes = $dir
maillog_file = $dir/maillog
CONF
  cat > "$dir/etc/master.cf" <<CONF
127.0.0.1:$port inet n - n - - smtpd
$options
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n -  0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n -  - trivial-rewrite
bounce    unix  - - n -  0 bounce
defer     unix  - - n -  0 bounce
trace     unix  - - n -  0 bounce
verify    unix  - - n -  1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -  - proxymap
smtp      unix  - - n -  - smtp
showq     unix  n - n -  - showq
error     unix  - - n -  - error
retry     unix  - - n -  - error
discard   unix  - - n -  - discard
anvil     unix  - - n -  1 anvil
scache    unix  - - n -  1 scache
postlog   unix-dgram n - n - 1 postlogd
CONF
  sed -i '/^$/d' "$dir/etc/master.cf"
  postfix -c "$dir/etc" check
  postfix -c "$dir/etc" start >/dev/null 2>&1
  wait_port "$port"
}

# unbound_config DIR PORT [LOCAL-DATA...]: an unbound configuration for 127.0.0.1:PORT that knows no names but the
# given local-data records (each record text without quotes, such as a.test. 3600 IN A 127.0.0.1), on stdout
unbound_config() {
  local dir=$1 port=$2 record
  shift 2
  cat <<CONF
server:
  interface: 127.0.0.1
  port: $port
  do-daemonize: no
  username: ""
  chroot: ""
  directory: "$dir"
  pidfile: ""
  use-syslog: no
  logfile: ""
  do-ip6: no
  access-control: 127.0.0.0/8 allow
  module-config: "iterator"
  num-threads: 1
  local-zone: "." static
CONF
  for record in "$@"; do echo "  local-data: \"$record\""; done
}

# sink_delivered COUNTFILE: messages an smtp-sink started with -c has received so far (its last "mesg=" count)
sink_delivered() {
  local n
  n=$(tail -c 200 "$1" | tr '\r' '\n' | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1)
  echo "${n:-0}"
}

# wait_delivered COUNTFILE TOTAL: until that sink has TOTAL messages; fails after 60 s without progress or 30 min
wait_delivered() {
  local last=-1 still=0 now
  for _ in $(seq 90000); do
    now=$(sink_delivered "$1")
    [ "$now" -ge "$2" ] && return 0
    if [ "$now" -eq "$last" ]; then still=$((still + 1)); else still=0; last=$now; fi
    [ "$still" -lt 3000 ] || break
    sleep 0.02
  done
  echo "the sink got $(sink_delivered "$1") of $2 messages; delivery stalled" >&2; return 1
}
