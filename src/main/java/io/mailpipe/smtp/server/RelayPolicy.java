package io.mailpipe.smtp.server;

import io.mailpipe.smtp.Recipient;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a RCPT may be accepted, so the server is never an open relay (RFC 5321 §3.9, §7.1; RFC 5068 §3):
 * mail for a local domain is always accepted; mail for elsewhere only from an authenticated client (RFC 4954) or
 * from an address inside a trusted network.
 */
public final class RelayPolicy {

    private final Set<String> localDomains;
    private final List<NetworkRange> trustedNetworks;

    public RelayPolicy(Set<String> localDomains, List<String> trustedNetworks) {
        this.localDomains = Set.copyOf(localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
        this.trustedNetworks = trustedNetworks.stream().map(NetworkRange::parse).toList();
    }

    public boolean allows(Recipient recipient, InetAddress client, boolean authenticated) {
        return isLocal(recipient) || authenticated || isTrusted(client);
    }

    public boolean isLocal(Recipient recipient) {
        return localDomains.contains(recipient.domain());
    }

    public boolean isTrusted(InetAddress client) {
        for (NetworkRange range : trustedNetworks) {
            if (range.contains(client)) {
                return true;
            }
        }
        return false;
    }
}
