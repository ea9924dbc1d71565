package io.mailpipe.camel.observe;

import io.mailpipe.smtp.server.SessionSummary;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logfmt line per SMTP session (RFC 5321 §3) when it ends, on logger {@code mailpipe.session}: client address,
 * HELO name, TLS (RFC 3207) protocol/cipher or none, AUTH (RFC 4954) user, messages accepted and rejected, the
 * queue ids of the accepted ones (at most {@value #MAX_QUEUE_IDS}), duration and how the session ended.
 */
public final class SessionLog {

    static final String LOGGER = "mailpipe.session";
    static final int MAX_QUEUE_IDS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SessionLog() {
    }

    public static void log(SessionSummary session) {
        if (LOG.isInfoEnabled()) {
            LOG.info(format(session));
        }
    }

    static String format(SessionSummary s) {
        Logfmt line = Logfmt.line()
                .add("client", s.client() == null ? null
                        : s.client().getAddress().getHostAddress() + ":" + s.client().getPort())
                .add("helo", s.heloName())
                .add("tls", s.tlsProtocol() == null ? "none" : s.tlsProtocol() + "/" + s.tlsCipher())
                .add("auth", s.authenticatedUser())
                .add("accepted", s.accepted())
                .add("rejected", s.rejected())
                .add("queue_ids", queueIds(s.queueIds()))
                .add("duration_ms", s.duration().toMillis())
                .add("end", s.ending().name().toLowerCase(Locale.ROOT));
        if (s.closingReply() != null && s.ending() == SessionSummary.Ending.CLOSED_BY_SERVER) {
            line.add("reply", s.closingReply().toString().trim());
        }
        return line.toString();
    }

    private static String queueIds(List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        if (ids.size() <= MAX_QUEUE_IDS) {
            return String.join(",", ids);
        }
        return String.join(",", ids.subList(0, MAX_QUEUE_IDS)) + ",+" + (ids.size() - MAX_QUEUE_IDS);
    }
}
