package io.sdxlbatch.runpod;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.sdxlbatch.time.Sleeper;

/**
 * The only code that speaks to a Runpod Serverless endpoint: every queue operation, paced by per-operation rate
 * limits, guarded by a circuit breaker, and retried (in {@link RetryLoop} only) when that cannot pay twice.
 * Failures surface as {@link RunpodException}s. Thread-safe; share one instance per endpoint.
 */
public final class RunpodClient {

    /** Runpod's bounds for /runsync's {@code wait} parameter. */
    public static final Duration MIN_SYNC_WAIT = Duration.ofSeconds(1);
    public static final Duration MAX_SYNC_WAIT = Duration.ofMinutes(5);
    /** /run refuses bodies over 10 MB, /runsync over 20 MB: check before paying for the upload. */
    static final int MAX_RUN_BODY = 10 * 1024 * 1024;
    static final int MAX_RUNSYNC_BODY = 20 * 1024 * 1024;

    private final RunpodJson json = new RunpodJson();
    private final ApiCallStats stats = new ApiCallStats();
    private final Backoff backoff;
    private final RunpodTransport transport;
    private final CallGuard guard;
    private final RetryLoop retries;

    public RunpodClient(RunpodSettings settings, Clock clock, Sleeper sleeper) {
        if (settings.apiKey() == null || settings.endpointId() == null) {
            throw new IllegalArgumentException("a Runpod client needs both an API key and an endpoint id");
        }
        this.backoff = new Backoff(clock);
        this.transport = new RunpodTransport(settings, clock, stats);
        this.guard = new CallGuard(settings, clock);
        this.retries = new RetryLoop(settings.retry(), sleeper, stats, backoff);
    }

    /** POST /run: queues a job and returns its id with status IN_QUEUE. Never re-sent after an ambiguous failure. */
    public JobStatus run(JobRequest request) {
        return run(request, () -> true);
    }

    /**
     * POST /run, asking {@code stillWanted} at the last moment before each attempt goes out (after its rate-limit
     * permit, and again before any retry): when it says no, nothing is sent and {@link RunpodException.Withdrawn} is
     * thrown. A stop requested while the request waited must not turn into a paid job.
     */
    public JobStatus run(JobRequest request, BooleanSupplier stillWanted) {
        byte[] body = body(Operation.RUN, request, MAX_RUN_BODY);
        return call(Operation.RUN, null, null, body, Duration.ZERO, json::status, stillWanted);
    }

    /** POST /runsync: waits up to {@code wait} (1 s..5 min); if the job is not done by then, poll its id. */
    public JobStatus runSync(JobRequest request, Duration wait) {
        if (wait.compareTo(MIN_SYNC_WAIT) < 0 || wait.compareTo(MAX_SYNC_WAIT) > 0) {
            throw new IllegalArgumentException("runsync wait must be between 1000 and 300000 ms, was "
                    + wait.toMillis());
        }
        byte[] body = body(Operation.RUNSYNC, request, MAX_RUNSYNC_BODY);
        return call(Operation.RUNSYNC, null, "wait=" + wait.toMillis(), body, wait, json::status);
    }

    public JobStatus status(String jobId) {
        return call(Operation.STATUS, requireId(jobId), null, null, Duration.ZERO, json::status);
    }

    public JobStatus cancel(String jobId) {
        return call(Operation.CANCEL, requireId(jobId), null, null, Duration.ZERO, json::status);
    }

    /** POST /retry: re-queues a FAILED or TIMED_OUT job under the same id (not after its result expired). */
    public JobStatus retry(String jobId) {
        return call(Operation.RETRY, requireId(jobId), null, null, Duration.ZERO, json::status);
    }

    public PurgeResult purgeQueue() {
        return call(Operation.PURGE_QUEUE, null, null, null, Duration.ZERO, json::purge);
    }

    public EndpointHealth health() {
        return call(Operation.HEALTH, null, null, null, Duration.ZERO, json::health);
    }

    public ApiCallStats stats() {
        return stats;
    }

    /** The endpoint's current hold-back; callers that pause on its account (an open breaker) record it here too. */
    public Backoff backoff() {
        return backoff;
    }

    private <T> T call(Operation op, String jobId, String query, byte[] body, Duration extraWait,
                       Function<InputStream, T> parse) {
        return call(op, jobId, query, body, extraWait, parse, () -> true);
    }

    private <T> T call(Operation op, String jobId, String query, byte[] body, Duration extraWait,
                       Function<InputStream, T> parse, BooleanSupplier stillWanted) {
        return guard.throughBreaker(op, jobId, () -> retries.execute(op, () -> guard.admit(op, jobId, () -> {
            if (!stillWanted.getAsBoolean()) {
                throw new RunpodException.Withdrawn(op, jobId);
            }
            try (InputStream answer = transport.send(op, jobId, query, body, extraWait)) {
                return parse.apply(answer);
            } catch (IOException | RuntimeException unreadable) {
                // a body cut off mid-stream is as unanswered as a timeout: the request may have been acted on
                if (unreadable instanceof RunpodException known) {
                    throw known;
                }
                throw transport.errors().unreadable(op, jobId, unreadable);
            }
        })));
    }

    private byte[] body(Operation op, JobRequest request, int limit) {
        byte[] body = json.request(Objects.requireNonNull(request, "request"));
        if (body.length > limit) {
            throw new RunpodException.Rejected(op, null, 0, "not sent: the request body is " + body.length
                    + " bytes, over Runpod's limit of " + limit + " bytes");
        }
        return body;
    }

    private static String requireId(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("a job id is required");
        }
        return jobId;
    }
}
