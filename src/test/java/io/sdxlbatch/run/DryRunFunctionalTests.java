package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.sim.SimulatorSettings;

/** A dry run checks and estimates, writes the rejects, and sends nothing at all. */
class DryRunFunctionalTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int launch(PipelineFixture fixture, String... extra) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return SdxlBatchApplication.launch(fixture.args(extra).toArray(String[]::new),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        } finally {
            System.setOut(console);
        }
    }

    private String console() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDryRunOfAFileWithBadRowsReportsThemEstimatesAndSendsNothing() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv(
                "id,prompt,width,height,num_images", "a,a fox,1024,1024,2", "b,an owl,1020,512,1", "c,,512,512,1")) {

            int exit = launch(given, "--dry-run", "--gpu", "AMPERE_24");

            assertThat(exit).isEqualTo(3);
            assertThat(console()).contains("rows 3, valid 1, rejected 2, images to generate 2")
                    .contains("line 3: width 1020 is not a positive multiple of 8 up to 4096")
                    .contains("line 4: prompt is empty")
                    .contains("estimated GPU execution: 20.0 s (typical figure")
                    .contains("estimated cost: $0.0038 at AMPERE_24");
            assertThat(given.runDir().resolve("report/rejects.csv")).content()
                    .contains("# line 3: width 1020").contains("\"b\",\"an owl\",\"1020\",\"512\",\"1\"");
            for (String op : new String[] {"run", "status", "health", "runsync"}) {
                assertThat(given.sim().requestCount(op)).as(op).isZero();
            }
            assertThat(given.output.resolve(".sdxl-batch")).as("no job database either").doesNotExist();
        }
    }

    @Test
    void aDryRunAfterARealRunEstimatesFromWhatThatEndpointMeasured() {
        SimulatorSettings fixed = SimulatorSettings.defaults().withTimeScale(500).withColdStartMs(1000, 1000)
                .withExecutionMs(8000, 8000);
        try (PipelineFixture given = new PipelineFixture(dir, fixed).csv("prompt,width,height", "fox,1024,1024")) {
            assertThat(given.run()).isZero();

            int exit = launch(given, "--dry-run", "--run-id", "tomorrow");

            assertThat(exit).isZero();
            assertThat(console()).contains("estimated GPU execution: 8.0 s (from 1 earlier jobs on sim-sdxl:"
                    + " median 8.0 s per 1024x1024 image)");
        }
    }

    @Test
    void aDryRunAppliesTheSameStopsAsARealRun() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv(
                "prompt,negativ_prompt,width", "fox,,63", "owl,,64")) {

            assertThat(launch(given, "--dry-run", "--strict")).as("--strict").isEqualTo(2);
            assertThat(launch(given, "--dry-run", "--max-rejects", "0")).as("--max-rejects").isEqualTo(2);
            assertThat(launch(given, "--dry-run")).isEqualTo(3);
        }
    }

    @Test
    void aDryRunOfAFileThatCannotBeReadIsAConfigurationError() {
        try (PipelineFixture given = new PipelineFixture(dir, SimulatorSettings.defaults()).csv(
                "prompt", "\"an unbalanced quote")) {

            assertThat(launch(given, "--dry-run")).isEqualTo(2);
        }
    }
}
