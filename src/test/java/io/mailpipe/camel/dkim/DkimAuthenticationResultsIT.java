package io.mailpipe.camel.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.camel.support.AuthenticationResults;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.dkim.DkimResult;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The Authentication-Results fields dkim:verify writes (RFC 8601 §2.2, with an SPF clause merged in) parsed by an
 * independent implementation, python3-authres: every dkim= result, reason and header.d/s/a/b property must read
 * back as the verifier reported it.
 */
class DkimAuthenticationResultsIT extends CamelTestSupport {

    private static final String[] MESSAGES = {"rfc8463-appendix-a/signed-message.eml",
        "rfc8463-appendix-a/derived/body-modified.eml", "rfc8463-appendix-a/derived/ed25519-only-bad-signature.eml",
        "dkimpy-1.1.4/test.message.baddomain"};

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = DkimAuthenticationResultsIT.class.getResourceAsStream("/dkim/" + path)) {
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
        ctx.getRegistry().bind("zoneResolver", new InMemoryResolver(zone));
        return ctx;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:verify")
                        .process(e -> AuthenticationResults.addClause(e, "mx.example", "spf=pass smtp.mailfrom=a@b.example"))
                        .to("dkim:verify?authservId=mx.example");
            }
        };
    }

    @Test
    void authresReadsBackEveryClause() throws Exception {
        List<String> fields = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String name : MESSAGES) {
            byte[] message = resource(name);
            Exchange out = template.send("direct:verify", e -> e.getMessage().setBody(message));
            String field = unfoldFirstField(new String(out.getMessage().getBody(RawMessage.class).toByteArray(),
                    StandardCharsets.UTF_8));
            assertTrue(field.startsWith("Authentication-Results: mx.example;"), field);
            int number = fields.size();
            fields.add(field);
            expected.add(number + "\tauthserv-id\tmx.example\t\t");
            expected.add(number + "\tspf\tpass\t\tsmtp.mailfrom=a@b.example");
            @SuppressWarnings("unchecked")
            List<DkimResult> results = out.getMessage().getHeader(DkimConstants.RESULTS, List.class);
            for (DkimResult r : results) {
                String reason = r.status().keyword().equals("pass") ? "" : r.reason();
                expected.add(number + "\tdkim\t" + r.status().keyword() + "\t" + reason + "\t" + properties(r));
            }
        }
        assertEquals(expected, parseWithAuthres(fields));
    }

    private static String properties(DkimResult r) {
        if (r.domain().isEmpty()) {
            return "";
        }
        return "header.d=" + r.domain() + " header.s=" + r.selector() + " header.a=" + r.algorithm() + " header.b="
                + r.headerB();
    }

    private static String unfoldFirstField(String message) {
        StringBuilder field = new StringBuilder();
        for (String line : message.split("\r\n")) {
            if (field.length() > 0 && !line.startsWith(" ") && !line.startsWith("\t")) {
                break;
            }
            field.append(field.length() == 0 ? line : " " + line.strip());
        }
        return field.toString();
    }

    private static List<String> parseWithAuthres(List<String> fields) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3",
                Path.of("src/test/python/authres_parse.py").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            process.getOutputStream().write(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "authres parser timed out");
            assertEquals(0, process.exitValue(), output);
            return List.of(output.split("\n"));
        } finally {
            process.destroyForcibly();
        }
    }
}
