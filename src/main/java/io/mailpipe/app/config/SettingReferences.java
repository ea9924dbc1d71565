package io.mailpipe.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the settings behind a failure Camel reports while starting (a route it cannot create, an endpoint it cannot
 * resolve): every {@code {{key}}} placeholder the message quotes from a route, with the value in force and where
 * it came from.
 */
public final class SettingReferences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9._-]+)(:[^}]*)?}}");

    private SettingReferences() {
    }

    /** One line per setting the message refers to: {@code key = "value" (origin)}. */
    public static List<String> in(String message, ConfigurationSources sources) {
        List<String> keys = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(message);
        while (placeholder.find()) {
            if (!keys.contains(placeholder.group(1))) {
                keys.add(placeholder.group(1));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            sources.effective(key).ifPresent(setting -> lines.add(key + " = \"" + setting.value().strip() + "\" ("
                    + setting.origin() + ")"));
        }
        return lines;
    }
}
