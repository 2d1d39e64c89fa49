package io.sdxlbatch.cli;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/** Durations on the command line and in the environment: always with a unit, so "30" is never 30 ms by surprise. */
public final class Durations {

    private Durations() {
    }

    /** @param name how the user wrote the setting, for the message (e.g. {@code --poll-interval}) */
    public static Duration parse(String name, String value) {
        if (value.trim().matches("\\d+")) {
            throw new UsageException(name + " '" + value + "' needs a unit (e.g. 500ms, 30s, 5m, 2h)");
        }
        try {
            return DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " '" + value + "' is not a duration (e.g. 500ms, 30s, 5m, 2h)");
        }
    }
}
