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

    public boolean allDelivered() {
        return results.stream().allMatch(r -> r.outcome() == RecipientOutcome.DELIVERED);
    }
}
