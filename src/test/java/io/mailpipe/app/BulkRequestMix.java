package io.mailpipe.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The send requests of {@link BulkInjectionIT}: a mix of plain text, text+HTML with per-recipient variables, a
 * template, attachments inline and by URL, raw RFC 5322 messages, and one request in ten invalid in one of seven ways.
 * Each request knows the recipients that must receive it (none for an invalid one) and the rejection reason expected.
 */
final class BulkRequestMix {

    /** One request: its Kafka key, JSON, tags, the recipients expecting it, or the reason it must be rejected. */
    record Request(String key, String json, String tenant, String campaign, List<String> recipients,
                   String rejection) {

        byte[] bytes() {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final String FROM = "{\"address\":\"news@acme.example\",\"name\":\"Acme Nachrichten\"}";
    private static final String[] INVALID = {"schema", "address", "body", "size", "expired", "template", "attachment"};

    private final String attachmentUrl;
    private final String missingUrl;

    BulkRequestMix(String attachmentUrl, String missingUrl) {
        this.attachmentUrl = attachmentUrl;
        this.missingUrl = missingUrl;
    }

    List<Request> requests(int count) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request(i));
        }
        return requests;
    }

    private Request request(int i) {
        String tenant = "t" + (i % 3);
        String campaign = "c" + (i % 5);
        String key = "req-" + i;
        String tags = "\"schema\":\"mailpipe.send/1\",\"tenant\":\"" + tenant + "\",\"campaign\":\"" + campaign
                + "\",\"idempotencyKey\":\"" + key + "\",";
        String one = "r" + i + "@x.example";
        String two = "s" + i + "@y.example";
        return switch (i % 10) {
            case 0, 1, 2 -> new Request(key, "{" + tags + "\"from\":" + FROM + ",\"recipients\":[\"" + one
                    + "\"],\"subject\":\"Plain " + i + " ✓\",\"text\":\"Hello number " + i + "\\nBye\"}", tenant,
                    campaign, List.of(one), null);
            case 3, 4 -> new Request(key, "{" + tags + "\"from\":" + FROM + ",\"recipients\":[{\"address\":\"" + one
                    + "\",\"variables\":{\"name\":\"Ann <" + i + ">\"}},{\"address\":\"" + two
                    + "\",\"variables\":{\"name\":\"Bob\"}}],\"subject\":\"Hi {{name}}\",\"text\":\"Dear {{name}}\","
                    + "\"html\":\"<p>Dear {{name}}</p>\"}", tenant, campaign, List.of(one, two), null);
            case 5 -> new Request(key, "{" + tags + "\"from\":" + FROM + ",\"recipients\":[{\"address\":\"" + one
                    + "\",\"variables\":{\"name\":\"Cy\"}}],\"template\":\"welcome\"}", tenant, campaign,
                    List.of(one), null);
            case 6 -> new Request(key, "{" + tags + "\"from\":" + FROM + ",\"recipients\":[\"" + one + "\",\"" + two
                    + "\"],\"subject\":\"Report\",\"text\":\"attached\",\"attachments\":[{\"filename\":\"r.csv\","
                    + "\"contentType\":\"text/csv\",\"content\":\""
                    + Base64.getEncoder().encodeToString(("a,b\r\n" + i + ",2\r\n").getBytes(StandardCharsets.UTF_8))
                    + "\"}]}", tenant, campaign, List.of(one, two), null);
            case 7 -> new Request(key, "{" + tags + "\"from\":" + FROM + ",\"recipients\":[\"" + one
                    + "\"],\"subject\":\"Fetched\",\"text\":\"see file\",\"attachments\":[{\"filename\":\"f.bin\","
                    + "\"url\":\"" + attachmentUrl + "\"}]}", tenant, campaign, List.of(one), null);
            case 8 -> raw(i, tags, tenant, campaign, key, one);
            default -> invalid(i, tags, tenant, campaign, key, one);
        };
    }

    private static Request raw(int i, String tags, String tenant, String campaign, String key, String to) {
        String message = "From: raw@acme.example\r\nTo: " + to + "\r\nSubject: raw " + i
                + "\r\nMessage-ID: <raw-" + i + "@acme.example>\r\nDate: Mon, 23 Nov 2026 12:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbuilt by the sender " + i + "\r\n";
        return new Request(key, "{" + tags + "\"envelope\":{\"from\":\"raw@acme.example\",\"recipients\":[\"" + to
                + "\"]},\"message\":\"" + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets
                .US_ASCII)) + "\"}", tenant, campaign, List.of(to), null);
    }

    private Request invalid(int i, String tags, String tenant, String campaign, String key, String to) {
        String reason = INVALID[(i / 10) % INVALID.length];
        String base = "{" + tags + "\"from\":" + FROM + ",";
        String json = switch (reason) {
            case "schema" -> base + "\"recipients\":[\"" + to + "\"],\"subject\":\"s\",\"text\":\"t\",\"colour\":1}";
            case "address" -> base + "\"recipients\":[\"bad@@x.example\"],\"subject\":\"s\",\"text\":\"t\"}";
            case "body" -> base + "\"recipients\":[\"" + to + "\"],\"subject\":\"s\"}";
            case "size" -> base + "\"recipients\":[" + "\"m@x.example\",".repeat(60) + "\"" + to
                    + "\"],\"subject\":\"s\",\"text\":\"t\"}";
            case "expired" -> "{\"notAfter\":\"2020-01-01T00:00:00Z\"," + base.substring(1) + "\"recipients\":[\""
                    + to + "\"],\"subject\":\"s\",\"text\":\"t\"}";
            case "template" -> base + "\"recipients\":[\"" + to + "\"],\"template\":\"nope\"}";
            default -> base + "\"recipients\":[\"" + to + "\"],\"subject\":\"s\",\"text\":\"t\",\"attachments\":"
                    + "[{\"filename\":\"gone.pdf\",\"url\":\"" + missingUrl + "\"}]}";
        };
        return new Request(key, json, tenant, campaign, List.of(), reason);
    }
}
