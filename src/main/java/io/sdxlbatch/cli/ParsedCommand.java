package io.sdxlbatch.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line after parsing.
 *
 * @param options          option name (without dashes) to its values, in the order given
 * @param flags            flags that were given
 * @param springProperties {@code --some.property=value} arguments, handed to Spring Boot untouched
 */
public record ParsedCommand(CommandSpec command, Map<String, List<String>> options, Set<String> flags,
                            List<String> springProperties, boolean helpRequested) {

    public ParsedCommand {
        options = Map.copyOf(options);
        flags = Set.copyOf(flags);
        springProperties = List.copyOf(springProperties);
    }

    /** The option's value (the last one, for a repeatable option). */
    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** Every option with its last value: for commands that take free-form knobs. */
    public Map<String, String> lastValues() {
        Map<String, String> last = new java.util.LinkedHashMap<>();
        options.forEach((k, v) -> last.put(k, v.get(v.size() - 1)));
        return last;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }
}
