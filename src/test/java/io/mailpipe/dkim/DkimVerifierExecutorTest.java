package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Signature checks leave the thread that delivered the key (a resolver I/O thread) for the given executor. */
class DkimVerifierExecutorTest {

    @Test
    void checksRunOnTheEvaluationExecutorNotOnTheLookupThread() throws Exception {
        KeyPair ed = TestKeys.ed25519();
        byte[] message = Messages.bytes("From: a@example.com\r\nSubject: s\r\n\r\nbody\r\n");
        byte[] signed = Messages.prepend(new DkimSigner().sign(message, List.of(
                SignatureSpec.of("example.com", "e", TestKeys.signingKey(ed)))), message);
        ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "resolver-io"));
        ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            InMemoryKeyLookup zone = new InMemoryKeyLookup().put("e", "example.com", TestKeys.record(ed));
            DkimKeyLookup fromIoThread = (s, d) -> CompletableFuture.supplyAsync(
                    () -> zone.lookup(s, d).toCompletableFuture().join(), io);
            DkimVerifier verifier = new DkimVerifier(fromIoThread, VerifierSettings.defaults(), Clock.systemUTC(),
                    task -> workers.execute(() -> {
                        seen.add(Thread.currentThread().getName());
                        task.run();
                    }));
            DkimVerification v = verifier.verify(signed).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(DkimStatus.PASS, v.results().get(0).status());
            assertEquals(Set.of("worker"), seen);
        } finally {
            io.shutdownNow();
            workers.shutdownNow();
            assertTrue(io.awaitTermination(5, TimeUnit.SECONDS) && workers.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
