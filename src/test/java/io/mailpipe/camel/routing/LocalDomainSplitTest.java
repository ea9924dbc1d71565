package io.mailpipe.camel.routing;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every recipient lands in exactly one of the two delivery branches, by domain, compared without case. */
class LocalDomainSplitTest {

    private static final List<String> RECIPIENTS = List.of("a@localhost", "B@Example.ORG", "c@mail.example.org",
            "d@remote.test", "e@example.org");

    @Test
    void localAndRemoteBranchesPartitionTheRecipients() {
        LocalDomainSplit split = new LocalDomainSplit();
        split.setLocalDomains(" localhost, example.org ,");

        List<String> local = narrowed(split, true);
        List<String> remote = narrowed(split, false);

        assertEquals(List.of("a@localhost", "B@Example.ORG", "e@example.org"), local);
        assertEquals(List.of("c@mail.example.org", "d@remote.test"), remote);
        List<String> both = new ArrayList<>(local);
        both.addAll(remote);
        assertEquals(RECIPIENTS.size(), both.stream().distinct().count());
    }

    @Test
    void withoutLocalDomainsEveryRecipientIsRemote() {
        LocalDomainSplit split = new LocalDomainSplit();
        split.setLocalDomains("");

        assertEquals(List.of(), narrowed(split, true));
        assertEquals(RECIPIENTS, narrowed(split, false));
    }

    @Test
    void theTypedEnvelopeKeepsDsnParametersOfTheRecipientsItKeeps() {
        LocalDomainSplit split = new LocalDomainSplit();
        split.setLocalDomains("localhost");
        Exchange exchange = exchange();

        split.keepLocal(exchange);

        Envelope kept = exchange.getMessage().getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        assertEquals(List.of(new Recipient("a@localhost", Set.of(Recipient.Notify.FAILURE), "rfc822;a@localhost")),
                kept.recipients());
        assertEquals("s@sender.test", kept.mailFrom().reversePath());
    }

    @Test
    void plainEnvelopeHeadersAreSplitToo() {
        LocalDomainSplit split = new LocalDomainSplit();
        split.setLocalDomains("localhost");
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(SmtpdConstants.MAIL_FROM, "");
        exchange.getMessage().setHeader(SmtpdConstants.RCPT_TO, "a@localhost, b@remote.test");

        split.keepRemote(exchange);

        Envelope kept = exchange.getMessage().getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        assertEquals(List.of("b@remote.test"), kept.recipients().stream().map(Recipient::address).toList());
        assertEquals("", kept.mailFrom().reversePath());
    }

    private static List<String> narrowed(LocalDomainSplit split, boolean local) {
        Exchange exchange = exchange();
        if (local) {
            split.keepLocal(exchange);
        } else {
            split.keepRemote(exchange);
        }
        List<?> header = exchange.getMessage().getHeader(SmtpdConstants.RCPT_TO, List.class);
        return header.stream().map(Object::toString).toList();
    }

    private static Exchange exchange() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        List<Recipient> recipients = RECIPIENTS.stream().map(a -> a.equals("a@localhost")
                ? new Recipient(a, Set.of(Recipient.Notify.FAILURE), "rfc822;a@localhost")
                : new Recipient(a, Set.of(), null)).toList();
        DeliveryEnvelopes.write(exchange.getMessage(), new Envelope(new MailFrom("s@sender.test",
                OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null, null), recipients));
        return exchange;
    }
}
