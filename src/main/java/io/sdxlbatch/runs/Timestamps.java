package io.sdxlbatch.runs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.sdxlbatch.report.Figures;

/** How the status commands write times: this machine's local time to the second, "-" for none. */
final class Timestamps {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    static String local(Long epochMs, ZoneId zone) {
        return epochMs == null ? "-" : LOCAL.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
    }

    /** Spring Batch's times, already local. */
    static String local(LocalDateTime time) {
        return time == null ? "-" : LOCAL.format(time);
    }

    /** {@code 3.0 s ago}; a clock slightly behind the writer's reads as "just now", not as the future. */
    static String ago(Instant then, Instant now) {
        long ms = Duration.between(then, now).toMillis();
        return ms <= 0 ? "just now" : Figures.duration(ms) + " ago";
    }
}
