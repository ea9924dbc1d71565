package io.mailpipe.bulk;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{name}}} (spaces inside the braces allowed; names of letters, digits, '_', '.', '-') with the
 * value of the variable. In HTML the value is escaped (&amp;, &lt;, &gt;, &quot;, &#39;) so a variable cannot add
 * markup. A variable the text uses but the request does not define is a rejection, never a silent blank. Text in
 * braces that is not a variable reference stays as it is; replaced values are not scanned again.
 */
public final class TemplateRenderer {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]{1,64})\\s*}}");

    private TemplateRenderer() {
    }

    /**
     * {@code text} with every reference replaced; {@code field} names the text in a rejection (e.g. "/html").
     *
     * @throws BulkRequestRejectedException with reason template when a referenced variable is missing
     */
    public static String render(String text, Map<String, String> variables, boolean html, String field)
            throws BulkRequestRejectedException {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = variables.get(name);
            if (value == null) {
                throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, field,
                        "variable '" + name + "' is used but not given");
            }
            out.append(text, last, matcher.start()).append(html ? escapeHtml(value) : value);
            last = matcher.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
