package io.mailpipe.delivery.shaping;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Naming sites from MX host names: rules first, else the first host's last two labels. */
class SiteNamesTest {

    private final SiteNames names = new SiteNames(List.of(
            new SiteRule("gmail", List.of("*.google.com", "*.googlemail.com"), SiteLimits.UNLIMITED),
            new SiteRule("outlook", List.of("*.protection.outlook.com"), SiteLimits.UNLIMITED),
            new SiteRule("single", List.of("mx.single.example"), SiteLimits.UNLIMITED)));

    @Test
    void anyMatchingHostNamesTheSite() {
        assertEquals("gmail", names.siteOf(List.of("aspmx.l.google.com", "alt1.aspmx.l.google.com")));
        assertEquals("gmail", names.siteOf(List.of("mx.elsewhere.example", "ALT2.ASPMX.L.GOOGLE.COM.")));
        assertEquals("outlook", names.siteOf(List.of("contoso-com.mail.protection.outlook.com")));
    }

    @Test
    void wildcardNeedsALabelAndExactPatternsMatchOnlyThatHost() {
        SiteRule gmail = names.rule("gmail");
        assertFalse(gmail.matches("google.com"));
        assertFalse(gmail.matches("evilgoogle.com"));
        assertTrue(names.rule("single").matches("mx.single.example"));
        assertFalse(names.rule("single").matches("a.mx.single.example"));
    }

    @Test
    void unmatchedDestinationIsItsOwnSite() {
        assertEquals("example.net", names.siteOf(List.of("mx1.eu.example.net", "mx2.example.org")));
        assertEquals("localhost", names.siteOf(List.of("localhost")));
        assertEquals("192.0.2.7", names.siteOf(List.of("192.0.2.7")));
        assertEquals("cafe.be", names.siteOf(List.of("mx.cafe.be")));
    }

    @Test
    void badPatternsAreRefused() {
        assertFalse(SiteRule.isValidPattern("*google.com"));
        assertFalse(SiteRule.isValidPattern("mx.*.google.com"));
        assertFalse(SiteRule.isValidPattern("has space.example"));
        assertTrue(SiteRule.isValidPattern("*.yahoodns.net"));
    }
}
