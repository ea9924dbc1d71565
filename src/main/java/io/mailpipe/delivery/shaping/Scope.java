package io.mailpipe.delivery.shaping;

import java.util.Locale;

/** What an operator suspends or a limit applies to: a site, a tenant or a campaign. */
public enum Scope {
    SITE, TENANT, CAMPAIGN;

    /** The scope named by {@code text} ("site", "tenant", "campaign"), or null. */
    public static Scope named(String text) {
        for (Scope s : values()) {
            if (s.name().equals(text.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
