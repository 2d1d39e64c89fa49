package io.sdxlbatch.runpod;

/**
 * A status object as /run, /runsync, /status, /cancel and /retry return it. Timings are Runpod's own figures in
 * ms: {@code delayTime} is the queue wait including the worker's cold start, {@code executionTime} the handler's
 * run. Fields Runpod did not send are null.
 *
 * @param rawStatus the status string exactly as sent, kept for states this client does not know
 */
public record JobStatus(String id, JobState state, String rawStatus, Long delayTime, Long executionTime,
                        String workerId, JobOutput output, JobError error) {

    public boolean isFinal() {
        return state.isFinal();
    }

    /** COMPLETED with at least one image. A COMPLETED job without output (result too large) is not a success. */
    public boolean hasImages() {
        return state == JobState.COMPLETED && output != null && !output.images().isEmpty();
    }
}
