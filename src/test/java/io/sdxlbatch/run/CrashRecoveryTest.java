package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.SimulatedJobView;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * The real application in its own JVM, killed with SIGKILL once while submitting and once while harvesting, then
 * started again with the same command: every image arrives, identical to what the endpoint served, and no job
 * whose id was acknowledged is paid for twice.
 */
class CrashRecoveryTest {

    private static final int ROWS = 40;

    @TempDir
    Path dir;

    @Test
    void killedTwiceTheRunStillFinishesWithEveryImageExactlyOnce() throws Exception {
        SimulatorSettings endpoint = SimulatorSettings.defaults().withWorkers(3).withTimeScale(25)
                .withColdStartMs(2000, 4000).withExecutionMs(6000, 10000);
        try (PipelineFixture given = new PipelineFixture(dir, endpoint).csv(csv())) {
            ChildRun first = ChildRun.start(given, "--max-in-flight", "6");
            first.awaitOrFail(() -> given.sim().jobsCreated() >= 12);
            kill(first.process());
            long paidAtFirstKill = given.sim().jobsCreated();

            ChildRun second = ChildRun.start(given, "--max-in-flight", "6");
            second.awaitOrFail(() -> given.sim().jobsCreated() >= ROWS && imagesOnDisk(given) >= 5);
            kill(second.process());
            assertThat(imagesOnDisk(given)).as("killed while still harvesting").isLessThan(ROWS);

            ChildRun third = ChildRun.start(given, "--max-in-flight", "6");
            assertThat(third.exitWithin(Duration.ofSeconds(120))).as(third.log()).isZero();
            assertThat(third.log().split("was interrupted and its process is gone", -1))
                    .as("both restarts recovered a run left STARTED by a killed process").hasSize(3);
            assertThat(paidAtFirstKill).as("the first kill came during submission").isLessThan(ROWS);
            List<Map<String, String>> report = given.jobsCsv();
            assertThat(report).hasSize(ROWS).extracting(r -> r.get("status")).containsOnly("COMPLETED");
            List<String> accepted = given.sim().acceptedPrompts();
            for (Map<String, String> row : report) {
                int paid = Collections.frequency(accepted, "prompt " + row.get("prompt_id"));
                // a row killed between its committed intent and the POST is flagged although its POST may never
                // have left: "possible" duplicate. An unflagged row was certainly paid for exactly once.
                assertThat(paid).as("jobs paid for %s", row.get("prompt_id"))
                        .isBetween(1, row.get("possible_duplicate").equals("yes") ? 2 : 1);
                SimulatedJobView served = given.sim().job(row.get("job_id")).orElseThrow();
                assertThat(row.get("delay_ms")).isEqualTo(String.valueOf(served.delayTime()));
                assertThat(row.get("execution_ms")).isEqualTo(String.valueOf(served.executionTime()));
                PipelineFixture.assertSamePixels(given.runDir().resolve(row.get("images")), served.pngs().get(0));
            }
        }
    }

    private static String[] csv() {
        List<String> lines = new ArrayList<>(List.of("id,prompt,width,height"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("r" + i + ",prompt r" + i + ",96,64");
        }
        return lines.toArray(String[]::new);
    }

    /** SIGKILL: no shutdown hook, no finally block, nothing flushed that was not already committed. */
    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private static long imagesOnDisk(PipelineFixture fixture) {
        long count = 0;
        for (String sub : List.of("staging", "images")) {
            Path folder = fixture.runDir().resolve(sub);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    count += files.filter(p -> p.toString().endsWith(".png")).count();
                } catch (IOException e) {
                    // the application may be renaming files right now: count again on the next tick
                }
            }
        }
        return count;
    }
}
