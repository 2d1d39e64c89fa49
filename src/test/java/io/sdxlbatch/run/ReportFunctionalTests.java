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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

    /**
     * Two workers that boot in exactly 2 s and go cold 5 s after their last job, in real time: our own timestamps
     * then line up with the simulator's to a few ms (a time-compressed clock would stretch our latency too).
     */
    private static SimulatorSettings endpoint() {
        return SimulatorSettings.defaults().withWorkers(2).withTimeScale(1).withColdStartMs(2_000, 2_000)
                .withExecutionMs(500, 1_500).withIdleTimeoutMs(5_000);
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
    void givenARunWithKnownColdStarts_whenReported_thenTimingsAndCostMatchTheSimulator() throws Exception {
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
            assertThat(coldStart).as("two boots of exactly 2 s").isEqualTo(4_000);
            assertThat(s.at("/billed_ms/execution").asLong()).isEqualTo(execution);
            assertThat(s.at("/cold_starts/count").asInt()).isEqualTo(2);
            assertThat(s.at("/cold_starts/estimated_ms").asLong()).isEqualTo(coldStart);
            // each derived gap between two jobs on a worker carries our own submission latency (a few ms)
            assertThat(s.at("/billed_ms/idle").asLong()).as("one 5 s idle tail per worker, the queue never empty")
                    .isBetween(10_000L, 11_000L);
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
            assertThat(s.at("/time_scale").asDouble()).as("read from the simulator's /health").isEqualTo(1);
            assertThat(rows).allSatisfy(r -> assertThat(Long.parseLong(r.get("end_to_end_ms")))
                    .isGreaterThan(Long.parseLong(r.get("delay_ms"))));
            assertHtmlShows(given.runDir(), s, rows);
        }
    }

    /** report.html, read by a real HTML parser: every section, with the figures of summary.json and jobs.csv. */
    private static void assertHtmlShows(Path runDir, JsonNode s, List<Map<String, String>> rows) throws Exception {
        Document page = Jsoup.parse(runDir.resolve("report/report.html").toFile());
        for (String id : List.of("headline", "hints", "cost", "delay-histogram", "execution-histogram", "timeline",
                "thumbnails", "failures", "trend")) {
            assertThat(page.getElementById(id)).as("section #" + id).isNotNull();
        }
        Element headline = page.getElementById("headline");
        assertThat(headline.selectFirst("[data-figure=cost]").text()).isEqualTo(usd(s.at("/cost/total")));
        assertThat(headline.selectFirst("[data-figure=images]").text()).isEqualTo("10");
        assertThat(headline.selectFirst("[data-figure=rows]").text()).isEqualTo("11");
        assertThat(headline.selectFirst("[data-figure=cold-starts]").text()).isEqualTo("2");
        assertThat(headline.selectFirst("[data-figure=api-calls]").text())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", s.at("/api_calls").valueStream()
                        .mapToLong(JsonNode::asLong).sum()));
        assertThat(headline.select("[data-status]").eachText()).containsExactly("COMPLETED 10", "REJECTED 1");
        Element cost = page.getElementById("cost");
        assertThat(cost.select("tbody tr").eachText()).anySatisfy(r -> assertThat(r).startsWith("Execution")
                .endsWith(usd(s.at("/cost/execution"))));
        assertThat(cost.select("tbody tr").eachText()).anySatisfy(r -> assertThat(r).startsWith("Cold start (2)")
                .endsWith(usd(s.at("/cost/cold_start"))));
        assertThat(cost.text()).contains("ADA_24");
        Element timeline = page.getElementById("timeline");
        assertThat(timeline.select("rect.exec")).hasSize(10);
        assertThat(timeline.select("rect.cold")).hasSize(2);
        assertThat(page.getElementById("hints").text()).contains(s.at("/hints/0/advice").asString());
        assertThat(page.getElementById("failures").select("tbody tr").eachText()).singleElement()
                .satisfies(r -> assertThat(r).contains("REJECTED", "width 1020", "12"));
        assertThat(page.getElementById("trend").text()).contains("No earlier runs of this prompts file");
        List<String> links = page.select("#thumbnails a").eachAttr("href");
        assertThat(links).hasSize(10).allSatisfy(href -> assertThat(runDir.resolve("report").resolve(href)
                .normalize()).isRegularFile());
        assertThat(links).containsExactlyElementsOf(rows.stream().map(r -> "../" + r.get("images")).toList());
        assertThat(page.select("img").eachAttr("src")).allSatisfy(src -> assertThat(src)
                .startsWith("data:image/jpeg;base64,"));
    }

    private static String usd(JsonNode amount) {
        return "$" + amount.decimalValue().setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void givenTwoRunsOfOneFile_whenReportedAgainWithAnotherPrice_thenCostsChangeAndTheRunsCompare() throws Exception {
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
            assertThat(text).containsPattern("(?m)^ +monday +tuesday +change$")
                    .containsPattern("(?m)^  Images written +10 +10 +no change$");
            Document page = Jsoup.parse(given.output.resolve(
                    "tuesday/report/compare-monday.html").toFile());
            assertThat(page.getElementById("comparison").text()).contains("monday", "tuesday");
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
                    + " runs it holds: " + PipelineFixture.RUN_ID).contains("(see ./run.sh report --help)")
                    .doesNotContain("nothing was submitted");
        }
    }
}
