package io.sdxlbatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code [command] [--option value | --option=value | --flag | --spring.property=value]...}. The first
 * command is the default. Unknown options are usage errors with a close match suggested, so a typo in a cron
 * line fails loudly instead of silently running with defaults.
 */
public final class ArgParser {

    private final List<CommandSpec> commands;

    public ArgParser(List<CommandSpec> commands) {
        this.commands = List.copyOf(commands);
    }

    public ParsedCommand parse(String... args) {
        int i = 0;
        CommandSpec command = commands.get(0);
        if (args.length > 0 && !args[0].startsWith("-")) {
            command = command(args[0]);
            i = 1;
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        List<String> spring = new ArrayList<>();
        boolean help = false;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' for '" + command.name()
                        + "' (options start with --; see --help)");
            } else if (isSpringProperty(arg, command)) {
                spring.add(arg);
            } else {
                i = readOption(command, args, i, options, flags);
            }
        }
        return new ParsedCommand(command, options, flags, spring, help);
    }

    private int readOption(CommandSpec command, String[] args, int i, Map<String, List<String>> options,
                           Set<String> flags) {
        String body = args[i].substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        OptionSpec spec = command.option(name).orElseGet(() -> openOption(command, name));
        if (!spec.takesValue()) {
            if (eq >= 0) {
                throw new UsageException("--" + name + " takes no value");
            }
            flags.add(name);
            return i;
        }
        if (eq >= 0) {
            add(options, spec, body.substring(eq + 1));
            return i;
        }
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException("--" + name + " needs a value (" + spec.valueLabel() + ")");
        }
        add(options, spec, args[i + 1]);
        return i + 1;
    }

    private static void add(Map<String, List<String>> options, OptionSpec spec, String value) {
        List<String> values = options.computeIfAbsent(spec.name(), k -> new ArrayList<>());
        if (!values.isEmpty() && !spec.repeatable()) {
            throw new UsageException("--" + spec.name() + " is given twice ('" + values.get(0) + "' and '" + value
                    + "')");
        }
        values.add(value);
    }

    private OptionSpec openOption(CommandSpec command, String name) {
        if (command.openOptions()) {
            return OptionSpec.value(name, "VALUE", "");
        }
        List<String> known = command.options().stream().map(OptionSpec::name).toList();
        throw new UsageException("unknown option --" + name + " for '" + command.name() + "'"
                + ClosestMatch.among(name, known).map(m -> "; did you mean --" + m + "?").orElse(""));
    }

    /** Spring Boot's own {@code --a.b=c} form; a dotted name is never one of our options. */
    private static boolean isSpringProperty(String arg, CommandSpec command) {
        int eq = arg.indexOf('=');
        return !command.openOptions() && eq > 2 && arg.substring(2, eq).contains(".");
    }

    private CommandSpec command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown command '" + name + "'"
                        + ClosestMatch.among(name, commands.stream().map(CommandSpec::name).toList())
                                .map(m -> "; did you mean '" + m + "'?").orElse("")
                        + " (see --help)"));
    }
}
