package io.mailpipe.feedback;

import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The shipped rules against replies shaped like those of large providers and common MTAs (texts written here). */
class BounceClassifierTest {

    private final BounceClassifier classifier = BounceClassifier.shipped();

    static Stream<Arguments> replies() {
        return Stream.of(
                arguments(550, "5.1.1", "The email account that you tried to reach does not exist. Please check the spelling", "bad_mailbox"),
                arguments(550, "5.2.1", "The email account that you tried to reach is disabled.", "bad_mailbox"),
                arguments(452, "4.2.2", "The recipient's inbox is out of storage space. Please direct the recipient to a help page", "mailbox_full"),
                arguments(421, "4.7.28", "Our system has detected an unusual rate of unsolicited mail originating from your IP address", "rate_limited"),
                arguments(450, "4.2.1", "The user you are trying to contact is receiving mail at a rate that prevents additional messages", "rate_limited"),
                arguments(550, "5.7.26", "This mail has been blocked because the sender is unauthenticated.", "auth_failure"),
                arguments(550, "5.7.1", "Our system has detected that this message is likely unsolicited mail.", "policy"),
                arguments(552, "5.2.3", "Your message exceeded the message size limits of this server.", "message_too_large"),
                arguments(550, "5.5.0", "Requested action not taken: mailbox unavailable (S2017062302)", "bad_mailbox"),
                arguments(550, "5.4.1", "Recipient address rejected: Access denied. AS(201806281)", "bad_mailbox"),
                arguments(550, "5.1.10", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "bad_mailbox"),
                arguments(550, "5.7.1", "Messages from [192.0.2.7] weren't sent. Part of their network is on our block list (S3150)", "policy"),
                arguments(451, "4.7.500", "Server busy. Please try again later from [192.0.2.7]. (S77714)", "rate_limited"),
                arguments(550, "5.7.509", "Access denied, sending domain example.com does not pass DMARC verification", "auth_failure"),
                arguments(550, "5.7.606", "Access denied, banned sending IP [192.0.2.7]", "policy"),
                arguments(554, null, "delivery error: dd This user doesn't have a example.com account (x@example.com) [0]", "bad_mailbox"),
                arguments(421, "4.7.0", "[TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected volume or user complaints", "rate_limited"),
                arguments(553, "5.7.1", "[BL21] Connections will not be accepted from 192.0.2.7, because the ip is in Spamhaus's list", "policy"),
                arguments(552, null, "1 Requested mail action aborted, mailbox not found", "bad_mailbox"),
                arguments(550, "5.1.1", "<bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table", "bad_mailbox"),
                arguments(450, "4.1.2", "<bob@nowhere.example>: Recipient address rejected: Domain not found", "bad_domain"),
                arguments(554, "5.7.1", "Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org", "policy"),
                arguments(452, "4.5.3", "Error: too many recipients", "protocol"),
                arguments(552, "5.3.4", "Message size exceeds fixed limit", "message_too_large"),
                arguments(550, null, "Unrouteable address", "routing"),
                arguments(421, "4.4.2", "Timeout exceeded, closing connection", "network"),
                arguments(451, "4.4.1", "connection refused by mx.example.net", "network"),
                arguments(550, "5.1.2", "domain nowhere.example does not exist (NXDOMAIN)", "bad_domain"),
                arguments(556, "5.1.10", "domain example.com does not accept mail (null MX)", "bad_domain"),
                arguments(451, "4.4.3", "DNS lookup for example.com failed: SERVFAIL", "routing"),
                arguments(550, "5.4.4", "no mail server address found for example.com", "routing"),
                arguments(500, "5.5.1", "Command unrecognized", "protocol"),
                arguments(552, "5.2.2", "Quota exceeded (mailbox for user is full)", "mailbox_full"),
                arguments(452, null, "Mailbox is over quota, try again later", "mailbox_full"),
                arguments(421, null, "Too many concurrent SMTP connections from this IP address; please try again later", "rate_limited"),
                arguments(550, "5.7.23", "SPF validation failed for example.com", "auth_failure"),
                arguments(554, "5.6.0", "Message could not be processed", "other"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("replies")
    void classifiesRealWorldShapedReplies(int code, String status, String text, String category) {
        assertEquals(category, classifier.classify(SmtpReply.of(code, status, text)).category().id());
    }

    @Test
    void statusClassComesFromTheEnhancedStatusElseTheBasicCode() {
        assertEquals("permanent", classifier.classify(SmtpReply.of(550, "5.1.1", "unknown")).statusClass());
        assertEquals("transient", classifier.classify(SmtpReply.of(451, "4.4.1", "refused")).statusClass());
        assertEquals("transient", classifier.classify(SmtpReply.of(421, null, "busy")).statusClass());
        assertNull(classifier.classify(null).statusClass());
        assertEquals(BounceCategory.OTHER, classifier.classify(null).category());
    }
}
