package io.mailpipe.app;

import org.apache.camel.main.Main;

/** Entry point: boots camel-main with the YAML routes from routes/ (or the copy packed into the jar). */
public final class MailpipeMain {
    private MailpipeMain() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(MailpipeMain.class);
        System.exit(main.run(args));
    }
}
