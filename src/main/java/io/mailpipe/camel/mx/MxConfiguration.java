package io.mailpipe.camel.mx;

import io.mailpipe.dns.Resolver;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an {@code mx:} endpoint, each documented once here: EHLO name, STARTTLS policies (RFC 3207), the
 * time limits of RFC 5321 §4.5.3.2, connection pool and per-destination limits, MX routing limits and IPv6
 * preference (RFC 5321 §5.1), per-domain overrides, the smarthost with AUTH (RFC 4954) and the DNS resolver.
 */
@UriParams
public class MxConfiguration implements Cloneable {

    @UriParam(label = "common", defaultValue = "localhost",
              description = "The host name sent in EHLO/HELO; set it to this MTA's public name (RFC 5321 §4.1.1.1).")
    private String heloName = "localhost";

    @UriParam(label = "security", defaultValue = "opportunistic", enums = "none,opportunistic,required,required-verify",
              description = "STARTTLS policy for every domain without its own: none; opportunistic (TLS when offered, certificate unchecked, plain text otherwise); required (TLS or fail, certificate unchecked); required-verify (TLS with a PKIX-valid certificate for the MX host name). TLS 1.2 or newer.")
    private String tlsPolicy = "opportunistic";

    @UriParam(label = "security",
              description = "Per-domain STARTTLS policies as domain=policy pairs separated by commas, e.g. bank.example=required-verify,old.example=none.")
    private String tlsPolicies;

