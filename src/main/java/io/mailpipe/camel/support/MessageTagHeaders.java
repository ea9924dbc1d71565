package io.mailpipe.camel.support;

import io.mailpipe.queue.MessageTags;
import org.apache.camel.Message;
import org.apache.camel.spi.Metadata;

/**
 * The exchange headers of a message's sender tags ({@link MessageTags}): set by {@code bulk:compose} from the send
 * request, read by both queue back-ends' enqueue steps ({@code direct:enqueue}), which store them with the message
 * so every delivery event repeats them. Any route may set them, e.g. from an authenticated SMTP user.
 */
public final class MessageTagHeaders {

    @Metadata(description = "The tenant the message is sent for; stored with the queued message and repeated in "
            + "its delivery events.", javaType = "String")
    public static final String TENANT = "MailpipeTenant";
    @Metadata(description = "The campaign the message belongs to; stored with the queued message and repeated in "
            + "its delivery events.", javaType = "String")
    public static final String CAMPAIGN = "MailpipeCampaign";
    @Metadata(description = "The idempotency key of the send request the message came from; stored with the queued "
            + "message and repeated in its delivery events.", javaType = "String")
    public static final String IDEMPOTENCY_KEY = "MailpipeIdempotencyKey";

    private MessageTagHeaders() {
    }

    /** The tags on {@code message}; {@link MessageTags#NONE} when it has none. */
    public static MessageTags read(Message message) {
        return MessageTags.of(message.getHeader(TENANT, String.class), message.getHeader(CAMPAIGN, String.class),
                message.getHeader(IDEMPOTENCY_KEY, String.class));
    }

    /** Sets the header of each tag that is present. */
    public static void write(Message message, MessageTags tags) {
        setIfPresent(message, TENANT, tags.tenant());
        setIfPresent(message, CAMPAIGN, tags.campaign());
        setIfPresent(message, IDEMPOTENCY_KEY, tags.idempotencyKey());
    }

    private static void setIfPresent(Message message, String name, String value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
