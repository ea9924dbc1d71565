package io.mailpipe.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Writes the one JSON document a command prints with {@code --json} (RFC 8259): pretty-printed, absent values left
 * out, followed by a newline.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonOutput() {
    }

    static void write(PrintStream out, Object document) throws IOException {
        MAPPER.writeValue(out, document);
        out.println();
        out.flush();
    }
}
