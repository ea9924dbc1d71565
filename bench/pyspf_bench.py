#!/usr/bin/python3
"""pyspf (Debian python3-spf) throughput on the benchmark's zones, the reference for bench/spf-bench.sh.

  pyspf_bench.py memory ZONE.json QUERIES.tsv SECONDS     DNS answered from the JSON zone in-process
  pyspf_bench.py dns HOST PORT QUERIES.tsv SECONDS         DNS through dnspython to a server (no client cache)
pyspf checks one message at a time; the figure is checks per second of one process.
"""
import json
import sys
import time

import dns.resolver
import spf

ZONE = {}


def zone_lookup(name, qtype, strict=True, timeout=None):
    node = ZONE.get(name.lower().rstrip('.'))
    if node is None:
        return []
    owner = name.lower().rstrip('.')
    if qtype in node:
        out = []
        for value in node[qtype]:
            if qtype == 'TXT':
                value = [s.encode('ascii') for s in value]
            elif qtype == 'MX':
                value = (int(value[0]), value[1])
            out.append(((owner, qtype), value))
        return out
    if 'CNAME' in node:
        return [((owner, 'CNAME'), node['CNAME'])]
    return []


def run(queries, seconds, label):
    end = time.monotonic() + seconds
    start = time.monotonic()
    done = 0
    while time.monotonic() < end:
        ip, sender, helo = queries[done % len(queries)]
        spf.query(i=ip, s=sender, h=helo).check()
        done += 1
    rate = done / (time.monotonic() - start)
    print('pyspf %s: %.0f checks/s' % (label, rate))


def load_queries(path):
    with open(path, encoding='ascii') as fh:
        return [line.rstrip('\n').split('\t') for line in fh if line.strip()]


def main():
    global ZONE
    if sys.argv[1] == 'memory':
        with open(sys.argv[2], encoding='ascii') as fh:
            ZONE = {k.lower(): v for k, v in json.load(fh).items()}
        spf.DNSLookup = zone_lookup
        run(load_queries(sys.argv[3]), int(sys.argv[4]), 'in-memory zone (no DNS at all)')
    else:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [sys.argv[2]]
        resolver.port = int(sys.argv[3])
        dns.resolver.default_resolver = resolver
        run(load_queries(sys.argv[4]), int(sys.argv[5]), 'via the DNS server')


if __name__ == '__main__':
    main()
