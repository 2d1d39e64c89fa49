package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.sdxlbatch.cli.ArgParser;
import io.sdxlbatch.cli.Commands;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.config.RunOptions;

class RunOptionsParserTest {

    /** 23:30 UTC on Dec 4 is already Dec 5 in Tokyo: the run id must follow the local date. */
    private static final Instant NIGHT = Instant.parse("2026-12-04T23:30:00Z");
    private static final Clock UTC = Clock.fixed(NIGHT, ZoneOffset.UTC);
    private static final Clock TOKYO = Clock.fixed(NIGHT, ZoneId.of("Asia/Tokyo"));

    private static RunOptions parse(Clock clock, String... args) {
        return RunOptionsParser.parse(new ArgParser(Commands.ALL).parse(args), clock, java.util.Map.of());
    }

    @Test
    void givenNoOptions_whenParsed_thenCronDefaultsApply() {
        RunOptions options = parse(UTC);

        assertThat(options.promptsFile()).isEqualTo(Path.of("prompts", "sample.csv"));
        assertThat(options.outputDir()).isEqualTo(Path.of("output"));
        assertThat(options.runId()).isEqualTo("sample-2026-12-04");
        assertThat(options.maxInFlight()).isEqualTo(100);
        assertThat(options.chunkSize()).isEqualTo(10);
        assertThat(options.policy().executionTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.policy().ttl()).isNull();
        assertThat(options.harvest().pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.progressInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenAProgressInterval_whenParsed_thenItIsKeptAndZeroIsRefused() {
        assertThat(parse(UTC, "--progress-interval", "100ms").progressInterval()).isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> parse(UTC, "--progress-interval", "0s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--progress-interval must be longer than zero");
        assertThatThrownBy(() -> parse(UTC, "--progress-interval", "30")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a unit");
    }

    @Test
    void givenPromptsFile_whenNoRunIdGiven_thenRunIdIsItsStemAndTheLocalDate() {
        assertThat(parse(UTC, "--prompts", "/data/nightly.csv").runId()).isEqualTo("nightly-2026-12-04");
        assertThat(parse(TOKYO, "--prompts", "/data/nightly.csv").runId()).isEqualTo("nightly-2026-12-05");
    }

    @Test
    void givenPromptsFileWithSpacesInItsName_whenNoRunIdGiven_thenTheDefaultRunIdIsStillValid() {
        assertThat(parse(UTC, "--prompts", "my prompts (v2).csv").runId())
                .isEqualTo("my_prompts__v2_-2026-12-04");
    }

    @Test
    void givenExplicitRunId_whenParsed_thenItIsUsedAsIs() {
        assertThat(parse(UTC, "--run-id", "retry.2").runId()).isEqualTo("retry.2");
    }

    @Test
    void givenDurations_whenParsed_thenMillisecondsAndMinutesAreUnderstood() {
        RunOptions options = parse(UTC, "--poll-interval", "500ms", "--harvest-timeout", "2m", "--execution-timeout",
                "90s", "--ttl", "2h");

        assertThat(options.harvest().pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.harvest().deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.policy().executionTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.policy().ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void givenPollIntervalLongerThanTheQueuedBackoffCap_whenParsed_thenTheCapIsRaisedToMatch() {
        RunOptions options = parse(UTC, "--poll-interval", "1m");

        assertThat(options.harvest().maxQueuedInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void givenIntegers_whenParsed_thenTheyAreApplied() {
        RunOptions options = parse(UTC, "--max-in-flight", "20", "--chunk-size", "5", "--max-retries", "0");

        assertThat(options.maxInFlight()).isEqualTo(20);
        assertThat(options.chunkSize()).isEqualTo(5);
        assertThat(options.harvest().maxRetries()).isZero();
    }

    @Test
    void givenBadDuration_whenParsed_thenUsageErrorNamesTheOptionAndValue() {
        assertThatThrownBy(() -> parse(UTC, "--harvest-timeout", "soon"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--harvest-timeout 'soon' is not a duration");
        assertThatThrownBy(() -> parse(UTC, "--poll-interval", "1 sec"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--poll-interval");
    }

    @Test
    void givenBadInteger_whenParsed_thenUsageErrorNamesTheOptionAndValue() {
        assertThatThrownBy(() -> parse(UTC, "--max-in-flight", "ten"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-in-flight 'ten' is not a whole number");
        assertThatThrownBy(() -> parse(UTC, "--chunk-size", "2.5"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--chunk-size");
    }

    @Test
    void givenValuesOutOfRange_whenParsed_thenTheyAreUsageErrorsNotCrashes() {
        assertThatThrownBy(() -> parse(UTC, "--max-in-flight", "0")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse(UTC, "--execution-timeout", "1s"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("executionTimeout");
        assertThatThrownBy(() -> parse(UTC, "--harvest-timeout", "-5m")).isInstanceOf(UsageException.class);
    }

    @Test
    void givenRunIdThatWouldEscapeTheOutputFolder_whenParsed_thenItIsRefused() {
        assertThatThrownBy(() -> parse(UTC, "--run-id", "../x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("run id '../x'");
        assertThatThrownBy(() -> parse(UTC, "--run-id", "a/b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> parse(UTC, "--run-id", "")).isInstanceOf(UsageException.class);
    }

    @Test
    void givenPromptFileNamesThatAreNotValidIds_whenNoRunIdGiven_thenTheDefaultIsStillAValidId() {
        assertThat(parse(UTC, "--prompts", "été.csv").runId()).isEqualTo("t_-2026-12-04");
        assertThat(parse(UTC, "--prompts", "_nightly.csv").runId()).isEqualTo("nightly-2026-12-04");
        assertThat(parse(UTC, "--prompts", "日本語.csv").runId()).isEqualTo("prompts-2026-12-04");
        assertThat(parse(UTC, "--prompts", "x".repeat(150) + ".csv").runId()).hasSize(91);
    }

    @Test
    void givenADurationWithoutUnit_whenParsed_thenItIsRefusedRatherThanReadAsMilliseconds() {
        assertThatThrownBy(() -> parse(UTC, "--poll-interval", "1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a unit");
    }

    @Test
    void givenDefaultsInTheEnvironment_whenParsed_thenTheyApplyAndTheCommandLineWins() {
        java.util.Map<String, String> environment = java.util.Map.of("SDXL_DEFAULT_WIDTH", "768",
                "SDXL_DEFAULT_NUM_INFERENCE_STEPS", "30", "SDXL_EXECUTION_TIMEOUT", "3m", "HOME", "/root");

        RunOptions options = RunOptionsParser.parse(new ArgParser(Commands.ALL).parse("--default", "width=512"), UTC,
                environment);

        assertThat(options.inputDefaults()).containsOnly(java.util.Map.entry("width", "512"),
                java.util.Map.entry("num_inference_steps", "30"));
        assertThat(options.policy().executionTimeout()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void givenABadDurationInTheEnvironment_whenParsed_thenTheErrorNamesTheVariable() {
        assertThatThrownBy(() -> RunOptionsParser.parse(new ArgParser(Commands.ALL).parse(), UTC,
                java.util.Map.of("SDXL_TTL", "soon")))
                .isInstanceOf(UsageException.class).hasMessageContaining("SDXL_TTL 'soon' is not a duration");
    }
}
