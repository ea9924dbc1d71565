package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The few ASN.1 DER pieces DKIM key handling needs (ITU-T X.690): reading a SEQUENCE of INTEGERs (PKCS#1
 * RSAPublicKey, RFC 8017 §A.1.1, as allowed in the p= tag by RFC 6376 §3.6.1) and wrapping bare keys into
 * PKCS#8 (RFC 5958) and SubjectPublicKeyInfo (RFC 5280 §4.1) so that the JDK key factories can load them.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;

    /** AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** PKCS#8 prefix for an Ed25519 private key (RFC 8410 §7): version 0, id-Ed25519, OCTET STRING(OCTET STRING(32)). */
    private static final byte[] ED25519_PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    /** SubjectPublicKeyInfo prefix for a 32-byte Ed25519 public key (RFC 8410 §4). */
    private static final byte[] ED25519_SPKI_PREFIX = hex("302a300506032b6570032100");

    private final byte[] data;
    private int pos;

    private Der(byte[] data) {
        this.data = data;
    }

    /** Reads {@code SEQUENCE { INTEGER... }} and returns the integers; rejects trailing or malformed data. */
    static BigInteger[] readIntegerSequence(byte[] der, int expected) {
        Der reader = new Der(der);
        int seqLength = reader.header(SEQUENCE);
        if (reader.pos + seqLength != der.length) {
            throw new IllegalArgumentException("DER: sequence length does not match the data");
        }
        BigInteger[] values = new BigInteger[expected];
        for (int i = 0; i < expected; i++) {
            int length = reader.header(INTEGER);
            values[i] = new BigInteger(Arrays.copyOfRange(der, reader.pos, reader.pos + length));
            reader.pos += length;
        }
        return values;
    }

    /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo. */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {INTEGER, 1, 0});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tlv(OCTET_STRING, pkcs1));
        return tlv(SEQUENCE, body.toByteArray());
    }

    static byte[] ed25519SeedToPkcs8(byte[] seed) {
        return concat(ED25519_PKCS8_PREFIX, seed);
    }

    static byte[] ed25519RawToSpki(byte[] raw) {
        return concat(ED25519_SPKI_PREFIX, raw);
    }

    private int header(int expectedTag) {
        if (pos >= data.length || (data[pos] & 0xff) != expectedTag) {
            throw new IllegalArgumentException("DER: expected tag " + expectedTag + " at " + pos);
        }
        pos++;
        if (pos >= data.length) {
            throw new IllegalArgumentException("DER: truncated length");
        }
        int first = data[pos++] & 0xff;
        int length = first;
        if (first >= 0x80) {
            int count = first & 0x7f;
            if (count == 0 || count > 3) {
                throw new IllegalArgumentException("DER: unsupported length encoding");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                if (pos >= data.length) {
                    throw new IllegalArgumentException("DER: truncated length");
                }
                length = (length << 8) | (data[pos++] & 0xff);
            }
        }
        if (length > data.length - pos) {
            throw new IllegalArgumentException("DER: length beyond the data");
        }
        return length;
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
