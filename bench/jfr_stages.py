"""Attributes Java execution samples to the stages of the bulk pipeline.

Reads the text of `jfr print --events jdk.ExecutionSample` on stdin. Each sample's stack is walked from the
innermost frame outwards; JDK, Jackson and logging-facade frames are skipped, and the first frame that belongs to a
stage decides it. Prints the share of samples per stage, largest first.
"""
import collections
import re
import sys

STAGES = [
    ("compose (parse, MIME)", ("io.mailpipe.bulk.", "io.mailpipe.camel.bulk.", "org.eclipse.angus.", "jakarta.mail.",
                               "jakarta.activation.")),
    ("sign (DKIM)", ("io.mailpipe.dkim.", "io.mailpipe.camel.dkim.")),
    ("Kafka client", ("org.apache.kafka.", "org.apache.camel.component.kafka.")),
    ("SMTP delivery (mx:, Netty, DNS)", ("io.mailpipe.smtp.", "io.mailpipe.delivery.", "io.mailpipe.camel.mx.",
                                         "io.netty.", "io.mailpipe.dns.", "org.xbill.")),
    ("queue (records, outcomes, events)", ("io.mailpipe.queue.", "io.mailpipe.camel.kafkaqueue.",
                                           "io.mailpipe.feedback.", "io.mailpipe.camel.routing.")),
    ("meters and logs", ("io.micrometer.", "io.mailpipe.camel.observe.", "org.slf4j.")),
    ("Camel routing", ("org.apache.camel.",)),
    ("other mailpipe", ("io.mailpipe.",)),
]
SKIPPED = ("java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.")
FRAME = re.compile(r"^\s+([\w$.]+)\.[\w$<>]+\(")


def stage_of(frames):
    for frame in frames:
        if frame.startswith(SKIPPED):
            continue
        for name, prefixes in STAGES:
            if frame.startswith(prefixes):
                return name
    return "JDK only (no mailpipe or library frame)"


def samples(lines):
    frames, inside = [], False
    for line in lines:
        if line.startswith("jdk.ExecutionSample"):
            frames, inside = [], True
        elif inside and line.startswith("}"):
            inside = False
            yield frames
        elif inside:
            match = FRAME.match(line)
            if match:
                frames.append(match.group(1) + ".")


def main():
    counts = collections.Counter(stage_of(frames) for frames in samples(sys.stdin))
    total = sum(counts.values())
    if total == 0:
        sys.exit("no execution samples in the recording")
    for name, count in counts.most_common():
        print("  %-40s %5.1f%%  (%d samples)" % (name, 100.0 * count / total, count))
    print("  %-40s %5d" % ("samples", total))


if __name__ == "__main__":
    main()
