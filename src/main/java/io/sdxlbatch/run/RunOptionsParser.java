package io.sdxlbatch.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;


import io.sdxlbatch.cli.Durations;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.stop.StopSettings;
import io.sdxlbatch.harvest.HarvestSettings;
import io.sdxlbatch.runpod.JobPolicy;

/** Builds {@link RunOptions} from the run command's options, with the defaults a cron line relies on. */
public final class RunOptionsParser {

    static final Path DEFAULT_PROMPTS = Path.of("prompts", "sample.csv");
    static final Path DEFAULT_OUTPUT = Path.of("output");

    private RunOptionsParser() {
    }

    /** Environment variables for defaults that a cron line or service unit would rather not spell out. */
    static final String DEFAULT_PREFIX = "SDXL_DEFAULT_";

    public static RunOptions parse(ParsedCommand command, Clock clock) {
        return parse(command, clock, System.getenv());
    }

    /**
     * The run's options: each from the command line, else from the environment ({@code SDXL_DEFAULT_<INPUT>},
     * {@code SDXL_EXECUTION_TIMEOUT}, {@code SDXL_TTL}), else the built-in default.
     */
    public static RunOptions parse(ParsedCommand command, Clock clock, java.util.Map<String, String> environment) {
        Path prompts = command.option("prompts").map(Path::of).orElse(DEFAULT_PROMPTS);
        Path output = command.option("output").map(Path::of).orElse(DEFAULT_OUTPUT);
        String runId = command.option("run-id").orElseGet(() -> defaultRunId(prompts, clock));
        HarvestSettings d = HarvestSettings.defaults();
        try {
            Duration poll = duration(command, "poll-interval", d.pollInterval());
            HarvestSettings harvest = new HarvestSettings(poll, max(poll, d.maxQueuedInterval()), d.queueHead(),
                    d.threads(), integer(command, "max-retries", d.maxRetries()),
                    duration(command, "harvest-timeout", d.deadline()));
            JobPolicy policy = new JobPolicy(
                    duration(command, "execution-timeout", environment.get("SDXL_EXECUTION_TIMEOUT"),
                            Duration.ofMinutes(5)),
                    duration(command, "ttl", environment.get("SDXL_TTL"), null), null);
            return new RunOptions(prompts, output, runId, integer(command, "max-in-flight", 100),
                    integer(command, "chunk-size", 10), harvest, policy, inputDefaults(command, environment),
                    CostSettings.of(command), StopSettings.of(command, clock),
                    duration(command, "progress-interval", RunOptions.DEFAULT_PROGRESS_INTERVAL),
                    command.flag("resubmit-cancelled"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * {@code SDXL_DEFAULT_WIDTH=768} from the environment, then {@code --default width=768} on the command line,
     * which wins; both are checked against the schema by the validator.
     */
    static java.util.Map<String, String> inputDefaults(ParsedCommand command,
                                                       java.util.Map<String, String> environment) {
        java.util.Map<String, String> defaults = new java.util.LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(DEFAULT_PREFIX) && name.length() > DEFAULT_PREFIX.length()) {
                defaults.put(name.substring(DEFAULT_PREFIX.length()).toLowerCase(java.util.Locale.ROOT), value);
            }
        });
        for (String pair : command.values("default")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--default '" + pair + "' must be KEY=VALUE, e.g. --default width=768");
            }
            defaults.put(pair.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT), pair.substring(eq + 1));
        }
        return defaults;
    }

    /** {@code --max-rejects N}: more rejected rows than this abort the run before anything is sent. */
    static int maxRejects(ParsedCommand command) {
        return integer(command, "max-rejects", Integer.MAX_VALUE);
    }

    /** {@code nightly-2026-12-04}: a cron line without arguments resumes the same night's run. */
    static String defaultRunId(Path prompts, Clock clock) {
        String name = prompts.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceFirst("^[^A-Za-z0-9]+", "");
        name = name.length() > 80 ? name.substring(0, 80) : name;
        // a name with no usable character (e.g. all non-Latin) still gets a valid, dated id
        return (name.isEmpty() ? "prompts" : name) + "-" + LocalDate.now(clock);
    }

    private static Duration duration(ParsedCommand command, String name, String fromEnvironment, Duration fallback) {
        if (command.option(name).isEmpty() && fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Durations.parse("SDXL_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), fromEnvironment);
        }
        return duration(command, name, fallback);
    }

    private static Duration duration(ParsedCommand command, String name, Duration fallback) {
        return command.option(name).map(v -> Durations.parse("--" + name, v)).orElse(fallback);
    }

    private static int integer(ParsedCommand command, String name, int fallback) {
        return command.option(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " '" + v + "' is not a whole number");
            }
        }).orElse(fallback);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
