package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The value rules that follow from a key's name, from the component option it feeds, and from the shape of its
 * shipped default.
 */
class ValueRulesTest {

    private final ValueRules rules = new ValueRules(ShippedConfiguration.load(), ComponentMetadata.ours());

    private Optional<String> check(String key, String value) {
        return rules.check(key, value);
    }

    private void valid(String key, String value) {
        assertEquals(Optional.empty(), check(key, value), key + " = " + value);
    }

    private void invalid(String key, String value, String expected) {
        Optional<String> problem = check(key, value);
        assertTrue(problem.isPresent(), key + " = " + value + " was accepted");
        assertTrue(problem.get().contains(expected), problem.get());
        assertTrue(problem.get().contains("\"" + value.strip() + "\""), problem.get());
    }

    @Test
    void portsAreWholeNumbersFromOneTo65535() {
        valid("smtpd.port", "25");
        valid("mailpipe.management.port", "65535");
        invalid("smtpd.port", "0", "not a port number");
        invalid("smtpd.port", "65536", "not a port number");
        invalid("smtpd.port", "twenty-five", "not a port number");
        invalid("mailpipe.submission.port", "-1", "not a port number");
    }

    @Test
    void listenHostsAreAddressesOrNamesThatResolve() {
        valid("smtpd.host", "127.0.0.1");
        valid("smtpd.host", "0.0.0.0");
        valid("smtpd.host", "::1");
        valid("smtpd.host", "localhost");
        invalid("smtpd.host", "300.1.2.3", "not an IP address");
        invalid("smtpd.host", "1.2.3", "not an IP address");
        invalid("smtpd.host", "fe80::zz", "not an IP address");
        invalid("smtpd.host", "no-such-host.invalid", "does not resolve");
        invalid("smtpd.host", "bad_name", "not a domain name");
    }

    @Test
    void networksAreCidrBlocks() {
        valid("smtpd.trusted-networks", "127.0.0.0/8, ::1/128,192.0.2.7");
        invalid("smtpd.trusted-networks", "10.0.0.0/33", "'10.0.0.0/33'");
        invalid("smtpd.trusted-networks", "127.0.0.0/8,localhost", "'localhost'");
        invalid("smtpd.trusted-networks", "10/8", "dotted-quad");
    }

    @Test
    void domainListsOverridesAndPolicies() {
        valid("smtpd.local-domains", "example.org,mail.example.net.,localhost");
        invalid("smtpd.local-domains", "example.org,exa mple.org", "'exa mple.org' is not a domain name");
        invalid("smtpd.local-domains", "-bad.example", "not a domain name");
        valid("mailpipe.mx.overrides", "example.org=127.0.0.1:2526,example.net=[::1]:25");
        invalid("mailpipe.mx.overrides", "example.org", "needs domain=host:port");
        invalid("mailpipe.mx.overrides", "example.org=mx.example.org:99999", "port out of range");
        valid("mailpipe.mx.tls-policy", "required-verify");
        invalid("mailpipe.mx.tls-policy", "always", "not a TLS policy");
        valid("mailpipe.mx.tls-policies", "example.org=required,example.net=none");
        invalid("mailpipe.mx.tls-policies", "example.org=sometimes", "not a list of domain=policy");
    }

    @Test
    void durationsAndHostPortLists() {
        valid("mailpipe.queue.retry-initial-delay", "30s");
        valid("mailpipe.queue.max-lifetime", "5d");
        invalid("mailpipe.queue.max-lifetime", "5 days", "not a duration");
        invalid("mailpipe.queue.retry-max-delay", "0m", "not a duration");
        valid("mailpipe.kafka.retry-tiers", "1m,10m,1h");
        invalid("mailpipe.kafka.retry-tiers", "1m,soon", "'soon'");
        valid("mailpipe.dns-servers", "127.0.0.1:53,[::1]:5353");
        invalid("mailpipe.dns-servers", "127.0.0.1:99999", "not a list of host:port");
        valid("mailpipe.mx.smarthost", "relay.example.org:587");
        invalid("mailpipe.kafka.brokers", "127.0.0.1:x", "bad port");
        valid("mailpipe.kafka.brokers", "localhost:35429,broker-2.example:9093");
    }

    @Test
    void componentOptionsGiveTypesAndEnumValues() {
        valid("spf.policy", "rejectFail");
        invalid("spf.policy", "strict", "not one of record, rejectFail, rejectFailAndSoftfail");
        invalid("spf.temperror", "retry", "not one of accept, defer");
        invalid("smtpd.max-recipients", "lots", "not a whole number");
        invalid("smtpd.auth-allow-plaintext", "yes", "not true or false");
        invalid("smtpd.bare-line-endings", "FIX", "not one of");
    }

    @Test
    void otherwiseTheShippedDefaultGivesTheKind() {
        invalid("mailpipe.kafka.partitions", "six", "not a whole number");
        valid("mailpipe.kafka.partitions", "12");
        invalid("mailpipe.require-tls-files", "maybe", "not true or false");
    }

    @Test
    void emptyValuesPlaceholdersAndBeanReferencesAreNotChecked() {
        valid("smtpd.port", "");
        valid("smtpd.port", "{{env:PORT}}");
        valid("mailpipe.queue.bounce-sink", "#bean:dsnBounces");
    }
}
