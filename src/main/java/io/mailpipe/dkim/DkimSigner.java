package io.mailpipe.dkim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a message with one or more DKIM signatures (RFC 6376 §5; rsa-sha256 §3.3, ed25519-sha256 RFC 8463). The
 * header section is read and kept, the body is streamed once through one {@link BodyHasher} per body
 * canonicalisation in use, then each signature's header hash is signed. Returns the DKIM-Signature fields to put
 * on top of the message; the message itself is not copied.
 */
public final class DkimSigner {

    public static final int DEFAULT_MAX_HEADER_BYTES = 1 << 20;
    private static final int CHUNK = 16 * 1024;

    private final Clock clock;
    private final int maxHeaderBytes;

    public DkimSigner(Clock clock, int maxHeaderBytes) {
        this.clock = clock;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    public DkimSigner() {
        this(Clock.systemUTC(), DEFAULT_MAX_HEADER_BYTES);
    }

    public List<String> sign(byte[] message, List<SignatureSpec> specs) throws IOException, DkimSigningException {
        return sign(new ByteArrayInputStream(message), specs);
    }

    /**
     * Reads the message to its end and returns one DKIM-Signature field (ending in CRLF) per spec, in spec order.
     *
     * @throws DkimSigningException when the message has no From field
     */
    public List<String> sign(InputStream message, List<SignatureSpec> specs) throws IOException, DkimSigningException {
        return sign(message, headers -> specs);
    }

    /** Chooses the signatures from the message's header fields (for example by From domain). */
    @FunctionalInterface
    public interface SpecChooser {
        List<SignatureSpec> choose(HeaderSection headers) throws DkimSigningException;
    }

    /**
     * Like {@link #sign(InputStream, List)} with the specs chosen after the header section is read; when the chooser
     * returns none, the body is not read and no field is returned.
     */
    public List<String> sign(InputStream message, SpecChooser chooser) throws IOException, DkimSigningException {
        InputStream in = new MessageInput(message);
        HeaderSection headers = HeaderSection.read(in, maxHeaderBytes);
        if (headers.count("from") == 0) {
            throw new DkimSigningException("message has no From header field; DKIM requires signing From "
                    + "(RFC 6376 §5.4), so it is not signed");
        }
        List<SignatureSpec> specs = chooser.choose(headers);
        if (specs.isEmpty()) {
            return List.of();
        }
        Map<Canonicalization, BodyHasher> hashers = new EnumMap<>(Canonicalization.class);
        for (SignatureSpec spec : specs) {
            hashers.computeIfAbsent(spec.bodyCanonicalization(), BodyHasher::new);
        }
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) > 0) {
            for (BodyHasher hasher : hashers.values()) {
                hasher.update(chunk, 0, n);
            }
        }
        Map<Canonicalization, byte[]> bodyHashes = new EnumMap<>(Canonicalization.class);
        hashers.forEach((c, h) -> bodyHashes.put(c, h.finish()));
        List<String> fields = new ArrayList<>(specs.size());
        for (SignatureSpec spec : specs) {
            BodyHasher hasher = hashers.get(spec.bodyCanonicalization());
            fields.add(signOne(headers, spec, bodyHashes.get(spec.bodyCanonicalization()),
                    spec.bodyLength() ? hasher.canonicalLength() : -1));
        }
        return fields;
    }

    private String signOne(HeaderSection headers, SignatureSpec spec, byte[] bodyHash, long bodyLength)
            throws DkimSigningException {
        List<String> names = spec.headers().signedNames(headers);
        long timestamp = spec.timestamp() ? clock.instant().getEpochSecond() : -1;
        SignatureFormatter formatter = SignatureFormatter.unsigned(spec, names, bodyHash, timestamp, bodyLength);
        byte[] headerHash = HeaderHasher.hash(spec.headerCanonicalization(), headers.select(names),
                formatter.hashedForm());
        try {
            return formatter.complete(HashSignatures.sign(spec.key().algorithm(), spec.key().privateKey(),
                    headerHash));
        } catch (GeneralSecurityException e) {
            throw new DkimSigningException("signing with " + spec.key().source() + " failed: " + e.getMessage(), e);
        }
    }
}
