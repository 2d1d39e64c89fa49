package io.sdxlbatch.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line after parsing.
 *
 * @param options          option name (without dashes) to value
 * @param flags            flags that were given
 * @param springProperties {@code --some.property=value} arguments, handed to Spring Boot untouched
 */
public record ParsedCommand(CommandSpec command, Map<String, String> options, Set<String> flags,
                            List<String> springProperties, boolean helpRequested) {

    public ParsedCommand {
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
        springProperties = List.copyOf(springProperties);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
