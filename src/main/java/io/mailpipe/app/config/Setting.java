package io.mailpipe.app.config;

/** One configuration key set to a value by one source. */
public record Setting(String key, String value, Origin origin) {
}
