package io.sdxlbatch.cost;

/**
 * One stretch in which a worker was up and billed: booted at {@code bootAt}, ran {@code jobs} jobs, and stopped
 * one idle timeout after its last job at {@code stoppedAt}. A gap longer than the idle timeout ends a session.
 */
public record WorkerSession(String workerId, long bootAt, long firstStartAt, long lastEndAt, long stoppedAt,
                            int jobs, long coldStartMs, long executionMs, long idleMs) {

    public long billedMs() {
        return stoppedAt - bootAt;
    }
}
