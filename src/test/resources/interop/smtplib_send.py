"""Sends one message with Python's smtplib (Debian python3) to a server on loopback.

usage: smtplib_send.py PORT MESSAGE_FILE MAIL_FROM RCPT [RCPT...] [--starttls] [--login USER PASSWORD]
                       [--smtputf8] [--8bitmime]
Prints the server's EHLO features and the refused recipients as JSON; exits 0 when the message was accepted.
"""
import json
import smtplib
import ssl
import sys


def main(argv):
    args = list(argv)
    options = {"starttls": False, "login": None, "smtputf8": False, "8bitmime": False}
    positional = []
    while args:
        arg = args.pop(0)
        if arg == "--starttls":
            options["starttls"] = True
        elif arg == "--login":
            options["login"] = (args.pop(0), args.pop(0))
        elif arg == "--smtputf8":
            options["smtputf8"] = True
        elif arg == "--8bitmime":
            options["8bitmime"] = True
        else:
            positional.append(arg)
    port, message_file, mail_from, recipients = int(positional[0]), positional[1], positional[2], positional[3:]
    with open(message_file, "rb") as f:
        message = f.read()

    with smtplib.SMTP("127.0.0.1", port, local_hostname="smtplib.test.example", timeout=30) as client:
        client.ehlo()
        if options["starttls"]:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            client.starttls(context=context)
            client.ehlo()
        features = sorted(client.esmtp_features.keys())
        if options["login"]:
            client.login(*options["login"])
        mail_options = []
        if options["smtputf8"]:
            mail_options.append("SMTPUTF8")
        if options["8bitmime"]:
            mail_options.append("BODY=8BITMIME")
        refused = client.sendmail(mail_from, recipients, message, mail_options=mail_options)
    print(json.dumps({"features": features, "refused": {k: [v[0], v[1].decode()] for k, v in refused.items()}}))


if __name__ == "__main__":
    main(sys.argv[1:])
