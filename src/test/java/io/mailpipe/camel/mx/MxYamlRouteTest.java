package io.mailpipe.camel.mx;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.testing.RuleScript;
import io.mailpipe.testing.ScriptedPeer;
import io.mailpipe.testing.SmtpPeer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A YAML route with mx: and onException branches: delivered, retried, bounced with an RFC 3464 DSN sent by mx: to
 * the original sender, and no bounce for the null sender.
 */
class MxYamlRouteTest extends CamelTestSupport {

    private static SmtpPeer senderMx;
    private static ScriptedPeer rulePeer;

    @BeforeAll
    static void startPeers() throws Exception {
        senderMx = SmtpPeer.start();
        rulePeer = new ScriptedPeer(new RuleScript());
    }

    @AfterAll
    static void stopPeers() throws Exception {
        senderMx.close();
        rulePeer.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("test.overrides", "x.test=127.0.0.1:" + senderMx.port() + ",rules.test=127.0.0.1:"
                + rulePeer.address().getPort());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(PluginHelper.getResourceLoader(context)
                .resolveResource("classpath:mx/delivery-with-bounce.camel.yaml"));
        return context;
    }

    private void send(String from, String... recipients) {
        template.send("direct:deliver", e -> {
            e.getMessage().setBody(RawMessage.of("Subject: report\r\nFrom: a@x.test\r\n\r\nfigures\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            e.getMessage().setHeader(MxConstants.MAIL_FROM, from);
            e.getMessage().setHeader(MxConstants.RCPT_TO, List.of(recipients));
        });
    }

    @Test
    void deliveredRetriedAndBounced() throws Exception {
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        MockEndpoint retry = getMockEndpoint("mock:retry");
        MockEndpoint bounced = getMockEndpoint("mock:bounced");
        delivered.expectedMessageCount(1);
        retry.expectedMessageCount(1);
        bounced.expectedMessageCount(1);

        send("a@x.test", "ok@rules.test");
        send("a@x.test", "temp@rules.test");
        send("a@x.test", "bad@rules.test");
        send("", "bad@rules.test");

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(1, senderMx.received.size());
        SmtpPeer.Delivered dsn = senderMx.received.get(0);
        assertEquals("", dsn.message().envelope().mailFrom().reversePath());
        assertEquals(List.of("a@x.test"), dsn.recipients());
        assertTrue(dsn.text().contains("multipart/report; report-type=delivery-status"));
        assertTrue(dsn.text().contains("Final-Recipient: rfc822; bad@rules.test\r\nAction: failed\r\nStatus: 5.1.1"),
                dsn.text());
        assertTrue(dsn.text().contains("Subject: report"));
    }
}
