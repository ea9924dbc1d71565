package io.mailpipe.delivery.shaping;

import io.mailpipe.smtp.SmtpReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Shapes outbound traffic per site, tenant and campaign: admits a delivery when no suspension blocks it and rate
 * tokens are there within a short wait, then holds one of the site's connection slots until the transaction is done;
 * otherwise the delivery is deferred at once with a 451 4.4.5 reply (RFC 3463 §3.5, congestion) so the queue retries
 * later. Replies feed the site's adaptive back-off. Limits are divided by the number of live replicas that share the
 * traffic. Waiting holds no thread: a rate wait is a delayed future, a slot wait a queued one. Operator suspensions
 * apply to this replica, or to all through a {@link SuspensionBroadcast}. A {@link ShapingObserver} hears of new
 * sites, deferrals by reason, waits for a connection slot and automatic back-offs.
 */
public final class TrafficShaper {

    /** The name the {@code mx:} component binds its shaper under in the Camel registry. */
    public static final String BEAN_NAME = "mailpipeTrafficShaper";

    private final ShapingPolicy policy;
    private final SiteNames names;
    private final LongSupplier clock;
    private final IntSupplier replicas;
    private final Map<String, SiteState> sites = new ConcurrentHashMap<>();
    private final Map<String, RateGate> tenants = new ConcurrentHashMap<>();
    private final Map<String, RateGate> campaigns = new ConcurrentHashMap<>();
    private final Suspensions suspensions = new Suspensions();
    private final Clock wallClock = Clock.systemUTC();
    private volatile SuspensionBroadcast broadcast;
    private volatile ShapingObserver observer = ShapingObserver.NONE;

    /** Why a delivery cannot go now, and the reply that says so. */
    private record Refusal(ShapingObserver.DeferralReason reason, SmtpReply reply) {
    }

    private static final class SiteState {
        final RateGate rate = new RateGate();
        final AsyncSlots slots = new AsyncSlots();
        final SiteBackOff backOff;

        SiteState(BackOffSettings settings) {
            this.backOff = new SiteBackOff(settings);
        }
    }

    /** A shaper on the system's nanosecond clock. */
    public TrafficShaper(ShapingPolicy policy, IntSupplier replicas) {
        this(policy, System::nanoTime, replicas);
    }

    public TrafficShaper(ShapingPolicy policy, LongSupplier nanoClock, IntSupplier replicas) {
        this.policy = policy;
        this.names = new SiteNames(policy.sites());
        this.clock = nanoClock;
        this.replicas = replicas;
    }

    public ShapingPolicy policy() {
        return policy;
    }

    /** Reports to {@code target} from now on; it first hears of every site of the limits file and seen so far. */
    public void observe(ShapingObserver target) {
        this.observer = target;
        policy.sites().forEach(rule -> site(rule.name()));
        new TreeSet<>(sites.keySet()).forEach(target::siteAdded);
    }

    /** The site of a destination whose MX hosts are {@code mxHosts}. */
    public String siteOf(List<String> mxHosts) {
        return names.siteOf(mxHosts);
    }

    /**
     * Admits one transaction to {@code site} for {@code tenant} and {@code campaign} (either may be null): a
     * suspension or a used-up budget defers at once; otherwise the caller waits for a connection slot, then takes its
     * rate tokens (so rates are measured where transactions start) and waits the short time they may need. The stage
     * completes with a permit holding the slot, or a deferral; it never completes exceptionally.
     */
    public CompletableFuture<Admission> admit(String site, String tenant, String campaign) {
        SiteState state = site(site);
        Refusal early;
        synchronized (this) {
            early = refusal(site, state, tenant, campaign, clock.getAsLong());
            if (early != null) {
                state.rate.deferred++;
            }
        }
        if (early != null) {
            observer.deferred(site, early.reason());
            return CompletableFuture.completedFuture(Admission.deferred(early.reply()));
        }
        CompletableFuture<Void> slot = state.slots.acquire(effectiveConnections(site));
        if (!slot.isDone()) {
            observer.waitedForConnection(site);
        }
        return slot.thenCompose(held -> afterSlot(site, state, tenant, campaign));
    }

