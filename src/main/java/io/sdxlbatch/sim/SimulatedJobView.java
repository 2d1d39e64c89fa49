package io.sdxlbatch.sim;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot of one simulated job for tests of other packages. Times are simulated epoch ms; durations
 * are the numbers the API reports. {@code pngs} are the exact image files served (empty unless COMPLETED
 * with output). Immutable: the input and error are copies.
 *
 * @param status    IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED or TIMED_OUT
 * @param seed      the seed the worker used, null until the job completed
 * @param error     the FAILED job's error node (array or string), else null
 * @param hasOutput false for a COMPLETED job whose output was dropped by the no-output fault
 */
public record SimulatedJobView(String id, String status, JsonNode input, Long delayTime, Long executionTime,
        String workerId, Long seed, long submittedAtMs, Long startedAtMs, Long finishedAtMs, JsonNode error,
        boolean hasOutput, List<byte[]> pngs) {

    static SimulatedJobView of(JobSnapshot job) {
        Long seed = job.outcome() instanceof JobOutcome.Success success ? success.seed() : null;
        JsonNode error = job.state() == JobState.FAILED && job.outcome() instanceof JobOutcome.Failure failure
                ? failure.error().deepCopy() : null;
        List<byte[]> pngs = job.images() == null ? List.of() : job.images().pngs();
        return new SimulatedJobView(job.id(), job.state().name(), job.input().deepCopy(), job.delayTimeMs(),
                job.executionTimeMs(), job.workerId(), job.state() == JobState.COMPLETED ? seed : null,
                job.submittedAtMs(), job.startedAtMs(), job.finishedAtMs(), error, job.images() != null, pngs);
    }
}
