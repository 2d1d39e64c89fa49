package io.sdxlbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.cli.ArgParser;
import io.sdxlbatch.cli.Commands;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.report.RunRecord;
import io.sdxlbatch.runpod.Operation;
import io.sdxlbatch.runpod.RunpodSettings;

/** Where cancel sends its requests: bound like a run's settings, never to the embedded simulator. */
class RemoteEndpointTest {

    @TempDir
    Path dir;

    @Test
    void givenTheEnvironmentAndCommandLineProperties_whenBound_thenTheCommandLineWinsAndKnobsApply() {
        RunpodSettings settings = RemoteEndpoint.settings(List.of("--runpod.endpoint-id=from-line",
                "--runpod.retry.max-attempts=2", "--runpod.limits.per-window.cancel=7"), Map.of(
                "RUNPOD_API_KEY", "k", "RUNPOD_ENDPOINT_ID", "from-env", "RUNPOD_BASE_URL", "http://127.0.0.1:9/v2"));

        assertThat(settings.apiKey()).isEqualTo("k");
        assertThat(settings.endpointId()).isEqualTo("from-line");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/v2"));
        assertThat(settings.retry().maxAttempts()).isEqualTo(2);
        assertThat(settings.limits().perWindow(Operation.CANCEL)).isEqualTo(7);
        assertThat(settings.timeouts().request()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void givenNoEndpointConfigured_whenCancelling_thenRefusedBeforeTouchingTheOutputFolder() {
        Path output = dir.resolve("out");

        assertThatThrownBy(() -> CancelCommand.run(new ArgParser(Commands.ALL).parse("cancel", "--run-id", "night",
                "--output", output.toString()), new PrintStream(new ByteArrayOutputStream()), Map.of(),
                Clock.systemUTC()))
                .isInstanceOf(UsageException.class)
                .hasMessage("cancel needs RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID: without them runs use the embedded"
                        + " simulator, which ends with the run's process, so there is nothing left to cancel");
        assertThat(output).doesNotExist();
    }

    @Test
    void givenOnlyHalfAnEndpoint_whenBound_thenTheRunsOwnMessage() {
        assertThatThrownBy(() -> RemoteEndpoint.settings(List.of(), Map.of("RUNPOD_API_KEY", "k")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("RUNPOD_API_KEY is set but"
                        + " RUNPOD_ENDPOINT_ID is not");
        assertThatThrownBy(() -> RemoteEndpoint.settings(List.of("--runpod.timeouts.request=soon"),
                Map.of("RUNPOD_API_KEY", "k", "RUNPOD_ENDPOINT_ID", "e"))).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("configuration property runpod.timeouts.request is invalid");
    }

    @Test
    void givenARunMadeElsewhere_whenItsEndpointIsChecked_thenOnlyItsOwnRunpodEndpointIsAccepted() {
        RunpodSettings abc = RunpodSettings.of(null, "abc", "k");

        RemoteEndpoint.requireSameEndpoint(run("abc", false), abc);
        assertThatThrownBy(() -> RemoteEndpoint.requireSameEndpoint(run("xyz", false), abc))
                .isInstanceOf(UsageException.class).hasMessage("run night was sent to endpoint xyz, but"
                        + " RUNPOD_ENDPOINT_ID is abc: set the endpoint the run used");
        assertThatThrownBy(() -> RemoteEndpoint.requireSameEndpoint(run("embedded-simulator", true), abc))
                .isInstanceOf(UsageException.class).hasMessage("run night ran on the embedded simulator, which ended"
                        + " with its process: its jobs are gone, there is nothing to cancel");
    }

    private static RunRecord run(String endpoint, boolean simulated) {
        return new RunRecord("night", "/p.csv", endpoint, simulated, 1, CostSettings.defaults());
    }
}
