package io.mailpipe.camel.smtpd;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Camel's own camel-mail {@code smtp:} producer (Angus Mail) sending into {@code smtpd:} in the same context. */
class CamelMailProducerIT extends SmtpdRouteTestSupport {

    @Test
    void plainSmtpToALocalDomain() throws Exception {
        received().expectedMessageCount(1);

        template.sendBodyAndHeaders("smtp://127.0.0.1:" + port() + "?from=app@client.test.example"
                + "&to=ops@example.org,dev@example.org&subject=From camel-mail", "Hello from Angus Mail", Map.of());

        received().assertIsSatisfied();
        Exchange exchange = received().getReceivedExchanges().get(0);
        assertEquals("app@client.test.example", exchange.getMessage().getHeader(SmtpdConstants.MAIL_FROM));
        assertEquals(List.of("ops@example.org", "dev@example.org"),
                exchange.getMessage().getHeader(SmtpdConstants.RCPT_TO));
        String message = text(exchange);
        assertTrue(message.contains("Subject: From camel-mail\r\n"), message);
        assertTrue(message.contains("Hello from Angus Mail"), message);
    }

    @Test
    void startTlsAndAuthenticatedRelay() throws Exception {
        received().expectedMessageCount(1);

        template.sendBody("smtp://127.0.0.1:" + port() + "?from=app@client.test.example&to=user@elsewhere.example"
                + "&username=" + TestCredentials.USER + "&password=RAW(" + TestCredentials.PASSWORD + ")"
                + "&additionalJavaMailProperties=#mailProperties", "relayed after STARTTLS and AUTH");

        received().assertIsSatisfied();
        Exchange exchange = received().getReceivedExchanges().get(0);
        assertEquals(TestCredentials.USER, exchange.getMessage().getHeader(SmtpdConstants.AUTHENTICATED_USER));
        assertTrue(exchange.getMessage().getHeader(SmtpdConstants.TLS_PROTOCOL, String.class).startsWith("TLSv1."));
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.trust", "*");
        properties.setProperty("mail.smtp.auth", "true");
        registry.bind("mailProperties", properties);
    }
}
