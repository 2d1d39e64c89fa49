package io.sdxlbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void givenOneToHundredShuffled_whenSummarised_thenNearestRankGivesTheTextbookAnswers() {
        List<Long> values = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(values, new java.util.Random(7));

        Map<String, Long> p = Percentiles.of(values);

        assertThat(p).containsEntry("count", 100L).containsEntry("min", 1L).containsEntry("p50", 50L)
                .containsEntry("p90", 90L).containsEntry("p95", 95L).containsEntry("p99", 99L)
                .containsEntry("max", 100L);
    }

    @Test
    void givenTenValues_whenSummarised_thenEveryPercentileIsAValueFromTheData() {
        List<Long> values = List.of(120L, 80L, 4000L, 95L, 101L, 99L, 300L, 87L, 110L, 2500L);

        Map<String, Long> p = Percentiles.of(values);

        // sorted: 80 87 95 99 101 110 120 300 2500 4000
        assertThat(p).containsEntry("p50", 101L).containsEntry("p90", 2500L).containsEntry("p95", 4000L)
                .containsEntry("p99", 4000L).containsEntry("min", 80L).containsEntry("max", 4000L);
        assertThat(values).contains(p.get("p50"), p.get("p90"), p.get("p95"), p.get("p99"));
    }

    @Test
    void givenSingleValue_whenSummarised_thenEveryFigureIsThatValue() {
        Map<String, Long> p = Percentiles.of(List.of(1234L));

        assertThat(p).containsExactly(Map.entry("count", 1L), Map.entry("min", 1234L), Map.entry("p50", 1234L),
                Map.entry("p90", 1234L), Map.entry("p95", 1234L), Map.entry("p99", 1234L),
                Map.entry("max", 1234L));
    }

    @Test
    void givenNoValues_whenSummarised_thenNothingIsReported() {
        assertThat(Percentiles.of(List.of())).isEmpty();
    }
}
