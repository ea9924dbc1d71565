package io.mailpipe.app.cli;

import io.mailpipe.dkim.Canonicalization;
import io.mailpipe.dkim.DkimAlgorithm;
import io.mailpipe.dkim.DkimKeyException;
import io.mailpipe.dkim.DkimSigner;
import io.mailpipe.dkim.DkimSigningException;
import io.mailpipe.dkim.HeaderPolicy;
import io.mailpipe.dkim.SignatureSpec;
import io.mailpipe.dkim.SigningKey;
import io.mailpipe.dkim.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe dkim-sign}: signs the message on stdin with the engine {@code dkim:sign} uses (RFC 6376 §5,
 * rsa-sha256 §3.3, ed25519-sha256 RFC 8463) and writes it to stdout with the DKIM-Signature field on top and every
 * other byte unchanged.
 */
@Command(name = "dkim-sign", mixinStandardHelpOptions = true,
        description = "Sign the message on stdin with DKIM (RFC 6376); the signed message goes to stdout.")
final class DkimSignCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Option(names = "--domain", required = true, paramLabel = "D", description = "Signing domain (d=).")
    String domain;

    @Option(names = "--selector", required = true, paramLabel = "S", description = "Selector (s=).")
    String selector;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "Private key: PEM PKCS#8 or PKCS#1 (RSA), PEM PKCS#8 or base64 seed (Ed25519).")
    Path keyFile;

    @Option(names = "--algorithm", paramLabel = "ALG",
            description = "rsa-sha256 or ed25519-sha256; must match the key (default: the key's).")
    String algorithm;

    @Option(names = "--canon", paramLabel = "HEADER/BODY", defaultValue = "relaxed/relaxed",
            description = "Canonicalization c= (default: ${DEFAULT-VALUE}).")
    String canonicalization;

    @Option(names = "--headers", paramLabel = "h1:h2...",
            description = "Header fields to sign, as the h= list (default: the usual set, over-signed).")
    String headers;

    DkimSignCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        SignatureSpec spec = spec(loadKey());
        byte[] message = streams.in().readAllBytes();
        boolean unixText = LineEndings.isUnixText(message);
        List<String> fields;
        try {
            fields = new DkimSigner().sign(unixText ? LineEndings.toCrlf(message) : message, List.of(spec));
        } catch (DkimSigningException e) {
            throw new CommandFailure(ExitCodes.NEGATIVE, "not signed: " + e.getMessage(), e);
        }
        String field = unixText ? fields.get(0).replace("\r\n", "\n") : fields.get(0);
        streams.out().write(field.getBytes(StandardCharsets.US_ASCII));
        streams.out().write(message);
        streams.out().flush();
        return ExitCodes.OK;
    }

    private SigningKey loadKey() throws CommandFailure {
        try {
            return SigningKeys.parse(Files.readAllBytes(keyFile), keyFile.toString());
        } catch (IOException e) {
            throw CommandFailure.usage("cannot read --key " + keyFile + ": " + e);
        } catch (DkimKeyException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    private SignatureSpec spec(SigningKey key) throws CommandFailure {
        if (algorithm != null) {
            DkimAlgorithm wanted = DkimAlgorithm.fromTag(algorithm).filter(DkimAlgorithm::acceptable)
                    .orElseThrow(() -> CommandFailure.usage("--algorithm must be rsa-sha256 or ed25519-sha256"));
            if (wanted != key.algorithm()) {
                throw CommandFailure.usage("--algorithm " + algorithm + " does not match the " + key.algorithm()
                        + " key in " + keyFile);
            }
        }
        String[] pair = canonicalization.split("/", -1);
        Canonicalization header = Canonicalization.fromTag(pair[0]).orElseThrow(this::badCanonicalization);
        Canonicalization body = pair.length == 1 ? Canonicalization.SIMPLE
                : Canonicalization.fromTag(pair[1]).orElseThrow(this::badCanonicalization);
        if (pair.length > 2) {
            throw badCanonicalization();
        }
        SignatureSpec spec = SignatureSpec.of(domain, selector, key).withCanonicalization(header, body);
        if (headers == null) {
            return spec;
        }
        try {
            return spec.withHeaders(HeaderPolicy.explicit(Arrays.asList(headers.split(":"))));
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("--headers: " + e.getMessage());
        }
    }

    private CommandFailure badCanonicalization() {
        return CommandFailure.usage("--canon must be simple or relaxed, optionally /simple or /relaxed: "
                + canonicalization);
    }
}
