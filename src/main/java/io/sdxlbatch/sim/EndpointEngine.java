package io.sdxlbatch.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The endpoint model: queue, workers and job lifecycle as a discrete-event simulation in simulated ms.
 * Nothing runs in the background: every call first replays the events that are due, each at its own
 * time, so reported numbers are exact and a manual {@link SimClock} makes it fully deterministic.
 * Thread-safe: every method holds this object's lock; callers get immutable {@link JobSnapshot}s.
 */
final class EndpointEngine {

    /** Result of /retry. */
    enum RetryResult { RETRIED, NOT_FOUND, REFUSED }

    private final SimulatorSettings settings;
    private final SimClock clock;
    private final Random random;
    private final SdxlWorkerModel model;
    private final PngPainter painter;
    private final Map<String, SimJob> jobs = new HashMap<>();
    /** Every prompt ever accepted, in order, kept after its job expires: what a test counts paid jobs by. */
    private final java.util.List<String> acceptedPrompts = new java.util.ArrayList<>();
    private final JobQueue queue = new JobQueue();
    private final EventQueue events = new EventQueue();
    private final WorkerPool pool;
    private long created;
    private long completed;
    private long failed;
    private long retried;

    EndpointEngine(SimulatorSettings settings, SimClock clock) {
        this.settings = settings;
        this.clock = clock;
        this.random = new Random(settings.seed());
        this.model = new SdxlWorkerModel(settings.executionMs());
        this.pool = new WorkerPool(settings.workers(), random);
        this.painter = new PngPainter(settings.imageGrain());
    }

    synchronized JobSnapshot submit(JsonNode input, JobPolicy policy, boolean sync) {
        long now = advance();
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        SimJob job = new SimJob((sync ? "sync-" + uuid + "-e1" : uuid + "-u1"), input, policy, sync, now);
        jobs.put(job.id(), job);
        queue.add(job);
        created++;
        acceptedPrompts.add(input.path("prompt").asString(""));
        events.at(now + policy.ttlMs(), t -> delete(job, t));
        dispatch(now);
        return job.snapshot();
    }

    synchronized Optional<JobSnapshot> snapshot(String id) {
        advance();
        return Optional.ofNullable(jobs.get(id)).map(SimJob::snapshot);
    }

    synchronized Optional<JobSnapshot> cancel(String id) {
        long now = advance();
        SimJob job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        if (job.state() == JobState.IN_QUEUE) {
            queue.remove(job);
            end(job, JobState.CANCELLED, now, null);
            dispatch(now);
        } else if (job.state() == JobState.IN_PROGRESS) {
            String workerId = job.workerId();
            end(job, JobState.CANCELLED, now, null);
            pool.byId(workerId).ifPresent(w -> release(w, now, false));
        }
        return Optional.of(job.snapshot());
    }

    synchronized RetryResult retry(String id) {
        long now = advance();
        SimJob job = jobs.get(id);
        if (job == null) {
            return RetryResult.NOT_FOUND;
        }
        if (job.state() != JobState.FAILED && job.state() != JobState.TIMED_OUT) {
            return RetryResult.REFUSED;
        }
        job.requeue(now);
        queue.add(job);
        retried++;
        dispatch(now);
        return RetryResult.RETRIED;
    }

    synchronized int purgeQueue() {
        advance();
        var purged = queue.drain();
        purged.forEach(job -> {
            jobs.remove(job.id());
            job.invalidate();
        });
        return purged.size();
    }

    synchronized HealthSnapshot health() {
        advance();
        return new HealthSnapshot(completed, failed, pool.count(SimWorker.State.RUNNING), queue.size(), retried,
                pool.count(SimWorker.State.IDLE), pool.count(SimWorker.State.RUNNING),
                pool.count(SimWorker.State.INITIALIZING));
    }

    synchronized int queued() {
        advance();
        return queue.size();
    }

    synchronized java.util.List<String> acceptedPrompts() {
        return java.util.List.copyOf(acceptedPrompts);
    }

    synchronized long jobsCreated() {
        return created;
    }

    /** Simulated time of the next scheduled event, so a waiting /runsync can sleep until then. */
    synchronized long nextEventAtMs() {
        return events.nextAt();
    }

