package io.mailpipe.bulk;

import io.mailpipe.smtp.ReceivedField;
import jakarta.mail.MessagingException;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one send request (JSON of schema {@value SendRequest#SCHEMA}) into the messages to queue: reads and checks
 * it ({@link SendRequestParser}), loads its template ({@link TemplateStore}), fetches URL attachments once
 * ({@link AttachmentFetcher}), fills in variables ({@link TemplateRenderer}) and writes MIME ({@link MimeComposer}).
 * A request with per-recipient variables gives one message per recipient, each with its own Message-ID and To;
 * otherwise one message goes to all recipients, which its To field lists. Recipient variables override the
 * request's. A raw request gives its message unchanged. Every message gets a trace field first (RFC 5321 §4.4,
 * RFC 5322 §3.6.7; {@link ReceivedField#injected}: this host, its queue id, the recipient when there is one), so it
 * is there before DKIM signing. Anything that makes the request unsendable is a
 * {@link BulkRequestRejectedException}.
 */
public final class BulkComposer {

    /** The software named in the trace field of every message composed here. */
    static final String SOFTWARE = "mailpipe";

    private final BulkSettings settings;
    private final Clock clock;
    private final String hostName;
    private final SendRequestParser parser;
    private final TemplateStore templates;
    private final AttachmentFetcher fetcher;
    private final MimeComposer mime = new MimeComposer();
    private final MessageIds ids = new MessageIds();

    /** A composer on {@code hostName} (the name smtpd uses in its own trace fields); dates in the clock's zone. */
    public BulkComposer(BulkSettings settings, Clock clock, String hostName) {
        this.settings = settings;
        this.clock = clock;
        this.hostName = hostName;
        this.parser = new SendRequestParser(settings, clock);
        this.templates = new TemplateStore(settings.templates());
        this.fetcher = new AttachmentFetcher(settings.maxAttachmentBytes(), settings.fetchTimeout(),
                settings.allowedUrlPrefixes());
    }

    public List<ComposedMessage> compose(byte[] json) throws BulkRequestRejectedException {
        return compose(parser.parseOrThrow(json));
    }

    public List<ComposedMessage> compose(SendRequest request) throws BulkRequestRejectedException {
        if (request.content() instanceof MessageContent.Raw raw) {
            List<String> recipients = request.recipients().stream().map(r -> r.to().address()).toList();
            String queueId = MessageIds.queueId(request.tags(), 0);
            byte[] message = traced(queueId, recipients, raw.message());
            return List.of(new ComposedMessage(queueId, null,
                    request.from().address(), recipients, needsSmtpUtf8(request.from(), recipients),
                    !isSevenBit(message), message, request.tags(), request.notAfter()));
        }
        MessageContent.Composed content = (MessageContent.Composed) request.content();
        TemplateStore.Template source = content.template() == null
                ? new TemplateStore.Template(content.subject(), content.text(), content.html())
                : templates.load(content.template());
        List<AttachmentSpec> attachments = resolve(content.attachments());
        Instant now = clock.instant();
        List<ComposedMessage> messages = new ArrayList<>();
        if (request.isPersonalised()) {
            for (RequestRecipient recipient : request.recipients()) {
                Map<String, String> variables = new HashMap<>(content.variables());
                variables.putAll(recipient.variables());
                messages.add(message(request, source, variables, List.of(recipient.to()), attachments, now,
                        messages.size()));
            }
        } else {
            messages.add(message(request, source, content.variables(),
                    request.recipients().stream().map(RequestRecipient::to).toList(), attachments, now, 0));
        }
        return messages;
    }

    private ComposedMessage message(SendRequest request, TemplateStore.Template source, Map<String, String> variables,
                                    List<NamedAddress> to, List<AttachmentSpec> attachments, Instant now, int index)
            throws BulkRequestRejectedException {
        MessageContent.Composed content = (MessageContent.Composed) request.content();
        String subject = TemplateRenderer.render(source.subject(), variables, false, field(content, "/subject"));
        String text = source.text() == null ? null
                : TemplateRenderer.render(source.text(), variables, false, field(content, "/text"));
        String html = source.html() == null ? null
                : TemplateRenderer.render(source.html(), variables, true, field(content, "/html"));
        String messageId = ids.messageId(request.from());
        MessageParts parts = new MessageParts(request.from(), to, subject, text, html, content.headers(), attachments,
                messageId, now);
        List<String> recipients = to.stream().map(NamedAddress::address).toList();
        String queueId = MessageIds.queueId(request.tags(), index);
        byte[] octets = traced(queueId, recipients, write(parts));
        if (octets.length > settings.maxMessageBytes()) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, "",
                    "composed message of " + octets.length + " octets exceeds " + settings.maxMessageBytes());
        }
        return new ComposedMessage(queueId, messageId, request.from().address(),
                recipients, needsSmtpUtf8(request.from(), recipients), !isSevenBit(octets), octets, request.tags(),
                request.notAfter());
    }

    private byte[] write(MessageParts parts) throws BulkRequestRejectedException {
        try {
            return mime.compose(parts);
        } catch (MessagingException | IOException e) {
            throw new BulkRequestRejectedException(Rejection.Reason.SCHEMA, "", "cannot compose MIME: " + e);
        }
    }

    /** The message with its trace field in front. */
    private byte[] traced(String queueId, List<String> recipients, byte[] message) {
        byte[] trace = ReceivedField.injected(hostName, SOFTWARE, queueId, recipients,
                clock.instant().atZone(clock.getZone())).toBytes();
        byte[] traced = Arrays.copyOf(trace, trace.length + message.length);
        System.arraycopy(message, 0, traced, trace.length, message.length);
        return traced;
    }

    private List<AttachmentSpec> resolve(List<AttachmentSpec> attachments) throws BulkRequestRejectedException {
        List<AttachmentSpec> resolved = new ArrayList<>(attachments.size());
        for (AttachmentSpec attachment : attachments) {
            resolved.add(attachment.url() == null ? attachment : new AttachmentSpec(attachment.filename(),
                    attachment.contentType(), fetcher.fetch(attachment.url(), attachment.field()), null,
                    attachment.field()));
        }
        return resolved;
    }

    /** Where a rendering problem is: the request's own field, or the template. */
    private static String field(MessageContent.Composed content, String part) {
        return content.template() == null ? part : "/template";
    }

    private static boolean needsSmtpUtf8(NamedAddress from, List<String> recipients) {
        return !MimeComposer.isAscii(from.address()) || recipients.stream().anyMatch(r -> !MimeComposer.isAscii(r));
    }

    private static boolean isSevenBit(byte[] octets) {
        for (byte b : octets) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
