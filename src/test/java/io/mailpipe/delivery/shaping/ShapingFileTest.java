package io.mailpipe.delivery.shaping;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and checking the limits file: the shipped presets, and every error naming the file and the entry. */
class ShapingFileTest {

    private static ShapingPolicy read(String yaml) {
        return ShapingFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "limits.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ShapingFileException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void shippedPresetsLoad() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("shaping.yaml")) {
            ShapingPolicy policy = ShapingFile.read(in, "shaping.yaml");
            assertEquals(List.of("gmail", "outlook", "yahoo"), policy.sites().stream().map(SiteRule::name).toList());
            assertEquals("gmail", new SiteNames(policy.sites()).siteOf(List.of("gmail-smtp-in.l.google.com")));
            assertEquals("yahoo", new SiteNames(policy.sites()).siteOf(List.of("mta5.am0.yahoodns.net")));
            assertEquals(10, policy.defaults().maxConnections());
            assertEquals(Duration.ofMinutes(5), policy.backOff().suspension());
        }
    }

    @Test
    void readsSitesTenantsCampaignsAndBackOff() {
        ShapingPolicy policy = read("""
                defaults: {max-connections: 3}
                sites:
                  big: {mx: ["*.big.example"], max-connections: 4, max-messages-per-connection: 7,
                        max-messages-per-second: 2.5, max-messages-per-hour: 900}
                tenants:
                  acme: {max-messages-per-second: 1}
                campaigns:
                  sale: {max-messages-per-hour: 10}
                back-off: {suspend-seconds: 10, max-suspend-seconds: 40}
                """);
        assertEquals(new SiteLimits(4, 7, 2.5, 900), policy.limitsOf("big"));
        assertEquals(new SiteLimits(3, 0, 0, 0), policy.limitsOf("other.example"));
        assertEquals(new RateLimits(1, 0), policy.tenants().get("acme"));
        assertEquals(new RateLimits(0, 10), policy.campaigns().get("sale"));
        assertEquals(Duration.ofSeconds(40), policy.backOff().maxSuspension());
    }

    @Test
    void unknownKeysAreNamed() {
        String message = error("sites:\n  big: {mx: [\"*.big.example\"], max-conections: 4}\n");
        assertTrue(message.startsWith("limits.yaml: sites.big.max-conections: unknown key"), message);
        assertTrue(error("site: {}\n").contains("limits.yaml: site: unknown key"));
        assertTrue(error("back-off: {suspend: 3}\n").contains("back-off.suspend: unknown key"));
    }

    @Test
    void negativeAndNonNumericValuesAreNamed() {
        assertTrue(error("tenants:\n  acme: {max-messages-per-hour: -5}\n")
                .contains("limits.yaml: tenants.acme.max-messages-per-hour: must be a whole number >= 0"));
        assertTrue(error("defaults: {max-messages-per-second: fast}\n")
                .contains("defaults.max-messages-per-second: must be a number >= 0, was 'fast'"));
        assertTrue(error("back-off: {suspend-seconds: 100, max-suspend-seconds: 10}\n")
                .contains("limits.yaml: back-off: max-suspend-seconds must be at least suspend-seconds"));
    }

    @Test
    void badOrMissingPatternsAreNamed() {
        assertTrue(error("sites:\n  big: {mx: [\"mx.*.big.example\"]}\n")
                .contains("limits.yaml: sites.big.mx: bad MX pattern 'mx.*.big.example'"));
        assertTrue(error("sites:\n  big: {max-connections: 2}\n")
                .contains("sites.big.mx: a list of MX host patterns is required"));
    }

    @Test
    void theReadmeExampleIsAValidFile() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### Traffic shaping");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        ShapingPolicy policy = read(block);
        assertEquals(3, policy.sites().size());
        assertEquals(new RateLimits(10, 20000), policy.tenants().get("acme"));
    }

    @Test
    void notYamlIsNamed() {
        assertTrue(error("sites: [unclosed\n").startsWith("limits.yaml: not readable as YAML"));
    }
}
