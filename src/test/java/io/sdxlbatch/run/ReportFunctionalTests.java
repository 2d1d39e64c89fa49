package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.sim.SimulatedJobView;
import io.sdxlbatch.sim.SimulatorSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timing and cost report of a real run against a simulator whose cold start is known: every figure is
 * checked against what the simulator itself recorded.
 */
class ReportFunctionalTests {

    private static final BigDecimal ADA_24 = new BigDecimal("0.00031");
    private static final BigDecimal AMPERE_16 = new BigDecimal("0.00016");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** Two workers that boot in exactly 20 s and go cold 5 s after their last job; time x20. */
    private static SimulatorSettings endpoint() {
        return SimulatorSettings.defaults().withWorkers(2).withTimeScale(20).withColdStartMs(20_000, 20_000)
                .withExecutionMs(6_000, 15_000).withIdleTimeoutMs(5_000);
    }

    private static PipelineFixture tenRowsAndABadOne(Path dir) {
        return new PipelineFixture(dir, endpoint()).csv(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("id,prompt,width,height"),
                java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> i == 11 ? "p11,too wide,1020,64"
                        : "p" + i + ",prompt number " + i + ",64,64")).toArray(String[]::new));
    }

    private static JsonNode summary(Path runDir) {
        return JSON.readTree(runDir.resolve("report/summary.json").toFile());
    }

    @Test
    void givenARunWithKnownColdStarts_whenReported_thenTimingsAndCostMatchTheSimulator() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            assertThat(given.run("--gpu", "ADA_24")).as("one row rejected").isEqualTo(3);

            List<Map<String, String>> rows = given.jobsCsv().stream().filter(r -> !r.get("job_id").isEmpty())
                    .toList();
            Map<String, SimulatedJobView> served = new LinkedHashMap<>();
            rows.forEach(r -> served.put(r.get("job_id"), given.sim().job(r.get("job_id")).orElseThrow()));
            assertThat(rows).hasSize(10).allSatisfy(r -> {
                SimulatedJobView job = served.get(r.get("job_id"));
                assertThat(r.get("delay_ms")).isEqualTo(String.valueOf(job.delayTime()));
                assertThat(r.get("execution_ms")).isEqualTo(String.valueOf(job.executionTime()));
                assertThat(r.get("worker_id")).isEqualTo(job.workerId());
                assertThat(r.get("width") + "x" + r.get("height")).isEqualTo("64x64");
                assertThat(r.get("steps")).as("the worker's default").isEqualTo("25");
            });
            // the first job on each worker paid its boot; the queue never ran dry, so no other did
            Map<String, SimulatedJobView> firstOnWorker = served.values().stream().collect(Collectors.toMap(
                    SimulatedJobView::workerId, j -> j, (a, b) -> a.startedAtMs() <= b.startedAtMs() ? a : b));
            assertThat(firstOnWorker).hasSize(2);
            assertThat(rows).allSatisfy(r -> assertThat(r.get("cold_start")).isEqualTo(
                    firstOnWorker.get(r.get("worker_id")).id().equals(r.get("job_id")) ? "yes" : "no"));

            JsonNode s = summary(given.runDir());
            long execution = served.values().stream().mapToLong(SimulatedJobView::executionTime).sum();
            long coldStart = firstOnWorker.values().stream().mapToLong(SimulatedJobView::delayTime).sum();
            assertThat(coldStart).as("two boots of exactly 20 s").isEqualTo(40_000);
            assertThat(s.at("/billed_ms/execution").asLong()).isEqualTo(execution);
            assertThat(s.at("/cold_starts/count").asInt()).isEqualTo(2);
            assertThat(s.at("/cold_starts/estimated_ms").asLong()).isEqualTo(coldStart);
            assertThat(s.at("/billed_ms/idle").asLong()).as("one 5 s idle tail per worker, the queue never empty")
                    .isBetween(10_000L, 12_000L);
            assertThat(s.at("/cost/execution").decimalValue()).isEqualByComparingTo(ADA_24.multiply(
                    BigDecimal.valueOf(execution)).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP));
            assertThat(s.at("/cost/total").decimalValue()).isEqualByComparingTo(ADA_24.multiply(BigDecimal.valueOf(
                    s.at("/billed_ms/total").asLong())).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP));
            List<Long> delays = served.values().stream().map(SimulatedJobView::delayTime).sorted().toList();
            assertThat(s.at("/delay_ms/min").asLong()).isEqualTo(delays.get(0));
            assertThat(s.at("/delay_ms/p50").asLong()).isEqualTo(delays.get(4));
            assertThat(s.at("/delay_ms/max").asLong()).isEqualTo(delays.get(9));
            assertThat(s.at("/execution_ms/max").asLong()).isEqualTo(served.values().stream()
                    .mapToLong(SimulatedJobView::executionTime).max().orElseThrow());
            assertThat(s.at("/status_counts/COMPLETED").asInt()).isEqualTo(10);
            assertThat(s.at("/status_counts/REJECTED").asInt()).isEqualTo(1);
            assertThat(s.at("/images_written").asInt()).isEqualTo(10);
            assertThat(s.at("/api_calls/run").asLong()).isEqualTo(given.sim().requestCount("run"));
            assertThat(s.at("/api_calls/status").asLong()).isEqualTo(given.sim().requestCount("status"));
            assertThat(s.at("/failures/0/lines/0").asInt()).isEqualTo(12);
            assertThat(s.at("/time_scale").asDouble()).as("read from the simulator's /health").isEqualTo(20);
            assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.get("end_to_end_ms")))
                    .isGreaterThanOrEqualTo(Long.parseLong(r.get("delay_ms")) + Long.parseLong(r.get("execution_ms"))
                            - 500));
        }
    }

    @Test
    void givenTwoRunsOfOneFile_whenReportedAgainWithAnotherPrice_thenCostsChangeAndTheRunsCompare() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            given.run("--run-id", "monday");
            given.run("--run-id", "tuesday");
            JsonNode tuesday = summary(given.output.resolve("tuesday"));
            assertThat(tuesday.at("/trend").findValuesAsString("run_id")).containsExactly("monday", "tuesday");

            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int exit = SdxlBatchApplication.launch(new String[] {"report", "--run-id", "tuesday", "--output",
                given.output.toString(), "--gpu", "AMPERE_16", "--compare", "monday"},
                    new PrintStream(console, true, StandardCharsets.UTF_8), System.err);

            assertThat(exit).isZero();
            JsonNode again = summary(given.output.resolve("tuesday"));
            assertThat(again.at("/cost/execution").decimalValue()).isEqualByComparingTo(AMPERE_16.multiply(
                    BigDecimal.valueOf(again.at("/billed_ms/execution").asLong())).divide(BigDecimal.valueOf(1000), 6,
                    RoundingMode.HALF_UP));
            assertThat(again.at("/billed_ms")).isEqualTo(tuesday.at("/billed_ms"));
            assertThat(again.at("/api_calls")).as("the calls the run made, not the report").isEqualTo(
                    tuesday.at("/api_calls"));
            String text = console.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("Report of run tuesday written to").contains("AMPERE_16");
            assertThat(text.lines().filter(l -> l.contains("monday") && l.contains("tuesday")).count())
                    .as("a header naming both runs").isEqualTo(1);
            assertThat(text).containsPattern("images written +10 +10 +0%");
        }
    }

    @Test
    void givenAnUnknownRun_whenReported_thenExitTwoNamingTheRunsThatExist() {
        try (PipelineFixture given = tenRowsAndABadOne(dir)) {
            given.run();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit = SdxlBatchApplication.launch(new String[] {"report", "--run-id", "nope", "--output",
                given.output.toString()}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("no run 'nope' in the job repository;"
                    + " runs it holds: " + PipelineFixture.RUN_ID);
        }
    }
}
