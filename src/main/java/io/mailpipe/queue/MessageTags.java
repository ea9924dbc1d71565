package io.mailpipe.queue;

/**
 * What a sender attached to a message for its own bookkeeping, carried unchanged from the send request through the
 * queue into every delivery event: the tenant that sent it, the campaign it belongs to and the idempotency key of
 * the request it came from. Each may be null; {@link #NONE} has none (mail received over SMTP).
 */
public record MessageTags(String tenant, String campaign, String idempotencyKey) {

    public static final MessageTags NONE = new MessageTags(null, null, null);

    /** Tags from optional values; all null gives {@link #NONE}. */
    public static MessageTags of(String tenant, String campaign, String idempotencyKey) {
        if (tenant == null && campaign == null && idempotencyKey == null) {
            return NONE;
        }
        return new MessageTags(tenant, campaign, idempotencyKey);
    }

    public boolean isEmpty() {
        return tenant == null && campaign == null && idempotencyKey == null;
    }
}
