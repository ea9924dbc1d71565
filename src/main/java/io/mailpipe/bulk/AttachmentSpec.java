package io.mailpipe.bulk;

import java.net.URI;
import java.util.Objects;

/**
 * An attachment as the request gives it: a file name, a MIME type (RFC 2045 §5) and either the content itself
 * (decoded from base64, RFC 4648 §4) or an http(s) URL to fetch it from; exactly one of {@code content} and
 * {@code url} is set. {@code field} is the JSON Pointer of the attachment in the request, for rejections.
 */
public record AttachmentSpec(String filename, String contentType, byte[] content, URI url, String field) {

    public AttachmentSpec {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        if ((content == null) == (url == null)) {
            throw new IllegalArgumentException("an attachment has either content or a url");
        }
        content = content == null ? null : content.clone();
    }

    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }
}
