package io.sdxlbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.runpod.JobPolicy;
import io.sdxlbatch.runpod.JobRequest;

class RequestCodecTest {

    private static Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", "富士山, \"quoted\"\nsecond line");
        input.put("width", 1024);
        input.put("height", 768);
        input.put("seed", 42);
        input.put("guidance_scale", 7.5);
        input.put("strength", 8.0);
        input.put("scheduler", "K_EULER");
        return input;
    }

    @Test
    void givenWorkerInput_whenEncodedAndDecoded_thenValuesAndJsonTypesAreKept() {
        JobRequest back = RequestCodec.decode(RequestCodec.encode(input(), null));

        assertThat(back.input()).isEqualTo(input());
        assertThat(back.input().get("width")).isInstanceOf(Integer.class).isEqualTo(1024);
        assertThat(back.input().get("seed")).isInstanceOf(Integer.class);
        assertThat(back.input().get("guidance_scale")).isInstanceOf(Double.class).isEqualTo(7.5);
        assertThat(back.input().get("strength")).isInstanceOf(Double.class).isEqualTo(8.0);
        assertThat(back.policy()).isNull();
    }

    @Test
    void givenWorkerInput_whenEncoded_thenIntegersAreWrittenWithoutADecimalPoint() {
        String json = RequestCodec.encode(input(), null);

        assertThat(json).contains("\"width\":1024").doesNotContain("1024.0").contains("\"guidance_scale\":7.5");
    }

    @Test
    void givenWorkerInput_whenRoundTripped_thenKeyOrderIsKeptSoResubmissionsAreIdentical() {
        JobRequest back = RequestCodec.decode(RequestCodec.encode(input(), null));

        assertThat(back.input().keySet()).containsExactlyElementsOf(input().keySet());
        assertThat(RequestCodec.encode(back.input(), null)).isEqualTo(RequestCodec.encode(input(), null));
    }

    @Test
    void givenPolicy_whenRoundTripped_thenTimeoutAndTtlComeBackToTheMillisecond() {
        JobPolicy policy = new JobPolicy(Duration.ofMillis(300_001), Duration.ofHours(2), null);

        JobRequest back = RequestCodec.decode(RequestCodec.encode(input(), policy));

        assertThat(back.policy().executionTimeout()).isEqualTo(Duration.ofMillis(300_001));
        assertThat(back.policy().ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void givenPolicyWithOnlyATimeout_whenRoundTripped_thenTtlStaysUnset() {
        JobRequest back = RequestCodec.decode(RequestCodec.encode(input(),
                new JobPolicy(Duration.ofMinutes(5), null, null)));

        assertThat(back.policy().executionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(back.policy().ttl()).isNull();
    }

    @Test
    void givenCellsAsWritten_whenRoundTripped_thenEveryCellIsIdenticalAndInOrder() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("id", "fox");
        cells.put("prompt", " a \"red\" fox,\nin snow ");
        cells.put("width", "12.5");
        cells.put("seed", "");
        cells.put("tags", "日本語");

        Map<String, String> back = RequestCodec.decodeCells(RequestCodec.encodeCells(cells));

        assertThat(back).containsExactlyEntriesOf(cells);
    }

    @Test
    void givenLowPriority_whenRoundTripped_thenItIsKept() {
        JobPolicy policy = new JobPolicy(null, null, true);

        assertThat(RequestCodec.decode(RequestCodec.encode(Map.of("prompt", "x"), policy)).policy().lowPriority())
                .isTrue();
    }
}
