package io.mailpipe.bulk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Limits and places of bulk composition: the largest request (JSON octets) and composed message accepted, the most
 * recipients per request, the template directory (null: templates unavailable), and for attachments fetched by URL
 * the size cap, the time limit and the URL prefixes allowed (empty: any http or https URL).
 */
public record BulkSettings(int maxRequestBytes, long maxMessageBytes, int maxRecipients, Path templates,
                           long maxAttachmentBytes, Duration fetchTimeout, List<String> allowedUrlPrefixes) {

    public static final BulkSettings DEFAULTS = new BulkSettings(10 * 1024 * 1024, 10_000_000L, 1000, null,
            5_000_000L, Duration.ofSeconds(10), List.of());

    public BulkSettings {
        if (maxRequestBytes <= 0 || maxMessageBytes <= 0 || maxRecipients <= 0 || maxAttachmentBytes <= 0) {
            throw new IllegalArgumentException("bulk limits must be positive");
        }
        allowedUrlPrefixes = List.copyOf(allowedUrlPrefixes);
    }
}
