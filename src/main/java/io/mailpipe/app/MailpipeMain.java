package io.mailpipe.app;

import io.mailpipe.app.cli.CliStreams;
import io.mailpipe.app.cli.MailpipeCli;
import io.mailpipe.app.observe.Observability;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the jar: runs the command line ({@link MailpipeCli}), whose default command boots camel-main with
 * the YAML routes of {@code routes/} in the working directory when it exists, otherwise with the copy packed into
 * the jar: the files directly in it and those in the sub-directory named by the queue back-end
 * ({@code mailpipe.queue}: {@code routes/spool/} or {@code routes/kafka/}). {@code MAILPIPE_ROUTES} (or
 * {@code -Dmailpipe.routes}) overrides both.
 */
public final class MailpipeMain {

    static final String ROUTES_PROPERTY = "mailpipe.routes";
    static final String QUEUE_PROPERTY = "mailpipe.queue";

    private MailpipeMain() {
    }

    public static void main(String[] args) {
        System.exit(MailpipeCli.execute(args, CliStreams.system()));
    }

    /**
     * A camel-main configured for a working directory, with metrics, health and the management endpoint
     * ({@link Observability}); the commands and the tests start it the same way.
     */
    public static Main newMain(Path workingDirectory) {
        Main main = new Main(MailpipeMain.class);
        main.addInitialProperty(ROUTES_PROPERTY, defaultRoutes(workingDirectory));
        main.addMainListener(new Observability());
        return main;
    }

    static String defaultRoutes(Path workingDirectory) {
        Path routes = workingDirectory.resolve("routes");
        String base = Files.isDirectory(routes) ? "file:" + routes.toAbsolutePath() : "classpath:routes";
        return base + "/*.camel.yaml," + base + "/{{" + QUEUE_PROPERTY + "}}/*.camel.yaml";
    }
}
