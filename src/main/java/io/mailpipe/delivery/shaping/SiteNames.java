package io.mailpipe.delivery.shaping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Names the site of a destination from the MX hosts it resolved to: the first rule matching any of the hosts, else
 * the destination is its own site named after its first MX host's last two labels ({@code mx1.example.net} →
 * {@code example.net}), so the MX hosts of one provider share a site even without a rule. Results are cached per
 * host list.
 */
public final class SiteNames {

    private static final int MAX_CACHED = 100_000;
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

    private final List<SiteRule> rules;
    private final Map<List<String>, String> cache = new ConcurrentHashMap<>();

    public SiteNames(List<SiteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The site for a destination whose MX hosts are {@code mxHosts} (in route order, at least one). */
    public String siteOf(List<String> mxHosts) {
        String cached = cache.get(mxHosts);
        if (cached != null) {
            return cached;
        }
        String site = compute(mxHosts);
        if (cache.size() < MAX_CACHED) {
            cache.put(List.copyOf(mxHosts), site);
        }
        return site;
    }

    /** The rule named {@code site}, or null for a site without a rule. */
    public SiteRule rule(String site) {
        return rules.stream().filter(r -> r.name().equals(site)).findFirst().orElse(null);
    }

    private String compute(List<String> mxHosts) {
        for (SiteRule rule : rules) {
            if (mxHosts.stream().anyMatch(rule::matches)) {
                return rule.name();
            }
        }
        return ownSite(mxHosts.get(0));
    }

    static String ownSite(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.startsWith("[") || DOTTED_NUMBERS.matcher(name).matches() || name.contains(":")) {
            return name;
        }
        int last = name.lastIndexOf('.');
        int before = last <= 0 ? -1 : name.lastIndexOf('.', last - 1);
        return before < 0 ? name : name.substring(before + 1);
    }
}
