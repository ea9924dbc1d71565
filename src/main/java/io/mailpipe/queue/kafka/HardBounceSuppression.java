package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.DeliveryEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which permanent failures put an address on the suppression list: a bounced recipient (RFC 3463 class 5 reply)
 * whose {@link BounceCategory} is one of the configured ones (by default {@code bad_mailbox} and
 * {@code bad_domain}) gets a global {@link SuppressionEntry#HARD_BOUNCE} entry. Expired recipients never do: their
 * last reply was transient.
 */
public record HardBounceSuppression(Set<BounceCategory> categories) {

    public static final String DEFAULT_CATEGORIES = "bad_mailbox,bad_domain";

    public HardBounceSuppression {
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
    }

    /** Parses a comma-separated list of category ids (blank: none); an unknown id fails naming it. */
    public static HardBounceSuppression parse(String ids) {
        Set<BounceCategory> categories = EnumSet.noneOf(BounceCategory.class);
        if (ids != null && !ids.isBlank()) {
            Arrays.stream(ids.split(",")).map(String::trim).forEach(id -> categories.add(BounceCategory.ofId(id)
                    .orElseThrow(() -> new IllegalArgumentException("unknown bounce category '" + id
                            + "' in the hard bounce suppression list"))));
        }
        return new HardBounceSuppression(categories);
    }

    /** The entries the bounced events among {@code events} add. */
    public List<SuppressionEntry> entriesFor(List<DeliveryEvent> events) {
        List<SuppressionEntry> added = new ArrayList<>();
        for (DeliveryEvent event : events) {
            if (event.type() == DeliveryEvent.Type.BOUNCED && event.recipient().indexOf('@') > 0
                    && event.classification() != null
                    && "permanent".equals(event.classification().statusClass())
                    && categories.contains(event.classification().category())) {
                added.add(new SuppressionEntry(SuppressionEntry.GLOBAL, event.recipient(),
                        SuppressionEntry.HARD_BOUNCE, event.classification().category(), event.at(),
                        "bounce of " + event.queueId() + (event.mxHost() == null ? "" : " at " + event.mxHost())));
            }
        }
        return added;
    }
}
