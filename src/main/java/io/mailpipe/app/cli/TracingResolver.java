package io.mailpipe.app.cli;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A {@link Resolver} that reports every lookup it passes on (name, type, status and records) as one trace line,
 * for {@code spf --trace}.
 */
final class TracingResolver implements Resolver {

    private final Resolver delegate;
    private final Consumer<String> trace;

    TracingResolver(Resolver delegate, Consumer<String> trace) {
        this.delegate = delegate;
        this.trace = trace;
    }

    @Override
    public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
        return traced(name, "A", delegate.lookupA(name));
    }

    @Override
    public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
        return traced(name, "AAAA", delegate.lookupAaaa(name));
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
        return traced(name, "MX", delegate.lookupMx(name));
    }

    @Override
    public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
        return traced(name, "TXT", delegate.lookupTxt(name));
    }

    @Override
    public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
        return traced(address.getHostAddress(), "PTR", delegate.lookupPtr(address));
    }

    private <T> CompletionStage<DnsAnswer<T>> traced(String name, String type, CompletionStage<DnsAnswer<T>> stage) {
        return stage.thenApply(answer -> {
            trace.accept("dns " + type + " " + name + " -> " + describe(answer));
            return answer;
        });
    }

    private static String describe(DnsAnswer<?> answer) {
        if (!answer.isFound()) {
            return answer.status() + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")");
        }
        return answer.records().stream().map(TracingResolver::show).collect(Collectors.joining(", "));
    }

    private static String show(Object record) {
        if (record instanceof InetAddress address) {
            return address.getHostAddress();
        }
        if (record instanceof TxtRecord txt) {
            return "\"" + txt.text() + "\"";
        }
        if (record instanceof MxRecord mx) {
            return mx.preference() + " " + mx.host();
        }
        return record.toString();
    }
}
