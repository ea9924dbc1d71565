package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import io.mailpipe.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check over every source of configuration: each problem names the key, the file, variable or -D it
 * came from, and the closest known key; correct settings from every source pass.
 */
class ConfigurationValidatorTest {

    @TempDir
    Path directory;

    private Path config(String text) throws Exception {
        Path file = Files.createTempFile(directory, "config", ".properties");
        Files.writeString(file, text);
        return file;
    }

    private static ConfigurationProblem only(List<ConfigurationProblem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void theShippedConfigurationAndAnEnvironmentOfKnownVariablesPass() {
        List<ConfigurationProblem> problems = new Sources().environment(Map.of("SMTPD_PORT", "2526",
                "MAILPIPE_ROUTES", "file:routes/*.camel.yaml", "PATH", "/usr/bin", "CAMEL_MAIN_SHUTDOWN_TIMEOUT", "5",
                "MAILPIPE_SMTP_SERVICE_HOST", "10.0.0.1", "MAILPIPE_SMTP_PORT_25_TCP_ADDR", "10.0.0.1",
                "MAILPIPE_SMTP_PORT", "tcp://10.0.0.1:25", "SPF_SERVICE_PORT_DNS", "53")).validate();

        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspeltPortVariableIsNotMistakenForAServiceLink() {
        List<ConfigurationProblem> problems = new Sources().environment(Map.of("MAILPIPE_MX_PROT", "2525",
                "MAILPIPE_SUBMISION_PORT", "587")).validate();

        assertEquals(List.of("environment variable MAILPIPE_MX_PROT: not a mailpipe setting (did you mean"
                + " MAILPIPE_MX_PORT, for mailpipe.mx.port?)", "environment variable MAILPIPE_SUBMISION_PORT: not a"
                + " mailpipe setting (did you mean MAILPIPE_SUBMISSION_PORT, for mailpipe.submission.port?)"), problems.stream().map(ConfigurationProblem::describe).toList());
    }

    @Test
    void aMisspeltKeyInAConfigFileIsNamedWithTheFileAndTheClosestKey() throws Exception {
        Path file = config("smtpd.max-recipient = 10\n");

        ConfigurationProblem problem = only(new Sources().config(file).validate());

        assertEquals("smtpd.max-recipient", problem.key());
        assertEquals("smtpd.max-recipient (--config " + file + "): unknown key (did you mean smtpd.max-recipients?)",
                problem.describe());
    }

    @Test
    void misspeltSystemPropertiesAndEnvironmentVariablesAreNamed() {
        List<ConfigurationProblem> problems = new Sources().system("spf.temperor", "defer")
                .environment(Map.of("SMTPD_MAX_RECIPIENT", "5")).validate();

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("spf.temperor (-Dspf.temperor): unknown key (did you mean spf.temperror?)",
                problems.get(0).describe());
        assertEquals("environment variable SMTPD_MAX_RECIPIENT: not a mailpipe setting (did you mean"
                + " SMTPD_MAX_RECIPIENTS, for smtpd.max-recipients?)", problems.get(1).describe());
    }

    @Test
    void camelMainAndComponentKeysAreCheckedAgainstCamelsMetadata() throws Exception {
        Path file = config("camel.main.shutdown-timout = 5\ncamel.component.smtpd.bridge-eror-handler = true\n"
                + "camel.component.kafka.brokers = 127.0.0.1:9092\ncamel.health.enabled = true\n"
                + "camel.component.nosuch.option = 1\n");

        List<ConfigurationProblem> problems = new Sources().config(file).validate();

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).describe().startsWith("camel.component.nosuch.option (--config " + file
                + "): no Camel component 'nosuch'"), problems.get(0).describe());
        assertEquals("camel.component.smtpd.bridge-eror-handler (--config " + file + "): unknown option of the smtpd"
                + " component (did you mean camel.component.smtpd.bridge-error-handler?)", problems.get(1).describe());
        assertEquals("camel.main.shutdown-timout (--config " + file + "): unknown camel-main option (did you mean"
                + " camel.main.shutdown-timeout?)", problems.get(2).describe());
    }

    @Test
    void theValueInForceIsCheckedAndItsSourceNamed() throws Exception {
        Path file = config("smtpd.port = 2526\nsmtpd.trusted-networks = 10.0.0.0/8\n");

        List<ConfigurationProblem> problems = new Sources().config(file)
                .environment(Map.of("SMTPD_PORT", "tcp://10.0.0.7:25")).system("smtpd.trusted-networks", "10/8")
                .validate();

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("smtpd.port (environment variable SMTPD_PORT): \"tcp://10.0.0.7:25\" is not a port number"
                + " (1-65535) (a Kubernetes service link variable: set enableServiceLinks: false in the pod spec)",
                problems.get(0).describe());
        assertTrue(problems.get(1).describe().startsWith("smtpd.trusted-networks (-Dsmtpd.trusted-networks): "
                + "\"10/8\" is not a list of CIDR blocks"), problems.get(1).describe());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path file = config("smtpd.port = 99999\nsmtpd.host = no-such-host.invalid\nmailpipe.queue.max-lifetime = 5 days\n"
                + "mailpipe.dns-servers = 127.0.0.1:x\nmailpipe.mx.overrides = example.org\nspf.policy = strict\n"
                + "smtpd.local-domains = exa mple.org\n");

        List<ConfigurationProblem> problems = new Sources().config(file).validate();

        assertEquals(List.of("mailpipe.dns-servers", "mailpipe.mx.overrides", "mailpipe.queue.max-lifetime",
                "smtpd.host", "smtpd.local-domains", "smtpd.port", "spf.policy"),
                problems.stream().map(ConfigurationProblem::key).sorted().toList());
        problems.forEach(p -> assertEquals("--config " + file, p.origin().description()));
    }

