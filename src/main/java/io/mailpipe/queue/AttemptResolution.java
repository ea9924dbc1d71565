package io.mailpipe.queue;

import java.util.List;

/**
 * The outcome of resolving one attempt (see {@link AttemptResolver}): the record to store, where it goes, the
 * recipients newly given up on (split by reason, before the RFC 3461 NOTIFY filter of {@link BounceSink}) and the
 * events to report, one per recipient tried.
 */
public record AttemptResolution(QueueRecord record, Disposition disposition, List<RecipientState> failed,
                                List<RecipientState> expired, List<DeliveryEvent> events) {

    public AttemptResolution {
        failed = List.copyOf(failed);
        expired = List.copyOf(expired);
        events = List.copyOf(events);
    }
}
