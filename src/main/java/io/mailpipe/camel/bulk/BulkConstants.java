package io.mailpipe.camel.bulk;

import org.apache.camel.spi.Metadata;

/**
 * Headers of the bulk injection route. {@code bulk:compose} also sets, on each message it produces, the envelope
 * headers of {@link io.mailpipe.camel.smtpd.SmtpdConstants} (queue id, MAIL FROM, RCPT TO, envelope) that
 * {@code direct:enqueue} reads, the sender's tags of {@link io.mailpipe.camel.support.MessageTagHeaders} and, when
 * the request has one, its notAfter as {@link io.mailpipe.camel.spool.SpoolConstants#NOT_AFTER}.
 */
public final class BulkConstants {

    @Metadata(description = "The identity of a send request for duplicate detection: 'key:' + tenant + '/' + "
            + "idempotency key, or 'record:' + topic/partition/offset for a request without a key. Set by "
            + "BulkRequestKeys before the idempotent consumer.", javaType = "String")
    public static final String REQUEST_KEY = "MailpipeBulkRequestKey";
    @Metadata(description = "The Message-ID field of a composed message (absent for a raw request's message).",
              javaType = "String")
    public static final String MESSAGE_ID = "MailpipeMessageId";
    @Metadata(description = "How many messages bulk:compose made of the request (the size of the list body).",
              javaType = "Integer")
    public static final String MESSAGE_COUNT = "MailpipeBulkMessageCount";

    private BulkConstants() {
    }
}