    @Test
    void anUnreadableConfigFileAndAnUnknownProfileAreProblems() {
        Path absent = directory.resolve("absent.properties");

        List<ConfigurationProblem> problems = new Sources().config(absent).profile("staging").validate();

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).describe().startsWith("cannot read configuration file " + absent),
                problems.get(0).describe());
        assertTrue(problems.get(1).describe().startsWith("camel.main.profile (--profile): unknown profile \"staging\""),
                problems.get(1).describe());
    }

    @Test
    void tlsFilesAreReadParsedAndMatched() throws Exception {
        try (TestTls first = new TestTls("mail.test"); TestTls second = new TestTls("other.test")) {
            Path notPem = Files.writeString(directory.resolve("cert.txt"), "hello\n");
            assertEquals(List.of(), tls(first.certificate, first.key));
            assertEquals(List.of("smtpd.tls-certificate-file: " + directory.resolve("missing.pem") + " does not exist"),
                    tls(directory.resolve("missing.pem"), first.key));
            assertEquals(List.of("smtpd.tls-certificate-file: " + notPem + " is not a PEM certificate (no -----BEGIN"
                    + " CERTIFICATE----- block)"), tls(notPem, first.key));
            assertEquals(List.of("smtpd.tls-key-file: " + first.certificate + " is not a PEM private key (no -----BEGIN"
                    + " PRIVATE KEY----- block)"), tls(first.certificate, first.certificate));
            List<String> mismatch = tls(first.certificate, second.key);
            assertEquals(1, mismatch.size());
            assertTrue(mismatch.get(0).startsWith("smtpd.tls-key-file: " + second.key + " does not match the"
                    + " certificate CN=mail.test"), mismatch.get(0));
            assertEquals(List.of("smtpd.tls-certificate-file: is set, so smtpd.tls-key-file must name its private key"),
                    tls(first.certificate, null));
        }
    }

    private List<String> tls(Path certificate, Path key) throws Exception {
        Path file = config("smtpd.tls-certificate-file = " + certificate + "\nsmtpd.tls-key-file = "
                + (key == null ? "" : key) + "\n");
        return new Sources().config(file).validate().stream().map(p -> p.key() + ": " + p.message()).toList();
    }

    @Test
    void passwordFilesAndKeyTablesAreReadAsTheComponentsReadThem() throws Exception {
        Path passwords = Files.writeString(directory.resolve("passwords"), "alice:plaintext\n");
        Path table = Files.writeString(directory.resolve("key-table"), "example.org s1 " + directory.resolve("nokey")
                + "\n");
        Path file = config("smtpd.password-file = " + passwords + "\nmailpipe.dkim.key-table = " + table + "\n");

        List<ConfigurationProblem> problems = new Sources().config(file).validate();

        assertEquals(List.of("mailpipe.dkim.key-table", "smtpd.password-file"),
                problems.stream().map(ConfigurationProblem::key).toList());
        assertTrue(problems.get(0).message().contains(table.toString()), problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith(passwords.toString()), problems.get(1).message());
    }

    @Test
    void theShapingFileIsCheckedWhenShapingIsOn() throws Exception {
        Path limits = Files.writeString(directory.resolve("limits.yaml"),
                "sites:\n  big: {mx: [\"*.big.example\"], max-connections: -1}\n");
        Path on = config("mailpipe.shaping.enabled = true\nmailpipe.shaping.file = " + limits + "\n");
        Path off = config("mailpipe.shaping.enabled = false\nmailpipe.shaping.file = " + limits + "\n");

        ConfigurationProblem problem = only(new Sources().config(on).validate());

        assertEquals("mailpipe.shaping.file", problem.key());
        assertTrue(problem.message().startsWith(limits + ": sites.big.max-connections: must be a whole number"),
                problem.message());
        assertEquals(List.of(), new Sources().config(off).validate());
    }

    @Test
    void goodPasswordFilesAndKeyTablesPass() throws Exception {
        Path passwords = Files.writeString(directory.resolve("passwords"),
                "alice:" + PasswordFileAuthenticator.hash("secret".toCharArray(), 1000) + "\n");
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Path key = Files.writeString(directory.resolve("s1.private"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
        Path table = Files.writeString(directory.resolve("key-table"), "example.org s1 " + key + "\n");
        Path file = config("smtpd.password-file = " + passwords + "\nmailpipe.dkim.key-table = " + table + "\n");

        assertEquals(List.of(), new Sources().config(file).validate());
    }

    @Test
    void requiredTlsFilesMustBeSetUnlessTheirListenerIsOff() throws Exception {
        Path file = config("mailpipe.require-tls-files = true\n");

        List<ConfigurationProblem> problems = new Sources().config(file).validate();

        assertEquals(List.of("smtpd.tls-certificate-file", "smtpd.tls-key-file"),
                problems.stream().map(ConfigurationProblem::key).toList());
        assertTrue(problems.get(0).describe().contains("is empty, but mailpipe.require-tls-files is true"));
    }
}
