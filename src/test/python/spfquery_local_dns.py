#!/usr/bin/python3
"""Answers SPF queries with pyspf (Debian python3-spf), as its spfquery tool would, over a DNS server on loopback.

Usage: spfquery_local_dns.py PORT QUERIES.tsv
  PORT          UDP/TCP port of the DNS server on 127.0.0.1 (the system's resolv.conf is not read)
  QUERIES.tsv   one query per line: client-ip TAB mail-from TAB helo (mail-from may be empty)
Prints one line per query: result TAB explanation (fail only).
pyspf looks names up through dnspython's module-level default resolver, replaced here by one configured by hand.
"""
import sys
import warnings

import dns.resolver
import spf


def main():
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ['127.0.0.1']
    resolver.port = int(sys.argv[1])
    resolver.lifetime = 10
    dns.resolver.default_resolver = resolver
    warnings.simplefilter('ignore', DeprecationWarning)
    out = []
    with open(sys.argv[2], encoding='utf-8') as fh:
        for line in fh:
            ip, mailfrom, helo = line.rstrip('\n').split('\t')
            result, _code, explanation = spf.query(i=ip, s=mailfrom, h=helo, receiver='localhost').check()
            out.append('%s\t%s' % (result, explanation if result == 'fail' else ''))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
