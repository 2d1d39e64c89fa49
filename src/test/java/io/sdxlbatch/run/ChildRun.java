package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.sdxlbatch.SdxlBatchApplication;

/**
 * The application in a JVM of its own, as cron would start it, so that tests can send it real signals: its output
 * goes to {@code app.log} in the test's folder.
 */
final class ChildRun {

    private final Path log;
    private final Process process;

    private ChildRun(Path log, Process process) {
        this.log = log;
        this.process = process;
    }

    static ChildRun start(PipelineFixture fixture, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                SdxlBatchApplication.class.getName()));
        command.addAll(fixture.args(extra));
        Path log = fixture.dir.resolve("app.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildRun(log, process);
    }

    Process process() {
        return process;
    }

    /** Waits for the condition while the child lives; fails with its output if it ends first or takes 90 s. */
    void awaitOrFail(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(process.isAlive()).as("the application ended too early: " + log()).isTrue();
            assertThat(System.nanoTime()).as("condition not reached: " + log()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Sends a signal by name (TERM, INT, KILL) with the system's kill command, as a person or cron would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor()).as("kill -" + name).isZero();
    }

    /** The exit code, waiting at most {@code limit} for it. */
    int exitWithin(Duration limit) throws InterruptedException {
        assertThat(process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("exited within " + limit + ": " + log()).isTrue();
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\'
                ? ".exe" : "");
    }
}
