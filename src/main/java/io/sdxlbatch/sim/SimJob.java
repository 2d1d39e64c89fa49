package io.sdxlbatch.sim;

import tools.jackson.databind.JsonNode;

/**
 * One job as the endpoint model knows it. Not thread-safe: mutated only under the {@link EndpointEngine}
 * lock; other threads see it through {@link JobSnapshot}. {@code generation} changes on every transition
 * so scheduled events (finish, retention) can tell they are stale.
 */
final class SimJob {

    private final String id;
    private final JsonNode input;
    private final JobPolicy policy;
    private final boolean sync;
    private final long submittedAtMs;
    private JobState state = JobState.IN_QUEUE;
    private long queuedAtMs;
    private Long startedAtMs;
    private Long finishedAtMs;
    private String workerId;
    private JobOutcome outcome;
    private RenderedImages images;
    private long generation;

    SimJob(String id, JsonNode input, JobPolicy policy, boolean sync, long submittedAtMs) {
        this.id = id;
        this.input = input;
        this.policy = policy;
        this.sync = sync;
        this.submittedAtMs = submittedAtMs;
        this.queuedAtMs = submittedAtMs;
    }

    String id() {
        return id;
    }

    JobPolicy policy() {
        return policy;
    }

    boolean sync() {
        return sync;
    }

    JobState state() {
        return state;
    }

    String workerId() {
        return workerId;
    }

    long generation() {
        return generation;
    }

    long startedAtMs() {
        return startedAtMs;
    }

    /** Back to the queue, forgetting the previous attempt (used by submit-time and /retry). */
    long requeue(long nowMs) {
        state = JobState.IN_QUEUE;
        queuedAtMs = nowMs;
        startedAtMs = null;
        finishedAtMs = null;
        workerId = null;
        outcome = null;
        images = null;
        return ++generation;
    }

    long start(long nowMs, String worker, JobOutcome planned) {
        state = JobState.IN_PROGRESS;
        startedAtMs = nowMs;
        workerId = worker;
        outcome = planned;
        return ++generation;
    }

    long finish(JobState finalState, long nowMs, RenderedImages rendered) {
        state = finalState;
        finishedAtMs = nowMs;
        images = rendered;
        return ++generation;
    }

    /** Makes every scheduled event of this job stale (it was deleted). */
    void invalidate() {
        generation++;
    }

    JobSnapshot snapshot() {
        Long delay = startedAtMs == null ? null : startedAtMs - queuedAtMs;
        Long execution = startedAtMs == null || finishedAtMs == null ? null : finishedAtMs - startedAtMs;
        JobOutcome shown = state.isFinal() ? outcome : null;
        return new JobSnapshot(id, state, input, delay, execution, workerId, submittedAtMs, startedAtMs,
                finishedAtMs, shown, images);
    }
}
