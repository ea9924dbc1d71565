package io.mailpipe.delivery;

import java.util.List;

/** Per-recipient results of one delivery attempt of one message (DESIGN §4: results are per recipient). */
public record DeliveryReport(List<RecipientResult> results) {

    public DeliveryReport {
        results = List.copyOf(results);
    }

    public List<RecipientResult> with(RecipientOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).toList();
    }

    /** Recipients to try again: those with a transient outcome. */
    public List<String> pendingRecipients() {
        return with(RecipientOutcome.TRANSIENT).stream().map(RecipientResult::recipient).toList();
    }

    /**
     * This report laid over an earlier one of the same message: every recipient keeps its latest result, earlier
     * recipients first in their order, new ones after them. A null earlier report gives this report.
     */
    public DeliveryReport mergedInto(DeliveryReport earlier) {
        if (earlier == null) {
            return this;
        }
        java.util.Map<String, RecipientResult> latest = new java.util.LinkedHashMap<>();
        earlier.results().forEach(r -> latest.put(r.recipient().toLowerCase(java.util.Locale.ROOT), r));
        results.forEach(r -> latest.put(r.recipient().toLowerCase(java.util.Locale.ROOT), r));
        return new DeliveryReport(List.copyOf(latest.values()));
    }

    public boolean allDelivered() {
        return results.stream().allMatch(r -> r.outcome() == RecipientOutcome.DELIVERED);
    }
}
