package io.mailpipe.camel.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.camel.support.AuthenticationResults;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.dkim.DkimResult;
import io.mailpipe.dkim.DkimSigningException;
import io.mailpipe.dkim.DkimStatus;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** dkim:sign and dkim:verify in a YAML route, with keys from a key table and DNS from an in-memory zone. */
class DkimComponentTest extends CamelTestSupport {

    private static final Path KEYS = createKeyDir();

    private static Path createKeyDir() {
        try {
            Path dir = Files.createTempDirectory("dkim-keys");
            Files.write(dir.resolve("rsa.pem"), resource("rfc8463-appendix-a/rsa-private.pem"));
            Files.write(dir.resolve("ed.seed"), resource("rfc8463-appendix-a/ed25519-private-seed.b64"));
            Files.writeString(dir.resolve("keytable"), "football.example.com test rsa.pem\n"
                    + "football.example.com brisbane ed.seed\n");
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void deleteKeys() throws IOException {
        for (String name : List.of("rsa.pem", "ed.seed", "keytable")) {
            Files.deleteIfExists(KEYS.resolve(name));
        }
        Files.deleteIfExists(KEYS);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DkimComponentTest.class.getResourceAsStream("/dkim/" + path)) {
            return in.readAllBytes();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        InMemoryZone zone = new InMemoryZone();
        for (String line : new String(resource("rfc8463-appendix-a/dns-records.txt"), StandardCharsets.US_ASCII)
                .split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+", 2);
                zone.addTxt(parts[0], parts[1]);
            }
        }
        ctx.getRegistry().bind("dnsResolver", new InMemoryResolver(zone));
        Properties properties = new Properties();
        properties.setProperty("test.dkim.key-table", KEYS.resolve("keytable").toString());
        ctx.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(ctx).loadRoutes(PluginHelper.getResourceLoader(ctx)
                .resolveResource("classpath:camel/dkim/sign-verify.camel.yaml"));
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:after-spf")
                        .process(e -> AuthenticationResults.addClause(e, "mx.test",
                                "spf=pass smtp.mailfrom=joe@football.example.com"))
                        .to("dkim:verify?authservId=mx.test")
                        .to("mock:after-spf");
            }
        };
    }

    /** The message with the Authentication-Results field unfolded. */
    private static String text(Exchange exchange) {
        String raw = new String(exchange.getMessage().getBody(RawMessage.class).toByteArray(), StandardCharsets.UTF_8);
        return raw.replace(";\r\n\t", "; ");
    }

    @Test
    void signsWithEveryTableKeyAndVerifiesIntoOneAuthenticationResultsField() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:verified");
        mock.expectedMessageCount(1);
        template.sendBody("direct:sign-verify", resource("rfc8463-appendix-a/unsigned-message.eml"));
        mock.assertIsSatisfied();
        Exchange out = mock.getExchanges().get(0);
        assertEquals(2, out.getMessage().getHeader(DkimConstants.SIGNATURE_COUNT));
        assertEquals("pass", out.getMessage().getHeader(DkimConstants.RESULT));
        @SuppressWarnings("unchecked")
        List<DkimResult> results = out.getMessage().getHeader(DkimConstants.RESULTS, List.class);
        assertEquals(List.of(DkimStatus.PASS, DkimStatus.PASS), results.stream().map(DkimResult::status).toList());
        assertEquals(List.of("test", "brisbane"), results.stream().map(DkimResult::selector).toList());
        String message = text(out);
        assertTrue(message.startsWith("Authentication-Results: mx.test; dkim=pass header.d=football.example.com"
                + " header.s=test header.a=rsa-sha256 header.b="), message);
        assertEquals(1, count(message, "Authentication-Results:"));
        assertEquals(2, count(message, "DKIM-Signature: v=1; a="));
        assertTrue(message.contains("c=relaxed/simple;") && message.contains(" x="), message);
    }

    @Test
    void dkimClausesJoinTheSpfClauseOfTheSameAuthservId() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:after-spf");
        mock.expectedMessageCount(1);
        template.sendBody("direct:after-spf", resource("rfc8463-appendix-a/signed-message.eml"));
        mock.assertIsSatisfied();
        String message = text(mock.getExchanges().get(0));
        assertEquals(1, count(message, "Authentication-Results:"));
        String field = message.substring(0, message.indexOf("\r\nDKIM-Signature"));
        assertTrue(field.matches("Authentication-Results: mx\\.test; spf=pass smtp\\.mailfrom=joe@football\\.example"
                + "\\.com; dkim=pass header\\.d=football\\.example\\.com header\\.s=brisbane header\\.a=ed25519-sha256"
                + " header\\.b=\"/gCrinpc\"; dkim=pass header\\.d=football\\.example\\.com header\\.s=test"
                + " header\\.a=rsa-sha256 header\\.b=F45dVWDf"), field);
    }

    @Test
    void unsignedMessageGetsDkimNone() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:after-spf");
        mock.expectedMessageCount(1);
        template.sendBody("direct:after-spf", "From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n");
        mock.assertIsSatisfied();
        Exchange out = mock.getExchanges().get(0);
        assertEquals("none", out.getMessage().getHeader(DkimConstants.RESULT));
        assertTrue(text(out).startsWith("Authentication-Results: mx.test; spf=pass smtp.mailfrom=joe@football"
                + ".example.com; dkim=none\r\n"), text(out));
    }

    @Test
    void messageWithoutFromFailsTheExchange() {
        Exchange result = template.send("direct:sign-verify", e -> e.getMessage().setBody("Subject: x\r\n\r\nb\r\n"));
        assertInstanceOf(DkimSigningException.class, result.getException());
        assertTrue(result.getException().getMessage().contains("no From"));
    }

    @Test
    void badKeyTableStopsStartUpNamingTheFile() throws Exception {
        Path table = Files.createTempFile("keytable", "");
        CamelContext ctx = new DefaultCamelContext();
        try {
            Files.writeString(table, "example.com sel missing-key.pem\n");
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:x").to("dkim:sign?keyTable=" + table);
                }
            });
            Exception e = assertThrows(Exception.class, ctx::start);
            assertTrue(rootMessage(e).contains("missing-key.pem"), rootMessage(e));
        } finally {
            ctx.stop();
            Files.deleteIfExists(table);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
