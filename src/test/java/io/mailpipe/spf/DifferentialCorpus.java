package io.mailpipe.spf;

import io.mailpipe.dns.DnsStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the differential test's data from a fixed seed: shared infrastructure (hosts, MX sets, reverse names,
 * include chains, loops, DNS failures, explanation records) and random policies over a pool of terms covering
 * every mechanism, CIDR forms, macros, exists, ptr, redirect, exp, void lookups and the processing limits of
 * RFC 7208 §4.6.4; then queries (client address, sender, HELO) against those policies.
 */
final class DifferentialCorpus {

    /** One query: client address, MAIL FROM ("" for the null reverse-path) and HELO name. */
    record Query(String ip, String mailFrom, String helo) {
    }

    private static final String[] TERMS = {
        "ip4:192.0.2.0/28", "ip4:203.0.113.5", "ip6:2001:db8::/64", "ip6:2001:db8:1::/48", "a", "a/24", "a//64",
        "a:mail1.ex.test", "a:mail2.ex.test/30", "a:nothere.ex.test", "a:nothere2.ex.test", "a:aerr.ex.test",
        "mx", "mx/24", "mx:mxdom.ex.test", "mx:mxbig.ex.test", "mx:mxvoid.ex.test", "ptr", "ptr:ex.test",
        "ptr:mail1.ex.test", "exists:%{ir}.bl.ex.test", "exists:%{l}.users.ex.test", "exists:%{d2}.nx.ex.test",
        "include:inc1.ex.test", "include:inc2.ex.test", "include:inc3.ex.test", "include:loop1.ex.test",
        "include:tmp.ex.test", "include:nospf.ex.test", "include:cname.ex.test", "include:bad.ex.test",
        "a:%{h}", "exists:%{v}.%{ir}.rev.ex.test", "a:%{l1r-}.ex.test", "include:%{d}", "exists:%{p}.ptrs.ex.test",
        "mx:%{o}", "include:deep1.ex.test", "a:mail1.ex.test//48",
    };
    private static final String[] ENDINGS = {"-all", "~all", "?all", "", "redirect=inc1.ex.test",
        "redirect=redir1.ex.test", "redirect=redirloop.ex.test", "redirect=nospf.ex.test", "+all"};
    private static final String[] EXPS = {"", "", "exp=expmsg.ex.test", "exp=expbad.ex.test",
        "exp=%{d}.exps.ex.test", "exp=nothere.ex.test"};
    private static final String[] CLIENTS = {"192.0.2.10", "192.0.2.20", "192.0.2.99", "198.51.100.7",
        "203.0.113.5", "2001:db8::10", "2001:db8:1::1", "10.0.0.1", "192.0.2.30", "192.0.2.101"};
    private static final String[] LOCALS = {"alice", "bob", "first.last", "x-y"};

    private final DifferentialZone zone = new DifferentialZone();
    private final List<Query> queries = new ArrayList<>();
    private final java.util.Map<String, String> policyTexts = new java.util.HashMap<>();

    DifferentialCorpus(long seed, int policies, int queriesPerPolicy) {
        infrastructure();
        Random random = new Random(seed);
        for (int k = 0; k < policies; k++) {
            String domain = "p" + k + ".ex.test";
            String policy = policy(random);
            policyTexts.put(domain, policy);
            zone.txt(domain, policy);
            if (k % 3 != 0) {
                zone.a(domain, "192.0.2." + (100 + k % 5)).mx(domain, 10, "mail2.ex.test");
            }
            for (int q = 0; q < queriesPerPolicy; q++) {
                String ip = CLIENTS[random.nextInt(CLIENTS.length)];
                boolean helo = random.nextInt(8) == 0;
                String local = LOCALS[random.nextInt(LOCALS.length)];
                queries.add(helo ? new Query(ip, "", domain) : new Query(ip, local + "@" + domain, "mail1.ex.test"));
            }
        }
    }

    DifferentialZone zone() {
        return zone;
    }

    List<Query> queries() {
        return queries;
    }

    /** The generated policy a query is evaluated against, for diagnostics. */
    String policyOf(Query query) {
        String domain = query.mailFrom().isEmpty() ? query.helo()
                : query.mailFrom().substring(query.mailFrom().indexOf('@') + 1);
        return policyTexts.get(domain);
    }

