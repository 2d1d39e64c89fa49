package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.Price;
import io.sdxlbatch.ledger.LedgerEntry;

class RunAnalyzerTest {

    private static final CostSettings COST = new CostSettings(new Price(new BigDecimal("0.001"), "test price"),
            Duration.ofSeconds(5));
    private static final ApiCalls API = new ApiCalls(Map.of("run", 3L, "status", 6L), 0, 0);

    private static RunAnalysis analyze(double timeScale, List<LedgerEntry> rows) {
        RunRecord run = new RunRecord(Rows.RUN, "/p.csv", "ep", timeScale != 1, timeScale, COST);
        return RunAnalyzer.analyze(run, rows, COST, API, List.of(), Instant.EPOCH);
    }

    @Test
    void givenRealTime_whenAnalyzed_thenTimesAreDerivedFromSubmissionDelayAndExecution() {
        RunAnalysis a = analyze(1, List.of(Rows.done(2, "w1", 1_000_000, 20_000, 10_000, 1_031_000)));

        JobRow row = a.jobs().get(0);
        assertThat(row.startedAt()).isEqualTo(1_020_000);
        assertThat(row.completedAt()).isEqualTo(1_030_000);
        assertThat(row.endToEndMs()).isEqualTo(31_000);
        assertThat(row.harvestLatencyMs()).isEqualTo(1_000);
        assertThat(a.run().wallMs()).isEqualTo(31_000);
        assertThat(a.billing().coldStartMs()).isEqualTo(20_000);
        assertThat(a.billing().totalCost()).isEqualByComparingTo("0.035");
    }

    @Test
    void givenATimeCompressedEndpoint_whenAnalyzed_thenOurClockIsStretchedFromTheFirstSubmission() {
        // at x10, 3.1 s of our time after the first submission is 31 s on the endpoint
        RunAnalysis a = analyze(10, List.of(
                Rows.done(2, "w1", 1_000_000, 20_000, 10_000, 1_003_100),
                Rows.done(3, "w1", 1_000_500, 25_000, 10_000, 1_004_200)));

        assertThat(a.jobs()).extracting(JobRow::submittedAt).containsExactly(1_000_000L, 1_005_000L);
        assertThat(a.jobs()).extracting(JobRow::endToEndMs).containsExactly(31_000L, 37_000L);
        assertThat(a.billing().sessions()).hasSize(1);
        assertThat(a.billing().idleMs()).as("job 3 started as job 2 ended").isEqualTo(5_000);
    }

    @Test
    void givenMixedOutcomes_whenAnalyzed_thenCountsImagesFailuresAndPercentilesAreRight() {
        RunAnalysis a = analyze(1, List.of(
                Rows.done(2, "w1", 0, 20_000, 10_000, 31_000),
                Rows.done(3, "w1", 0, 30_000, 12_000, 43_000),
                Rows.failed(4, "w2", 0, 21_000, 1_000, "worker crashed"),
                Rows.failed(5, "w2", 0, 22_000, 1_000, "worker crashed")));

        assertThat(a.statusCounts()).containsExactly(Map.entry("COMPLETED", 2), Map.entry("FAILED", 2));
        assertThat(a.imagesWritten()).isEqualTo(2);
        assertThat(a.retriedRows()).isEqualTo(2);
        assertThat(a.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("worker crashed");
            assertThat(f.lines()).containsExactly(4, 5);
        });
        assertThat(a.execution().percentiles()).containsEntry("p50", 1_000L).containsEntry("max", 12_000L);
        assertThat(a.endToEnd().sorted()).as("only rows with images").containsExactly(31_000L, 43_000L);
        assertThat(a.billing().executionMs()).as("failed jobs ran and are billed").isEqualTo(24_000);
        assertThat(a.imagesPerMinute()).isEqualTo(2 * 60_000.0 / 43_000);
        assertThat(a.trend()).singleElement().satisfies(p -> {
            assertThat(p.current()).isTrue();
            assertThat(p.cost()).isEqualByComparingTo(a.billing().totalCost());
        });
    }
}
