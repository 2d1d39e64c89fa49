package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.prompts.PromptScan;
import io.sdxlbatch.runpod.RunpodSettings;

class SettingsSummaryTest {

    private static final String KEY = "rpa_0123456789ABCDEFGHIJKLMNOPQRSTUVWXabcd";

    @Test
    void givenARealEndpoint_whenSummarised_thenEverySettingIsThereAndTheKeyOnlyByItsLastFour() {
        RunpodSettings settings = RunpodSettings.of(URI.create("https://api.runpod.ai/v2"), "abc123", KEY);
        RunOptions options = RunOptions.defaults(Path.of("prompts", "nightly.csv"), Path.of("out"), "nightly-1");
        PromptScan scan = new PromptScan(options.promptsFile(), List.of("prompt"), List.of(), 12, 10, 10, List.of());

        List<String> lines = SettingsSummary.lines(options, scan, ResolvedEndpoint.resolve(settings, Map.of()),
                settings);

        assertThat(lines).containsExactly(
                "sdxl-batch run nightly-1: prompts/nightly.csv (12 rows, 2 rejected) -> out/nightly-1",
                "endpoint: Runpod endpoint abc123 at https://api.runpod.ai/v2, key ****abcd",
                "max in flight 100, chunk size 10, poll interval 1s, execution timeout 5m, harvest timeout 12h,"
                        + " max retries 1",
                "stops sending at: deadline none, max images none, max cost none, failure window 20; after a signal:"
                        + " collect for 2m");
        assertThat(String.join("\n", lines)).doesNotContain(KEY.substring(0, KEY.length() - 4));
    }

    @Test
    void givenAKeyTooShortToBeRunpods_whenMasked_thenNoneOfItShows() {
        assertThat(RunpodSettings.of(URI.create("http://127.0.0.1"), "sim", "sim-key").maskedApiKey())
                .isEqualTo("****");
    }

    @Test
    void givenDurations_whenWritten_thenInTheFormTheOptionsTake() {
        assertThat(SettingsSummary.duration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(SettingsSummary.duration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(SettingsSummary.duration(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(SettingsSummary.duration(Duration.ofHours(12))).isEqualTo("12h");
    }
}
