package io.mailpipe.bulk;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Writes {@link MessageParts} as an Internet message with Angus Mail: RFC 5322 header fields (Date, From, To,
 * Subject, Message-ID, then the request's own fields), MIME 1.0 (RFC 2045) with text/plain and text/html in UTF-8,
 * multipart/alternative for both (RFC 2046 §5.1.4, plain first), multipart/mixed around attachments (§5.1.3) with
 * file names per RFC 2231; non-ASCII subject, display names and field values as RFC 2047 encoded words. Angus picks
 * each part's transfer encoding (7bit, quoted-printable or base64). Lines end in CRLF (RFC 5322 §2.1). A message
 * with a non-ASCII mailbox is written as RFC 6532 UTF-8 header fields, to be sent with SMTPUTF8.
 */
public final class MimeComposer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String UTF8 = "UTF-8";

    private final Session asciiSession = session(false);
    private final Session utf8Session = session(true);

    /** The message octets of {@code parts}. */
    public byte[] compose(MessageParts parts) throws MessagingException, IOException {
        boolean utf8Addresses = !isAscii(parts.from().address())
                || parts.to().stream().anyMatch(to -> !isAscii(to.address()));
        MimeMessage message = new FixedIdMessage(utf8Addresses ? utf8Session : asciiSession, parts.messageId());
        message.setHeader("Date", DATE.format(parts.date()));
        message.setFrom(address(parts.from()));
        if (!hasHeader(parts.headers(), "To")) {
            InternetAddress[] to = new InternetAddress[parts.to().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = address(parts.to().get(i));
            }
            message.setRecipients(MimeMessage.RecipientType.TO, to);
        }
        message.setSubject(parts.subject(), UTF8);
        for (Map.Entry<String, String> field : parts.headers().entrySet()) {
            message.addHeader(field.getKey(), MimeUtility.fold(field.getKey().length() + 2,
                    MimeUtility.encodeText(field.getValue(), UTF8, null)));
        }
        if (parts.attachments().isEmpty()) {
            setBody(message, parts);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            setBody(body, parts);
            mixed.addBodyPart(body);
            for (AttachmentSpec attachment : parts.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        message.writeTo(out);
        return out.toByteArray();
    }

    /** One text part, or both in multipart/alternative, as the content of a message or of a body part. */
    private static void setBody(jakarta.mail.internet.MimePart target, MessageParts parts) throws MessagingException {
        if (parts.text() != null && parts.html() != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(crlf(parts.text()), UTF8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(crlf(parts.html()), UTF8, "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(html);
            target.setContent(alternative);
        } else if (parts.text() != null) {
            target.setText(crlf(parts.text()), UTF8, "plain");
        } else {
            target.setText(crlf(parts.html()), UTF8, "html");
        }
    }

    private static MimeBodyPart attachmentPart(AttachmentSpec attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setFileName(attachment.filename());
        return part;
    }

    private static InternetAddress address(NamedAddress address) throws UnsupportedEncodingException {
        return new InternetAddress(address.address(), address.name(), UTF8);
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    /** Text with every line break as CRLF, as RFC 5322 §2.3 requires of a body. */
    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static Session session(boolean utf8) {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", Boolean.toString(utf8));
        properties.setProperty("mail.mime.encodefilename", "false");
        properties.setProperty("mail.mime.encodeparameters", "true");
        return Session.getInstance(properties);
    }

    /** A MimeMessage that writes the Message-ID it was given instead of making one up. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
