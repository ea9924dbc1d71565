package io.mailpipe.smtp.server.auth;

import java.util.concurrent.CompletionStage;

/**
 * Checks a user name and password taken from a SASL PLAIN or LOGIN exchange (RFC 4954 §4, RFC 4616). The server
 * calls it on its worker executor, never on an event loop, and clears the password array once the stage completes.
 * Completes with true for valid credentials; false or an exceptional completion means authentication failed.
 */
@FunctionalInterface
public interface Authenticator {
    CompletionStage<Boolean> authenticate(String user, char[] password);
}
