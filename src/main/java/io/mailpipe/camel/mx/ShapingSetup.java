package io.mailpipe.camel.mx;

import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.delivery.shaping.ShapingFileException;
import io.mailpipe.delivery.shaping.ShapingPolicy;
import io.mailpipe.delivery.shaping.TrafficShaper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;

/**
 * Builds the traffic shaper of the {@code mx:} component from the properties {@code mailpipe.shaping.enabled} and
 * {@code mailpipe.shaping.file} (empty: the presets shipped as {@code shaping.yaml}), reading and checking the file
 * at start so a bad entry stops start-up with the file and entry named.
 */
final class ShapingSetup {

    static final String ENABLED = "mailpipe.shaping.enabled";
    static final String FILE = "mailpipe.shaping.file";
    static final String PRESETS = "shaping.yaml";
    /** The registry name under which the shaper is bound for the management endpoint. */
    static final String BEAN = TrafficShaper.BEAN_NAME;

    private ShapingSetup() {
    }

    /** The shaper the properties ask for, or null when shaping is off. */
    static TrafficShaper create(CamelContext context, IntSupplier replicas) {
        boolean enabled = Boolean.parseBoolean(property(context, ENABLED, "false"));
        if (!enabled) {
            return null;
        }
        return new TrafficShaper(policy(property(context, FILE, "")), replicas);
    }

    static ShapingPolicy policy(String file) {
        if (file.isBlank()) {
            try (InputStream in = ShapingSetup.class.getClassLoader().getResourceAsStream(PRESETS)) {
                if (in == null) {
                    throw new ShapingFileException("classpath:" + PRESETS + ": not found", null);
                }
                return ShapingFile.read(in, "classpath:" + PRESETS);
            } catch (IOException e) {
                throw new ShapingFileException("classpath:" + PRESETS + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return ShapingFile.read(in, file + " (" + FILE + ")");
        } catch (NoSuchFileException e) {
            throw new ShapingFileException(file + " (" + FILE + "): no such file", e);
        } catch (IOException e) {
            throw new ShapingFileException(file + " (" + FILE + "): " + e.getMessage(), e);
        }
    }

    private static String property(CamelContext context, String name, String absent) {
        return context.getPropertiesComponent().resolveProperty(name).map(String::trim).orElse(absent);
    }
}
