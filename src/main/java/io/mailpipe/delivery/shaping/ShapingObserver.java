package io.mailpipe.delivery.shaping;

/**
 * Told what the {@link TrafficShaper} decides, for meters: a site seen for the first time (from the limits file or a
 * destination), a delivery deferred and why, a transaction that had to queue for one of its site's connection slots
 * (the connection limit delays, it never defers), and an automatic back-off of a site after it pushed back (a 421 or
 * RFC 3463 §3.8 4.7.x reply, or a burst of 4xx). Calls come from delivery threads and must return quickly.
 */
public interface ShapingObserver {

    /** Why the shaper deferred a delivery (451 4.4.5, RFC 3463 §3.5). */
    enum DeferralReason {
        /** An operator suspended the site. */
        SITE_SUSPENDED,
        /** The site is suspended by its automatic back-off. */
        SITE_BACKED_OFF,
        /** An operator suspended the tenant. */
        TENANT_SUSPENDED,
        /** An operator suspended the campaign. */
        CAMPAIGN_SUSPENDED,
        /** The per-second or per-hour budget of the site, tenant or campaign is spent beyond the longest wait. */
        BUDGET_SPENT
    }

    /** An observer that ignores everything. */
    ShapingObserver NONE = new ShapingObserver() {
    };

    /** A site to report on; may come more than once for one site. */
    default void siteAdded(String site) {
    }

    default void deferred(String site, DeferralReason reason) {
    }

    default void waitedForConnection(String site) {
    }

    default void backedOff(String site) {
    }
}
