package io.mailpipe.camel.routing;

import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How the delivery branches of one message combine into one outcome per recipient for the queue. */
class RecipientReportsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final RecipientReports reports = new RecipientReports();

    @Test
    void allBranchesDeliveredIsSuccessWithEveryRecipientReported() {
        Exchange done = combine(branch(List.of("a@local.test")), mxBranch(List.of("b@remote.test"),
                Map.of("b@remote.test", reply(250, "2.0.0"))));

        reports.conclude(done);

        assertEquals(Map.of("a@local.test", RecipientOutcome.DELIVERED, "b@remote.test", RecipientOutcome.DELIVERED),
                outcomes(done.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class)));
        assertNull(done.getException());
    }

    @Test
    void aDeferredRemoteRecipientKeepsTheLocalOneDelivered() {
        Exchange remote = branch(List.of("b@remote.test"));
        remote.setException(new TransientDeliveryException("deferred", report(Map.of("b@remote.test",
                reply(451, "4.2.0")))));

        Exchange done = combine(branch(List.of("a@local.test")), remote);
        TransientDeliveryException thrown = assertThrows(TransientDeliveryException.class,
                () -> reports.conclude(done));

        assertEquals(Map.of("a@local.test", RecipientOutcome.DELIVERED, "b@remote.test", RecipientOutcome.TRANSIENT),
                outcomes(thrown.report()));
        assertEquals(List.of("b@remote.test"), thrown.report().pendingRecipients());
    }

    @Test
    void deliveredAndBouncedWithoutPendingIsAPermanentFailure() {
        Exchange remote = branch(List.of("b@remote.test", "c@remote.test"));
        remote.setException(new PermanentDeliveryException("failed", report(Map.of("b@remote.test",
                reply(550, "5.1.1"), "c@remote.test", reply(250, "2.0.0")))));

        Exchange done = combine(branch(List.of("a@local.test")), remote);
        PermanentDeliveryException thrown = assertThrows(PermanentDeliveryException.class,
                () -> reports.conclude(done));

        assertEquals(Map.of("a@local.test", RecipientOutcome.DELIVERED, "b@remote.test", RecipientOutcome.PERMANENT,
                "c@remote.test", RecipientOutcome.DELIVERED), outcomes(thrown.report()));
    }

    @Test
    void aBranchThatFailsWithoutAReportDefersOnlyItsOwnRecipients() {
        Exchange local = branch(List.of("a@local.test", "x@local.test"));
        local.setException(new IllegalStateException("disk full"));

        Exchange done = combine(local, branch(List.of("b@remote.test")));
        TransientDeliveryException thrown = assertThrows(TransientDeliveryException.class,
                () -> reports.conclude(done));

        assertEquals(Map.of("a@local.test", RecipientOutcome.TRANSIENT, "x@local.test", RecipientOutcome.TRANSIENT,
                "b@remote.test", RecipientOutcome.DELIVERED), outcomes(thrown.report()));
        RecipientResult local0 = thrown.report().results().get(0);
        assertEquals(new SmtpReply(451, "4.3.0", List.of("disk full")), local0.reply());
    }

    @Test
    void reportedAddressesMatchWithoutCaseButKeepTheEnvelopeSpelling() {
        Exchange done = combine(mxBranch(List.of("Bob@Remote.test"), Map.of("bob@remote.test",
                reply(250, "2.0.0"))));

        reports.conclude(done);

        DeliveryReport report = done.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
        assertEquals("Bob@Remote.test", report.results().get(0).recipient());
    }

    @Test
    void noRecipientsAtAllIsSuccess() {
        Exchange done = combine(branch(List.of()), branch(List.of()));

        reports.conclude(done);

        assertEquals(List.of(), done.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class)
                .results());
    }

    /** What the multicast does: each branch is a copy of the input exchange, aggregated with the input given. */
    private Exchange combine(Exchange... branches) {
        Exchange input = branch(List.of("whole@envelope.test"));
        Exchange collected = null;
        for (Exchange branch : branches) {
            collected = reports.aggregate(collected, branch, input);
        }
        assertSame(input, collected, "the input exchange, with its whole envelope, goes on after the multicast");
        assertNull(collected.getException(), "the combined exchange carries no branch exception");
        assertEquals(List.of("whole@envelope.test"), collected.getMessage().getHeader("MailpipeRcptTo"));
        return collected;
    }

    private Exchange branch(List<String> recipients) {
        Exchange exchange = new DefaultExchange(camel);
        DeliveryEnvelopes.write(exchange.getMessage(), new Envelope(new MailFrom("s@sender.test", OptionalLong.empty(),
                MailFrom.BodyType.SEVEN_BIT, false, null, null),
                recipients.stream().map(a -> new Recipient(a, Set.of(), null)).toList()));
        return exchange;
    }

    private Exchange mxBranch(List<String> recipients, Map<String, SmtpReply> replies) {
        Exchange exchange = branch(recipients);
        exchange.getMessage().setHeader(MxConstants.DELIVERY_REPORT, report(replies));
        return exchange;
    }

    private static DeliveryReport report(Map<String, SmtpReply> replies) {
        return new DeliveryReport(replies.entrySet().stream().map(e -> new RecipientResult(e.getKey(),
                RecipientOutcome.of(e.getValue()), e.getValue(), "mx.test", "127.0.0.1")).toList());
    }

    private static SmtpReply reply(int code, String status) {
        return SmtpReply.of(code, status, "reply");
    }

    private static Map<String, RecipientOutcome> outcomes(DeliveryReport report) {
        return report.results().stream().collect(Collectors.toMap(RecipientResult::recipient,
                RecipientResult::outcome));
    }
}
