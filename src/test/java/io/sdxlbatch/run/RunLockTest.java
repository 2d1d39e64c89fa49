package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.cli.UsageException;

/** Asking who holds an output folder, without taking its lock. */
class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void givenAFolderNoRunEverUsed_whenAsked_thenNobodyAndNothingIsCreated() {
        assertThat(RunLock.holder(dir.resolve("out"))).isEmpty();

        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void givenAnotherProcessHoldingTheFolder_whenAsked_thenItsPidAndTheLockStaysWithIt() {
        Path output = dir.resolve("out");
        try (LockHolder other = LockHolder.start(output)) {

            assertThat(RunLock.holder(output)).contains(other.pid());

            assertThatThrownBy(() -> RunLock.acquire(output)).as("asking released nothing")
                    .isInstanceOf(UsageException.class).hasMessageContaining("(pid " + other.pid() + ")");
        }
    }

    @Test
    void givenThisProcessHoldingTheFolder_whenAskedAndRefusedASecondTime_thenOtherProcessesStillSeeItHeld()
            throws Exception {
        Path output = dir.resolve("out");
        String self = String.valueOf(ProcessHandle.current().pid());
        try (RunLock lock = RunLock.acquire(output)) {
            assertThat(RunLock.holder(output)).contains(ProcessHandle.current().pid());
            assertThatThrownBy(() -> RunLock.acquire(output)).isInstanceOf(UsageException.class);

            // closing a second channel on the file would have released the OS lock: only another process can tell
            assertThat(askFromAnotherProcess(output)).isEqualTo(self);
        }

        assertThat(RunLock.holder(output)).isEmpty();
        assertThat(askFromAnotherProcess(output)).isEqualTo("nobody");
    }

    private static String askFromAnotherProcess(Path output) throws Exception {
        Process ask = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AskRunLock.class.getName(), output.toString())
                .redirectErrorStream(true).start();
        String said = new String(ask.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ask.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return said.strip();
    }
}
