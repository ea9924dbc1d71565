package io.mailpipe.camel.observe;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.SmtpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryAttemptLogTest {

    @Test
    void recipientsWithTheSameReplyFromTheSameHostShareALine() {
        SmtpReply ok = SmtpReply.of(250, "2.0.0", "Ok: queued");
        SmtpReply full = SmtpReply.of(452, "4.2.2", "mailbox full");
        DeliveryReport report = new DeliveryReport(List.of(
                new RecipientResult("a@x.example", RecipientOutcome.DELIVERED, ok, "mx1.x.example", "192.0.2.1"),
                new RecipientResult("b@x.example", RecipientOutcome.TRANSIENT, full, "mx1.x.example", "192.0.2.1"),
                new RecipientResult("c@x.example", RecipientOutcome.DELIVERED, ok, "mx1.x.example", "192.0.2.1")));

        List<String> lines = DeliveryAttemptLog.lines(
                new DeliveryAttemptLog.Attempt("Q1", "<m1@x.example>", 3), report);

        assertEquals(List.of(
                "queue_id=Q1 message_id=<m1@x.example> attempt=3 rcpt=a@x.example,c@x.example mx=mx1.x.example "
                        + "code=250 status=2.0.0 reply=\"Ok: queued\" outcome=delivered",
                "queue_id=Q1 message_id=<m1@x.example> attempt=3 rcpt=b@x.example mx=mx1.x.example code=452 "
                        + "status=4.2.2 reply=\"mailbox full\" outcome=transient"), lines);
    }

    @Test
    void anAttemptWithoutAConnectionHasNoMxAndUnknownFactsAreLeftOut() {
        SmtpReply noRoute = SmtpReply.of(451, "4.4.4", "no answer from any MX");
        DeliveryReport report = new DeliveryReport(List.of(
                new RecipientResult("a@x.example", RecipientOutcome.TRANSIENT, noRoute, null, null)));

        assertEquals(List.of(
                "rcpt=a@x.example code=451 status=4.4.4 reply=\"no answer from any MX\" outcome=transient"),
                DeliveryAttemptLog.lines(new DeliveryAttemptLog.Attempt(null, null, null), report));
    }
}
