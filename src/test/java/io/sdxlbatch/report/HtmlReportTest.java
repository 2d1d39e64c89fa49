package io.sdxlbatch.report;

import static io.sdxlbatch.report.RunAnalysisFixture.point;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import io.sdxlbatch.ledger.LedgerState;

class HtmlReportTest {

    static final String SCRIPT_ID = "<script>alert(1)</script>";
    static final String QUOTED_ID = "a \"quoted\" & 'single' one";

    /**
     * Two workers. w-a boots for 20 s (the one cold start), runs fox then owl; w-b is warm (0.5 s wait) and runs
     * the script-named row, then cat fails. Billed: execution 31 s, cold start 20 s, idle 2 x (0.5 + 5) s = 11 s;
     * 62 s at $0.00031/s = $0.01922.
     */
    static RunAnalysisFixture twoWorkers(String runId) {
        return new RunAnalysisFixture(runId)
                .ran(2, "fox", LedgerState.DONE, "w-a", 0, 20_000, 10_000, 300, "images/fox.png", null)
                .ran(3, "owl", LedgerState.DONE, "w-a", 1_000, 29_500, 8_000, 400, "images/owl.png", null)
                .ran(4, SCRIPT_ID, LedgerState.DONE, "w-b", 2_000, 500, 9_000, 200, "images/x.png", null)
                .ran(5, "cat & \"dog\"", LedgerState.FAILED, "w-b", 3_000, 9_000, 4_000, 100, null, "CUDA OOM <b>")
                .rejected(6, "bad", "width 'abc' is not a number")
                .api(new ApiCalls(Map.of("/run", 5L, "/status", 12L), 1, 2))
                .hints(List.of(new Hint("Raise max workers to 3", "p95 queue wait 29.5 s with 2 workers busy")))
                .trend(List.of(point("run-1", 1, 4, "0.0250", 61_000, false),
                        point("run-2", 2, 4, "0.0210", 52_000, false), point(runId, 3, 3, "0.01922", 48_000, true)));
    }

    static final List<Thumbnail> THUMBS = List.of(
            new Thumbnail(4, SCRIPT_ID, "../images/x.png", "data:image/jpeg;base64,AAAA"),
            new Thumbnail(2, QUOTED_ID, "../images/fox.png", "data:image/jpeg;base64,BBBB"));

    private static Document page(RunAnalysis a) {
        return Jsoup.parse(HtmlReport.render(a, THUMBS, 3));
    }

    @Test
    void givenARun_whenRendered_thenEverySectionIsThere() {
        Document doc = page(twoWorkers("run-3").build());

        for (String id : List.of("headline", "hints", "cost", "delay-histogram", "execution-histogram", "timeline",
                "thumbnails", "failures", "trend", "jobs")) {
            assertThat(doc.getElementById(id)).as("section #" + id).isNotNull();
        }
        assertThat(doc.title()).isEqualTo("Run run-3 · sdxl-batch");
    }

    @Test
    void givenARun_whenRendered_thenHeadlineShowsItsCostAndCounts() {
        Element headline = page(twoWorkers("run-3").build()).getElementById("headline");

        assertThat(figure(headline, "cost")).isEqualTo("$0.0192");
        assertThat(figure(headline, "images")).isEqualTo("3");
        assertThat(figure(headline, "rows")).isEqualTo("5");
        assertThat(figure(headline, "cold-starts")).isEqualTo("1");
        assertThat(figure(headline, "api-calls")).isEqualTo("17");
        assertThat(headline.select("[data-status]").eachText())
                .containsExactly("COMPLETED 3", "FAILED 1", "REJECTED 1");
        assertThat(headline.text()).contains("sim-endpoint", "simulated, time ×60", "prompts/nightly & <daily>.csv");
    }

