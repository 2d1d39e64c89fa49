package io.sdxlbatch.cli;

import java.util.List;
import java.util.Optional;

/**
 * A command and the options it accepts.
 *
 * @param openOptions true when the command takes any {@code --name value} pairs and validates them itself
 */
public record CommandSpec(String name, String summary, List<OptionSpec> options, boolean openOptions) {

    public CommandSpec {
        options = List.copyOf(options);
    }

    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
