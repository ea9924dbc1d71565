package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Domain, mailbox and address-literal syntax (RFC 5321 §4.1.2, §4.1.3, RFC 6531 §3.3). */
class MailboxesTest {

    @Test
    void asciiCheck() {
        assertTrue(Mailboxes.isAscii("user@example.org"));
        assertTrue(Mailboxes.isAscii(""));
        assertFalse(Mailboxes.isAscii("usér@example.org"));
        assertFalse(Mailboxes.isAscii("user@例え.jp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "a", "x-1.example", "1.2.3.4.example", "xn--bcher-kva.example",
        "bücher.example", "例え.テスト"})
    void validDomains(String domain) {
        assertTrue(Mailboxes.isValidDomain(domain), domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".example", "example.", "a..b", "-a.example", "a-.example", "a_b.example",
        "a b.example", "bü\uFFFDcher.example", "exa!mple.org"})
    void invalidDomains(String domain) {
        assertFalse(Mailboxes.isValidDomain(domain), domain);
    }

    @Test
    void domainLengthLimits() {
        assertTrue(Mailboxes.isValidDomain("a".repeat(63) + ".example"));
        assertFalse(Mailboxes.isValidDomain("a".repeat(64) + ".example"));
        String label = "a".repeat(63);
        String longDomain = String.join(".", label, label, label, label.substring(0, 61));
        assertEquals(253, longDomain.length());
        assertTrue(Mailboxes.isValidDomain(longDomain));
        assertFalse(Mailboxes.isValidDomain(longDomain + ".abc"));
    }

    @Test
    void canonicalFormDropsNeedlessQuotes() {
        assertEquals(Optional.of("john@example.org"), Mailboxes.canonicalMailbox("\"john\"@example.org"));
        assertEquals(Optional.of("\"john doe\"@example.org"), Mailboxes.canonicalMailbox("\"john\\ doe\"@example.org"));
        assertEquals(Optional.of("\"a.\"@example.org"), Mailboxes.canonicalMailbox("\"a.\"@example.org"));
        assertEquals(Optional.empty(), Mailboxes.canonicalMailbox("\"a\tb\"@example.org"));
        assertEquals(Optional.empty(), Mailboxes.canonicalMailbox("\"ab\"c@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[192.0.2.1]", "[0.0.0.0]", "[255.255.255.255]", "[IPv6:::]", "[IPv6:::1]",
        "[IPv6:2001:db8::]", "[IPv6:1:2:3:4:5:6:7:8]", "[IPv6:1:2:3::6:7:8]", "[IPv6:1:2:3:4:5:6:1.2.3.4]",
        "[IPv6:::ffff:1.2.3.4]", "[IPv6:1:2:3:4::1.2.3.4]", "[ipv6:FFFF::1]"})
    void validAddressLiterals(String literal) {
        assertTrue(AddressLiterals.isValid(literal), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "[192.0.2]", "[192.0.2.1.5]", "[1.2.3.256]", "[1.2.3.0001]", "[]",
        "[IPv6:1:2:3:4:5:6:7]", "[IPv6:1:2:3:4:5:6:7:8:9]", "[IPv6:1::2::3]", "[IPv6:1:2:3:4:5:6:7::]",
        "[IPv6:12345::]", "[IPv6:g::1]", "[IPv6:1:2:3:4:5::1.2.3.4]", "[IPv6:1.2.3.4]", "[x400:foo]",
        "[IPv6:1:2:3:4:5:6:7:1.2.3.4]"})
    void invalidAddressLiterals(String literal) {
        assertFalse(AddressLiterals.isValid(literal), literal);
    }
}
