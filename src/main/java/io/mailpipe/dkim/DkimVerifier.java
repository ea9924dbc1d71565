package io.mailpipe.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Verifies every DKIM-Signature field of a message up to a limit (RFC 6376 §6). Signatures are parsed first, key
 * lookups start before the body is read, the body streams once through one {@link BodyHasher} per distinct
 * (canonicalisation, l=) pair, and each signature then gets a typed {@link DkimResult}. Bad input of any kind
 * yields permerror/temperror results; only an I/O failure of the stream itself fails the returned stage.
 */
public final class DkimVerifier {

    private static final int CHUNK = 16 * 1024;

    private final DkimKeyLookup lookup;
    private final VerifierSettings settings;
    private final Clock clock;
    private final Executor evaluation;
    private final KeyRecordCache keyRecords = new KeyRecordCache();

    /**
     * @param evaluation where signature checks run once a key arrives; lookups may complete on a DNS I/O thread,
     *     which must not be held by cryptography, so production passes a worker pool
     */
    public DkimVerifier(DkimKeyLookup lookup, VerifierSettings settings, Clock clock, Executor evaluation) {
        this.lookup = lookup;
        this.settings = settings;
        this.clock = clock;
        this.evaluation = evaluation;
    }

    /** Checks run on the thread that completes the key lookup (fine for in-memory lookups and tests). */
    public DkimVerifier(DkimKeyLookup lookup, VerifierSettings settings, Clock clock) {
        this(lookup, settings, clock, Runnable::run);
    }

    public DkimVerifier(DkimKeyLookup lookup) {
        this(lookup, VerifierSettings.defaults(), Clock.systemUTC());
    }

    public CompletionStage<DkimVerification> verify(byte[] message) {
        return verify(new ByteArrayInputStream(message));
    }

    /** Reads the message to its end on the calling thread; completes when all key lookups have answered. */
    public CompletionStage<DkimVerification> verify(InputStream message) {
        try {
            return verifyStream(new MessageInput(message));
        } catch (HeaderTooLargeException e) {
            return CompletableFuture.completedFuture(new DkimVerification(List.of(
                    DkimResult.unparsed(0, DkimStatus.PERMERROR, e.getMessage()))));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletionStage<DkimVerification> verifyStream(InputStream in) throws IOException {
        HeaderSection headers = HeaderSection.read(in, settings.maxHeaderBytes());
        List<HeaderField> fields = headers.all("dkim-signature");
        List<CompletableFuture<DkimResult>> results = new ArrayList<>(fields.size());
        List<Pending> pending = new ArrayList<>();
        Map<String, CompletableFuture<KeyLookupResult>> lookups = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (i >= settings.maxSignatures()) {
                results.add(CompletableFuture.completedFuture(DkimResult.unparsed(i, DkimStatus.NEUTRAL,
                        "not evaluated: more than " + settings.maxSignatures() + " signatures")));
                continue;
            }
            CompletableFuture<DkimResult> slot = new CompletableFuture<>();
            results.add(slot);
            DkimResult early = precheck(i, fields.get(i), pending, slot, lookups);
            if (early != null) {
                slot.complete(early);
            }
        }
        Map<String, BodyHasher> hashers = new HashMap<>();
        for (Pending p : pending) {
            hashers.computeIfAbsent(p.bodyKey(), k -> new BodyHasher(p.signature.bodyCanonicalization(),
                    p.signature.bodyLength()));
        }
        streamBody(in, hashers);
        for (Pending p : pending) {
            complete(p, headers, hashers.get(p.bodyKey()));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> new DkimVerification(results.stream().map(CompletableFuture::join).toList()));
    }

    private DkimResult precheck(int index, HeaderField field, List<Pending> pending, CompletableFuture<DkimResult> slot,
                                Map<String, CompletableFuture<KeyLookupResult>> lookups) {
        DkimSignature sig;
        try {
            sig = DkimSignature.parse(field.value());
        } catch (DkimSyntaxException e) {
            return DkimResult.unparsed(index, DkimStatus.PERMERROR, e.problem() + ": " + e.getMessage());
        }
        if (!sig.algorithm().acceptable()) {
            return DkimResult.of(index, sig, DkimStatus.POLICY, sig.algorithm() + " is not accepted (RFC 8301)");
        }
        if (sig.expiry() >= 0 && sig.expiry() < clock.instant().getEpochSecond()) {
            return DkimResult.of(index, sig, DkimStatus.FAIL, "signature expired");
        }
        String name = DkimKeyLookup.queryName(sig.selector(), sig.domain()).toLowerCase(java.util.Locale.ROOT);
        CompletableFuture<KeyLookupResult> key = lookups.computeIfAbsent(name, n -> startLookup(sig));
        pending.add(new Pending(index, sig, field, key, slot));
        return null;
    }

    private CompletableFuture<KeyLookupResult> startLookup(DkimSignature sig) {
        CompletableFuture<KeyLookupResult> future;
        try {
            future = lookup.lookup(sig.selector(), sig.domain()).toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.copy().orTimeout(settings.lookupTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(e -> KeyLookupResult.temporaryFailure(e instanceof TimeoutException
                        || e.getCause() instanceof TimeoutException ? "timed out" : String.valueOf(e.getMessage())));
    }

    private static void streamBody(InputStream in, Map<String, BodyHasher> hashers) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) > 0) {
            for (BodyHasher hasher : hashers.values()) {
                hasher.update(chunk, 0, n);
            }
        }
    }

    private void complete(Pending p, HeaderSection headers, BodyHasher hasher) {
        byte[] bodyHash = hasher.finish();
        long length = hasher.canonicalLength();
        if (p.signature.bodyLength() > length) {
            p.slot.complete(DkimResult.of(p.index, p.signature, DkimStatus.PERMERROR, "l=" + p.signature.bodyLength()
                    + " exceeds the canonical body length " + length));
            return;
        }
        p.key.thenAcceptAsync(key -> p.slot.complete(safeEvaluate(p, headers, key, bodyHash, length)), evaluation)
                .exceptionally(e -> {
                    p.slot.complete(DkimResult.of(p.index, p.signature, DkimStatus.TEMPERROR,
                            "verification not scheduled: " + e.getMessage()));
                    return null;
                });
    }

    private DkimResult safeEvaluate(Pending p, HeaderSection headers, KeyLookupResult key, byte[] bodyHash,
                                           long length) {
        try {
            return SignatureCheck.evaluate(p.index, p.signature, p.field, headers, key, keyRecords, bodyHash, length);
        } catch (RuntimeException e) {
            return DkimResult.of(p.index, p.signature, DkimStatus.PERMERROR, "unverifiable: " + e.getMessage());
        }
    }

    private record Pending(int index, DkimSignature signature, HeaderField field,
                           CompletableFuture<KeyLookupResult> key, CompletableFuture<DkimResult> slot) {
        String bodyKey() {
            return signature.bodyCanonicalization() + "/" + signature.bodyLength();
        }
    }
}
