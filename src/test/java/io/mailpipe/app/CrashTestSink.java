package io.mailpipe.app;

import io.mailpipe.camel.spool.SpoolConstants;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A stand-in remote MX for the crash test: recipients named ok-* are accepted (250), soft-* get 451 on the first
 * attempt and 250 on the next, hard-* get 550. Every accepted recipient is appended to a log as "queueId recipient",
 * written to the OS at once so that it survives the SIGKILL of the process.
 */
public class CrashTestSink implements Processor {

    private static final SmtpReply TRY_LATER = SmtpReply.of(451, "4.3.0", "try later");
    private static final SmtpReply REFUSED = SmtpReply.of(550, "5.1.1", "no such user");

    private FileChannel log;

    public void setDeliveredLog(String file) throws IOException {
        log = FileChannel.open(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String queueId = exchange.getMessage().getHeader(SpoolConstants.QUEUE_ID, String.class);
        int attempts = exchange.getMessage().getHeader(SpoolConstants.ATTEMPTS, Integer.class);
        for (Object rcpt : exchange.getMessage().getHeader(SpoolConstants.RCPT_TO, List.class)) {
            String recipient = rcpt.toString();
            if (recipient.startsWith("hard-")) {
                throw new PermanentDeliveryException("refused", report(recipient, RecipientOutcome.PERMANENT, REFUSED));
            }
            if (recipient.startsWith("soft-") && attempts == 0) {
                throw new TransientDeliveryException("later", report(recipient, RecipientOutcome.TRANSIENT, TRY_LATER));
            }
            byte[] line = (queueId + " " + recipient + "\n").getBytes(StandardCharsets.US_ASCII);
            synchronized (this) {
                log.write(ByteBuffer.wrap(line));
            }
        }
    }

    private static DeliveryReport report(String recipient, RecipientOutcome outcome, SmtpReply reply) {
        return new DeliveryReport(List.of(new RecipientResult(recipient, outcome, reply, "mx.sink.test", "127.0.0.1")));
    }
}
