"""CPU time of a JVM's threads between two snapshots, grouped by what the threads do.

    thread_cpu.py snapshot PID > FILE        # one line per thread: tid, CPU ticks (user + system), name
    thread_cpu.py report BEFORE AFTER        # the CPU each group used in between, as shares of the total
    thread_cpu.py share BEFORE AFTER GROUP   # one group's share in between, a whole percentage (e.g. "JIT compiler")

Thread names come from /proc/PID/task/TID/comm (the first 15 characters of the Java thread name). Threads that ended
between the snapshots are not counted.
"""
import collections
import os
import sys

GROUPS = [
    ("JIT compiler", ("C1 CompilerThre", "C2 CompilerThre")),
    ("garbage collector", ("GC Thread", "G1 ", "VM Thread")),
    ("Kafka client I/O threads", ("kafka-producer-", "kafka-coordinat", "kafka-admin-cli", "kafka-share-", "consumer_backgr")),
    ("SMTP client and server I/O (Netty)", ("mailpipe-smtp", "mailpipe-smtpd")),
    ("Camel threads (consumers, compose, sign, routing)", ("Camel (",)),
]


def snapshot(pid):
    for tid in os.listdir("/proc/%s/task" % pid):
        try:
            with open("/proc/%s/task/%s/stat" % (pid, tid)) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open("/proc/%s/task/%s/comm" % (pid, tid)) as comm:
                name = comm.read().strip()
        except OSError:
            continue
        print("%s %d %s" % (tid, int(fields[11]) + int(fields[12]), name))


def read(path):
    threads = {}
    with open(path) as lines:
        for line in lines:
            tid, ticks, name = line.rstrip("\n").split(" ", 2)
            threads[tid] = (int(ticks), name)
    return threads


def group_of(name):
    for group, prefixes in GROUPS:
        if name.startswith(prefixes):
            return group
    return "other threads"


def used_by_group(before_path, after_path):
    before, after = read(before_path), read(after_path)
    used = collections.Counter()
    for tid, (ticks, name) in after.items():
        used[group_of(name)] += ticks - before.get(tid, (0, name))[0]
    if sum(used.values()) <= 0:
        sys.exit("no CPU used between the snapshots")
    return used


def report(before_path, after_path):
    used = used_by_group(before_path, after_path)
    total = sum(used.values())
    for group, ticks in used.most_common():
        print("  %-52s %5.1f%%" % (group, 100.0 * ticks / total))


def share(before_path, after_path, group):
    used = used_by_group(before_path, after_path)
    print(round(100.0 * used[group] / sum(used.values())))


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(sys.argv[2])
    elif sys.argv[1] == "share":
        share(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        report(sys.argv[2], sys.argv[3])
