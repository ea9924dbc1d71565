package io.mailpipe.delivery.shaping;

import java.util.List;
import java.util.Map;

/**
 * Everything the limits file says: the named sites with their MX patterns and limits (first match wins), the limits
 * of a site without a rule, per-tenant and per-campaign rates, and the back-off settings.
 */
public record ShapingPolicy(List<SiteRule> sites, SiteLimits defaults, Map<String, RateLimits> tenants,
                            Map<String, RateLimits> campaigns, BackOffSettings backOff) {

    public ShapingPolicy {
        sites = List.copyOf(sites);
        tenants = Map.copyOf(tenants);
        campaigns = Map.copyOf(campaigns);
    }

    /** The limits of {@code site}: its rule's, or the defaults. */
    public SiteLimits limitsOf(String site) {
        return sites.stream().filter(r -> r.name().equals(site)).map(SiteRule::limits).findFirst().orElse(defaults);
    }
}