    private static String policy(Random random) {
        StringBuilder out = new StringBuilder("v=spf1");
        int terms = 1 + random.nextInt(5);
        for (int i = 0; i < terms; i++) {
            out.append(' ').append("  +-~?".charAt(random.nextInt(6))).append(TERMS[random.nextInt(TERMS.length)]);
        }
        String ending = ENDINGS[random.nextInt(ENDINGS.length)];
        String exp = EXPS[random.nextInt(EXPS.length)];
        return (out + (ending.isEmpty() ? "" : " " + ending) + (exp.isEmpty() ? "" : " " + exp))
                .replace("v=spf1  ", "v=spf1 ").replace("  ", " ");
    }

    private void infrastructure() {
        zone.a("mail1.ex.test", "192.0.2.10").aaaa("mail1.ex.test", "2001:db8::10")
                .a("mail2.ex.test", "192.0.2.20", "192.0.2.21").a("mail3.ex.test", "203.0.113.5")
                .a("other.ex.test", "192.0.2.77").a("liar.ex.test", "192.0.2.31")
                .mx("mxdom.ex.test", 10, "mail1.ex.test").mx("mxdom.ex.test", 20, "mail2.ex.test")
                .mx("mxvoid.ex.test", 10, "nohost.ex.test")
                .ptr("10.2.0.192.in-addr.arpa", "mail1.ex.test")
                .ptr("30.2.0.192.in-addr.arpa", "liar.ex.test")
                .ptr("20.2.0.192.in-addr.arpa", "mail2.ex.test").ptr("20.2.0.192.in-addr.arpa", "other.ex.test")
                .ptr("0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "mail1.ex.test")
                .a("99.2.0.192.bl.ex.test", "127.0.0.2").a("alice.users.ex.test", "127.0.0.1")
                .a("in-addr.10.2.0.192.rev.ex.test", "127.0.0.3").a("mail1.ex.test.ptrs.ex.test", "127.0.0.4")
                .a("alice.ex.test", "192.0.2.10").a("bob.ex.test", "192.0.2.99")
                .txt("inc1.ex.test", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:1::/48 -all")
                .txt("inc2.ex.test", "v=spf1 include:inc1.ex.test a:mail3.ex.test ~all")
                .txt("inc3.ex.test", "v=spf1 include:inc2.ex.test mx:mxdom.ex.test ?all")
                .txt("loop1.ex.test", "v=spf1 include:loop2.ex.test -all")
                .txt("loop2.ex.test", "v=spf1 include:loop1.ex.test -all")
                .txt("redir1.ex.test", "v=spf1 redirect=inc2.ex.test")
                .txt("redirloop.ex.test", "v=spf1 redirect=redirloop.ex.test")
                .txt("nospf.ex.test", "hello world")
                .txt("bad.ex.test", "v=spf1 ip4:300.1.1.1 -all")
                .txt("two.ex.test", "v=spf1 -all").txt("two.ex.test", "v=spf1 +all")
                .cname("cname.ex.test", "inc1.ex.test")
                .txt("expmsg.ex.test", "%{i} not allowed for %{d} (sender %{s}, helo %{h}, %{c} via %{r})")
                .txt("expbad.ex.test", "bad %{x} macro")
                .fail("tmp.ex.test", "TXT", DnsStatus.TIMEOUT).fail("aerr.ex.test", "A", DnsStatus.SERVFAIL);
        for (int i = 0; i < 11; i++) {
            zone.mx("mxbig.ex.test", i, "mxh" + i + ".ex.test").a("mxh" + i + ".ex.test", "198.51.100." + (200 + i));
        }
        for (int i = 1; i <= 11; i++) {
            zone.txt("deep" + i + ".ex.test", "v=spf1 a:void" + i + ".ex.test include:deep" + (i + 1) + ".ex.test");
        }
        for (String d : new String[] {"p1.ex.test", "p2.ex.test", "p4.ex.test", "p5.ex.test"}) {
            zone.txt(d + ".exps.ex.test", "%{l} at %{o}: policy of %{d} says no");
        }
    }
}
