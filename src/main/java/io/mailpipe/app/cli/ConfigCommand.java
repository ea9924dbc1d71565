package io.mailpipe.app.cli;

import picocli.CommandLine.Command;

/** {@code mailpipe config}: groups the configuration commands ({@code config check}). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration commands.",
        subcommands = ConfigCheckCommand.class)
final class ConfigCommand {
}
