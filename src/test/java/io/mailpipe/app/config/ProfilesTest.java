package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.testing.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped profiles: without one application.properties alone applies (the quick start); dev and prod load on
 * top of it and pass the start-up check given what they need; prod names both TLS options until they are set.
 */
class ProfilesTest {

    @TempDir
    Path directory;

    @Test
    void theJarShipsADevAndAProdProfile() {
        assertEquals(List.of("dev", "prod"), List.copyOf(ShippedConfiguration.load().profiles().keySet()));
    }

    @Test
    void withoutAProfileTheQuickStartSettingsApply() {
        ConfigurationSources sources = new Sources().read();

        assertEquals(null, sources.profile());
        assertEquals("127.0.0.1", sources.value("smtpd.host").orElseThrow());
        assertEquals("2525", sources.value("smtpd.port").orElseThrow());
        assertEquals("false", sources.value("smtpd.auth-allow-plaintext").orElseThrow());
    }

    @Test
    void devListensOnLoopbackAllowsPlaintextAuthAndNeedsNoFiles() {
        ConfigurationSources sources = new Sources().profile("dev").read();

        assertEquals("127.0.0.1", sources.value("smtpd.host").orElseThrow());
        assertEquals("true", sources.value("smtpd.auth-allow-plaintext").orElseThrow());
        assertEquals("application-dev.properties (in the jar)",
                sources.effective("smtpd.auth-allow-plaintext").orElseThrow().origin().description());
        assertEquals(List.of(), ConfigurationValidator.shipped().validate(sources));
    }

    @Test
    void prodFailsNamingBothTlsOptionsUntilTheyAreSet() {
        List<ConfigurationProblem> problems = new Sources().profile("prod").validate();

        assertEquals(List.of("smtpd.tls-certificate-file", "smtpd.tls-key-file"),
                problems.stream().map(ConfigurationProblem::key).toList());
    }

    @Test
    void prodListensEverywhereOnPort25WithStartTlsGivenACertificateAndKey() throws Exception {
        try (TestTls tls = new TestTls("mail.test")) {
            Path file = Files.writeString(directory.resolve("prod.properties"), "smtpd.tls-certificate-file = "
                    + tls.certificate + "\nsmtpd.tls-key-file = " + tls.key + "\n");
            ConfigurationSources sources = new Sources().config(file).profile("prod").read();

            assertEquals(List.of(), ConfigurationValidator.shipped().validate(sources));
            assertEquals("0.0.0.0", sources.value("smtpd.host").orElseThrow());
            assertEquals("25", sources.value("smtpd.port").orElseThrow());
            assertEquals("false", sources.value("smtpd.auth-allow-plaintext").orElseThrow());
            assertEquals("defer", sources.value("spf.temperror").orElseThrow());
        }
    }

    @Test
    void theProfileCanComeFromTheEnvironmentOrAConfigFile() throws Exception {
        assertEquals("prod", new Sources().environment(Map.of("CAMEL_MAIN_PROFILE", "prod")).read().profile());
        Path file = Files.writeString(directory.resolve("p.properties"), "camel.main.profile = dev\n");
        ConfigurationSources sources = new Sources().config(file).read();
        assertEquals("dev", sources.profile());
        assertEquals("true", sources.value("smtpd.auth-allow-plaintext").orElseThrow());
    }

    @Test
    void aProfileOptionContradictingTheEnvironmentIsAProblem() {
        List<ConfigurationProblem> problems = new Sources().profile("prod")
                .environment(Map.of("CAMEL_MAIN_PROFILE", "dev")).validate();

        assertEquals(1, problems.stream().filter(p -> p.describe().equals("camel.main.profile (--profile): --profile prod"
                + " conflicts with CAMEL_MAIN_PROFILE=dev, which camel-main would use")).count(), problems.toString());
    }

    @Test
    void profileFilesOnlySetKeysApplicationPropertiesDefines() {
        ShippedConfiguration shipped = ShippedConfiguration.load();
        shipped.profiles().forEach((name, keys) -> keys.forEach(key ->
                assertTrue(shipped.baseKey(key.key()).isPresent(), name + " sets " + key.key()
                        + ", which application.properties does not define")));
    }
}
