package io.sdxlbatch.sim;

import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seven endpoint operations once a request is routed, authorised and within its limits.
 * Thread-safe: state lives in the thread-safe {@link EndpointEngine} and {@link FaultInjector}.
 */
final class ApiOperations {

    static final String NOT_FOUND = "request does not exist";
    private static final int RUN_BODY_LIMIT = 10 * 1024 * 1024;
    private static final int RUNSYNC_BODY_LIMIT = 20 * 1024 * 1024;
    private static final long DEFAULT_WAIT_MS = 90_000;
    private static final long POLL_CAP_REAL_MS = 50;

    private final SimulatorSettings settings;
    private final EndpointEngine engine;
    private final ScaledClock clock;
    private final FaultInjector faults;

    ApiOperations(SimulatorSettings settings, EndpointEngine engine, ScaledClock clock, FaultInjector faults) {
        this.settings = settings;
        this.engine = engine;
        this.clock = clock;
        this.faults = faults;
    }

    static int bodyLimit(String operation) {
        return "runsync".equals(operation) ? RUNSYNC_BODY_LIMIT : RUN_BODY_LIMIT;
    }

    HttpReply run(byte[] body) {
        SubmitRequest request = SubmitRequest.parse(body);
        if (engine.queued() > settings.effectiveQueueCap()) {
            long seconds = Math.max(1, clock.realMillisFor(settings.executionMs().mean()) / 1000);
            return HttpReply.tooManyRequests(seconds, "queue is full: more than " + settings.effectiveQueueCap()
                    + " jobs are waiting");
        }
        JobSnapshot job = engine.submit(request.input(), request.policy(), false);
        if (faults.dropAfterAccept()) {
            return HttpReply.dropConnection();
        }
        return HttpReply.json(200, StatusJson.idAndStatus(job.id(), job.state()));
    }

    HttpReply runsync(byte[] body, String waitParameter) {
        long waitMs = parseWait(waitParameter);
        SubmitRequest request = SubmitRequest.parse(body);
        JobSnapshot job = engine.submit(request.input(), request.policy(), true);
        long deadline = clock.nowMs() + waitMs;
        while (!job.state().isFinal() && clock.nowMs() < deadline && !Thread.currentThread().isInterrupted()) {
            long until = Math.min(deadline, engine.nextEventAtMs());
            Pause.realMs(Math.min(POLL_CAP_REAL_MS, Math.max(1, clock.realMillisFor(until - clock.nowMs()))));
            Optional<JobSnapshot> latest = engine.snapshot(job.id());
            if (latest.isEmpty()) {
                return HttpReply.error(404, NOT_FOUND);
            }
            job = latest.get();
        }
        return HttpReply.json(200, StatusJson.render(job, false));
    }

    HttpReply status(String jobId) {
        return engine.snapshot(jobId)
                .map(job -> HttpReply.json(200, StatusJson.render(job, job.images() != null && faults.corruptRead())))
                .orElseGet(() -> HttpReply.error(404, NOT_FOUND));
    }

    HttpReply cancel(String jobId) {
        return engine.cancel(jobId)
                .map(job -> HttpReply.json(200, StatusJson.idAndStatus(job.id(), job.state())))
                .orElseGet(() -> HttpReply.error(404, NOT_FOUND));
    }

    HttpReply retry(String jobId) {
        return switch (engine.retry(jobId)) {
            case RETRIED -> HttpReply.json(200, StatusJson.idAndStatus(jobId, JobState.IN_QUEUE));
            case NOT_FOUND -> HttpReply.error(404, NOT_FOUND);
            case REFUSED -> HttpReply.error(400, "job " + jobId + " is "
                    + engine.snapshot(jobId).map(j -> j.state().name()).orElse("gone")
                    + "; only FAILED or TIMED_OUT jobs can be retried");
        };
    }

    HttpReply purgeQueue() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("removed", engine.purgeQueue());
        body.put("status", "completed");
        return HttpReply.json(200, body);
    }

    HttpReply health() {
        HealthSnapshot h = engine.health();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode jobs = body.putObject("jobs");
        jobs.put("completed", h.completed());
        jobs.put("failed", h.failed());
        jobs.put("inProgress", h.inProgress());
        jobs.put("inQueue", h.inQueue());
        jobs.put("retried", h.retried());
        ObjectNode workers = body.putObject("workers");
        workers.put("idle", h.idle());
        workers.put("initializing", h.initializing());
        workers.put("ready", h.idle());
        workers.put("running", h.running());
        workers.put("throttled", 0);
        workers.put("unhealthy", 0);
        // Not in Runpod's answer: tells a client that this endpoint's clock runs faster than its own, so that
        // its timestamps can be laid on one timeline with the reported delay and execution times.
        body.putObject("simulator").put("timeScale", settings.timeScale());
        return HttpReply.json(200, body);
    }

    private static long parseWait(String wait) {
        if (wait == null) {
            return DEFAULT_WAIT_MS;
        }
        try {
            long ms = Long.parseLong(wait.trim());
            if (ms >= 1000 && ms <= 300_000) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // falls through to Runpod's single message for every bad wait
        }
        throw new SubmitRequest.BadRequest("wait is invalid; must be between 1000 and 300000");
    }
}
