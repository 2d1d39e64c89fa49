package io.sdxlbatch.runpod;

import java.util.Locale;

/** A Runpod job state. Unknown strings map to {@link #UNKNOWN}, which is treated as not final. */
public enum JobState {
    IN_QUEUE(false),
    IN_PROGRESS(false),
    COMPLETED(true),
    FAILED(true),
    CANCELLED(true),
    TIMED_OUT(true),
    UNKNOWN(false);

    private final boolean isFinal;

    JobState(boolean isFinal) {
        this.isFinal = isFinal;
    }

    public boolean isFinal() {
        return isFinal;
    }

    /** Parses Runpod's status string; {@code RUNNING} (mentioned in the docs) counts as in progress. */
    public static JobState parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        if (s.equals("RUNNING")) {
            return IN_PROGRESS;
        }
        for (JobState state : values()) {
            if (state != UNKNOWN && state.name().equals(s)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
