#!/usr/bin/python3
"""Answers SPF queries with pyspf (Debian python3-spf) over a zone given as JSON, for the differential test.

Usage: pyspf_oracle.py ZONE.json QUERIES.tsv
  ZONE.json     {"name": {"A": [...], "AAAA": [...], "MX": [[pref, host], ...], "TXT": [[str, ...], ...],
                          "PTR": [...], "CNAME": "target", "FAIL": {"TXT": "TIMEOUT", ...}}}
  QUERIES.tsv   one query per line: client-ip TAB mail-from TAB helo (mail-from may be empty)
Prints one line per query: result TAB explanation (fail only) TAB pyspf's permerror message (permerror only).
The module-level spf.DNSLookup is pyspf's documented seam for replacing DNS.
"""
import json
import sys

import spf

ZONE = {}


def zone_lookup(name, qtype, strict=True, timeout=None):
    owner = name.lower().rstrip('.')
    node = ZONE.get(owner)
    if node is None:
        return []
    failure = node.get('FAIL', {}).get(qtype)
    if qtype in node:
        return [((owner, qtype), rdata(qtype, value)) for value in node[qtype]]
    if failure:
        raise spf.TempError('DNS %s for %s/%s' % (failure, owner, qtype))
    if 'CNAME' in node and qtype != 'CNAME':
        return [((owner, 'CNAME'), node['CNAME'])]
    return []


def rdata(qtype, value):
    if qtype == 'TXT':
        return [s.encode('latin-1') for s in value]
    if qtype == 'MX':
        return (int(value[0]), value[1])
    return value


def main():
    global ZONE
    with open(sys.argv[1], encoding='utf-8') as fh:
        ZONE = {k.lower(): v for k, v in json.load(fh).items()}
    spf.DNSLookup = zone_lookup
    out = []
    with open(sys.argv[2], encoding='utf-8') as fh:
        for line in fh:
            ip, mailfrom, helo = line.rstrip('\n').split('\t')
            q = spf.query(i=ip, s=mailfrom, h=helo, receiver='mx.receiver.example')
            q.set_default_explanation('DEFAULT')
            result, _code, explanation = q.check()
            problem = q.perm_error.msg if result == 'permerror' and q.perm_error else ''
            out.append('%s\t%s\t%s' % (result, explanation if result == 'fail' else '', problem))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
