package io.mailpipe.camel.observe;

import io.mailpipe.delivery.shaping.ShapingObserver;
import io.mailpipe.delivery.shaping.SiteReport;
import io.mailpipe.delivery.shaping.SiteRule;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The meters of traffic shaping (deferrals carry RFC 3463 §3.5 4.4.5; back-offs follow 421 and §3.8 4.7.x replies),
 * tagged by site: gauges of connections in use, the rate allowed now (messages per second on this replica after
 * back-off and the replica share; 0 means unlimited) and whether the site is suspended (1) or not (0); counters of
 * deferrals by reason, of transactions that queued for a connection slot, and of automatic back-offs. Every site of
 * the limits file gets its own series; of the sites named after destinations only the first {@value #MAX_SITES} do,
 * later ones are counted under {@code other} and get no gauges, so a campaign to many providers cannot blow up the
 * number of series. {@link #close} removes the gauges, which read the shaper they were made for.
 */
public final class ShapingMeters implements ShapingObserver, AutoCloseable {

    /** Sites named after destinations (not in the limits file) that get their own series. */
    public static final int MAX_SITES = 100;
    static final String OTHER_SITE = "other";

    private final PipelineMeters meters;
    private final TrafficShaper shaper;
    private final Set<String> configured;
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private final Set<String> destinationSites = ConcurrentHashMap.newKeySet();
    private final List<Meter> gauges = new ArrayList<>();

    public ShapingMeters(PipelineMeters meters, TrafficShaper shaper) {
        this.meters = meters;
        this.shaper = shaper;
        this.configured = Set.copyOf(shaper.policy().sites().stream().map(SiteRule::name).toList());
    }

    /** Registers the meters and starts observing {@code shaper}. */
    public static ShapingMeters attach(PipelineMeters meters, TrafficShaper shaper) {
        ShapingMeters shapingMeters = new ShapingMeters(meters, shaper);
        shaper.observe(shapingMeters);
        return shapingMeters;
    }

    @Override
    public void siteAdded(String site) {
        String tag = siteTag(site);
        if (tag.equals(OTHER_SITE) || !named.add(tag)) {
            return;
        }
        gauge("mailpipe.shaping.connections", "SMTP connections in use to a site", site,
                report -> report.connectionsInUse());
        gauge("mailpipe.shaping.rate", "Messages per second allowed to a site now, after back-off and the "
                + "replica share; 0 means unlimited", site, SiteReport::effectivePerSecond);
        gauge("mailpipe.shaping.suspended", "Whether a site is suspended, by an operator or its back-off (1) or "
                + "not (0)", site, report -> report.suspendedSeconds() > 0 ? 1 : 0);
    }

    @Override
    public void deferred(String site, DeferralReason reason) {
        Counter.builder("mailpipe.shaping.deferrals").description("Deliveries deferred by traffic shaping, by site "
                + "and reason").tag("site", siteTag(site)).tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(meters.registry()).increment();
    }

    @Override
    public void waitedForConnection(String site) {
        Counter.builder("mailpipe.shaping.connection.waits").description("Transactions that queued for a "
                + "connection slot because a site's connection limit was reached").tag("site", siteTag(site))
                .register(meters.registry()).increment();
    }

    @Override
    public void backedOff(String site) {
        Counter.builder("mailpipe.shaping.backoffs").description("Automatic back-offs of a site after it pushed "
                + "back (rate halved, site suspended)").tag("site", siteTag(site))
                .register(meters.registry()).increment();
    }

    /** Removes the gauges; the counters stay, so a restarted shaper continues their series. */
    @Override
    public void close() {
        synchronized (gauges) {
            gauges.forEach(meters.registry()::remove);
            gauges.clear();
        }
        shaper.observe(ShapingObserver.NONE);
    }

    /** The tag of a site: its name if it is in the limits file or among the first destination sites. */
    String siteTag(String site) {
        if (configured.contains(site) || destinationSites.contains(site)) {
            return site;
        }
        synchronized (destinationSites) {
            if (destinationSites.size() < MAX_SITES) {
                destinationSites.add(site);
                return site;
            }
        }
        return OTHER_SITE;
    }

    private void gauge(String name, String description, String site, ToDoubleFunction<SiteReport> value) {
        MeterRegistry registry = meters.registry();
        Gauge gauge = Gauge.builder(name, shaper, s -> value.applyAsDouble(s.report(site)))
                .description(description).tag("site", site).strongReference(true).register(registry);
        synchronized (gauges) {
            gauges.add(gauge);
        }
    }
}
