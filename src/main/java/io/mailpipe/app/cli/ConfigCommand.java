package io.mailpipe.app.cli;

import picocli.CommandLine.Command;

/** {@code mailpipe config}: groups the configuration commands ({@code config check}, {@code config reference}). */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Configuration commands.",
        subcommands = {ConfigCheckCommand.class, ConfigReferenceCommand.class})
final class ConfigCommand {
}
