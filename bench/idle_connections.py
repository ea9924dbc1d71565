"""Opens N idle SMTP connections to a server on loopback, waits for each greeting, holds them, then closes them.

usage: idle_connections.py PORT COUNT HOLD_FILE
Connections come from 127.0.0.1..127.0.0.100 in turn (so per-client limits are not what is measured). Prints how
many got a 220 greeting; keeps them open until HOLD_FILE is deleted (or 120 s pass), then exits.
"""
import os
import resource
import selectors
import socket
import sys
import time


def main(port, count, hold_file):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, count + 1000)), hard))
    selector = selectors.DefaultSelector()
    sockets = []
    for i in range(count):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("127.0.0.%d" % (1 + i % 100), 0))
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        selector.register(s, selectors.EVENT_READ)
        sockets.append(s)
    greeted = 0
    deadline = time.time() + 60
    while greeted < count and time.time() < deadline:
        for key, _ in selector.select(timeout=1):
            data = key.fileobj.recv(512)
            if data.startswith(b"220"):
                greeted += 1
            selector.unregister(key.fileobj)
    print(greeted, flush=True)
    deadline = time.time() + 120
    while os.path.exists(hold_file) and time.time() < deadline:
        time.sleep(0.2)
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
