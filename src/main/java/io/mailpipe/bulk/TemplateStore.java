package io.mailpipe.bulk;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Message templates as files in one directory: template {@code NAME} is {@code NAME.subject} (required, one line),
 * {@code NAME.txt} and/or {@code NAME.html} (at least one), all UTF-8. Names are letters, digits, '_', '.', '-' and
 * do not start with a dot, so a name never leaves the directory. Files are read on each use: editing a template
 * needs no restart.
 */
public final class TemplateStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}");

    /** The parts of one template, before variables are filled in; text or html may be null, not both. */
    public record Template(String subject, String text, String html) {
    }

    private final Path directory;

    /** A store over {@code directory}; null means no templates are configured. */
    public TemplateStore(Path directory) {
        this.directory = directory;
    }

    public Template load(String name) throws BulkRequestRejectedException {
        if (!NAME.matcher(name).matches()) {
            throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, "/template", "not a template name");
        }
        if (directory == null) {
            throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, "/template",
                    "no template directory is configured");
        }
        String subject = read(name + ".subject");
        String text = read(name + ".txt");
        String html = read(name + ".html");
        if (subject == null || (text == null && html == null)) {
            throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, "/template",
                    "unknown template '" + name + "' (needs " + name + ".subject and " + name + ".txt or .html)");
        }
        return new Template(subject.strip(), text, html);
    }

    private String read(String file) throws BulkRequestRejectedException {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, "/template", file + " is not UTF-8");
        } catch (IOException e) {
            throw new BulkRequestRejectedException(Rejection.Reason.TEMPLATE, "/template",
                    "cannot read " + file + ": " + e.getMessage());
        }
    }
}
