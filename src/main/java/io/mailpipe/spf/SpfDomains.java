package io.mailpipe.spf;

/**
 * Domain-name checks and the length rule used by check_host(): whether a name may be evaluated at all (RFC 7208
 * §4.3: well-formed, multi-label, not an address literal; labels at most 63 octets, RFC 1035 §2.3.4) and the left
 * truncation of expanded names longer than 253 characters (§7.3).
 */
final class SpfDomains {

    static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private SpfDomains() {
    }

    static boolean isValidDomain(String domain) {
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (name.isEmpty() || name.length() > MAX_NAME || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return false;
            }
        }
        return true;
    }

    /** Drops a trailing dot, then leading labels until the name is at most 253 characters. */
    static String truncate(String expanded) {
        String name = expanded.endsWith(".") ? expanded.substring(0, expanded.length() - 1) : expanded;
        while (name.length() > MAX_NAME) {
            int dot = name.indexOf('.');
            if (dot < 0) {
                return name;
            }
            name = name.substring(dot + 1);
        }
        return name;
    }
}
