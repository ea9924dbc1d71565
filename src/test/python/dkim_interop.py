#!/usr/bin/python3
"""Interoperability driver for the DKIM integration test: one process for the whole corpus.

Usage: dkim_interop.py WORKDIR
       dkim_interop.py --serve-dns ZONEFILE PORT   (answer TXT queries on 127.0.0.1:PORT until stdin closes)

WORKDIR holds (written by the Java test):
  zone.txt            "owner-name<TAB>TXT record" lines, the only DNS data used
  rsa.pem, ed.seed    private keys dkimpy signs with (RSA PEM, base64 Ed25519 seed)
  mailpipe/*.eml      messages signed by mailpipe; every signature is verified with dkimpy
  unsigned/*.eml      messages dkimpy signs for every algorithm x canonicalisation pair
  opendkim/*.eml      single-signature messages verified with OpenDKIM's opendkim-testmsg

Writes:
  dkimpy-verify.tsv   file, signature index, pass|fail, detail
  dkimpy-signed/*.eml the unsigned messages with dkimpy's DKIM-Signature fields on top
  opendkim-verify.tsv file, pass|fail, exit code and OpenDKIM's message

OpenDKIM resolves keys through the C resolver, so a small DNS responder (dnspython) is started on a random
127/8 address, port 53, and opendkim-testmsg runs in a private mount namespace (unshare -m) in which
/etc/resolv.conf is bind-mounted to a file naming that address. The real /etc/resolv.conf is untouched.
Needs root, python3-dkim, python3-nacl, python3-dnspython and opendkim-tools (Debian).
"""
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading

import dkim
import dns.flags
import dns.message
import dns.rcode
import dns.rrset

ALGORITHMS = [(b'rsa-sha256', b'rsa', 'rsa.pem'), (b'ed25519-sha256', b'ed', 'ed.seed')]
CANONICALIZATIONS = [(b'simple', b'simple'), (b'simple', b'relaxed'), (b'relaxed', b'simple'),
                     (b'relaxed', b'relaxed')]
DKIMPY_DOMAIN = b'dkimpy.example'


def load_zone(path):
    zone = {}
    with open(path, encoding='ascii') as f:
        for line in f:
            if line.strip():
                name, record = line.rstrip('\n').split('\t', 1)
                zone[name.lower().rstrip('.') + '.'] = record
    return zone


def verify_with_dkimpy(workdir, zone):
    def dnsfunc(name, timeout=5):
        record = zone.get(name.decode('ascii').lower())
        return record.encode('ascii') if record is not None else None

    source = os.path.join(workdir, 'mailpipe')
    with open(os.path.join(workdir, 'dkimpy-verify.tsv'), 'w') as out:
        for name in sorted(os.listdir(source)):
            with open(os.path.join(source, name), 'rb') as f:
                message = f.read()
            count = message.count(b'\nDKIM-Signature:') + message.startswith(b'DKIM-Signature:')
            for idx in range(count):
                try:
                    ok = dkim.DKIM(message).verify(idx=idx, dnsfunc=dnsfunc)
                    detail = ''
                except dkim.DKIMException as e:
                    ok, detail = False, '%s: %s' % (type(e).__name__, e)
                out.write('%s\t%d\t%s\t%s\n' % (name, idx, 'pass' if ok else 'fail', detail.replace('\n', ' ')))


def sign_with_dkimpy(workdir):
    keys = {}
    for _, selector, keyfile in ALGORITHMS:
        with open(os.path.join(workdir, keyfile), 'rb') as f:
            keys[selector] = f.read()
    source = os.path.join(workdir, 'unsigned')
    target = os.path.join(workdir, 'dkimpy-signed')
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        with open(os.path.join(source, name), 'rb') as f:
            message = f.read()
        fields = b''
        for algorithm, selector, _ in ALGORITHMS:
            for canon in CANONICALIZATIONS:
                fields += dkim.sign(message, selector, DKIMPY_DOMAIN, keys[selector], canonicalize=canon,
                                   signature_algorithm=algorithm)
        with open(os.path.join(target, name), 'wb') as f:
            f.write(fields + message)


class FakeDns:
    """Answers TXT queries from the zone; other names get NXDOMAIN."""

    def __init__(self, zone, address=None, port=53):
        self.zone = zone
        self.address = address or '127.%d.%d.%d' % (random.randint(100, 250), random.randint(1, 250),
                                                    random.randint(2, 250))
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((self.address, port))
        self.sock.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while self.running:
            try:
                wire, peer = self.sock.recvfrom(4096)
            except socket.timeout:
                continue
            self.sock.sendto(self.answer(wire), peer)

    def answer(self, wire):
        query = dns.message.from_wire(wire)
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        record = self.zone.get(question.name.to_text().lower())
        if record is None:
            response.set_rcode(dns.rcode.NXDOMAIN)
        elif question.rdtype == 16:
            chunks = [record[i:i + 255] for i in range(0, len(record), 255)]
            text = ' '.join('"%s"' % c.replace('"', '\\"') for c in chunks)
            response.answer.append(dns.rrset.from_text(question.name, 60, 'IN', 'TXT', text))
        return response.to_wire()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


def verify_with_opendkim(workdir, zone):
    source = os.path.join(workdir, 'opendkim')
    files = sorted(os.listdir(source))
    server = FakeDns(zone)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            resolv = os.path.join(tmp, 'resolv.conf')
            with open(resolv, 'w') as f:
                f.write('nameserver %s\noptions timeout:2 attempts:2\n' % server.address)
            script = ('mount --bind "$0" /etc/resolv.conf || exit 99\n'
                      'cd "$1"; shift\n'
                      'for f in "$@"; do\n'
                      '  msg=$(opendkim-testmsg < "$f" 2>&1); rc=$?\n'
                      '  printf "%s\\t%s\\t%s\\n" "$f" "$rc" "$(echo $msg | tr -d \'\\t\')"\n'
                      'done\n')
            run = subprocess.run(['unshare', '-m', 'sh', '-c', script, resolv, source] + files,
                                 capture_output=True, timeout=600)
            if run.returncode != 0:
                sys.exit('opendkim run failed: %s' % run.stderr.decode(errors='replace'))
    finally:
        server.close()
    with open(os.path.join(workdir, 'opendkim-verify.tsv'), 'w') as out:
        for line in run.stdout.decode(errors='replace').splitlines():
            name, rc, message = line.split('\t', 2)
            out.write('%s\t%s\t%s\t%s\n' % (name, 'pass' if rc == '0' else 'fail', rc, message))


def serve_dns(zonefile, port):
    server = FakeDns(load_zone(zonefile), '127.0.0.1', port)
    print('ready', flush=True)
    sys.stdin.read()
    server.close()


def main():
    if sys.argv[1] == '--serve-dns':
        serve_dns(sys.argv[2], int(sys.argv[3]))
        return
    workdir = sys.argv[1]
    zone = load_zone(os.path.join(workdir, 'zone.txt'))
    verify_with_dkimpy(workdir, zone)
    sign_with_dkimpy(workdir)
    verify_with_opendkim(workdir, zone)
    print('done')


if __name__ == '__main__':
    main()
