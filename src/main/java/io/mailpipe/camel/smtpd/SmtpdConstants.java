package io.mailpipe.camel.smtpd;

import org.apache.camel.spi.Metadata;

/**
 * The envelope and session facts the {@code smtpd:} consumer sets on every exchange, one header each (RFC 5321
 * §2.3.1 envelope, §4.4 trace information; RFC 1870, 6152, 6531 and 3461 MAIL/RCPT parameters).
 */
public final class SmtpdConstants {

    @Metadata(description = "The queue id the server gave the message; the 250 reply names it.",
              javaType = "String", important = true)
    public static final String QUEUE_ID = "MailpipeQueueId";
    @Metadata(description = "When the end of the message data was received.", javaType = "java.time.Instant")
    public static final String RECEIVED_AT = "MailpipeReceivedAt";
    @Metadata(description = "The MAIL FROM reverse-path without angle brackets; empty for the null sender <>.",
              javaType = "String", important = true)
    public static final String MAIL_FROM = "MailpipeMailFrom";
    @Metadata(description = "Every accepted RCPT TO forward-path, in order, without angle brackets.",
              javaType = "java.util.List<String>", important = true)
    public static final String RCPT_TO = "MailpipeRcptTo";
    @Metadata(description = "The whole envelope as typed values: MAIL parameters (SIZE, BODY, SMTPUTF8, RET, ENVID) "
            + "and each recipient with its NOTIFY and ORCPT.", javaType = "io.mailpipe.smtp.Envelope")
    public static final String ENVELOPE = "MailpipeEnvelope";
    @Metadata(description = "The BODY parameter of MAIL: 7BIT, 8BITMIME or BINARYMIME.", javaType = "String")
    public static final String BODY_TYPE = "MailpipeBodyType";
    @Metadata(description = "True when MAIL carried SMTPUTF8 (RFC 6531).", javaType = "Boolean")
    public static final String SMTPUTF8 = "MailpipeSmtpUtf8";
    @Metadata(description = "The DSN RET parameter (FULL or HDRS), when given (RFC 3461 §4.3).", javaType = "String")
    public static final String DSN_RET = "MailpipeDsnRet";
    @Metadata(description = "The DSN ENVID parameter, xtext-decoded, when given (RFC 3461 §4.4).", javaType = "String")
    public static final String DSN_ENVID = "MailpipeDsnEnvid";
    @Metadata(description = "The client's IP address as text.", javaType = "String", important = true)
    public static final String CLIENT_IP = "MailpipeClientIp";
    @Metadata(description = "The client's TCP port.", javaType = "Integer")
    public static final String CLIENT_PORT = "MailpipeClientPort";
    @Metadata(description = "The name the client gave in HELO or EHLO.", javaType = "String")
    public static final String HELO_NAME = "MailpipeHeloName";
    @Metadata(description = "The protocol name of the Received field (RFC 3848), e.g. ESMTPS.", javaType = "String")
    public static final String PROTOCOL = "MailpipeProtocol";
    @Metadata(description = "The TLS protocol version of the session, absent without TLS.", javaType = "String")
    public static final String TLS_PROTOCOL = "MailpipeTlsProtocol";
    @Metadata(description = "The TLS cipher suite of the session, absent without TLS.", javaType = "String")
    public static final String TLS_CIPHER = "MailpipeTlsCipher";
    @Metadata(description = "The identity the client authenticated as with AUTH, absent otherwise.", javaType = "String")
    public static final String AUTHENTICATED_USER = "MailpipeAuthenticatedUser";

    private SmtpdConstants() {
    }
}
