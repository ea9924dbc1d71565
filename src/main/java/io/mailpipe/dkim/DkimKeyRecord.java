package io.mailpipe.dkim;

import io.mailpipe.dkim.DkimSyntaxException.Problem;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A DKIM key record (RFC 6376 §3.6.1): v= (DKIM1, first if present), h= acceptable hashes, k= key type (rsa by
 * default, ed25519 per RFC 8463 §4), s= service types, t= flags (y testing, s strict identity) and p= (empty means
 * revoked). An RSA p= may be a SubjectPublicKeyInfo (what everyone publishes) or a bare RSAPublicKey (what §3.6.1
 * literally says); an Ed25519 p= is the raw 32-byte key.
 *
 * @param publicKey null when revoked
 * @param hashes the h= list, or empty for "any"
 * @param bits the RSA modulus length, 256 for Ed25519, 0 when revoked
 */
public record DkimKeyRecord(String keyType, PublicKey publicKey, List<String> hashes, boolean testing,
                            boolean strictIdentity, int bits) {

    public static DkimKeyRecord parse(String text) throws DkimSyntaxException {
        TagList tags = TagList.parse(text);
        String v = tags.get("v");
        if (v != null && (!v.equals("DKIM1") || !tags.asMap().keySet().iterator().next().equals("v"))) {
            throw new DkimSyntaxException(Problem.BAD_VERSION, "key record v= must be DKIM1 and come first");
        }
        String keyType = tags.get("k") == null ? "rsa" : tags.get("k").toLowerCase(Locale.ROOT);
        List<String> hashes = list(tags.get("h"));
        List<String> services = list(tags.get("s"));
        if (!services.isEmpty() && !services.contains("*") && !services.contains("email")) {
            throw new DkimSyntaxException(Problem.BAD_KEY, "key service type excludes email");
        }
        List<String> flags = list(tags.get("t"));
        String p = DkimSignature.stripWhitespace(tags.require("p"));
        if (p.isEmpty()) {
            return new DkimKeyRecord(keyType, null, hashes, flags.contains("y"), flags.contains("s"), 0);
        }
        byte[] der = DkimSignature.base64(p, "p");
        PublicKey key = switch (keyType) {
            case "rsa" -> rsaKey(der);
            case "ed25519" -> ed25519Key(der);
            default -> throw new DkimSyntaxException(Problem.BAD_KEY, "unknown key type k="
                    + TagList.printable(keyType));
        };
        int bits = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
        return new DkimKeyRecord(keyType, key, hashes, flags.contains("y"), flags.contains("s"), bits);
    }

    public boolean revoked() {
        return publicKey == null;
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(":")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList();
    }

    private static PublicKey rsaKey(byte[] der) throws DkimSyntaxException {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            try {
                return factory.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notSpki) {
                BigInteger[] ints = Der.readIntegerSequence(der, 2);
                return factory.generatePublic(new RSAPublicKeySpec(ints[0], ints[1]));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DkimSyntaxException(Problem.BAD_KEY, "p= is not an RSA public key");
        }
    }

    private static PublicKey ed25519Key(byte[] raw) throws DkimSyntaxException {
        if (raw.length != 32) {
            throw new DkimSyntaxException(Problem.BAD_KEY, "ed25519 p= must be 32 bytes");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Der.ed25519RawToSpki(raw)));
        } catch (GeneralSecurityException e) {
            throw new DkimSyntaxException(Problem.BAD_KEY, "p= is not an Ed25519 public key");
        }
    }
}
