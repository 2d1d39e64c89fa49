package io.sdxlbatch.cost;

import java.time.Duration;

import io.sdxlbatch.cli.Durations;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;

/**
 * What a run is costed with: the worker price and the endpoint's idle timeout (Runpod's default 5 s), which is
 * billed after every worker's last job. Neither can be read from the API, so both are the user's to state.
 */
public record CostSettings(Price price, Duration idleTimeout) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);

    public CostSettings {
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("the idle timeout cannot be negative, was " + idleTimeout);
        }
    }

    public static CostSettings defaults() {
        return new CostSettings(Price.defaultGpu(), DEFAULT_IDLE_TIMEOUT);
    }

    /** {@code --gpu} / {@code --price-per-second} and {@code --idle-timeout}, each with its default. */
    public static CostSettings of(ParsedCommand command) {
        return new CostSettings(Price.of(command), command.option("idle-timeout")
                .map(CostSettings::idleTimeout).orElse(DEFAULT_IDLE_TIMEOUT));
    }

    private static Duration idleTimeout(String raw) {
        Duration value = Durations.parse("--idle-timeout", raw);
        if (value.isNegative()) {
            throw new UsageException("--idle-timeout '" + raw + "' cannot be negative");
        }
        return value;
    }
}
