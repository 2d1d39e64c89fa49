package io.sdxlbatch.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a progress report, the same numbers for the live terminal line and for the plain log line:
 * {@code 412/1000 done · 3 failed · 37 in flight · 120 queued to send · 14.2 img/min · ETA 41 min · back-off 5 s}
 * on a terminal.
 * "done" counts rows whose images are on disk (staged or published); the denominator leaves rejected rows out,
 * so done, failed, in flight and queued add up to it. Parts that are zero and say nothing (failed, rejected,
 * back-off, an ETA with nothing left) are left out to keep the line short enough for an 80-column terminal.
 */
final class ProgressText {

    private ProgressText() {
    }

    /** For a terminal; {@code unicode} false when its charset cannot show the arrow and the dots. */
    static String live(ProgressSnapshot s, boolean unicode) {
        return (unicode ? "\u25b6 " : "> ") + String.join(unicode ? " \u00b7 " : " | ", parts(s));
    }

    /** For a log: no symbols, nothing that redraws. */
    static String plain(ProgressSnapshot s) {
        return "progress: " + String.join(", ", parts(s));
    }

    private static List<String> parts(ProgressSnapshot s) {
        int rejected = s.count("REJECTED");
        int failed = s.count("FAILED") + s.count("EXPIRED") + s.count("NO_OUTPUT") + s.count("UNDECODABLE");
        List<String> parts = new ArrayList<>();
        parts.add((s.count("HARVESTED") + s.count("DONE")) + "/" + (s.total() - rejected) + " done");
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (rejected > 0) {
            parts.add(rejected + " rejected");
        }
        if (s.count("CANCELLED") > 0) {
            parts.add(s.count("CANCELLED") + " cancelled");
        }
        parts.add(s.inFlight() + " in flight");
        parts.add(s.count("PENDING") + (s.stopReason() == null ? " queued to send" : " not sent (stopped)"));
        parts.add(String.format(Locale.ROOT, "%.1f img/min", s.imagesPerMinute()));
        if (s.etaSeconds() != null && s.etaSeconds() > 0) {
            parts.add("ETA " + eta(s.etaSeconds()));
        }
        if (s.backoffMs() > 0) {
            parts.add("back-off " + (s.backoffMs() + 999) / 1000 + " s");
        }
        return parts;
    }

    /** Coarse on purpose: an estimate shown to the second would flicker and promise a precision it has not. */
    static String eta(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
