package io.mailpipe.app.cli;

import io.mailpipe.app.MailpipeMain;
import io.mailpipe.app.config.ConfigurationSources;
import io.mailpipe.app.config.ShippedConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.main.Main;
import picocli.CommandLine.Option;

/**
 * How {@code run} and {@code config check} build the same camel-main: the launcher's defaults (application.properties,
 * the profile's application-&lt;profile&gt;.properties, the routes directory or the routes packed in the jar), then each
 * {@code --config} properties file as overrides, later files winning. Environment variables and {@code -D}
 * properties override as usual. The same sources, with the origin of every value, are what the start-up check reads.
 */
final class PipelineOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file overriding application.properties (repeatable; later files win).")
    List<Path> configFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Load application-NAME.properties on top of application.properties: dev or prod"
                    + " (also CAMEL_MAIN_PROFILE or camel.main.profile).")
    String profile;

    /** A camel-main ready to start, and the configuration sources it was given. */
    record Configured(Main main, ConfigurationSources sources) {
    }

    Configured newMain(ShippedConfiguration shipped) {
        Main main = MailpipeMain.newMain(Path.of(""));
        ConfigurationSources sources = ConfigurationSources.read(shipped, new ConfigurationSources.Input(
                main.getInitialProperties(), profile, configFiles, System.getProperties(), System.getenv()));
        sources.configFileSettings().forEach(setting -> main.addOverrideProperty(setting.key(), setting.value()));
        if (sources.profile() != null) {
            main.configure().setProfile(sources.profile());
        }
        return new Configured(main, sources);
    }
}