    /** With a slot held: defers (giving the slot back) or takes the tokens and waits for them. */
    private CompletableFuture<Admission> afterSlot(String site, SiteState state, String tenant, String campaign) {
        Refusal refused;
        long wait = 0;
        synchronized (this) {
            long now = clock.getAsLong();
            refused = refusal(site, state, tenant, campaign, now);
            if (refused == null) {
                wait = tokenWait(site, state, tenant, campaign, now);
                takeTokens(site, state, tenant, campaign, now);
            } else {
                state.rate.deferred++;
            }
        }
        if (refused != null) {
            state.slots.release();
            observer.deferred(site, refused.reason());
            return CompletableFuture.completedFuture(Admission.deferred(refused.reply()));
        }
        int limit = policy.limitsOf(site).maxMessagesPerConnection();
        Admission granted = Admission.granted(limit <= 0 ? Integer.MAX_VALUE : limit, state.slots::release);
        if (wait <= 0) {
            return CompletableFuture.completedFuture(granted);
        }
        return CompletableFuture.supplyAsync(() -> granted,
                CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, Runnable::run));
    }

    /** The deferral for a suspension, or for tokens further away than the longest wait; null when admissible. */
    private Refusal refusal(String site, SiteState state, String tenant, String campaign, long now) {
        Refusal blocked = blocked(site, state, tenant, campaign, now);
        if (blocked != null) {
            return blocked;
        }
        if (tokenWait(site, state, tenant, campaign, now) > policy.backOff().maxTokenWait().toNanos()) {
            return deferral(ShapingObserver.DeferralReason.BUDGET_SPENT, "the hourly or per-second budget of site "
                    + site + (tenant == null ? "" : ", tenant " + tenant)
                    + (campaign == null ? "" : ", campaign " + campaign) + " is used up");
        }
        return null;
    }

    /** Feeds the replies of one transaction with {@code site} into its back-off. */
    public void record(String site, Collection<SmtpReply> replies) {
        SiteState state = site(site);
        boolean backedOff;
        synchronized (this) {
            int before = state.backOff.pushBacks();
            state.backOff.record(PushBacks.classify(replies), clock.getAsLong());
            backedOff = state.backOff.pushBacks() > before;
        }
        if (backedOff) {
            observer.backedOff(site);
        }
    }

    /** Sends operator suspensions and resumptions to every replica from now on instead of applying them here. */
    public void broadcastTo(SuspensionBroadcast target) {
        this.broadcast = target;
    }

    /**
     * Suspends {@code name} in {@code scope} for {@code duration}: on every replica when a broadcast is set (applied
     * here when it comes back), else on this replica.
     */
    public void suspend(Scope scope, String name, Duration duration) {
        SuspensionBroadcast target = broadcast;
        if (target != null) {
            target.publish(scope, name, wallClock.instant().plus(duration));
        } else {
            suspensions.suspend(scope, name, clock.getAsLong() + duration.toNanos());
        }
    }

    /**
     * Lifts an operator's suspension, and for a site also a back-off suspension (its reduced rate stays and recovers
     * with deliveries); returns whether there was a suspension here. With a broadcast, every replica lifts it.
     */
    public boolean resume(Scope scope, String name) {
        SuspensionBroadcast target = broadcast;
        if (target == null) {
            return liftHere(scope, name);
        }
        boolean suspended = suspendedHere(scope, name);
        target.publish(scope, name, Instant.EPOCH);
        liftHere(scope, name);
        return suspended;
    }

    private boolean suspendedHere(Scope scope, String name) {
        long now = clock.getAsLong();
        if (suspensions.remaining(scope, name, now) > 0) {
            return true;
        }
        if (scope != Scope.SITE || !sites.containsKey(name)) {
            return false;
        }
        synchronized (this) {
            return sites.get(name).backOff.suspended(now);
        }
    }

    /** Applies a suspension that came from the broadcast: until a future time, or lifted when it is past. */
    public void apply(Scope scope, String name, Instant until) {
        Duration left = Duration.between(wallClock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            liftHere(scope, name);
        } else {
            suspensions.suspend(scope, name, clock.getAsLong() + left.toNanos());
        }
    }

    private boolean liftHere(Scope scope, String name) {
        boolean lifted = suspensions.resume(scope, name);
        if (scope == Scope.SITE && sites.containsKey(name)) {
            synchronized (this) {
                lifted |= sites.get(name).backOff.lift(clock.getAsLong());
            }
        }
        return lifted;
    }

    /** Operator suspensions in {@code scope} with seconds left. */
    public Map<String, Long> suspended(Scope scope) {
        Map<String, Long> out = new java.util.TreeMap<>();
        suspensions.active(scope, clock.getAsLong()).forEach((name, nanos) -> out.put(name, seconds(nanos)));
        return out;
    }

    /** Every site seen or configured, in name order. */
    public List<SiteReport> report() {
        policy.sites().forEach(rule -> site(rule.name()));
        List<SiteReport> out = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            new java.util.TreeMap<>(sites).forEach((name, state) -> out.add(report(name, state, now)));
        }
        return out;
    }

    /** The report of one site (a site not seen yet starts here with nothing in use). */
    public SiteReport report(String site) {
        SiteState state = site(site);
        synchronized (this) {
            return report(site, state, clock.getAsLong());
        }
    }

    private SiteReport report(String name, SiteState state, long now) {
        long operator = suspensions.remaining(Scope.SITE, name, now);
        long adaptive = state.backOff.suspended(now) ? state.backOff.suspendedUntil() - now : 0;
        return new SiteReport(name, policy.limitsOf(name), effectiveConnections(name), sitePerSecond(name, state),
                state.backOff.factor(), state.slots.inUse(), state.slots.waiting(), state.rate.grantedLastSecond(now),
                state.rate.granted, state.rate.deferred, state.backOff.pushBacks(),
                seconds(Math.max(operator, adaptive)), operator > 0);
    }

    private Refusal blocked(String site, SiteState state, String tenant, String campaign, long now) {
        if (suspensions.remaining(Scope.SITE, site, now) > 0) {
            return deferral(ShapingObserver.DeferralReason.SITE_SUSPENDED, "site " + site
                    + " is suspended by an operator");
        }
        if (state.backOff.suspended(now)) {
            return deferral(ShapingObserver.DeferralReason.SITE_BACKED_OFF, "site " + site + " is suspended for "
                    + seconds(state.backOff.suspendedUntil() - now) + " s after it pushed back");
        }
        if (suspensions.remaining(Scope.TENANT, tenant, now) > 0) {
            return deferral(ShapingObserver.DeferralReason.TENANT_SUSPENDED, "tenant " + tenant
                    + " is suspended by an operator");
        }
        if (suspensions.remaining(Scope.CAMPAIGN, campaign, now) > 0) {
            return deferral(ShapingObserver.DeferralReason.CAMPAIGN_SUSPENDED, "campaign " + campaign
                    + " is suspended by an operator");
        }
        return null;
    }

    private long tokenWait(String site, SiteState state, String tenant, String campaign, long now) {
        long wait = state.rate.waitNanos(sitePerSecond(site, state), sitePerHour(site), now);
        RateLimits t = tenantLimits(tenant);
        if (t != null) {
            wait = Math.max(wait, gate(tenants, tenant).waitNanos(share(t.maxMessagesPerSecond()),
                    share(t.maxMessagesPerHour()), now));
        }
        RateLimits c = campaignLimits(campaign);
        if (c != null) {
            wait = Math.max(wait, gate(campaigns, campaign).waitNanos(share(c.maxMessagesPerSecond()),
                    share(c.maxMessagesPerHour()), now));
        }
        return wait;
    }

    private void takeTokens(String site, SiteState state, String tenant, String campaign, long now) {
        state.rate.take(sitePerSecond(site, state), sitePerHour(site), now);
        RateLimits t = tenantLimits(tenant);
        if (t != null) {
            gate(tenants, tenant).take(share(t.maxMessagesPerSecond()), share(t.maxMessagesPerHour()), now);
        }
        RateLimits c = campaignLimits(campaign);
        if (c != null) {
            gate(campaigns, campaign).take(share(c.maxMessagesPerSecond()), share(c.maxMessagesPerHour()), now);
        }
    }

    private RateLimits tenantLimits(String tenant) {
        return tenant == null ? null : policy.tenants().get(tenant);
    }

    private RateLimits campaignLimits(String campaign) {
        return campaign == null ? null : policy.campaigns().get(campaign);
    }

    private double sitePerSecond(String site, SiteState state) {
        return share(policy.limitsOf(site).maxMessagesPerSecond()) * state.backOff.factor();
    }

    private double sitePerHour(String site) {
        return share(policy.limitsOf(site).maxMessagesPerHour());
    }

    private int effectiveConnections(String site) {
        int max = policy.limitsOf(site).maxConnections();
        return max == 0 ? 0 : Math.max(1, max / liveReplicas());
    }

    private double share(double limit) {
        return limit / liveReplicas();
    }

    private int liveReplicas() {
        return Math.max(1, replicas.getAsInt());
    }

    /** The state of {@code site}, made on first use; the observer hears of a new site outside the map's update. */
    private SiteState site(String site) {
        SiteState known = sites.get(site);
        if (known != null) {
            return known;
        }
        SiteState created = new SiteState(policy.backOff());
        SiteState raced = sites.putIfAbsent(site, created);
        if (raced != null) {
            return raced;
        }
        observer.siteAdded(site);
        return created;
    }

    private static RateGate gate(Map<String, RateGate> gates, String name) {
        return gates.computeIfAbsent(name, n -> new RateGate());
    }

    private static Refusal deferral(ShapingObserver.DeferralReason reason, String why) {
        return new Refusal(reason, SmtpReply.of(451, "4.4.5", "deferred by traffic shaping: " + why));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
