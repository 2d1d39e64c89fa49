package io.sdxlbatch.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sdxlbatch.cost.WorkerSession;

/**
 * The timeline's rows: one lane per worker id in order of its first start, then one lane "unknown" for jobs Runpod
 * did not place on a worker. Only jobs with a bill (that ran on the endpoint) are drawn.
 */
record TimelineLanes(List<Lane> lanes) {

    static final String UNKNOWN = "unknown";

    /** One worker's jobs (start order) and its billed sessions. */
    record Lane(String worker, List<JobRow> jobs, List<WorkerSession> sessions) {

        long busyMs() {
            return jobs.stream().mapToLong(j -> j.bill().endedAt() - j.bill().startedAt()).sum();
        }
    }

    static TimelineLanes of(List<JobRow> rows, List<WorkerSession> sessions) {
        Map<String, List<JobRow>> byWorker = new LinkedHashMap<>();
        List<JobRow> unknown = new ArrayList<>();
        rows.stream().filter(r -> r.bill() != null)
                .sorted(Comparator.comparingLong((JobRow r) -> r.bill().startedAt())
                        .thenComparingInt(r -> r.entry().line()))
                .forEach(r -> {
                    String worker = r.bill().workerId();
                    if (worker == null || worker.isBlank()) {
                        unknown.add(r);
                    } else {
                        byWorker.computeIfAbsent(worker, k -> new ArrayList<>()).add(r);
                    }
                });
        List<Lane> lanes = new ArrayList<>();
        byWorker.forEach((worker, jobs) -> lanes.add(new Lane(worker, jobs,
                sessions.stream().filter(s -> worker.equals(s.workerId())).toList())));
        if (!unknown.isEmpty()) {
            lanes.add(new Lane(UNKNOWN, unknown, List.of()));
        }
        return new TimelineLanes(List.copyOf(lanes));
    }

    int jobs() {
        return lanes.stream().mapToInt(l -> l.jobs().size()).sum();
    }

    boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** Earliest moment drawn: a submission or a boot. */
    long earliest() {
        long min = Long.MAX_VALUE;
        for (Lane lane : lanes) {
            for (JobRow j : lane.jobs()) {
                min = Math.min(min, Math.min(j.bill().submittedAt(), j.bill().startedAt() - j.bill().coldStartMs()));
            }
            for (WorkerSession s : lane.sessions()) {
                min = Math.min(min, s.bootAt());
            }
        }
        return min;
    }

    /** Latest moment drawn: an end of execution or a worker stopping. */
    long latest() {
        long max = Long.MIN_VALUE;
        for (Lane lane : lanes) {
            for (JobRow j : lane.jobs()) {
                max = Math.max(max, j.bill().endedAt());
            }
            for (WorkerSession s : lane.sessions()) {
                max = Math.max(max, s.stoppedAt());
            }
        }
        return max;
    }
}
