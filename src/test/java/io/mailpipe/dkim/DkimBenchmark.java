package io.mailpipe.dkim;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;
import java.util.Random;

/**
 * Single-thread (per core) throughput of DKIM signing and verification (RFC 6376, RFC 8463) for 4 KB and 1 MB
 * messages with rsa-2048 and ed25519, next to the raw JDK {@link Signature} rate over a 32-byte hash, which bounds
 * what DKIM can reach. Each figure is the best of eight interleaved rounds. Run by {@code bench/dkim-bench.sh}; argument: seconds per measured
 * operation (default 3).
 */
public final class DkimBenchmark {

    private interface Operation {
        void run() throws Exception;
    }

    private DkimBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] small = message(4 * 1024);
        byte[] large = message(1024 * 1024);
        System.out.printf("%-9s %-30s %12s%n", "key", "operation", "per second");
        for (String type : List.of("rsa-2048", "ed25519")) {
            KeyPair pair = type.startsWith("rsa") ? TestKeys.rsa(2048) : TestKeys.ed25519();
            SignatureSpec spec = SignatureSpec.of("example.com", "s", TestKeys.signingKey(pair));
            DkimSigner signer = new DkimSigner();
            DkimVerifier verifier = new DkimVerifier(new InMemoryKeyLookup().put("s", "example.com",
                    TestKeys.record(pair)));
            String jdk = type.startsWith("rsa") ? "SHA256withRSA" : "Ed25519";
            byte[] hash = new byte[32];
            Signature raw = Signature.getInstance(jdk);
            raw.initSign(pair.getPrivate());
            Signature rawVerify = Signature.getInstance(jdk);
            rawVerify.initVerify(pair.getPublic());
            raw.update(hash);
            byte[] rawSignature = raw.sign();
            double[] signing = interleaved(seconds, () -> {
                raw.update(hash);
                raw.sign();
            }, () -> signer.sign(small, List.of(spec)), () -> signer.sign(large, List.of(spec)));
            print(type, "raw JDK sign, 32-byte hash", signing[0]);
            print(type, "DKIM sign 4 KB", signing[1]);
            print(type, "DKIM sign 1 MB", signing[2]);
            System.out.printf("%-9s %-30s %11.1f%%%n", type, "DKIM 4 KB sign / raw sign", 100 * signing[1] / signing[0]);
            byte[] signedSmall = Messages.prepend(signer.sign(small, List.of(spec)), small);
            byte[] signedLarge = Messages.prepend(signer.sign(large, List.of(spec)), large);
            double[] verifying = interleaved(seconds, () -> {
                rawVerify.update(hash);
                rawVerify.verify(rawSignature);
            }, () -> check(verifier, signedSmall), () -> check(verifier, signedLarge));
            print(type, "raw JDK verify, 32-byte hash", verifying[0]);
            print(type, "DKIM verify 4 KB", verifying[1]);
            print(type, "DKIM verify 1 MB", verifying[2]);
        }
    }

    private static void print(String key, String name, double rate) {
        System.out.printf("%-9s %-30s %12.1f%n", key, name, rate);
    }

    /**
     * Measures the operations in alternating short rounds and keeps each one's best round, so that load from
     * other processes on a shared machine disturbs the comparison as little as possible.
     */
    private static double[] interleaved(double seconds, Operation... operations) throws Exception {
        int rounds = 8;
        double[] best = new double[operations.length];
        for (Operation operation : operations) {
            run(operation, seconds / rounds);
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < operations.length; i++) {
                best[i] = Math.max(best[i], run(operations[i], seconds / rounds));
            }
        }
        return best;
    }

    private static void check(DkimVerifier verifier, byte[] message) {
        DkimStatus status = verifier.verify(message).toCompletableFuture().join().results().get(0).status();
        if (status != DkimStatus.PASS) {
            throw new IllegalStateException("benchmark message did not verify: " + status);
        }
    }

    private static double run(Operation operation, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static byte[] message(int size) {
        StringBuilder text = new StringBuilder("From: Alice <alice@example.com>\r\nTo: bob@example.org\r\n"
                + "Subject: benchmark\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <b@example.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
        Random random = new Random(1);
        while (text.length() < size) {
            for (int i = 0; i < 72; i++) {
                text.append((char) ('a' + random.nextInt(26)));
                if (random.nextInt(7) == 0) {
                    text.append(' ');
                }
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
