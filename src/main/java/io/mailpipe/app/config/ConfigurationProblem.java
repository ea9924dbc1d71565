package io.mailpipe.app.config;

/**
 * One reason the configuration cannot start: the key at fault, where its value came from (null when the problem is
 * not about one value, such as an unreadable {@code --config} file), and what is wrong.
 */
public record ConfigurationProblem(String key, Origin origin, String message) {

    static ConfigurationProblem of(Setting setting, String message) {
        return new ConfigurationProblem(setting.key(), setting.origin(), message);
    }

    /** The line printed for the user: {@code key (from where): message}. */
    public String describe() {
        if (key == null) {
            return message;
        }
        return key + (origin == null ? "" : " (" + origin + ")") + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
