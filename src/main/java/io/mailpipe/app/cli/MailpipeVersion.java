package io.mailpipe.app.cli;

import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code --version}: the one Maven records in the packaged jar, or "development" when
 * running from compiled classes.
 */
final class MailpipeVersion implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.mailpipe/mailpipe/pom.properties";

    @Override
    public String[] getVersion() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MailpipeVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"mailpipe " + properties.getProperty("version", "development")};
    }
}
