package io.mailpipe.dns;

import java.util.List;
import java.util.Objects;

/**
 * The typed answer to one DNS lookup: a {@link DnsStatus} and, for {@link DnsStatus#FOUND}, the records (RFC 1035
 * §4.1 answer section reduced to the asked type, CNAMEs already followed per RFC 1034 §3.6.2). {@code detail}
 * carries a human-readable reason for failures and is empty otherwise.
 *
 * @param <T> the record value type, such as {@link java.net.InetAddress}, {@link MxRecord} or {@link TxtRecord}
 */
public record DnsAnswer<T>(DnsStatus status, List<T> records, String detail) {

    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        detail = detail == null ? "" : detail;
        if ((status == DnsStatus.FOUND) == records.isEmpty()) {
            throw new IllegalArgumentException("FOUND needs records and only FOUND may carry them: " + status);
        }
    }

    public static <T> DnsAnswer<T> found(List<T> records) {
        return new DnsAnswer<>(DnsStatus.FOUND, records, "");
    }

    public static <T> DnsAnswer<T> nxdomain() {
        return new DnsAnswer<>(DnsStatus.NXDOMAIN, List.of(), "");
    }

    public static <T> DnsAnswer<T> nodata() {
        return new DnsAnswer<>(DnsStatus.NODATA, List.of(), "");
    }

    public static <T> DnsAnswer<T> servfail(String detail) {
        return new DnsAnswer<>(DnsStatus.SERVFAIL, List.of(), detail);
    }

    public static <T> DnsAnswer<T> timeout(String detail) {
        return new DnsAnswer<>(DnsStatus.TIMEOUT, List.of(), detail);
    }

    /** An answer with the same status and detail whose records are of another type. */
    public static <T> DnsAnswer<T> failureLike(DnsAnswer<?> other) {
        if (other.status == DnsStatus.FOUND) {
            throw new IllegalArgumentException("not a failure: " + other);
        }
        return new DnsAnswer<>(other.status, List.of(), other.detail);
    }

    public boolean isFound() {
        return status == DnsStatus.FOUND;
    }
}
