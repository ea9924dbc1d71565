package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueRecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * What the spool holds, in memory: each message's state and record header, a FIFO of due messages and the deferred
 * ones ordered by next-attempt time (RFC 5321 §4.5.4.1). All state changes happen under this object's lock, so a
 * message is claimed by exactly one delivery or control operation at a time.
 */
final class SpoolIndex {

    record Entry(SpoolState state, QueueRecord record) {
    }

    private record Scheduled(Instant due, String queueId) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final ArrayDeque<String> due = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> deferred =
            new PriorityQueue<>(Comparator.comparing(Scheduled::due).thenComparing(Scheduled::queueId));

    synchronized void put(SpoolState state, QueueRecord record) {
        entries.put(record.queueId(), new Entry(state, record));
        if (state == SpoolState.INCOMING) {
            due.add(record.queueId());
        } else if (state == SpoolState.DEFERRED) {
            deferred.add(new Scheduled(dueTime(record), record.queueId()));
        }
        notifyAll();
    }

    synchronized void remove(String queueId) {
        entries.remove(queueId);
    }

    synchronized Optional<Entry> get(String queueId) {
        return Optional.ofNullable(entries.get(queueId));
    }

    /**
     * Claims the next due message, promoting deferred ones whose time has come; waits up to {@code waitMillis} for
     * one. Returns the state it was in; it is ACTIVE afterwards.
     */
    synchronized Optional<Entry> claimDue(Clock clock, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            promote(clock.instant());
            String queueId;
            while ((queueId = due.poll()) != null) {
                Entry entry = entries.get(queueId);
                if (entry != null && (entry.state() == SpoolState.INCOMING || entry.state() == SpoolState.DEFERRED)) {
                    entries.put(queueId, new Entry(SpoolState.ACTIVE, entry.record()));
                    return Optional.of(entry);
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return Optional.empty();
            }
            wait(Math.min(left, 200));
        }
    }

    /** Claims one named message in one of {@code from}; empty when it is elsewhere (e.g. being delivered). */
    synchronized Optional<Entry> claim(String queueId, List<SpoolState> from) {
        Entry entry = entries.get(queueId);
        if (entry == null || !from.contains(entry.state())) {
            return Optional.empty();
        }
        entries.put(queueId, new Entry(SpoolState.ACTIVE, entry.record()));
        return Optional.of(entry);
    }

    /** Makes a deferred message due now (an operator's retry); false when it is not deferred. */
    synchronized boolean makeDue(String queueId) {
        Entry entry = entries.get(queueId);
        if (entry == null || entry.state() != SpoolState.DEFERRED) {
            return false;
        }
        due.add(queueId);
        notifyAll();
        return true;
    }

    synchronized Map<SpoolState, Integer> counts() {
        Map<SpoolState, Integer> counts = new EnumMap<>(SpoolState.class);
        for (SpoolState state : SpoolState.values()) {
            counts.put(state, 0);
        }
        entries.values().forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        return counts;
    }

    synchronized List<Entry> snapshot() {
        return new ArrayList<>(entries.values());
    }

    private static Instant dueTime(QueueRecord record) {
        return record.nextAttemptAt() == null ? Instant.MIN : record.nextAttemptAt();
    }

    private void promote(Instant now) {
        Scheduled next;
        while ((next = deferred.peek()) != null && !next.due().isAfter(now)) {
            deferred.poll();
            Entry entry = entries.get(next.queueId());
            if (entry != null && entry.state() == SpoolState.DEFERRED && next.due().equals(dueTime(entry.record()))) {
                due.add(next.queueId());
            }
        }
    }
}
