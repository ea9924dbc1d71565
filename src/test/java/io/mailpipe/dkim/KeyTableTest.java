package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key table loading, key formats, start-up errors and key rotation (RFC 8301 key sizes, RFC 8463 keys). */
class KeyTableTest {

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    private KeyTable table(String content) throws Exception {
        return KeyTable.load(TestKeys.write(dir, "keytable", content), Duration.ofSeconds(30), nanos::get);
    }

    @Test
    void loadsAllKeyFormatsAndChoosesByDomainOrParent() throws Exception {
        Files.write(dir.resolve("rsa1.pem"), TestResources.bytes("rfc8463-appendix-a/rsa-private.pem"));
        Files.write(dir.resolve("ed.seed"), TestResources.bytes("rfc8463-appendix-a/ed25519-private-seed.b64"));
        Files.write(dir.resolve("rsa8.pem"), TestResources.bytes("dkimpy-1.1.4/2048_testkey_PKCS8.key"));
        Files.write(dir.resolve("ed8.pem"), TestResources.bytes("rfc8463-appendix-a/ed25519-private-pkcs8.pem"));
        KeyTable table = table("# comment\nexample.com rsa1 rsa1.pem\nexample.com ed ed.seed  # trailing\n"
                + "other.org r8 rsa8.pem\nother.org e8 ed8.pem\n");
        List<KeyTable.Entry> entries = table.entriesFor("mail.Example.COM");
        assertEquals(List.of("rsa1", "ed"), entries.stream().map(KeyTable.Entry::selector).toList());
        assertEquals(DkimAlgorithm.RSA_SHA256, entries.get(0).key().current().algorithm());
        assertEquals(1024, entries.get(0).key().current().bits());
        assertEquals(DkimAlgorithm.ED25519_SHA256, entries.get(1).key().current().algorithm());
        assertEquals(2048, table.entriesFor("other.org").get(0).key().current().bits());
        assertEquals(DkimAlgorithm.ED25519_SHA256, table.entriesFor("other.org").get(1).key().current().algorithm());
        assertTrue(table.entriesFor("example.net").isEmpty());
    }

    @Test
    void keyTableSigningPicksTheFromDomainAndEnabledAlgorithms() throws Exception {
        Files.write(dir.resolve("rsa1.pem"), TestResources.bytes("rfc8463-appendix-a/rsa-private.pem"));
        Files.write(dir.resolve("ed.seed"), TestResources.bytes("rfc8463-appendix-a/ed25519-private-seed.b64"));
        KeyTable table = table("football.example.com test rsa1.pem\nfootball.example.com brisbane ed.seed\n");
        KeyTableSigning signing = new KeyTableSigning(table, EnumSet.of(DkimAlgorithm.ED25519_SHA256),
                Canonicalization.RELAXED, Canonicalization.RELAXED, HeaderPolicy.defaults(), true, null, false);
        byte[] message = TestResources.bytes("rfc8463-appendix-a/unsigned-message.eml");
        List<String> fields = new DkimSigner().sign(new java.io.ByteArrayInputStream(message),
                headers -> signing.specsFor(headers, null));
        assertEquals(1, fields.size());
        assertTrue(fields.get(0).contains("s=brisbane;"));
        assertEquals(List.of(DkimStatus.PASS), Messages.verify(TestResources.zone(
                "rfc8463-appendix-a/dns-records.txt"), Messages.prepend(fields, message)));
    }

    @Test
    void rotatedKeyFileIsPickedUpAfterTheIntervalEvenWithTheSameSizeAndTime() throws Exception {
        Path key = TestKeys.write(dir, "k.pem", TestKeys.pkcs8Pem(TestKeys.ed25519()));
        KeyTable table = table("example.com s k.pem\n");
        ReloadingKey reloading = table.entries().get(0).key();
        SigningKey before = reloading.current();
        FileTime written = Files.getLastModifiedTime(key);
        Files.writeString(key, TestKeys.pkcs8Pem(TestKeys.ed25519()));
        Files.setLastModifiedTime(key, written);
        assertSame(before, reloading.current(), "checked again only after the interval");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        SigningKey after = reloading.current();
        assertNotSame(before, after);
        assertEquals(DkimAlgorithm.ED25519_SHA256, after.algorithm());
    }

    @Test
    void brokenRotationKeepsThePreviousKeyAndReportsIt() throws Exception {
        Path key = TestKeys.write(dir, "k.pem", TestKeys.pkcs8Pem(TestKeys.ed25519()));
        ReloadingKey reloading = table("example.com s k.pem\n").entries().get(0).key();
        SigningKey before = reloading.current();
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertSame(before, reloading.current());
        assertNotNull(reloading.lastError());
        assertTrue(reloading.lastError().contains("k.pem"));
    }

    @Test
    void startUpFailsNamingTheFileForUnreadableOrSmallKeys() throws Exception {
        DkimKeyException missing = assertThrows(DkimKeyException.class, () -> table("example.com s absent.pem\n"));
        assertTrue(missing.getMessage().contains("absent.pem"), missing.getMessage());
        TestKeys.write(dir, "small.pem", TestKeys.pkcs8Pem(TestKeys.rsa(768)));
        DkimKeyException small = assertThrows(DkimKeyException.class, () -> table("example.com s small.pem\n"));
        assertTrue(small.getMessage().contains("small.pem") && small.getMessage().contains("768 bits"),
                small.getMessage());
        DkimKeyException syntax = assertThrows(DkimKeyException.class, () -> table("example.com only-two\n"));
        assertTrue(syntax.getMessage().contains("line 1"), syntax.getMessage());
    }

    @Test
    void pkcs1AndPkcs8OfTheSameRsaKeyAreEqual() throws Exception {
        SigningKey pkcs1 = TestResources.key("rfc8463-appendix-a/rsa-private.pem");
        SigningKey pkcs8 = TestResources.key("rfc8463-appendix-a/rsa-private-pkcs8.pem");
        assertEquals(pkcs1.privateKey(), pkcs8.privateKey());
    }
}