    private long advance() {
        long now = clock.nowMs();
        events.runDue(now);
        return now;
    }

    /** Starts queued jobs on idle workers, then cold-starts workers for the normal jobs still waiting. */
    private void dispatch(long now) {
        while (!queue.isEmpty()) {
            Optional<SimWorker> idle = pool.firstIn(SimWorker.State.IDLE);
            if (idle.isEmpty()) {
                break;
            }
            start(queue.poll(), idle.get(), now);
        }
        int uncovered = queue.normalSize() - pool.count(SimWorker.State.INITIALIZING);
        for (int i = 0; i < uncovered; i++) {
            Optional<SimWorker> cold = pool.firstIn(SimWorker.State.COLD);
            if (cold.isEmpty()) {
                break;
            }
            boot(cold.get(), now);
        }
    }

    private void boot(SimWorker worker, long now) {
        long generation = worker.moveTo(SimWorker.State.INITIALIZING);
        events.at(now + settings.coldStartMs().draw(random), t -> {
            if (worker.generation() == generation) {
                release(worker, t, false);
            }
        });
    }

    private void start(SimJob job, SimWorker worker, long now) {
        worker.moveTo(SimWorker.State.RUNNING);
        JobOutcome outcome = model.plan(job.snapshot().input(), worker.id(), random, drawFault());
        long generation = job.start(now, worker.id(), outcome);
        long timeout = job.policy().executionTimeoutMs();
        events.at(now + Math.min(outcome.durationMs(), timeout), t -> {
            if (job.generation() == generation) {
                finish(job, worker, outcome, outcome.durationMs() > timeout, t);
            }
        });
    }

    private void finish(SimJob job, SimWorker worker, JobOutcome outcome, boolean timedOut, long now) {
        if (timedOut) {
            failed++;
            end(job, JobState.TIMED_OUT, now, null);
        } else if (outcome instanceof JobOutcome.Success success) {
            completed++;
            end(job, JobState.COMPLETED, now, success.withOutput() ? new RenderedImages(painter, success) : null);
        } else {
            failed++;
            end(job, JobState.FAILED, now, null);
        }
        // The SDK stops the pod when the handler asks for refresh_worker: its next job pays a cold start.
        release(worker, now, outcome.refreshWorker() && !timedOut);
    }

    private void end(SimJob job, JobState state, long now, RenderedImages images) {
        long generation = job.finish(state, now, images);
        long keep = job.sync() ? settings.runsyncRetentionMs() : settings.retentionMs();
        events.at(now + keep, t -> {
            if (job.generation() == generation) {
                jobs.remove(job.id());
            }
        });
    }

    /** Frees a worker: cold if it must restart, otherwise idle until the idle timeout sends it cold. */
    private void release(SimWorker worker, long now, boolean restart) {
        if (restart) {
            worker.moveTo(SimWorker.State.COLD);
        } else {
            long generation = worker.moveTo(SimWorker.State.IDLE);
            events.at(now + settings.idleTimeoutMs(), t -> {
                if (worker.generation() == generation) {
                    worker.moveTo(SimWorker.State.COLD);
                }
            });
        }
        dispatch(now);
    }

    /** TTL passed: the job is gone whatever its state; a running one frees its worker. */
    private void delete(SimJob job, long now) {
        if (jobs.remove(job.id()) == null) {
            return;
        }
        queue.remove(job);
        boolean running = job.state() == JobState.IN_PROGRESS;
        job.invalidate();
        if (running) {
            pool.byId(job.workerId()).ifPresent(w -> release(w, now, false));
        }
    }

    private SdxlWorkerModel.InjectedFault drawFault() {
        FaultSettings faults = settings.faults();
        double roll = random.nextDouble();
        if (roll < faults.workerFailure()) {
            return SdxlWorkerModel.InjectedFault.WORKER_FAILURE;
        }
        return roll < faults.workerFailure() + faults.noOutput()
                ? SdxlWorkerModel.InjectedFault.NO_OUTPUT : SdxlWorkerModel.InjectedFault.NONE;
    }
}
