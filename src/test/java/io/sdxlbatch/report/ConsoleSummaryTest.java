package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void givenRunWithApiCallsRecorded_whenSummarised_thenCallsMadeAreSplitByPathWithStatusCallsPerImage() {
        Map<String, Long> sent = new LinkedHashMap<>();
        sent.put("run", 5L);
        sent.put("runsync", 0L);
        sent.put("status", 6L);
        sent.put("health", 40L);
        RunAnalysis run = HtmlReportTest.twoWorkers("run-3").api(new ApiCalls(sent, 1, 2)).build();

        // three images written
        assertThat(ConsoleSummary.of(run))
                .contains("API calls 51 (/run 5, /status 6, /health 40; 2.00 /status per image), 2 rate-limited");
    }

    @Test
    void givenRunWithoutRecordedCalls_whenSummarised_thenItSaysSo() {
        RunAnalysis run = HtmlReportTest.twoWorkers("run-3").api(new ApiCalls(Map.of(), 0, 0)).build();

        assertThat(ConsoleSummary.of(run)).contains("API calls not recorded");
    }
}
