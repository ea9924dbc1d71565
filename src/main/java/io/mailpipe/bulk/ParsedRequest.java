package io.mailpipe.bulk;

/** The result of reading a send request: exactly one of a valid {@link SendRequest} and a {@link Rejection}. */
public record ParsedRequest(SendRequest request, Rejection rejection) {

    public ParsedRequest {
        if ((request == null) == (rejection == null)) {
            throw new IllegalArgumentException("either a request or a rejection");
        }
    }

    public boolean isValid() {
        return request != null;
    }
}