    @Test
    void givenSimulatorInItsOwnProcess_whenRendered_thenHeadlineStillSaysItsClockRunsFast() {
        Element separate = page(twoWorkers("run-3").endpoint(false, 12).build()).getElementById("headline");
        Element runpod = page(twoWorkers("run-3").endpoint(false, 1).build()).getElementById("headline");

        assertThat(separate.select(".badge").text()).isEqualTo("time ×12");
        assertThat(separate.select(".note").text()).endsWith("stretched by the simulator's time scale.");
        assertThat(runpod.select(".badge")).isEmpty();
        assertThat(runpod.select(".note").text()).isEqualTo("All times are on the endpoint's clock.");
    }

    @Test
    void givenARun_whenRendered_thenCostTableSplitsTheBill() {
        Element cost = page(twoWorkers("run-3").build()).getElementById("cost");

        assertThat(cost.select("tbody tr").eachText()).containsExactly(
                "Execution 31.0 s 50.0% $0.0096", "Cold start (1) 20.0 s 32.3% $0.0062", "Idle 11.0 s 17.7% $0.0034");
        assertThat(cost.select("tfoot .total").text()).isEqualTo("$0.0192");
        assertThat(cost.select("svg.costbar rect")).hasSize(3);
        assertThat(cost.text()).contains("Idle timeout 5.0 s", "Cold starts are inferred");
    }

    @Test
    void givenFailures_whenRendered_thenTableCountsThemByReason() {
        Element failures = page(twoWorkers("run-3").build()).getElementById("failures");

        assertThat(failures.select("tbody tr")).hasSize(2);
        assertThat(failures.select("tbody tr").get(0).select("td").eachText())
                .containsExactly("FAILED", "CUDA OOM <b>", "1", "5");
        assertThat(failures.select("tbody tr").get(1).select("td").eachText())
                .containsExactly("REJECTED", "width 'abc' is not a number", "1", "6");
    }

    @Test
    void givenMoreThanTwentyLinesForAReason_whenRendered_thenTheFirstTwentyAreListed() {
        RunAnalysisFixture fixture = new RunAnalysisFixture("run-many");
        IntStream.rangeClosed(2, 26).forEach(line -> fixture.rejected(line, "p" + line, "empty prompt"));

        Element row = page(fixture.build()).getElementById("failures").selectFirst("tbody tr");

        assertThat(row.selectFirst("td.count").text()).isEqualTo("25");
        assertThat(row.selectFirst("td.lines").text())
                .isEqualTo("2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, …");
    }

    @Test
    void givenNoFailuresAndNoHints_whenRendered_thenTheSectionsSaySo() {
        Document doc = page(new RunAnalysisFixture("clean")
                .ran(2, "fox", LedgerState.DONE, "w-a", 0, 2_000, 9_000, 100, "images/fox.png", null).build());

        assertThat(doc.getElementById("failures").text()).contains("No failures.");
        assertThat(doc.getElementById("hints").text()).contains(HtmlReport.NO_HINTS);
    }

    @Test
    void givenJobsOnTwoWorkers_whenRendered_thenTimelineHasOneExecutionBarPerJobPlacedOnTheClock() {
        Element timeline = page(twoWorkers("run-3").build()).getElementById("timeline");

        Elements bars = timeline.select("rect.exec");
        assertThat(bars).hasSize(4);
        assertThat(timeline.select("rect.exec.failed")).hasSize(1);
        assertThat(timeline.select("rect.cold")).hasSize(1);
        assertThat(timeline.select("rect.idle")).hasSize(2);
        // lanes in order of first start: w-b took its first job at 2.5 s, w-a at 20 s
        assertThat(timeline.select("svg.axis text title").eachText()).containsExactly(
                "w-b: 2 jobs, busy 29.9% of the chart", "w-a: 2 jobs, busy 41.4% of the chart");
        // fox runs 20 s..30 s of a chart from the first submission to w-a stopping at 43.5 s
        Element fox = bars.stream().filter(b -> b.text().startsWith("line 2 ")).findFirst().orElseThrow();
        assertThat(fox.attr("x")).isEqualTo("45.977%");
        assertThat(fox.attr("width")).isEqualTo("22.989%");
    }

