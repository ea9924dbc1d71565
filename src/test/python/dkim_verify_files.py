#!/usr/bin/python3
"""Verifies the DKIM signatures of message files with dkimpy (Debian python3-dkim), for the bulk injection test.

Usage: dkim_verify_files.py ZONEFILE MESSAGE...
ZONEFILE holds "owner-name<TAB>TXT record" lines, the only DNS data used. Prints one line per message:
"file<TAB>pass|fail|unsigned<TAB>detail", where pass means every DKIM-Signature field verified.
"""
import sys

import dkim


def load_zone(path):
    zone = {}
    with open(path, encoding='ascii') as f:
        for line in f:
            if line.strip():
                name, record = line.rstrip('\n').split('\t', 1)
                zone[name.lower().rstrip('.') + '.'] = record
    return zone


def main():
    zone = load_zone(sys.argv[1])

    def dnsfunc(name, timeout=5):
        record = zone.get(name.decode('ascii').lower())
        return record.encode('ascii') if record is not None else None

    for path in sys.argv[2:]:
        with open(path, 'rb') as f:
            message = f.read()
        count = message.count(b'\nDKIM-Signature:') + message.startswith(b'DKIM-Signature:')
        if count == 0:
            print('%s\tunsigned\t' % path)
            continue
        results = []
        for idx in range(count):
            try:
                results.append((dkim.DKIM(message).verify(idx=idx, dnsfunc=dnsfunc), ''))
            except dkim.DKIMException as e:
                results.append((False, '%s: %s' % (type(e).__name__, e)))
        ok = all(r[0] for r in results)
        detail = '; '.join(r[1] for r in results if r[1])
        print('%s\t%s\t%s' % (path, 'pass' if ok else 'fail', detail.replace('\n', ' ')), flush=True)


if __name__ == '__main__':
    main()
