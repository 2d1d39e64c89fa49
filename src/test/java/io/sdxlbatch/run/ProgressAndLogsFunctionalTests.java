package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.logging.RunLogFile;
import io.sdxlbatch.progress.ProgressSnapshot;
import io.sdxlbatch.sim.SimulatorSettings;

/**
 * What a run tells while it works, as cron or CI sees it (stdout is not a terminal under the test runner): plain
 * progress lines on the console, everything down to DEBUG in the run folder's run.log, never the API key.
 */
class ProgressAndLogsFunctionalTests {

    /** Long enough that "****" + its last four cannot contain it, as with a real Runpod key. */
    private static final String KEY = "rpa_FUNCTIONALTESTKEY0123456789abcdefghij";

    @TempDir
    Path dir;

    private static SimulatorSettings endpoint() {
        return SimulatorSettings.defaults().withApiKey(KEY).withTimeScale(100).withColdStartMs(2000, 3000)
                .withExecutionMs(6000, 9000);
    }

    /** Runs with System.out captured, as a pipe would: the application's own console output and its log lines. */
    private static String console(IntSupplier run, int[] exit) {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit[0] = run.getAsInt();
        } finally {
            System.setOut(before);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        before.print(text);
        return text;
    }

    @Test
    void givenNoTerminal_whenARunWorks_thenPlainProgressLinesAndARunLogWithDebugButNoKey() throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).numberedCsv(6)) {
            int[] exit = new int[1];

            String console = console(() -> given.run("--progress-interval", "100ms"), exit);

            assertThat(exit[0]).isZero();
            assertThat(console).as("nothing that redraws").doesNotContain("\r").doesNotContain("\033");
            assertThat(console).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d INFO  progress: \\d+/6 done, \\d+ in"
                    + " flight, \\d+ queued to send, \\d+\\.\\d img/min")
                    .contains("INFO  progress: 6/6 done, 0 in flight, 0 queued to send");
            assertThat(console).as("concise by default").doesNotContain("DEBUG").doesNotContain(KEY);
            assertThat(console).contains("INFO  sdxl-batch run night: " + given.prompts + " (6 rows, 0 rejected)")
                    .contains(", key ****ghij");

            Path runLog = given.runDir().resolve(RunLogFile.FILE);
            String log = Files.readString(runLog);
            assertThat(log).containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ \\d+ DEBUG"
                    + " \\[[^]]+\\] io\\.sdxlbatch\\.runpod\\.RunpodTransport: POST /v2/sim-sdxl/run -> 200"
                    + " in \\d+ ms$")
                    .containsPattern("GET /v2/sim-sdxl/status/\\S+ -> 200 in \\d+ ms");
            for (String phase : new String[] {"load", "submit", "harvest", "publish", "report"}) {
                assertThat(log).contains(phase + " started").contains(phase + " ended COMPLETED");
            }
            assertThat(log).contains("progress: 6/6 done").contains("run night ended with exit code 0 (SUCCESS)");
            assertThat(log).as("the key, never").doesNotContain(given.sim().apiKey());

            ProgressSnapshot last = ProgressSnapshot.read(given.runDir()).orElseThrow();
            assertThat(last.byState()).containsExactlyEntriesOf(java.util.Map.of("DONE", 6));
            assertThat(last.total()).isEqualTo(6);
            assertThat(last.imagesWritten()).isEqualTo(6);
            assertThat(last.etaSeconds()).isZero();
        }
    }

    @Test
    void givenAResumedRun_whenItLogs_thenRunLogGrowsRatherThanStartingAgain() throws Exception {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).numberedCsv(2)) {
            given.run();
            Path runLog = given.runDir().resolve(RunLogFile.FILE);
            String first = Files.readString(runLog);

            given.run();

            String both = Files.readString(runLog);
            assertThat(both).startsWith(first);
            assertThat(both.substring(first.length())).contains("INFO  [main] io.sdxlbatch.run.RunCommand:"
                    + " sdxl-batch run night:").contains("run night ended with exit code 0");
        }
    }

    @Test
    void givenDebugAskedFor_whenARunWorks_thenTheConsoleShowsEachRequest() {
        try (PipelineFixture given = new PipelineFixture(dir, endpoint()).numberedCsv(1)) {
            int[] exit = new int[1];

            String console = console(() -> given.run("--logging.level.io.sdxlbatch=DEBUG"), exit);

            assertThat(exit[0]).isZero();
            assertThat(console).containsPattern("(?m)^\\d\\d:\\d\\d:\\d\\d DEBUG POST /v2/sim-sdxl/run -> 200 in \\d+"
                    + " ms$").doesNotContain(KEY);
        }
    }
}
