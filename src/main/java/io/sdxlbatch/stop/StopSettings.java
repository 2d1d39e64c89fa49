package io.sdxlbatch.stop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import io.sdxlbatch.cli.Durations;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;

/**
 * When a run stops sending new jobs before its CSV is done, and what it does with the jobs in flight on Ctrl-C.
 *
 * @param deadline      no new job after this instant (null: none)
 * @param maxImages     no job whose images would take the run past this many (null: none)
 * @param maxCost       no job whose estimated cost would take the run past this many dollars (null: none)
 * @param grace         after a signal, how long jobs in flight are still collected
 * @param cancelOnAbort after a signal, cancel the jobs in flight instead
 * @param failureWindow how many of the latest job outcomes the failure breaker looks at
 */
public record StopSettings(Instant deadline, Integer maxImages, BigDecimal maxCost, Duration grace,
                           boolean cancelOnAbort, int failureWindow) {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);
    public static final int DEFAULT_FAILURE_WINDOW = 20;
    /** Fewer outcomes than this say nothing about a worker. */
    static final int MIN_FAILURE_WINDOW = 4;

    public StopSettings {
        if (failureWindow < MIN_FAILURE_WINDOW) {
            throw new IllegalArgumentException("--failure-window must be at least " + MIN_FAILURE_WINDOW + ", was "
                    + failureWindow);
        }
    }

    public static StopSettings none() {
        return new StopSettings(null, null, null, DEFAULT_GRACE, false, DEFAULT_FAILURE_WINDOW);
    }

    public static StopSettings of(ParsedCommand command, Clock clock) {
        Instant deadline = command.option("deadline").map(v -> deadline(v, clock)).orElse(null);
        Integer maxImages = command.option("max-images").map(v -> positive("--max-images", v)).orElse(null);
        BigDecimal maxCost = command.option("max-cost").map(StopSettings::dollars).orElse(null);
        Duration grace = command.option("grace-period").map(v -> Durations.parse("--grace-period", v))
                .orElse(DEFAULT_GRACE);
        int window = command.option("failure-window").map(v -> positive("--failure-window", v))
                .orElse(DEFAULT_FAILURE_WINDOW);
        try {
            return new StopSettings(deadline, maxImages, maxCost, grace, command.flag("cancel-on-abort"), window);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** HH:MM is the next time the local clock shows it (a nightly run started at 23:00 with 06:00 ends tomorrow). */
    static Instant deadline(String value, Clock clock) {
        String v = value.trim();
        if (v.matches("\\d{1,2}:\\d{2}")) {
            try {
                LocalTime time = LocalTime.parse(v.length() == 4 ? "0" + v : v);
                ZonedDateTime now = ZonedDateTime.now(clock);
                ZonedDateTime at = now.with(time);
                return (at.isAfter(now) ? at : at.plusDays(1)).toInstant();
            } catch (DateTimeParseException e) {
                throw new UsageException("--deadline '" + value + "' is not a time of day (HH:MM, 00:00 to 23:59)");
            }
        }
        return clock.instant().plus(Durations.parse("--deadline", v));
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " '" + value + "' is not a whole number of at least 1");
        }
    }

    private static BigDecimal dollars(String value) {
        try {
            BigDecimal amount = new BigDecimal(value.trim().replaceFirst("^\\$", ""));
            if (amount.signum() <= 0) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new UsageException("--max-cost '" + value + "' is not a positive number of dollars");
        }
    }
}
