package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.sim.SimulatedJobView;
import io.sdxlbatch.sim.SimulatorSettings;

/** The nightly run end to end against the simulator: what a user runs, what a user gets. */
class NightlyRunFunctionalTests {

    @TempDir
    Path dir;

    private static SimulatorSettings endpoint() {
        return SimulatorSettings.defaults().withTimeScale(200).withColdStartMs(2000, 4000)
                .withExecutionMs(6000, 9000);
    }

    @Test
    void everyGoodRowBecomesItsImageAndABadRowIsReportedNotSent() throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).csv(
                "id,prompt,width,height,seed,num_images",
                "fox,\"A red fox, in snow\",256,128,42,1",
                "pair,two cats,64,64,7,2",
                "bad,a bad row,1020,64,,1",
                ",no id given,64,64,,")) {

            int exit = given.run();

            assertThat(exit).as("some rows were rejected").isEqualTo(3);
            List<Map<String, String>> report = given.jobsCsv();
            assertThat(report).extracting(r -> r.get("status"))
                    .containsExactly("COMPLETED", "COMPLETED", "REJECTED", "COMPLETED");
            assertThat(report.get(2).get("error")).isEqualTo("line 4: width 1020 is not a positive multiple of 8"
                    + " up to 4096");
            assertThat(report.get(1).get("images")).isEqualTo("images/pair_1.png;images/pair_2.png");
            assertThat(report.get(3).get("images")).isEqualTo("images/line-5.png");
            assertThat(given.sim().acceptedPrompts()).as("only the good rows were sent, once each")
                    .containsExactlyInAnyOrder("A red fox, in snow", "two cats", "no id given");

            Map<String, String> fox = report.get(0);
            SimulatedJobView served = given.sim().job(fox.get("job_id")).orElseThrow();
            assertThat(fox.get("delay_ms")).isEqualTo(String.valueOf(served.delayTime()));
            assertThat(fox.get("execution_ms")).isEqualTo(String.valueOf(served.executionTime()));
            BufferedImage image = ImageIO.read(given.runDir().resolve("images/fox.png").toFile());
            assertThat(image.getWidth()).isEqualTo(256);
            assertThat(image.getHeight()).isEqualTo(128);
            PipelineFixture.assertSamePixels(given.runDir().resolve("images/fox.png"), served.pngs().get(0));
            assertThat(Files.readString(given.runDir().resolve("images/fox.png"),
                    java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("parameters").contains("A red fox, in snow").contains("Seed: 42");
            assertThat(given.runDir().resolve("report/summary.json")).content().contains("\"REJECTED\" : 1");
        }
    }

    @Test
    void runningAFinishedRunAgainSendsNothing() {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).csv("prompt", "one", "two")) {
            assertThat(given.run()).isZero();
            long runs = given.sim().requestCount("run");
            long statuses = given.sim().requestCount("status");

            int exit = given.run();

            assertThat(exit).isZero();
            assertThat(given.sim().requestCount("run")).isEqualTo(runs);
            assertThat(given.sim().requestCount("status")).isEqualTo(statuses);
        }
    }

}
