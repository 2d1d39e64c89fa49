package io.sdxlbatch.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkerProjectionTest {

    /** {@code n} jobs submitted at once, each running {@code ms}. */
    private static List<JobTiming> burst(int n, long ms) {
        List<JobTiming> jobs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            jobs.add(new JobTiming(i, "w", 0, 0, ms));
        }
        return jobs;
    }

    @Test
    void givenSixJobsAtOnce_whenProjected_thenMakespanIsColdStartPlusRoundsOfWork() {
        assertThat(WorkerProjection.project(burst(6, 10_000), 1, 20_000, 5_000).makespanMs()).isEqualTo(80_000);
        assertThat(WorkerProjection.project(burst(6, 10_000), 2, 20_000, 5_000).makespanMs()).isEqualTo(50_000);
        assertThat(WorkerProjection.project(burst(6, 10_000), 3, 20_000, 5_000).makespanMs()).isEqualTo(40_000);
    }

    @Test
    void givenMoreWorkers_whenProjected_thenEachBootedWorkerIsBilledItsColdStartExecutionAndIdleTail() {
        WorkerProjection.Projection p = WorkerProjection.project(burst(6, 10_000), 3, 20_000, 5_000);

        assertThat(p.coldStarts()).isEqualTo(3);
        assertThat(p.billedMs()).isEqualTo(3 * 20_000 + 6 * 10_000 + 3 * 5_000);
    }

    @Test
    void givenJobsSpreadOutPastTheIdleTimeout_whenProjected_thenTheWorkerBootsAgain() {
        List<JobTiming> jobs = List.of(new JobTiming(1, "w", 0, 0, 10_000), new JobTiming(2, "w", 60_000, 0, 10_000));

        WorkerProjection.Projection p = WorkerProjection.project(jobs, 1, 20_000, 5_000);

        assertThat(p.coldStarts()).isEqualTo(2);
        assertThat(p.makespanMs()).isEqualTo(90_000);
        assertThat(p.billedMs()).isEqualTo(2 * (20_000 + 10_000 + 5_000));
    }

    @Test
    void givenNoWorkers_whenProjected_thenRefused() {
        assertThatThrownBy(() -> WorkerProjection.project(burst(1, 1), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
