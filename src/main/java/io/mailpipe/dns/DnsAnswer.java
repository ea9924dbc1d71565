package io.mailpipe.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The typed answer to one DNS lookup: a {@link DnsStatus} and, for {@link DnsStatus#FOUND}, the records (RFC 1035
 * §4.1 answer section reduced to the asked type, CNAMEs already followed per RFC 1034 §3.6.2). {@code detail}
 * carries a human-readable reason for failures and is empty otherwise. {@code ttl} is how long the answer may be
 * reused from the moment it was received: the least TTL of the records it rests on (RFC 1035 §3.2.1, RFC 2181
 * §5.2), for NXDOMAIN and NODATA the negative TTL of RFC 2308 §5; {@link Duration#ZERO}, the default, means "do
 * not reuse" (as for failures and answers whose source knows no TTL).
 *
 * @param <T> the record value type, such as {@link java.net.InetAddress}, {@link MxRecord} or {@link TxtRecord}
 */
public record DnsAnswer<T>(DnsStatus status, List<T> records, String detail, Duration ttl) {

    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        detail = detail == null ? "" : detail;
        ttl = ttl == null ? Duration.ZERO : ttl;
        if ((status == DnsStatus.FOUND) == records.isEmpty()) {
            throw new IllegalArgumentException("FOUND needs records and only FOUND may carry them: " + status);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative TTL: " + ttl);
        }
    }

    /** An answer that is not to be reused (TTL zero). */
    public DnsAnswer(DnsStatus status, List<T> records, String detail) {
        this(status, records, detail, Duration.ZERO);
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

    /** An answer with the same status, detail and TTL whose records are of another type. */
    public static <T> DnsAnswer<T> failureLike(DnsAnswer<?> other) {
        if (other.status == DnsStatus.FOUND) {
            throw new IllegalArgumentException("not a failure: " + other);
        }
        return new DnsAnswer<>(other.status, List.of(), other.detail, other.ttl);
    }

    /** The same answer, reusable for {@code newTtl}. */
    public DnsAnswer<T> withTtl(Duration newTtl) {
        return new DnsAnswer<>(status, records, detail, newTtl);
    }

    public boolean isFound() {
        return status == DnsStatus.FOUND;
    }
}
