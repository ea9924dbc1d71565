package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config check loads the shipped configuration and routes as run does, starts nothing (the smtpd port stays
 * ours: a bind attempt would fail on it) and, for a broken set of routes, reports every error in one run.
 */
class ConfigCheckCommandTest {

    @TempDir
    Path directory;

    @Test
    void theShippedConfigurationIsValidAndNoPortIsOpened() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(directory.resolve("test.properties"),
                    "smtpd.port = " + held.getLocalPort() + "\nmailpipe.dns-servers = 127.0.0.1:53\n");

            CliRun run = CliRun.run("config", "check", "--config", config.toString(), "--json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            JsonNode json = run.json();
            assertTrue(json.get("valid").asBoolean());
            Set<String> routes = new TreeSet<>();
            json.get("routes").forEach(route -> routes.add(route.asText()));
            assertEquals(Set.of("inbound", "submission", "submissions", "relay", "sign-and-enqueue", "deliver",
                    "deliver-local-recipients", "deliver-remote-recipients", "deliver-mx", "local-sink", "enqueue",
                    "outbound"), routes);
            assertEquals(0, json.get("errors").size());
        }
    }

    @Test
    void everyBrokenRouteAndUnreadableFileIsReportedInOneRun() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path routes = Files.createDirectories(directory.resolve("routes"));
            Files.writeString(routes.resolve("a.camel.yaml"), """
                    - route:
                        id: misspelt-option
                        from:
                          uri: direct:a
                          steps:
                            - to:
                                uri: spf:check
                                parameters:
                                  polcy: record
                    """);
            Files.writeString(routes.resolve("b.camel.yaml"), """
                    - route:
                        id: unknown-placeholder
                        from:
                          uri: "direct:{{no.such.key}}"
                          steps:
                            - log:
                                message: never
                    """);
            Files.writeString(routes.resolve("c.camel.yaml"), """
                    - route:
                        id: loads
                        from:
                          uri: "smtpd:127.0.0.1:{{smtpd.port}}"
                          parameters:
                            tlsCertificateFile: "%1$s/missing-cert.pem"
                            tlsKeyFile: "%1$s/missing-key.pem"
                          steps:
                            - log:
                                message: loaded
                    """.formatted(directory));
            Files.writeString(routes.resolve("d.camel.yaml"), """
                    - route:
                        id: missing-key-table
                        from:
                          uri: direct:d
                          steps:
                            - to:
                                uri: dkim:sign
                                parameters:
                                  keyTable: "%s/missing-table"
                    """.formatted(directory));
            Path config = Files.writeString(directory.resolve("test.properties"), "mailpipe.routes = file:" + routes
                    + "/*.camel.yaml\nsmtpd.port = " + held.getLocalPort() + "\n");

            CliRun run = CliRun.run("config", "check", "--config", config.toString(), "--config",
                    directory.resolve("absent.properties").toString(), "--json");

            assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
            JsonNode json = run.json();
            assertTrue(!json.get("valid").asBoolean());
            assertEquals("[\"loads\"]", json.get("routes").toString());
            List<String> errors = new ArrayList<>();
            json.get("errors").forEach(e -> errors.add(e.asText()));
            assertEquals(5, errors.size(), String.join("\n", errors));
            assertContains(errors, "absent.properties");
            assertContains(errors, "polcy");
            assertContains(errors, "no.such.key");
            assertContains(errors, "missing-cert.pem");
            assertContains(errors, "missing-table");
        }
    }

    @Test
    void textOutputListsErrorsAndTheVerdict() throws Exception {
        Path config = Files.writeString(directory.resolve("bad.properties"), "smtpd.port = twenty-five\n");

        CliRun run = CliRun.run("config", "check", "--config", config.toString());

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        assertTrue(run.out().contains("error: ") && run.out().contains("twenty-five"), run.out());
        assertTrue(run.out().contains("configuration invalid"), run.out());
    }

    private static void assertContains(List<String> errors, String text) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(text)), text + " not in\n" + String.join("\n", errors));
    }
}
