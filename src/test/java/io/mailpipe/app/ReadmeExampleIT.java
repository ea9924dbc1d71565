package io.mailpipe.app;

import io.mailpipe.dns.UnboundServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example of README.md ("Routes: the shipped pipelines and adding a step in YAML") does what the README
 * says: its YAML block, pasted into a copy of routes/inbound.camel.yaml where the README says, refuses a flagged
 * message with the chosen reply and archives every accepted one. The block is read from README.md, so the example
 * cannot drift from what is tested.
 */
class ReadmeExampleIT {

    private static final String MARKER = "<!-- readme-example: inbound-steps";
    private static final String INSERT_AFTER = "# Your own steps go here";

    @TempDir
    Path data;
    private UnboundServer dns;
    private ShippedPipeline mailpipe;

    @AfterEach
    void stop() throws Exception {
        if (mailpipe != null) {
            mailpipe.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void theExampleRefusesFlaggedMailAndArchivesTheRest() throws Exception {
        Path routes = copyRoutesWithExample(data.resolve("routes"));
        Path archive = data.resolve("archive");
        dns = UnboundServer.startEmpty();
        mailpipe = ShippedPipeline.start(data, dns.hostAndPort(), Map.of(
                "mailpipe.routes",
                "file:" + routes + "/*.camel.yaml,file:" + routes + "/{{mailpipe.queue}}/*.camel.yaml",
                "mailpipe.archive.directory", archive.toString()));
        int port = mailpipe.port("inbound");

        String flagged = Swaks.send(port, "--from", "a@sender.test", "--to", "postmaster@localhost",
                "--header", "X-Spam-Flag: YES", "--header", "Subject: cheap pills");
        String clean = Swaks.send(port, "--from", "a@sender.test", "--to", "postmaster@localhost",
                "--header", "Subject: minutes of the meeting");

        assertTrue(flagged.contains("<** 550 5.7.1 message refused as spam"), flagged);
        assertTrue(Swaks.queued(clean), clean);
        Matcher queued = Pattern.compile("queued as (\\S+)").matcher(clean);
        assertTrue(queued.find(), clean);
        assertEquals(List.of(queued.group(1) + ".eml"), names(archive));
        String archived = Files.readString(archive.resolve(queued.group(1) + ".eml"), StandardCharsets.UTF_8);
        assertTrue(archived.contains("\r\nSubject: minutes of the meeting\r\n"), archived);
        assertTrue(archived.startsWith("Authentication-Results: "), "archived after the checks: " + archived);
        mailpipe.awaitEvents("\"event\":\"delivered\"", 1);
        assertEquals(2, mailpipe.outboxFiles().size(), "only the accepted message is delivered");
    }

    /** A copy of the shipped routes/ with the README's block inserted into inbound.camel.yaml. */
    private static Path copyRoutesWithExample(Path target) throws IOException {
        Path shipped = Path.of("routes");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
        Path inbound = target.resolve("inbound.camel.yaml");
        List<String> lines = new ArrayList<>(Files.readAllLines(inbound, StandardCharsets.UTF_8));
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(INSERT_AFTER)) {
                at = i + 1;
            }
        }
        assertTrue(at > 0, "routes/inbound.camel.yaml lost the line the README points to: " + INSERT_AFTER);
        lines.addAll(at, readmeExample());
        Files.write(inbound, lines, StandardCharsets.UTF_8);
        return target;
    }

    private static List<String> readmeExample() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = -1;
        for (int i = 0; i < readme.size() && marker < 0; i++) {
            if (readme.get(i).startsWith(MARKER)) {
                marker = i;
            }
        }
        assertTrue(marker >= 0 && readme.get(marker + 1).equals("```yaml"), "README.md lost the example block");
        List<String> block = new ArrayList<>();
        for (int i = marker + 2; !readme.get(i).equals("```"); i++) {
            block.add(readme.get(i));
        }
        return block;
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
