package io.sdxlbatch.runpod;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything that can go wrong talking to Runpod, as a small closed family. Each kind says whether trying again
 * can help ({@link #isTransient()}) and whether the server certainly did not act on the request
 * ({@link #certainlyNotAccepted()}), which is what decides if a non-idempotent POST /run may be re-sent.
 * Messages name the operation and the job id, never the API key.
 */
public abstract sealed class RunpodException extends RuntimeException {

    private final Operation operation;
    private final String jobId;

    RunpodException(Operation operation, String jobId, String detail, Throwable cause) {
        super(prefix(operation, jobId) + detail, cause);
        this.operation = operation;
        this.jobId = jobId;
    }

    private static String prefix(Operation operation, String jobId) {
        return operation.describe() + (jobId == null ? "" : " (job " + jobId + ")") + ": ";
    }

    public Operation operation() {
        return operation;
    }

    /** The job the request was about, or null for endpoint-wide operations. */
    public String jobId() {
        return jobId;
    }

    /** Whether the same request may succeed if tried again later. */
    public abstract boolean isTransient();

    /** True only when the request certainly created nothing on the server, so even a POST /run may be re-sent. */
    public abstract boolean certainlyNotAccepted();

    /** True for failures that suggest the endpoint itself is unhealthy; these feed the circuit breaker. */
    public boolean signalsEndpointTrouble() {
        return false;
    }

    /** A bad key or an unknown endpoint: every further request would be refused the same way. */
    public boolean refusesEveryRequest() {
        return this instanceof Unauthorized || (this instanceof NotFound nf && nf.target() == NotFound.Target.ENDPOINT);
    }

    /** How long the server (or our own breaker) asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** 401 or 403: the key is missing, wrong, or lacks access. Never retried. */
    public static final class Unauthorized extends RunpodException {
        Unauthorized(Operation op, String jobId, int status) {
            super(op, jobId, "HTTP " + status + ": the API key was rejected; check RUNPOD_API_KEY", null);
        }

        @Override public boolean isTransient() { return false; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    /** 404: the endpoint or the job does not exist (a job also disappears after its TTL or result expiry). */
    public static final class NotFound extends RunpodException {
        /** What was not found. */
        public enum Target { ENDPOINT, JOB }

        private final Target target;

        NotFound(Operation op, String jobId, String endpointId) {
            super(op, jobId, jobId == null
                    ? "HTTP 404: no endpoint '" + endpointId + "'; check RUNPOD_ENDPOINT_ID"
                    : "HTTP 404: job not found: unknown, past its TTL, or its result expired"
                            + " (Runpod keeps /run results 30 minutes after completion)", null);
            this.target = jobId == null ? Target.ENDPOINT : Target.JOB;
        }

        public Target target() { return target; }
        @Override public boolean isTransient() { return false; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    /**
     * Not sent: the caller no longer wanted it when its turn came (a stop was requested while the request waited for
     * a rate-limit permit or for a retry). Nothing reached the server.
     */
    public static final class Withdrawn extends RunpodException {
        Withdrawn(Operation op, String jobId) {
            super(op, jobId, "not sent: withdrawn by the caller before it went out", null);
        }

        @Override public boolean isTransient() { return false; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    /** Any other 4xx: the request itself is wrong and will be refused again. */
    public static final class Rejected extends RunpodException {
        private final int status;

        Rejected(Operation op, String jobId, int status, String detail) {
            super(op, jobId, (status > 0 ? "HTTP " + status + ": " : "") + detail, null);
            this.status = status;
        }

        /** The HTTP status, or 0 when the client refused the request before sending it. */
        public int status() { return status; }
        @Override public boolean isTransient() { return false; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    /** 429 from Runpod, or our own limiter could not grant a permit in time. Nothing was accepted. */
    public static final class RateLimited extends RunpodException {
        private final Duration retryAfter;

        RateLimited(Operation op, String jobId, Duration retryAfter, String detail) {
            super(op, jobId, detail, null);
            this.retryAfter = retryAfter;
        }

        @Override public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }
        @Override public boolean isTransient() { return true; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    /**
     * 5xx. Only a 503 says the server turned the request away; after a 500, 502 or 504 a POST may still have
     * created a job, so it is not re-sent.
     */
    public static final class ServerError extends RunpodException {
        private final int status;

        ServerError(Operation op, String jobId, int status, String detail) {
            super(op, jobId, "HTTP " + status + ": " + detail, null);
            this.status = status;
        }

        public int status() { return status; }
        @Override public boolean isTransient() { return true; }
        @Override public boolean certainlyNotAccepted() { return status == 503; }
        @Override public boolean signalsEndpointTrouble() { return true; }
    }

    /** The connection could not be opened: the request never left this machine. */
    public static final class NotDelivered extends RunpodException {
        NotDelivered(Operation op, String jobId, String target, Throwable cause) {
            super(op, jobId, "could not connect to " + target + " (" + describe(cause) + ")", cause);
        }

        @Override public boolean isTransient() { return true; }
        @Override public boolean certainlyNotAccepted() { return true; }
        @Override public boolean signalsEndpointTrouble() { return true; }
    }

    /**
     * The request was sent but no usable answer came back (timeout, dropped connection, unreadable body). The
     * server may have acted on it: after a POST /run a paid job may exist whose id we never saw.
     */
    public static final class NoAnswer extends RunpodException {
        NoAnswer(Operation op, String jobId, String what, Throwable cause) {
            super(op, jobId, "sent, but " + what + (cause == null ? "" : " (" + describe(cause) + ")")
                    + "; the request may have reached Runpod", cause);
        }

        @Override public boolean isTransient() { return true; }
        @Override public boolean certainlyNotAccepted() { return false; }
        @Override public boolean signalsEndpointTrouble() { return true; }
    }

    /**
     * Our circuit breaker is open after repeated endpoint failures, so nothing was sent. Not retried by the client:
     * the caller decides when to come back, {@link #retryAfter()} says when the breaker lets a probe through.
     */
    public static final class CircuitOpen extends RunpodException {
        private final Duration retryAfter;

        CircuitOpen(Operation op, String jobId, Duration retryAfter) {
            super(op, jobId, "not sent: the endpoint failed repeatedly, pausing calls for " + retryAfter.toSeconds()
                    + " s", null);
            this.retryAfter = retryAfter;
        }

        @Override public Optional<Duration> retryAfter() { return Optional.of(retryAfter); }
        @Override public boolean isTransient() { return false; }
        @Override public boolean certainlyNotAccepted() { return true; }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
