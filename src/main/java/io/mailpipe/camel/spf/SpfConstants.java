package io.mailpipe.camel.spf;

import org.apache.camel.spi.Metadata;

/**
 * The headers {@code spf:check} sets (RFC 7208 §2.6 results, §6.2 explanation). It reads the client address, MAIL
 * FROM and HELO name from the headers the {@code smtpd:} consumer sets (MailpipeClientIp, MailpipeMailFrom,
 * MailpipeHeloName, declared there) unless options name other headers.
 */
public final class SpfConstants {

    @Metadata(description = "The SPF result keyword: none, neutral, pass, fail, softfail, temperror or permerror.",
              javaType = "String", important = true)
    public static final String SPF_RESULT = "MailpipeSpfResult";
    @Metadata(description = "The explanation the sender domain gives for a fail result (exp= modifier, or the "
            + "receiver default); empty for other results.", javaType = "String")
    public static final String SPF_EXPLANATION = "MailpipeSpfExplanation";
    @Metadata(description = "The whole typed result: identity, domain, matched mechanism, problem text.",
              javaType = "io.mailpipe.spf.SpfResult")
    public static final String SPF_RESULT_DETAIL = "MailpipeSpfResultDetail";

    private SpfConstants() {
    }
}
