package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.sim.SimulatorSettings;

/** Bad configurations exit 2 with one clear sentence, before anything reaches the endpoint. */
class RunConfigurationTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        return SdxlBatchApplication.launch(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKeyWithoutAnEndpointIsAConfigurationError() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "prompt\nfox\n");

        int exit = launch("--prompts", csv.toString(), "--output", dir.resolve("out").toString(),
                "--runpod.api-key=rpa_" + "x".repeat(10));

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("RUNPOD_API_KEY is set but RUNPOD_ENDPOINT_ID is not")
                .doesNotContain("x".repeat(10));
    }

    @Test
    void aSecondProcessOnTheSameOutputIsTurnedAwayBeforeSendingAnything() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv("prompt", "fox");
             RunLock held = RunLock.acquire(given.output)) {

            int exit = launch(given.args().toArray(String[]::new));

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("another sdxl-batch process (pid " + ProcessHandle.current().pid() + ")")
                    .contains(given.output.toString());
            assertThat(given.sim().requestCount("run")).isZero();
        }
    }

    @Test
    void aKeyTheEndpointRejectsStopsTheRunWithNothingPaidForAndExit2() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv("prompt", "fox")) {
            String[] args = given.args().stream()
                    .map(a -> a.startsWith("--runpod.api-key=") ? "--runpod.api-key=wrong-key" : a)
                    .toArray(String[]::new);

            int exit = launch(args);

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("error: the API key was rejected (HTTP 401 from " + given.sim().baseUrl()
                    + "/" + given.sim().endpointId() + "/health): check RUNPOD_API_KEY");
            assertThat(given.sim().jobsCreated()).isZero();
            assertThat(given.sim().requestCount("health")).as("the preflight, refused, not retried").isEqualTo(1);
            assertThat(given.sim().requestCount("run")).as("nothing sent after the preflight").isZero();
        }
    }

    @Test
    void anOutputThatIsAFileStopsTheRunBeforeAnythingIsSentNamingIt() throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv("prompt", "fox")) {
            java.nio.file.Files.writeString(given.output, "not a folder");

            int exit = launch(given.args().toArray(String[]::new));

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("error: --output " + given.output.toAbsolutePath() + " cannot be used: "
                    + given.output.toAbsolutePath() + " is a file, not a folder");
            assertThat(given.sim().requestCount("run")).isZero();
        }
    }

    @Test
    void anEndpointIdRunpodDoesNotKnowStopsTheRunAtThePreflightWithExit2() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv("prompt", "fox")) {
            String[] args = given.args().stream()
                    .map(a -> a.startsWith("--runpod.endpoint-id=") ? "--runpod.endpoint-id=nope" : a)
                    .toArray(String[]::new);

            int exit = launch(args);

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("error: no endpoint nope (HTTP 404 from " + given.sim().baseUrl()
                    + "/nope/health): check RUNPOD_ENDPOINT_ID");
            assertThat(given.sim().requestCount("run")).isZero();
        }
    }

    @Test
    void anEndpointNobodyAnswersAtStopsTheRunAtThePreflightWithExit1AndTheUrl() throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv("prompt", "fox");
             java.net.ServerSocket closed = new java.net.ServerSocket(0, 1,
                     java.net.InetAddress.getLoopbackAddress())) {
            int port = closed.getLocalPort();
            closed.close();
            String[] args = given.args().stream()
                    .map(a -> a.startsWith("--runpod.base-url=") ? "--runpod.base-url=http://127.0.0.1:" + port + "/v2"
                            : a)
                    .toArray(String[]::new);

            int exit = launch(args);

            assertThat(exit).isEqualTo(1);
            assertThat(errors()).contains("error: cannot reach the endpoint at http://127.0.0.1:" + port + "/v2/"
                    + given.sim().endpointId() + "/health (").contains("nothing was submitted: run the same command"
                    + " again when it answers");
        }
    }

    @Test
    void aFileOfMostlyBadRowsIsStoppedByMaxRejectsBeforeAnythingIsSent() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv(
                "prompt,width", "fox,64", "owl,63", "cat,abc", ",64")) {

            int exit = launch(given.args("--max-rejects", "2").toArray(String[]::new));

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("3 of 4 rows are rejected, more than --max-rejects 2")
                    .contains("line 3: width 63 is not a positive multiple of 8");
            assertThat(given.runDir().resolve("report/rejects.csv")).exists();
            assertThat(given.sim().requestCount("run")).isZero();
        }
    }

    @Test
    void anUnknownColumnIsAWarningNormallyAndAnErrorWithStrict() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv(
                "prompt,negativ_prompt", "fox,blurry")) {

            int exit = launch(given.args("--strict").toArray(String[]::new));

            assertThat(exit).isEqualTo(2);
            assertThat(errors()).contains("unknown columns 'negativ_prompt' (did you mean negative_prompt?)");
            assertThat(given.sim().requestCount("run")).isZero();
        }
    }

    @Test
    void aPromptsFileWithoutPromptColumnStopsBeforeAnythingIsSent() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "text,width\nfox,64\n");

        int exit = launch("--prompts", csv.toString(), "--output", dir.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("p.csv").contains("no 'prompt' column");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anInvalidClientSettingNamesTheProperty() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "prompt\nfox\n");

        int exit = launch("--prompts", csv.toString(), "--output", dir.resolve("out").toString(),
                "--runpod.retry.max-attempts=0");

        assertThat(exit).isEqualTo(2);
        assertThat(errors()).contains("max-attempts");
    }
}
