package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.sdxlbatch.SdxlBatchApplication;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.sim.RunpodSimulator;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * Each step of the nightly job on its own, with Spring Batch Test, against the simulator and a fresh file HSQLDB
 * per test. Steps that run again (every one but load) must change nothing the second time.
 */
@SpringBatchTest
@SpringBootTest(classes = {SdxlBatchApplication.class, NightlyStepsTests.Options.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class NightlyStepsTests {

    private static final String RUN_ID = "steps";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final Path ROOT = tempRoot();
    private static final RunpodSimulator SIM = RunpodSimulator.start(SimulatorSettings.defaults().withTimeScale(500)
            .withColdStartMs(2000, 2000).withExecutionMs(6000, 6000));

    @Autowired
    private JobOperatorTestUtils batch;

    @Autowired
    private Ledger ledger;

    @Autowired
    private RunOptions options;

    @Autowired
    private org.springframework.context.ApplicationContext context;

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("runpod.api-key", SIM::apiKey);
        registry.add("runpod.endpoint-id", SIM::endpointId);
        registry.add("runpod.base-url", () -> SIM.baseUrl().toString());
        registry.add("sdxl.output", () -> ROOT.resolve("out" + CONTEXTS.incrementAndGet()).toString());
    }

    @AfterAll
    static void stop() {
        SIM.close();
    }

    /** The run's options for the context: a fresh prompts file and output folder each time. */
    @TestConfiguration
    static class Options {
        @Bean
        RunOptions runOptions(@Value("${sdxl.output}") Path output) throws IOException {
            Files.createDirectories(output);
            Path prompts = Files.writeString(output.resolveSibling(output.getFileName() + ".csv"),
                    "id,prompt,width,height,num_images\nfox,a fox,64,64,1\npair,two owls,64,64,2\nbad,,64,64,1\n");
            RunOptions d = RunOptions.defaults(prompts, output, RUN_ID);
            return new RunOptions(prompts, output, RUN_ID, 10, 10, new io.sdxlbatch.harvest.HarvestSettings(
                    java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200), 4, 2, 1,
                    java.time.Duration.ofMinutes(1)), d.policy(), java.util.Map.of(), d.cost(), d.stop(),
                    d.progressInterval(), false);
        }
    }

    /** Runs one step in a job execution of its own (returning a JobExecution would make Spring Batch Test
     * take this method for a factory of the job execution under test). */
    private BatchStatus step(String name) {
        JobParameters parameters = new JobParametersBuilder().addString(JobIdentity.RUN_ID, RUN_ID)
                .addLong("attempt", System.nanoTime()).toJobParameters();
        // by bean: submit and harvest sit inside the split, where the job's own step lookup does not reach
        JobExecution execution = batch.startStep(context.getBean(name + "Step",
                org.springframework.batch.core.step.Step.class), parameters, new ExecutionContext());
        return execution.getStatus();
    }

    private Map<LedgerState, Integer> states() {
        return ledger.countByState(RUN_ID);
    }

    @Test
    void loadPutsEveryRowInTheLedgerOnceEvenWhenRunAgain() {
        assertThat(step("load")).isEqualTo(BatchStatus.COMPLETED);
        step("load");

        assertThat(states()).containsExactlyInAnyOrderEntriesOf(Map.of(LedgerState.PENDING, 2,
                LedgerState.REJECTED, 1));
        assertThat(ledger.get(RUN_ID, 4).error()).isEqualTo("line 4: prompt is empty");
    }

    @Test
    void submitSendsEachPendingRowOnceEvenWhenRunAgain() {
        step("load");
        long before = SIM.jobsCreated();

        assertThat(step("submit")).isEqualTo(BatchStatus.COMPLETED);
        step("submit");

        assertThat(SIM.jobsCreated() - before).isEqualTo(2);
        assertThat(states()).containsEntry(LedgerState.QUEUED, 2);
        assertThat(ledger.get(RUN_ID, 2).jobId()).isNotBlank();
    }

    @Test
    void harvestStagesAndPublishesEveryImageOfEveryJob() {
        step("load");
        step("submit");

        assertThat(step("harvest")).isEqualTo(BatchStatus.COMPLETED);

        assertThat(states()).containsEntry(LedgerState.DONE, 2);
        assertThat(options.outputDir().resolve(RUN_ID + "/images")).isDirectoryContaining("glob:**/pair_2.png");
        assertThat(options.outputDir().resolve(RUN_ID + "/staging")).isEmptyDirectory();
        assertThat(ledger.get(RUN_ID, 2).executionMs()).isEqualTo(6000);
    }

    @Test
    void publishWritesTheImagesOnceAndASecondRunChangesNothing() throws IOException {
        step("load");
        step("submit");
        step("harvest");

        assertThat(step("publish")).isEqualTo(BatchStatus.COMPLETED);
        Path fox = options.outputDir().resolve(RUN_ID + "/images/fox.png");
        byte[] first = Files.readAllBytes(fox);
        step("publish");

        assertThat(states()).containsEntry(LedgerState.DONE, 2);
        assertThat(Files.readAllBytes(fox)).isEqualTo(first);
        assertThat(ledger.get(RUN_ID, 3).images()).isEqualTo("images/pair_1.png;images/pair_2.png");
        assertThat(options.outputDir().resolve(RUN_ID + "/staging")).isEmptyDirectory();
    }

    @Test
    void reportFailsWhileRowsAreUnfinishedAndPassesOnceAllAreFinal() {
        step("load");

        assertThat(step("report")).as("rows still pending").isEqualTo(BatchStatus.FAILED);
        assertThat(options.outputDir().resolve(RUN_ID + "/report/jobs.csv")).exists();

        step("submit");
        step("harvest");
        step("publish");
        assertThat(step("report")).isEqualTo(BatchStatus.COMPLETED);
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("sdxl-steps");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