    @UriParam(label = "security",
              description = "Trust anchors for required-verify (a TrustManagerFactory bean); the JDK's default trust store when not set.")
    private TrustManagerFactory trustManagers;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "Time limit for the TCP connection to be established.")
    private long connectTimeout = 30_000L;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Time limit for the 220 greeting (RFC 5321 §4.5.3.2.1).")
    private long greetingTimeout = 300_000L;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Time limit for the EHLO/HELO reply.")
    private long heloTimeout = 300_000L;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration",
              description = "Time limit for the STARTTLS reply and for the TLS handshake.")
    private long startTlsTimeout = 120_000L;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration",
              description = "Time limit for each AUTH reply.")
    private long authTimeout = 120_000L;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Time limit for the MAIL reply (RFC 5321 §4.5.3.2.2).")
    private long mailTimeout = 300_000L;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "Time limit for each RCPT reply (RFC 5321 §4.5.3.2.3).")
    private long rcptTimeout = 300_000L;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration",
              description = "Time limit for the 354 reply to DATA (RFC 5321 §4.5.3.2.4).")
    private long dataInitTimeout = 120_000L;

    @UriParam(label = "advanced", defaultValue = "3m", javaType = "java.time.Duration",
              description = "Time limit for each block of message data to be taken by the server (RFC 5321 §4.5.3.2.5).")
    private long dataBlockTimeout = 180_000L;

    @UriParam(label = "advanced", defaultValue = "10m", javaType = "java.time.Duration",
              description = "Time limit for the reply to the final dot (RFC 5321 §4.5.3.2.6).")
    private long dataTerminationTimeout = 600_000L;

    @UriParam(label = "advanced", defaultValue = "2m", javaType = "java.time.Duration",
              description = "Time limit for the RSET reply sent before each further message on a reused connection.")
    private long rsetTimeout = 120_000L;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "Time limit for the QUIT reply before the connection is closed anyway.")
    private long quitTimeout = 30_000L;

    @UriParam(label = "advanced", defaultValue = "2048",
              description = "The longest reply line accepted from a server, in octets; a longer line is a protocol error (transient 4.5.0).")
    private int maxReplyLineLength = 2048;

    @UriParam(label = "common", defaultValue = "100",
              description = "Messages sent over one connection before it is closed and a new one opened.")
    private int maxMessagesPerConnection = 100;

    @UriParam(label = "common", defaultValue = "5s", javaType = "java.time.Duration",
              description = "How long an unused connection is kept open for reuse.")
    private long idleTimeout = 5_000L;

    @UriParam(label = "common", defaultValue = "20",
              description = "Concurrent connections per destination (MX address and port), across all routes using the same settings; further deliveries wait without holding a thread.")
    private int maxConnectionsPerDestination = 20;

    @UriParam(label = "common", defaultValue = "0",
              description = "Messages started per second per destination; 0 means no limit.")
    private double messagesPerSecondPerDestination;

    @UriParam(label = "advanced", defaultValue = "2",
              description = "Netty I/O threads shared by all connections.")
    private int ioThreads = 2;

    @UriParam(label = "advanced", defaultValue = "4",
              description = "Threads that continue the route after a delivery completes, so route steps never run on an I/O thread.")
    private int callbackThreads = 4;

    @UriParam(label = "common", defaultValue = "25", description = "The SMTP port of MX hosts (RFC 5321 §4.5.4).")
    private int port = 25;

    @UriParam(label = "advanced", defaultValue = "5", description = "MX hosts tried at most per domain and attempt.")
    private int maxMxHosts = 5;

    @UriParam(label = "advanced", defaultValue = "10", description = "Addresses tried at most per domain and attempt.")
    private int maxAddresses = 10;

    @UriParam(label = "common", defaultValue = "true", description = "Whether IPv6 (AAAA) addresses of MX hosts are used.")
    private boolean useIpv6 = true;

    @UriParam(label = "common", defaultValue = "false",
              description = "Try each host's IPv6 addresses before its IPv4 addresses.")
    private boolean preferIpv6;

    @UriParam(label = "common",
              description = "Per-domain routes that replace the MX lookup, as domain=host:port pairs separated by commas (host may be an IP address or [IPv6]).")
    private String overrides;

    @UriParam(label = "smarthost",
              description = "Relay all mail through this host:port (a provider's submission server) instead of the MX hosts.")
    private String smarthost;

    @UriParam(label = "smarthost,security",
              description = "User name for AUTH PLAIN/LOGIN at the smarthost; credentials are only ever sent over TLS (required at least).")
    private String smarthostUser;

    @UriParam(label = "smarthost,security", secret = true, description = "Password for AUTH at the smarthost.")
    private String smarthostPassword;

    @UriParam(label = "advanced",
              description = "The DNS resolver bean (io.mailpipe.dns.Resolver) for MX, A and AAAA lookups; when not set, a dnsjava resolver using dnsServers or the system configuration.")
    private Resolver resolver;

    @UriParam(label = "advanced",
              description = "DNS servers for the built-in resolver, as host or host:port separated by commas; the system configuration when not set.")
    private String dnsServers;

    public MxConfiguration copy() {
        try {
            return (MxConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    // Getters and setters: plain bean properties for Camel's configurers.
    public String getHeloName() { return heloName; }
    public void setHeloName(String v) { heloName = v; }
    public String getTlsPolicy() { return tlsPolicy; }
    public void setTlsPolicy(String v) { tlsPolicy = v; }
    public String getTlsPolicies() { return tlsPolicies; }
    public void setTlsPolicies(String v) { tlsPolicies = v; }
    public TrustManagerFactory getTrustManagers() { return trustManagers; }
    public void setTrustManagers(TrustManagerFactory v) { trustManagers = v; }
    public long getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(long v) { connectTimeout = v; }
    public long getGreetingTimeout() { return greetingTimeout; }
    public void setGreetingTimeout(long v) { greetingTimeout = v; }
    public long getHeloTimeout() { return heloTimeout; }
    public void setHeloTimeout(long v) { heloTimeout = v; }
    public long getStartTlsTimeout() { return startTlsTimeout; }
    public void setStartTlsTimeout(long v) { startTlsTimeout = v; }
    public long getAuthTimeout() { return authTimeout; }
    public void setAuthTimeout(long v) { authTimeout = v; }
    public long getMailTimeout() { return mailTimeout; }
    public void setMailTimeout(long v) { mailTimeout = v; }
    public long getRcptTimeout() { return rcptTimeout; }
    public void setRcptTimeout(long v) { rcptTimeout = v; }
    public long getDataInitTimeout() { return dataInitTimeout; }
    public void setDataInitTimeout(long v) { dataInitTimeout = v; }
    public long getDataBlockTimeout() { return dataBlockTimeout; }
    public void setDataBlockTimeout(long v) { dataBlockTimeout = v; }
    public long getDataTerminationTimeout() { return dataTerminationTimeout; }
    public void setDataTerminationTimeout(long v) { dataTerminationTimeout = v; }
    public long getRsetTimeout() { return rsetTimeout; }
    public void setRsetTimeout(long v) { rsetTimeout = v; }
    public long getQuitTimeout() { return quitTimeout; }
    public void setQuitTimeout(long v) { quitTimeout = v; }
    public int getMaxReplyLineLength() { return maxReplyLineLength; }
    public void setMaxReplyLineLength(int v) { maxReplyLineLength = v; }
    public int getMaxMessagesPerConnection() { return maxMessagesPerConnection; }
    public void setMaxMessagesPerConnection(int v) { maxMessagesPerConnection = v; }
    public long getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(long v) { idleTimeout = v; }
    public int getMaxConnectionsPerDestination() { return maxConnectionsPerDestination; }
    public void setMaxConnectionsPerDestination(int v) { maxConnectionsPerDestination = v; }
    public double getMessagesPerSecondPerDestination() { return messagesPerSecondPerDestination; }
    public void setMessagesPerSecondPerDestination(double v) { messagesPerSecondPerDestination = v; }
    public int getIoThreads() { return ioThreads; }
    public void setIoThreads(int v) { ioThreads = v; }
    public int getCallbackThreads() { return callbackThreads; }
    public void setCallbackThreads(int v) { callbackThreads = v; }
    public int getPort() { return port; }
    public void setPort(int v) { port = v; }
    public int getMaxMxHosts() { return maxMxHosts; }
    public void setMaxMxHosts(int v) { maxMxHosts = v; }
    public int getMaxAddresses() { return maxAddresses; }
    public void setMaxAddresses(int v) { maxAddresses = v; }
    public boolean isUseIpv6() { return useIpv6; }
    public void setUseIpv6(boolean v) { useIpv6 = v; }
    public boolean isPreferIpv6() { return preferIpv6; }
    public void setPreferIpv6(boolean v) { preferIpv6 = v; }
    public String getOverrides() { return overrides; }
    public void setOverrides(String v) { overrides = v; }
    public String getSmarthost() { return smarthost; }
    public void setSmarthost(String v) { smarthost = v; }
    public String getSmarthostUser() { return smarthostUser; }
    public void setSmarthostUser(String v) { smarthostUser = v; }
    public String getSmarthostPassword() { return smarthostPassword; }
    public void setSmarthostPassword(String v) { smarthostPassword = v; }
    public Resolver getResolver() { return resolver; }
    public void setResolver(Resolver v) { resolver = v; }
    public String getDnsServers() { return dnsServers; }
    public void setDnsServers(String v) { dnsServers = v; }
}
