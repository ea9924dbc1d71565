package io.mailpipe.camel.dkim;

import org.apache.camel.spi.Metadata;

/** Exchange headers read and written by {@code dkim:sign} and {@code dkim:verify} (RFC 6376, RFC 8601). */
public final class DkimConstants {

    @Metadata(label = "sign", description = "Signing domain to use instead of the From domain; must be listed in "
            + "the key table (it or a parent domain).", javaType = "String")
    public static final String DOMAIN = "MailpipeDkimDomain";

    @Metadata(label = "sign", description = "Number of DKIM-Signature fields dkim:sign added (0 when the key table "
            + "has no key for the domain).", javaType = "Integer")
    public static final String SIGNATURE_COUNT = "MailpipeDkimSignatureCount";

    @Metadata(label = "verify", description = "Overall DKIM result: pass when any signature passed, none when the "
            + "message is unsigned, otherwise the result of the first signature.", javaType = "String",
            important = true)
    public static final String RESULT = "MailpipeDkimResult";

    @Metadata(label = "verify", description = "One typed result per DKIM-Signature field, top first.",
            javaType = "java.util.List<io.mailpipe.dkim.DkimResult>")
    public static final String RESULTS = "MailpipeDkimResults";

    @Metadata(label = "verify", description = "The dkim= clauses added to Authentication-Results, one per "
            + "signature.", javaType = "java.util.List<String>")
    public static final String CLAUSES = "MailpipeDkimClauses";

    private DkimConstants() {
    }
}
