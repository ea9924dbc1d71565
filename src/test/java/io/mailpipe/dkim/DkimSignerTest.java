package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signer options: h= policy and over-signing (RFC 6376 §5.4, §8.15), t=, x=, l=, i=, several signatures, folding. */
class DkimSignerTest {

    private static final String MESSAGE = "Received: by mx\r\nFrom: A <a@example.com>\r\nTo: b@example.org\r\n"
            + "Subject: hi\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nX-Other: 1\r\n\r\nbody\r\n";
    private static KeyPair rsa;
    private static KeyPair ed;

    @BeforeAll
    static void keys() throws Exception {
        rsa = TestKeys.rsa(2048);
        ed = TestKeys.ed25519();
    }

    private static InMemoryKeyLookup zone() {
        return new InMemoryKeyLookup().put("r", "example.com", TestKeys.record(rsa))
                .put("e", "example.com", TestKeys.record(ed));
    }

    private static DkimSignature parse(String field) throws DkimSyntaxException {
        return DkimSignature.parse(field.substring(field.indexOf(':') + 1));
    }

    @Test
    void defaultPolicyOverSignsAndSkipsUnlistedFields() throws Exception {
        List<String> fields = new DkimSigner(Messages.FIXED, 1 << 16).sign(Messages.bytes(MESSAGE),
                List.of(SignatureSpec.of("example.com", "r", TestKeys.signingKey(rsa))));
        DkimSignature sig = parse(fields.get(0));
        assertEquals(List.of("from", "from", "subject", "subject", "date", "date", "to", "to", "cc", "message-id",
                "reply-to"), sortedLike(sig.signedHeaders()));
        assertEquals(1_700_000_000L, sig.timestamp());
        assertEquals(-1, sig.bodyLength());
        assertEquals("@example.com", sig.identity());
        assertFalse(fields.get(0).contains(" i="));
    }

    private static List<String> sortedLike(List<String> names) {
        List<String> order = List.of("from", "subject", "date", "to", "cc", "message-id", "reply-to");
        return names.stream().sorted((a, b) -> order.indexOf(a) - order.indexOf(b)).toList();
    }

    @Test
    void addedFromFieldBreaksAnOverSignedSignature() throws Exception {
        byte[] message = Messages.bytes(MESSAGE);
        List<String> fields = new DkimSigner().sign(message, List.of(
                SignatureSpec.of("example.com", "r", TestKeys.signingKey(rsa))));
        byte[] signed = Messages.prepend(fields, message);
        assertEquals(List.of(DkimStatus.PASS), Messages.verify(zone(), signed));
        byte[] tampered = Messages.prepend(fields, Messages.bytes("From: evil@example.net\r\n" + MESSAGE));
        assertEquals(List.of(DkimStatus.FAIL), Messages.verify(zone(), tampered));
    }

    @Test
    void rsaAndEd25519SideBySideWithTimestampsExpiryAndLength() throws Exception {
        byte[] message = Messages.bytes(MESSAGE);
        List<String> fields = new DkimSigner().sign(message, List.of(
                SignatureSpec.of("example.com", "r", TestKeys.signingKey(rsa))
                        .withTimestamp(true, Duration.ofDays(7)).withBodyLength(true),
                SignatureSpec.of("example.com", "e", TestKeys.signingKey(ed)).withIdentity("user@sub.example.com")
                        .withCanonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)));
        DkimSignature first = parse(fields.get(0));
        assertEquals(first.timestamp() + 7 * 86400, first.expiry());
        assertEquals(6, first.bodyLength());
        assertEquals("user@sub.example.com", parse(fields.get(1)).identity());
        DkimVerification v = new DkimVerifier(zone()).verify(Messages.prepend(fields, message))
                .toCompletableFuture().join();
        assertEquals(List.of(DkimStatus.PASS, DkimStatus.PASS), v.results().stream().map(DkimResult::status).toList());
        assertTrue(v.results().get(0).bodyLengthLimited());
        assertFalse(v.results().get(1).bodyLengthLimited());
    }

    @Test
    void appendedBodyTextPassesOnlyBecauseOfLengthAndIsFlagged() throws Exception {
        byte[] message = Messages.bytes(MESSAGE);
        List<String> fields = new DkimSigner().sign(message, List.of(
                SignatureSpec.of("example.com", "e", TestKeys.signingKey(ed)).withBodyLength(true)));
        byte[] appended = Messages.prepend(fields, Messages.bytes(MESSAGE + "appended\r\n"));
        DkimResult result = new DkimVerifier(zone()).verify(appended).toCompletableFuture().join().results().get(0);
        assertEquals(DkimStatus.PASS, result.status());
        assertTrue(result.bodyLengthLimited());
        assertTrue(result.reason().contains("6 of 16"), result.reason());
    }

    @Test
    void customHeaderListWithoutOverSigning() throws Exception {
        List<String> fields = new DkimSigner().sign(Messages.bytes(MESSAGE), List.of(
                SignatureSpec.of("example.com", "e", TestKeys.signingKey(ed))
                        .withHeaders(HeaderPolicy.of(List.of("From", "X-Other", "Received", "X-Missing"), Set.of()))
                        .withTimestamp(false, null)));
        DkimSignature sig = parse(fields.get(0));
        assertEquals(List.of("from", "x-other", "received"), sig.signedHeaders());
        assertEquals(-1, sig.timestamp());
    }

    @Test
    void foldedFieldLinesStayWithin78Characters() throws Exception {
        List<String> fields = new DkimSigner().sign(Messages.bytes(MESSAGE), List.of(
                SignatureSpec.of("example.com", "r", TestKeys.signingKey(rsa))));
        for (String line : fields.get(0).split("\r\n")) {
            assertTrue(line.length() <= 78, line);
        }
        assertTrue(fields.get(0).endsWith("\r\n"));
    }
}
