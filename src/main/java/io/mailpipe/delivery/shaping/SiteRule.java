package io.mailpipe.delivery.shaping;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A named site: the MX host name patterns that identify its provider ({@code *.google.com} matches any host under
 * google.com; a pattern without {@code *} matches that host only; names compare case-insensitively as DNS names do,
 * RFC 4343) and the limits its domains share.
 */
public record SiteRule(String name, List<String> mxPatterns, SiteLimits limits) {

    private static final Pattern VALID = Pattern.compile("(\\*\\.)?[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?");

    public SiteRule {
        mxPatterns = mxPatterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        for (String pattern : mxPatterns) {
            if (!isValidPattern(pattern)) {
                throw new IllegalArgumentException("bad MX pattern '" + pattern
                        + "' (a host name, or *. followed by a domain)");
            }
        }
    }

    public static boolean isValidPattern(String pattern) {
        return VALID.matcher(pattern.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether the MX host {@code host} belongs to this site. */
    public boolean matches(String host) {
        String name = strip(host.toLowerCase(Locale.ROOT));
        for (String pattern : mxPatterns) {
            String p = strip(pattern);
            if (p.startsWith("*.") ? name.endsWith(p.substring(1)) : name.equals(p)) {
                return true;
            }
        }
        return false;
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
