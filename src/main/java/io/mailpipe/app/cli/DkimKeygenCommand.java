package io.mailpipe.app.cli;

import io.mailpipe.dkim.DkimAlgorithm;
import io.mailpipe.dkim.DkimKeyLookup;
import io.mailpipe.dkim.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe dkim-keygen}: creates a DKIM key pair and writes {@code <selector>.private} (PEM PKCS#8, RFC 5958;
 * Ed25519 per RFC 8410) and {@code <selector>.txt} (the TXT record to publish at
 * {@code selector._domainkey.domain}, RFC 6376 §3.6.1, RSA p= as SubjectPublicKeyInfo, Ed25519 p= as the raw key of
 * RFC 8463 §4), and prints the record. Existing files are never overwritten.
 */
@Command(name = "dkim-keygen", mixinStandardHelpOptions = true,
        description = "Create a DKIM signing key and the DNS TXT record to publish.")
final class DkimKeygenCommand implements Callable<Integer> {

    /** Length of the DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) before the 32-byte key. */
    private static final int ED25519_SPKI_PREFIX = 12;
    /** Longest character-string of a TXT record (RFC 1035 §3.3). */
    private static final int TXT_STRING_LIMIT = 255;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final CliStreams streams;

    @Option(names = "--algorithm", required = true, paramLabel = "ALG", description = "rsa-sha256 or ed25519-sha256.")
    String algorithm;

    @Option(names = "--bits", paramLabel = "N", defaultValue = "2048",
            description = "RSA modulus length, 1024 to 4096 (default: ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--selector", required = true, paramLabel = "S", description = "Selector (s=).")
    String selector;

    @Option(names = "--domain", required = true, paramLabel = "D", description = "Signing domain (d=).")
    String domain;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the two files.")
    Path directory;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    DkimKeygenCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** What {@code --json} prints. */
    record KeygenReport(String name, String record, String privateKeyFile, String recordFile) {
    }

    @Override
    public Integer call() throws Exception {
        DkimAlgorithm chosen = DkimAlgorithm.fromTag(algorithm).filter(DkimAlgorithm::acceptable)
                .orElseThrow(() -> CommandFailure.usage("--algorithm must be rsa-sha256 or ed25519-sha256"));
        boolean bitsOutOfRange = bits < SigningKeys.MIN_RSA_BITS || bits > SigningKeys.MAX_RSA_BITS;
        if (chosen == DkimAlgorithm.RSA_SHA256 && bitsOutOfRange) {
            throw CommandFailure.usage("--bits must be between " + SigningKeys.MIN_RSA_BITS + " and "
                    + SigningKeys.MAX_RSA_BITS + " (RFC 8301)");
        }
        KeyPair pair = generate(chosen);
        String name = DkimKeyLookup.queryName(selector, domain);
        String record = "v=DKIM1; k=" + chosen.keyType() + "; p=" + publicKeyValue(chosen, pair);
        String zoneLine = name + ". IN TXT " + quotedStrings(record);
        Path keyFile = directory.resolve(selector + ".private");
        Path recordFile = directory.resolve(selector + ".txt");
        writeNew(keyFile, pem(pair.getPrivate().getEncoded()), true);
        writeNew(recordFile, zoneLine + "\n", false);
        if (json) {
            JsonOutput.write(streams.out(), new KeygenReport(name, record, keyFile.toString(), recordFile.toString()));
        } else {
            streams.out().println(zoneLine);
            streams.err().println("private key written to " + keyFile + ", record to " + recordFile);
        }
        return ExitCodes.OK;
    }

    private KeyPair generate(DkimAlgorithm chosen) throws GeneralSecurityException {
        if (chosen == DkimAlgorithm.ED25519_SHA256) {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String publicKeyValue(DkimAlgorithm chosen, KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        if (chosen == DkimAlgorithm.ED25519_SHA256) {
            return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX, spki.length));
        }
        return Base64.getEncoder().encodeToString(spki);
    }

    /** The record as zone-file character-strings of at most 255 octets each, in parentheses when split. */
    static String quotedStrings(String record) {
        if (record.length() <= TXT_STRING_LIMIT) {
            return "\"" + record + "\"";
        }
        StringBuilder out = new StringBuilder("(");
        for (int from = 0; from < record.length(); from += TXT_STRING_LIMIT) {
            out.append(" \"").append(record, from, Math.min(record.length(), from + TXT_STRING_LIMIT)).append('"');
        }
        return out.append(" )").toString();
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private void writeNew(Path file, String content, boolean secret) throws CommandFailure, IOException {
        try {
            Files.createDirectories(directory);
            if (secret && Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw CommandFailure.usage(file + " already exists; not overwriting it");
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
