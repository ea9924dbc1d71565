package io.mailpipe.bulk;

import java.util.Map;

/** One recipient of a send request with the template variables that apply to it alone (empty when none). */
public record RequestRecipient(NamedAddress to, Map<String, String> variables) {

    public RequestRecipient {
        variables = Map.copyOf(variables);
    }
}
