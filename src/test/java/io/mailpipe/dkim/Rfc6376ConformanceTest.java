package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6376 Appendix A.2 signed with the Appendix C key (simple/simple, i= in a subdomain, Received signed). */
class Rfc6376ConformanceTest {

    private static final String DIR = "rfc6376-appendix/";

    @Test
    void appendixA2Passes() {
        assertEquals(List.of(DkimStatus.PASS), Messages.verify(TestResources.zone(DIR + "dns-records.txt"),
                TestResources.bytes(DIR + "a2-signed-message.eml")));
    }

    @Test
    void twoSpaceBodyFailsOnBodyHash() {
        DkimVerification v = new DkimVerifier(TestResources.zone(DIR + "dns-records.txt"))
                .verify(TestResources.bytes(DIR + "a2-signed-message-two-spaces.eml")).toCompletableFuture().join();
        assertEquals(DkimStatus.FAIL, v.results().get(0).status());
        assertEquals("body hash mismatch", v.results().get(0).reason());
    }

    @Test
    void appendixCKeySignsA1AndVerifies() throws Exception {
        byte[] message = TestResources.bytes(DIR + "a1-message.eml");
        SignatureSpec spec = SignatureSpec.of("example.com", "brisbane", TestResources.key(DIR
                + "appendix-c-private.pem")).withCanonicalization(Canonicalization.SIMPLE, Canonicalization.SIMPLE)
                .withIdentity("joe@football.example.com");
        byte[] signed = Messages.prepend(new DkimSigner().sign(message, List.of(spec)), message);
        assertEquals(List.of(DkimStatus.PASS), Messages.verify(TestResources.zone(DIR + "dns-records.txt"), signed));
    }
}
