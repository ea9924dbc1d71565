"""Opens N idle SMTP connections to a server on loopback, waits for each greeting, holds them, then closes them.

usage: idle_connections.py PORT COUNT HOLD_FILE
Connections come from 127.0.0.1..127.0.0.100 in turn (so per-client limits are not what is measured), opened in
waves of WAVE, each greeted before the next opens, so that the server's listen backlog (1,024) never overflows and no
connection waits on SYN retransmissions. Prints how many got a 220 greeting; keeps them open until HOLD_FILE is
deleted (or 120 s pass), then exits.
"""
import os
import resource
import selectors
import socket
import sys
import time

WAVE = 500


def main(port, count, hold_file):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, count + 1000)), hard))
    selector = selectors.DefaultSelector()
    sockets = []
    greeted = 0
    deadline = time.time() + 60
    for wave_start in range(0, count, WAVE):
        waiting = 0
        for i in range(wave_start, min(count, wave_start + WAVE)):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.%d" % (1 + i % 100), 0))
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            selector.register(s, selectors.EVENT_READ)
            sockets.append(s)
            waiting += 1
        while waiting > 0 and time.time() < deadline:
            for key, _ in selector.select(timeout=1):
                data = key.fileobj.recv(512)
                if data.startswith(b"220"):
                    greeted += 1
                selector.unregister(key.fileobj)
                waiting -= 1
    print(greeted, flush=True)
    deadline = time.time() + 120
    while os.path.exists(hold_file) and time.time() < deadline:
        time.sleep(0.2)
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
