package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Messages, envelopes and client settings shared by the client tests. */
final class ClientFixtures {

    private ClientFixtures() {
    }

    static SmtpClientConfig.Builder quickConfig() {
        return SmtpClientConfig.builder().heloName("client.test").timeouts(ClientTimeouts.uniform(Duration.ofSeconds(3)));
    }

    static MailFrom sender(String address) {
        return new MailFrom(address, OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false, null, null);
    }

    static Recipient rcpt(String address) {
        return new Recipient(address, Set.of(), null);
    }

    static MessageBytes content(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MessageBytes.of(bytes);
    }

    static OutboundMessage message(String body, String... recipients) {
        return new OutboundMessage(sender("sender@client.test"),
                Arrays.stream(recipients).map(ClientFixtures::rcpt).toList(),
                content("Subject: test\r\nFrom: sender@client.test\r\n\r\n" + body));
    }

    static Destination plain(InetSocketAddress address) {
        return Destination.of("mx.test", address, TlsPolicy.NONE);
    }

    static TransactionResult send(SmtpClient client, Destination destination, OutboundMessage message)
            throws Exception {
        return client.send(destination, message).get(20, TimeUnit.SECONDS);
    }

    static List<Integer> codes(TransactionResult result) {
        return result.replies().values().stream().map(r -> r.code()).toList();
    }
}
