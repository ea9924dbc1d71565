#!/usr/bin/python3
"""A receiving SMTP server for the delivery integration tests, on Debian's python3-aiosmtpd.

Answers RCPT TO by rules given as JSON, e.g. {"temp": "451 4.2.1 busy", "bad": "550 5.1.1 no such user"}:
a recipient whose local part starts with a key gets that reply, every other recipient 250. Each accepted message
is appended to the --log file as one JSON line (mail_from, mail_options, rcpt_tos, rcpt_options, the content as
latin-1 text). Announces PIPELINING and SMTPUTF8; STARTTLS when --tls-cert/--tls-key are given. Prints
"READY <port>" on stdout once listening, and stops on SIGTERM. With --rcpt-log, every RCPT TO address is appended
to that file (one line each, whatever the reply), so a test can tell which recipients were ever tried.
"""
import argparse
import json
import signal
import ssl
import threading

from aiosmtpd.controller import Controller


class RuleHandler:
    def __init__(self, rules, log_path, rcpt_log_path=None):
        self.rules = rules
        self.log_path = log_path
        self.rcpt_log_path = rcpt_log_path
        self.lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.rcpt_log_path:
            with self.lock, open(self.rcpt_log_path, "a", encoding="utf-8") as rcpts:
                rcpts.write(address + "\n")
        local = address.split("@", 1)[0]
        for prefix, reply in self.rules.items():
            if local.startswith(prefix):
                return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "rcpt_options": envelope.rcpt_options,
            "tls": session.ssl is not None,
            "content": envelope.original_content.decode("latin-1"),
        }
        with self.lock, open(self.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")
        return "250 2.0.0 accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--rules", default="{}")
    parser.add_argument("--log", required=True)
    parser.add_argument("--rcpt-log")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    tls = None
    if args.tls_cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.tls_cert, args.tls_key)
    handler = RuleHandler(json.loads(args.rules), args.log, args.rcpt_log)
    controller = Controller(handler, hostname=args.host, port=args.port, enable_SMTPUTF8=True,
                            decode_data=False, tls_context=tls, require_starttls=False,
                            server_hostname="sink.test", ident="rule-sink")
    controller.start()
    print("READY %d" % args.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
