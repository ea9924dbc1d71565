package io.mailpipe.smtp;

/** BDAT with the octet count of the chunk that follows and the LAST marker (RFC 3030 §2). */
public record BdatCommand(long chunkSize, boolean last) implements SmtpCommand {
    public BdatCommand {
        if (chunkSize < 0) {
            throw new IllegalArgumentException("negative chunk size: " + chunkSize);
        }
    }

    @Override
    public Verb verb() {
        return Verb.BDAT;
    }
}
