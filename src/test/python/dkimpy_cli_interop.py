#!/usr/bin/python3
"""dkimpy (Debian python3-dkim) on the other side of the command-line DKIM tools.

Usage: dkimpy_cli_interop.py verify MESSAGE NAME RECORD
         verifies every DKIM-Signature of MESSAGE, answering key queries for NAME with RECORD (dnsfunc; no DNS);
         prints one line per signature: pass, or fail TAB dkimpy's reason
       dkimpy_cli_interop.py sign MESSAGE SELECTOR DOMAIN KEYFILE ALGORITHM HEADER/BODY
         writes MESSAGE signed by dkimpy to stdout (KEYFILE: RSA PEM, or base64 Ed25519 seed)
"""
import sys

import dkim


def verify(path, name, record):
    def dnsfunc(queried, timeout=5):
        if queried.decode('ascii').lower().rstrip('.') == name.lower().rstrip('.'):
            return record.encode('ascii')
        return None

    with open(path, 'rb') as fh:
        message = fh.read()
    count = message.count(b'\nDKIM-Signature:') + message.startswith(b'DKIM-Signature:')
    for idx in range(count):
        try:
            ok = dkim.DKIM(message).verify(idx=idx, dnsfunc=dnsfunc)
            print('pass' if ok else 'fail\tsignature did not verify')
        except dkim.DKIMException as e:
            print('fail\t%s: %s' % (type(e).__name__, str(e).replace('\n', ' ')))


def sign(path, selector, domain, keyfile, algorithm, canonicalization):
    with open(path, 'rb') as fh:
        message = fh.read()
    with open(keyfile, 'rb') as fh:
        key = fh.read()
    header, body = canonicalization.split('/')
    field = dkim.sign(message, selector.encode('ascii'), domain.encode('ascii'), key,
                      signature_algorithm=algorithm.encode('ascii'),
                      canonicalize=(header.encode('ascii'), body.encode('ascii')))
    sys.stdout.buffer.write(field + message)


def main():
    if sys.argv[1] == 'verify':
        verify(*sys.argv[2:5])
    elif sys.argv[1] == 'sign':
        sign(*sys.argv[2:8])
    else:
        sys.exit('unknown mode ' + sys.argv[1])


if __name__ == '__main__':
    main()
