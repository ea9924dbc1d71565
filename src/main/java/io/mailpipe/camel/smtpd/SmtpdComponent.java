package io.mailpipe.camel.smtpd;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** The {@code smtpd:} component: an ESMTP server (RFC 5321) whose accepted messages start Camel exchanges. */
@Component("smtpd")
public class SmtpdComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SmtpdEndpoint endpoint = new SmtpdEndpoint(uri, this);
        endpoint.setListenAddress(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
