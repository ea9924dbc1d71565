package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dkimpy 1.1.4 test data with the outcomes listed in the vendored SOURCES.md (section 3). */
class DkimpyConformanceTest {

    private static final String DIR = "dkimpy-1.1.4/";
    private static final List<DkimStatus> PASS = List.of(DkimStatus.PASS);

    private static byte[] message(String name) {
        return Messages.crlf(TestResources.bytes(DIR + name));
    }

    private static String record(String name) {
        return TestResources.text(DIR + name).strip();
    }

    private static List<DkimStatus> signAndVerify(String messageName, String keyName, String selector,
                                                  String domain, String record, Canonicalization header,
                                                  Canonicalization body) throws Exception {
        byte[] message = message(messageName);
        SignatureSpec spec = SignatureSpec.of(domain, selector, TestResources.key(DIR + keyName))
                .withCanonicalization(header, body);
        byte[] signed = Messages.prepend(new DkimSigner().sign(message, List.of(spec)), message);
        return Messages.verify(new InMemoryKeyLookup().put(selector, domain, record), signed);
    }

    @ParameterizedTest
    @CsvSource({"SIMPLE,SIMPLE", "SIMPLE,RELAXED", "RELAXED,SIMPLE", "RELAXED,RELAXED"})
    void testMessagePassesUnderEveryCanonicalization(Canonicalization header, Canonicalization body)
            throws Exception {
        assertEquals(PASS, signAndVerify("test.message", "test.private", "test", "example.com",
                record("test.txt"), header, body));
        assertEquals(PASS, signAndVerify("test.message", "test2.private", "test2", "example.com",
                record("test2.txt"), header, body));
    }

    @ParameterizedTest
    @CsvSource({"badversion.txt", "badk.txt", "test_bad.txt", "test_tlsrpt.txt"})
    void badKeyRecordsArePermerrors(String recordFile) throws Exception {
        assertEquals(List.of(DkimStatus.PERMERROR), signAndVerify("test.message", "test.private", "test",
                "example.com", record(recordFile), Canonicalization.RELAXED, Canonicalization.RELAXED));
    }

    @Test
    void testBadRecordIsRejectedAsUnparsable() {
        DkimSyntaxException e = assertThrows(DkimSyntaxException.class,
                () -> DkimKeyRecord.parse(record("test_bad.txt")));
        assertEquals(DkimSyntaxException.Problem.BAD_KEY, e.problem());
    }

    @Test
    void rfc6376SignedMessagesFromDkimpyPass() {
        InMemoryKeyLookup zone = TestResources.zone(DIR + "EXTRA-DNS.txt")
                .put("test", "football.example.com", record("test.txt"));
        assertEquals(List.of(DkimStatus.PASS, DkimStatus.PASS), Messages.verify(zone, message("rfc6376.signed.msg")));
        assertEquals(PASS, Messages.verify(zone, message("rfc6376.signed.rsa.msg")));
    }

    @Test
    void eximEd25519SignatureAndGmailSignaturePass() {
        InMemoryKeyLookup zone = TestResources.zone(DIR + "EXTRA-DNS.txt")
                .put("sed", "test.ex", record("eximtest.dns"));
        assertEquals(PASS, Messages.verify(zone, TestResources.bytes(DIR + "ed25519test2.msg")));
        assertEquals(PASS, Messages.verify(zone, message("test2.message")));
    }

    @Test
    void ed25519KeyPairSignsAndVerifies() throws Exception {
        assertEquals(PASS, signAndVerify("ed25519test.msg", "ed25519test.key", "test", "example.net",
                record("ed25519test.dns"), Canonicalization.RELAXED, Canonicalization.SIMPLE));
        assertEquals(PASS, signAndVerify("rfc6376.msg", "rfc8032_7_1.key", "brisbane", "football.example.com",
                "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", Canonicalization.SIMPLE,
                Canonicalization.SIMPLE));
    }

    @Test
    void windows1258BodyDoesNotCrash() throws Exception {
        assertEquals(PASS, signAndVerify("rfc6376.w1258.msg", "test.private", "test", "football.example.com",
                record("test.txt"), Canonicalization.RELAXED, Canonicalization.RELAXED));
    }

    @Test
    void invalidDomainSyntaxIsPermerror() {
        DkimVerification v = new DkimVerifier(new InMemoryKeyLookup()).verify(message("test.message.baddomain"))
                .toCompletableFuture().join();
        assertEquals(DkimStatus.PERMERROR, v.results().get(0).status());
        assertTrue(v.results().get(0).reason().startsWith("BAD_DOMAIN"), v.results().get(0).reason());
    }

    @Test
    void messageWithoutFromIsNotSigned() throws Exception {
        SignatureSpec spec = SignatureSpec.of("example.com", "test", TestResources.key(DIR + "test.private"));
        DkimSigningException e = assertThrows(DkimSigningException.class,
                () -> new DkimSigner().sign(message("test_nofrom.message"), List.of(spec)));
        assertTrue(e.getMessage().contains("no From"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"message.mbox", "test_extra.message"})
    void extraAndRepeatedHeadersSignAndVerify(String name) throws Exception {
        // message.mbox already carries a signature from a domain whose key is not served here: ours is the first
        assertEquals(DkimStatus.PASS, signAndVerify(name, "test.private", "test", "example.com", record("test.txt"),
                Canonicalization.SIMPLE, Canonicalization.SIMPLE).get(0));
    }

    @ParameterizedTest
    @CsvSource({
        "1024_testkey.key, 1024_testkey_wo_markers.pub.txt",
        "1024_testkey.key, 1024_testkey_wo_markers.pub.rsa.txt",
        "2048_testkey.key, 2048_testkey_wo_markers.pub.txt",
        "2048_testkey.key, 2048_testkey_wo_markers.pub.rsa.txt",
        "2048_testkey_PKCS8.key, 2048_testkey_PKCS8.key.pub.txt"})
    void keyFormatsInteroperate(String key, String publicRecord) throws Exception {
        assertEquals(PASS, signAndVerify("test.message", key, "k", "example.com", record(publicRecord),
                Canonicalization.RELAXED, Canonicalization.RELAXED));
    }
}
