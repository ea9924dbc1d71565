package io.mailpipe.dkim;

import io.mailpipe.dkim.DkimSyntaxException.Problem;

/**
 * Syntax check for the d= and s= tag values (RFC 6376 §3.5, §3.1: dot-separated labels of letters, digits, hyphens
 * and, for selectors and real-world domains, underscores). Bytes above 0x7f are let through for internationalised
 * names (RFC 8616 §4).
 */
final class DomainNames {

    private static final int MAX_LENGTH = 253;

    private DomainNames() {
    }

    static String check(String value, String tag) throws DkimSyntaxException {
        Problem problem = tag.equals("s") ? Problem.BAD_SELECTOR : Problem.BAD_DOMAIN;
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new DkimSyntaxException(problem, tag + "= has a bad length");
        }
        for (String label : value.split("\\.", -1)) {
            if (!validLabel(label)) {
                throw new DkimSyntaxException(problem, tag + "= is not a valid domain name: "
                        + TagList.printable(value));
            }
        }
        return value;
    }

    private static boolean validLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c > 0x7f;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
