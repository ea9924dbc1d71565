package io.mailpipe.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * One lookup of a name and type over dnsjava's asynchronous resolver, read from the response messages themselves
 * so that nothing a cache needs is lost: the RCODE (RFC 1035 §4.1.1; NXDOMAIN against NOERROR without data, RFC
 * 2308 §2), the answer section walked along its CNAME chain (RFC 1034 §3.6.2, DNAMEs turned into CNAMEs by
 * {@link Message#normalize(Message)}, RFC 6672 §3.2) with another query when the chain leaves the answer
 * unresolved, up to a limit and never in a loop; and the TTL of the result: the least TTL of the records used,
 * and for a negative answer the lesser of the SOA record's TTL and MINIMUM field (RFC 2308 §5), or a configured
 * fallback when the response carries no SOA. The result is a {@link DnsAnswer} of raw dnsjava records.
 */
final class DnsMessageLookup {

    private final org.xbill.DNS.Resolver resolver;
    private final int maxCnameChain;
    private final long negativeTtlWithoutSoa;

    DnsMessageLookup(org.xbill.DNS.Resolver resolver, int maxCnameChain, Duration negativeTtlWithoutSoa) {
        this.resolver = resolver;
        this.maxCnameChain = maxCnameChain;
        this.negativeTtlWithoutSoa = negativeTtlWithoutSoa.toSeconds();
    }

    /** Completes exceptionally only for transport failures (timeouts, I/O errors). */
    CompletionStage<DnsAnswer<Record>> lookup(Name name, int type) {
        return query(new Chain(name, type));
    }

    private CompletionStage<DnsAnswer<Record>> query(Chain chain) {
        Message query = Message.newQuery(Record.newRecord(chain.current, chain.type, DClass.IN));
        return resolver.sendAsync(query, Runnable::run).thenCompose(response -> read(chain, query, response));
    }

    private CompletionStage<DnsAnswer<Record>> read(Chain chain, Message query, Message response) {
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            return done(DnsAnswer.servfail(chain.describe() + "server answered " + Rcode.string(rcode)));
        }
        Message normalized = response.normalize(query);
        if (normalized == null) {
            return done(DnsAnswer.servfail(chain.describe() + "malformed response"));
        }
        Name asked = chain.current;
        List<Record> found = new ArrayList<>();
        for (Record record : normalized.getSection(Section.ANSWER)) {
            if (record instanceof CNAMERecord cname && record.getName().equals(chain.current)) {
                if (!chain.follow(cname)) {
                    return done(DnsAnswer.servfail(chain.describe() + "CNAME chain too long or looping"));
                }
            } else if (record.getType() == chain.type && record.getName().equals(chain.current)) {
                found.add(record);
                chain.limitTtl(record.getTTL());
            }
        }
        if (!found.isEmpty()) {
            return done(DnsAnswer.found(found).withTtl(chain.ttl()));
        }
        SOARecord soa = soaOf(normalized);
        if (soa == null && !asked.equals(chain.current)) {
            return query(chain);
        }
        chain.limitTtl(soa == null ? negativeTtlWithoutSoa : Math.min(soa.getTTL(), soa.getMinimum()));
        DnsAnswer<Record> negative = rcode == Rcode.NXDOMAIN ? DnsAnswer.nxdomain() : DnsAnswer.nodata();
        return done(negative.withTtl(chain.ttl()));
    }

    private static SOARecord soaOf(Message message) {
        for (Record record : message.getSection(Section.AUTHORITY)) {
            if (record instanceof SOARecord soa) {
                return soa;
            }
        }
        return null;
    }

    private static CompletionStage<DnsAnswer<Record>> done(DnsAnswer<Record> answer) {
        return CompletableFuture.completedFuture(answer);
    }

    /** Where a lookup has got to along its CNAME chain, and the least TTL seen on the way. */
    private final class Chain {
        private final int type;
        private final Set<Name> visited = new HashSet<>();
        private Name current;
        private long ttl = Long.MAX_VALUE;

        Chain(Name start, int type) {
            this.type = type;
            this.current = start;
            visited.add(start);
        }

        boolean follow(CNAMERecord cname) {
            limitTtl(cname.getTTL());
            current = cname.getTarget();
            return visited.add(current) && visited.size() <= maxCnameChain + 1;
        }

        void limitTtl(long seconds) {
            ttl = Math.min(ttl, Math.max(0, seconds));
        }

        Duration ttl() {
            return Duration.ofSeconds(ttl == Long.MAX_VALUE ? 0 : ttl);
        }

        String describe() {
            return current + "/" + org.xbill.DNS.Type.string(type) + ": ";
        }
    }
}