    @Test
    void givenTenThousandJobs_whenRendered_thenTimelineDropsTooltipsAndStaysSmall() {
        RunAnalysisFixture fixture = new RunAnalysisFixture("big");
        for (int i = 0; i < 10_000; i++) {
            fixture.ran(i + 2, "p" + i, LedgerState.DONE, "w-" + (i % 20), i * 100L, 5_000, 9_000, 100,
                    "images/p" + i + ".png", null);
        }
        String html = HtmlReport.render(fixture.build(), List.of(), 10_000);
        Element timeline = Jsoup.parse(html).getElementById("timeline");

        assertThat(timeline.select("rect.exec")).hasSize(10_000);
        assertThat(timeline.select("rect.exec title")).isEmpty();
        assertThat(html.length()).isLessThan(3_000_000);
    }

    @Test
    void givenThreeRuns_whenRendered_thenTrendChartsAndTableAppear() {
        Element trend = page(twoWorkers("run-3").build()).getElementById("trend");

        assertThat(trend.select("svg.plot")).hasSize(2);
        assertThat(trend.select("circle.pt.current")).hasSize(2);
        assertThat(trend.select("tbody tr")).hasSize(3);
        assertThat(trend.select("tr.current th").text()).isEqualTo("run-3 this run");
        assertThat(trend.select("tr.current td").get(2).text()).isEqualTo("$0.0192");
    }

    @Test
    void givenOnlyThisRun_whenRendered_thenTrendSaysThereIsNoneYet() {
        Element trend = page(twoWorkers("run-3").trend(List.of(point("run-3", 3, 3, "0.01922", 48_000, true)))
                .build()).getElementById("trend");

        assertThat(trend.select("svg")).isEmpty();
        assertThat(trend.text()).contains("No earlier runs of this prompts file in the job repository yet.");
    }

    @Test
    void givenPromptIdsWithMarkup_whenRendered_thenTheyAreShownAsText() {
        Document doc = page(twoWorkers("run-3").build());

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("b:containsOwn(CUDA)")).isEmpty();
        assertThat(doc.select("#thumbnails figcaption .id").eachText()).containsExactly(SCRIPT_ID, QUOTED_ID);
        assertThat(doc.select("#thumbnails img").eachAttr("alt")).containsExactly(SCRIPT_ID, QUOTED_ID);
        assertThat(doc.select("#thumbnails a").eachAttr("href")).containsExactly("../images/x.png",
                "../images/fox.png");
        assertThat(doc.getElementById("thumbnails").text()).contains("showing 2 of 3 images; all are in ../images/");
    }

    @Test
    void givenARun_whenRendered_thenThePageNeedsNothingFromTheNetwork() {
        String html = HtmlReport.render(twoWorkers("run-3").build(), THUMBS, 3);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("[src], [href]").stream().flatMap(e -> List.of(e.attr("src"), e.attr("href")).stream())
                .filter(url -> url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//")))
                .isEmpty();
        assertThat(doc.select("link, script, iframe, object")).isEmpty();
        assertThat(html).doesNotContainPattern("https?://");
    }

    @Test
    void givenTwoRuns_whenCompared_thenBothAreShownWithTheChange() {
        RunAnalysis a = twoWorkers("monday").build();
        RunAnalysis b = twoWorkers("tuesday").price("0.00062").build();

        Document doc = Jsoup.parse(HtmlReport.renderComparison(a, b));

        Element comparison = doc.getElementById("comparison");
        assertThat(comparison.select("thead th").eachText())
                .containsExactly("Figure", "A monday", "B tuesday", "Change");
        Element cost = comparison.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Estimated cost")).findFirst().orElseThrow();
        assertThat(cost.select("td").eachText()).containsExactly("$0.0192", "$0.0384", "+$0.0192 (+100.0%)");
        assertThat(cost.select("td.delta.worse")).hasSize(1);
        Element images = comparison.select("tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Images written")).findFirst().orElseThrow();
        assertThat(images.select("td").eachText()).containsExactly("3", "3", "no change");
        assertThat(comparison.select("svg.costbar")).hasSize(2);
    }

    private static String figure(Element headline, String key) {
        return headline.selectFirst("[data-figure=" + key + "]").text();
    }
}
