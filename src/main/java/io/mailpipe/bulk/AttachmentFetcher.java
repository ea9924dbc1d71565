package io.mailpipe.bulk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches attachment content named by an http or https URL (RFC 9110 GET) with the JDK HTTP client: only a 200
 * answer counts, redirects are not followed (a redirect could leave the allowed URL prefixes), the body may not
 * exceed the size cap, and the whole exchange must finish within the time limit. Every failure is a rejection with
 * reason attachment, so an unreachable file never holds up the requests behind it for longer than the limit.
 */
public final class AttachmentFetcher {

    private final HttpClient client;
    private final long maxBytes;
    private final Duration timeout;
    private final List<String> allowedPrefixes;

    public AttachmentFetcher(long maxBytes, Duration timeout, List<String> allowedPrefixes) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    /** The content at {@code url}; {@code field} names the attachment in a rejection. */
    public byte[] fetch(URI url, String field) throws BulkRequestRejectedException {
        if (!allowedPrefixes.isEmpty() && allowedPrefixes.stream().noneMatch(url.toString()::startsWith)) {
            throw rejection(field, "URL not under an allowed prefix: " + url);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request,
                info -> new BoundedBodySubscriber(info.statusCode() == 200 ? maxBytes : 0));
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw rejection(field, "GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw tooSlow(url, field);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw tooSlow(url, field);
            }
            String reason = cause instanceof BoundedBodySubscriber.TooLargeException ? "larger than " + maxBytes
                    + " octets" : cause instanceof IOException ? cause.toString() : String.valueOf(cause);
            throw rejection(field, "GET " + url + " failed: " + reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rejection(field, "interrupted while fetching " + url);
        }
    }

    private BulkRequestRejectedException tooSlow(URI url, String field) {
        return rejection(field, "GET " + url + " took longer than " + timeout.toMillis() + " ms");
    }

    private static BulkRequestRejectedException rejection(String field, String message) {
        return new BulkRequestRejectedException(Rejection.Reason.ATTACHMENT, field + "/url", message);
    }
}
