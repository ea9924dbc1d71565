package io.mailpipe.smtp.server.auth;

import java.util.Arrays;

/**
 * What a SASL mechanism wants next (RFC 4954 §4): send a 334 challenge, check credentials, or stop because the
 * client cancelled ("*"), sent bad base64, or sent credentials that can never be valid (such as a PLAIN authzid
 * other than the authcid, RFC 4616 §2).
 */
public sealed interface SaslStep {

    /** Send "334 " + this base64 text and pass the client's next line to the mechanism. */
    record Challenge(String base64) implements SaslStep {
    }

    /** The exchange is complete: verify these credentials. */
    record Credentials(String user, char[] password) implements SaslStep {
        /** Overwrites the password in memory. */
        public void clear() {
            Arrays.fill(password, '\0');
        }
    }

    /** The client sent "*" (RFC 4954 §4). */
    record Cancelled() implements SaslStep {
    }

    /** A response was not valid base64 (RFC 4954 §4). */
    record Malformed() implements SaslStep {
    }

    /** Decodable but unacceptable credentials: answered like a failed authentication. */
    record Rejected() implements SaslStep {
    }
}
