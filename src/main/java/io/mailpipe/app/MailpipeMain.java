package io.mailpipe.app;

import io.mailpipe.app.cli.CliStreams;
import io.mailpipe.app.cli.MailpipeCli;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the jar: runs the command line ({@link MailpipeCli}), whose default command boots camel-main with
 * the YAML routes of {@code routes/} in the working directory when it exists, otherwise with the copy packed into
 * the jar. {@code MAILPIPE_ROUTES} (or {@code -Dmailpipe.routes}) overrides both.
 */
public final class MailpipeMain {

    static final String ROUTES_PROPERTY = "mailpipe.routes";

    private MailpipeMain() {
    }

    public static void main(String[] args) {
        System.exit(MailpipeCli.execute(args, CliStreams.system()));
    }

    /** A camel-main configured for a working directory; the commands and the tests start it the same way. */
    public static Main newMain(Path workingDirectory) {
        Main main = new Main(MailpipeMain.class);
        main.addInitialProperty(ROUTES_PROPERTY, defaultRoutes(workingDirectory));
        return main;
    }

    static String defaultRoutes(Path workingDirectory) {
        Path routes = workingDirectory.resolve("routes");
        if (Files.isDirectory(routes)) {
            return "file:" + routes.toAbsolutePath() + "/*.camel.yaml";
        }
        return "classpath:routes/*.camel.yaml";
    }
}
