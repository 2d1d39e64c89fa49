package io.sdxlbatch.sim;

/**
 * Probabilities (0..1) of each injected fault, plus the real-time delay of a slow answer.
 * Immutable and thread-safe.
 *
 * @param http429          an answer is a 429 (and starts a short burst of them), with Retry-After
 * @param http5xx          an answer is a 500, 502 or 503 and nothing is done
 * @param drop             the connection is closed before the request is handled
 * @param dropAfterAccept  a /run creates the job, then the connection is closed without an answer
 * @param slow             an answer is delayed by {@code slowMs} real milliseconds
 * @param slowMs           the delay of a slow answer, REAL milliseconds
 * @param workerFailure    a job that would complete FAILS instead, in one of the three real error shapes
 * @param noOutput         a job that would complete is COMPLETED without any {@code output}
 * @param corrupt          one status read of a COMPLETED job carries broken base64 (the next read may be fine)
 */
public record FaultSettings(double http429, double http5xx, double drop, double dropAfterAccept,
        double slow, long slowMs, double workerFailure, double noOutput, double corrupt) {

    public FaultSettings {
        probability("fault-429", http429);
        probability("fault-5xx", http5xx);
        probability("fault-drop", drop);
        probability("fault-drop-after-accept", dropAfterAccept);
        probability("fault-slow", slow);
        probability("fault-worker-failure", workerFailure);
        probability("fault-no-output", noOutput);
        probability("fault-corrupt", corrupt);
        if (slowMs < 0) {
            throw new IllegalArgumentException("fault-slow-ms must be >= 0, got " + slowMs);
        }
    }

    /** No faults at all; a slow answer would take 2 s. */
    public static FaultSettings none() {
        return new FaultSettings(0, 0, 0, 0, 0, 2000, 0, 0, 0);
    }

    public FaultSettings withHttp429(double p) {
        return new FaultSettings(p, http5xx, drop, dropAfterAccept, slow, slowMs, workerFailure, noOutput, corrupt);
    }

    public FaultSettings withHttp5xx(double p) {
        return new FaultSettings(http429, p, drop, dropAfterAccept, slow, slowMs, workerFailure, noOutput, corrupt);
    }

    public FaultSettings withDrop(double p) {
        return new FaultSettings(http429, http5xx, p, dropAfterAccept, slow, slowMs, workerFailure, noOutput, corrupt);
    }

    public FaultSettings withDropAfterAccept(double p) {
        return new FaultSettings(http429, http5xx, drop, p, slow, slowMs, workerFailure, noOutput, corrupt);
    }

    public FaultSettings withSlow(double p, long delayMs) {
        return new FaultSettings(http429, http5xx, drop, dropAfterAccept, p, delayMs, workerFailure, noOutput, corrupt);
    }

    public FaultSettings withWorkerFailure(double p) {
        return new FaultSettings(http429, http5xx, drop, dropAfterAccept, slow, slowMs, p, noOutput, corrupt);
    }

    public FaultSettings withNoOutput(double p) {
        return new FaultSettings(http429, http5xx, drop, dropAfterAccept, slow, slowMs, workerFailure, p, corrupt);
    }

    public FaultSettings withCorrupt(double p) {
        return new FaultSettings(http429, http5xx, drop, dropAfterAccept, slow, slowMs, workerFailure, noOutput, p);
    }

    private static void probability(String knob, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(knob + " must be a probability between 0 and 1, got " + p);
        }
    }
}
