package io.mailpipe.delivery;

import io.mailpipe.smtp.SmtpReply;
import java.util.List;

/**
 * Where mail for one domain goes: the addresses to try in order (RFC 5321 §5.1), or, when routing itself failed,
 * the reply every recipient of the domain gets — permanent for NXDOMAIN (5.1.2) and null MX (5.1.10, RFC 7505),
 * transient for DNS failures (4.4.3).
 */
public record Route(List<MxTarget> targets, SmtpReply failure) {

    public Route {
        targets = List.copyOf(targets);
        if (targets.isEmpty() == (failure == null)) {
            throw new IllegalArgumentException("a route has either targets or a failure");
        }
    }

    public static Route to(List<MxTarget> targets) {
        return new Route(targets, null);
    }

    public static Route failed(SmtpReply failure) {
        return new Route(List.of(), failure);
    }

    public boolean isFailure() {
        return failure != null;
    }
}
