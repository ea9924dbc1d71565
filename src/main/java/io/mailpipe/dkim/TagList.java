package io.mailpipe.dkim;

import io.mailpipe.dkim.DkimSyntaxException.Problem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parser for the DKIM tag=value list (RFC 6376 §3.2) used by DKIM-Signature fields and key records. Tag names are
 * case-sensitive, duplicates are an error, values may contain folding whitespace, a trailing ";" is allowed. Each
 * tag remembers where its value lies in the source so the signature's b= value can be blanked (§3.7).
 */
public final class TagList {

    /** One tag: its value without surrounding whitespace, and the span after "=" up to the next ";" or the end. */
    public record Tag(String name, String value, int spanStart, int spanEnd) {
    }

    private final Map<String, Tag> tags;

    private TagList(Map<String, Tag> tags) {
        this.tags = Collections.unmodifiableMap(tags);
    }

    public static TagList parse(String text) throws DkimSyntaxException {
        Map<String, Tag> tags = new LinkedHashMap<>();
        int pos = 0;
        int length = text.length();
        while (pos < length) {
            int semicolon = text.indexOf(';', pos);
            int end = semicolon < 0 ? length : semicolon;
            if (text.substring(pos, end).isBlank()) {
                if (semicolon < 0) {
                    break;
                }
                throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "empty tag specification");
            }
            Tag tag = parseSpec(text, pos, end);
            if (tags.putIfAbsent(tag.name(), tag) != null) {
                throw new DkimSyntaxException(Problem.DUPLICATE_TAG, "duplicate tag " + tag.name() + "=");
            }
            pos = end + 1;
        }
        return new TagList(tags);
    }

    private static Tag parseSpec(String text, int start, int end) throws DkimSyntaxException {
        int equals = text.indexOf('=', start);
        if (equals < 0 || equals >= end) {
            throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "tag without '='");
        }
        String name = text.substring(start, equals).strip();
        if (!validName(name)) {
            throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "bad tag name '" + printable(name) + "'");
        }
        for (int i = equals + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x21 && c != ' ' && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
                throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "control character in tag " + name + "=");
            }
        }
        String value = text.substring(equals + 1, end).strip();
        return new Tag(name, value, equals + 1, end);
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    public Tag tag(String name) {
        return tags.get(name);
    }

    /** The value of a tag, or null when absent. */
    public String get(String name) {
        Tag tag = tags.get(name);
        return tag == null ? null : tag.value();
    }

    public String require(String name) throws DkimSyntaxException {
        String value = get(name);
        if (value == null) {
            throw new DkimSyntaxException(Problem.MISSING_TAG, "missing required tag " + name + "=");
        }
        return value;
    }

    public Map<String, Tag> asMap() {
        return tags;
    }
}
