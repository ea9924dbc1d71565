package io.mailpipe.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@link Resolver} on dnsjava 3's asynchronous resolvers, without a cache of its own: queries go out over
 * dnsjava's NIO clients (one selector thread for all lookups, none per query), truncated UDP answers are retried
 * over TCP (RFC 7766 §5), CNAME chains are followed up to a limit (RFC 1034 §3.6.2) and every answer carries its
 * TTL, negative answers the SOA-derived one (RFC 2308 §5); see {@link DnsMessageLookup}. dnsjava's
 * {@code LookupSession} is not used because its results drop the authority section (so the negative TTL) and its
 * cache, costing microseconds per hit, would sit under {@link CachingResolver} as a second copy of every answer;
 * put a {@link CachingResolver} in front of this class to cache. Configuration comes from
 * {@link DnsjavaResolverSettings}. The returned stages complete on dnsjava's I/O thread (a hand-off to another
 * pool per query would cost more than the lookup itself): dependent actions must not block; work that may block
 * belongs in an {@code *Async} stage with its own executor.
 */
public final class DnsjavaResolver implements Resolver {

    /** How dnsjava's ExtendedResolver words the IOException that ends a query after all retries timed out. */
    private static final String TIMED_OUT = "Timed out";

    private final DnsMessageLookup lookups;

    public DnsjavaResolver(DnsjavaResolverSettings settings) {
        this.lookups = settings.buildLookup();
    }

    @Override
    public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
        return lookup(name, Type.A, ARecord.class, r -> (Inet4Address) r.getAddress());
    }

    @Override
    public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
        return lookup(name, Type.AAAA, AAAARecord.class, DnsjavaResolver::ipv6Of);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
        return lookup(name, Type.MX, MXRecord.class,
                r -> new MxRecord(r.getPriority(), r.getTarget().toString()));
    }

    @Override
    public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
        return lookup(name, Type.TXT, TXTRecord.class, DnsjavaResolver::txtOf);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
        return lookup(ReverseMap.fromAddress(address), Type.PTR, PTRRecord.class,
                r -> DnsNames.normalize(r.getTarget().toString()));
    }

    private <R extends Record, T> CompletionStage<DnsAnswer<T>> lookup(String name, int type, Class<R> recordClass,
            Function<R, T> convert) {
        Name parsed;
        try {
            parsed = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(
                    new DnsAnswer<>(DnsStatus.NXDOMAIN, List.of(), "not a valid domain name: " + e.getMessage()));
        }
        return lookup(parsed, type, recordClass, convert);
    }

    private <R extends Record, T> CompletionStage<DnsAnswer<T>> lookup(Name name, int type, Class<R> recordClass,
            Function<R, T> convert) {
        return lookups.lookup(name, type)
                .handle((answer, error) -> error == null
                        ? convert(answer, recordClass, convert)
                        : failureAnswer(name, type, error));
    }

    private static <R extends Record, T> DnsAnswer<T> convert(DnsAnswer<Record> answer, Class<R> recordClass,
            Function<R, T> convert) {
        if (!answer.isFound()) {
            return DnsAnswer.failureLike(answer);
        }
        List<T> values = new ArrayList<>();
        for (Record record : answer.records()) {
            if (recordClass.isInstance(record)) {
                values.add(convert.apply(recordClass.cast(record)));
            }
        }
        DnsAnswer<T> typed = values.isEmpty() ? DnsAnswer.nodata() : DnsAnswer.found(values);
        return typed.withTtl(answer.ttl());
    }

    private static <T> DnsAnswer<T> failureAnswer(Name name, int type, Throwable error) {
        Throwable cause = unwrap(error);
        String what = name + "/" + Type.string(type) + ": ";
        if (isTimeout(cause)) {
            return DnsAnswer.timeout(what + "no answer in time");
        }
        return DnsAnswer.servfail(what + cause);
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().startsWith(TIMED_OUT)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Inet6Address ipv6Of(AAAARecord record) {
        try {
            return Inet6Address.getByAddress(null, record.rdataToWireCanonical(), -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("AAAA record without a 16-octet address", e);
        }
    }

    private static TxtRecord txtOf(TXTRecord record) {
        List<String> strings = new ArrayList<>();
        for (Object bytes : record.getStringsAsByteArrays()) {
            strings.add(new String((byte[]) bytes, StandardCharsets.ISO_8859_1));
        }
        return new TxtRecord(strings);
    }
}
