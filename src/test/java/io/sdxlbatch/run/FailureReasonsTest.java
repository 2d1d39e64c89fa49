package io.sdxlbatch.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    private static final Path OUT = Path.of("/srv/out");

    @Test
    void givenADiskFullDeepInsideSpringBatchsWrapping_whenExplained_thenOneSentenceSaysNothingIsLostAndWhatToDo() {
        Throwable wrapped = new IllegalStateException("Unable to process chunk", new UncheckedIOException(
                "cannot write /srv/out/night/images/fox.png: No space left on device",
                new IOException("No space left on device")));

        assertThat(FailureReasons.sentence(wrapped, OUT)).isEqualTo("the disk holding /srv/out is full (No space"
                + " left on device); nothing is lost: results already read stay staged, the others stay on Runpod for"
                + " 30 minutes after they complete. Free space, then run the same command again");
    }

    @Test
    void givenAFileWhereTheImagesFolderGoes_whenExplained_thenItIsNamedWithWhatToDo() {
        Throwable wrapped = new UncheckedIOException("cannot write", new java.nio.file.FileAlreadyExistsException(
                "/srv/out/night/images"));

        assertThat(FailureReasons.sentence(wrapped, OUT)).isEqualTo("/srv/out/night/images is a file where a folder"
                + " is needed; nothing is lost: move it away, then run the same command again");
    }

    @Test
    void givenAForeignRootCause_whenExplained_thenItsTypeAndMessageAreNamed() {
        Throwable wrapped = new IllegalStateException("Unable to process chunk",
                new java.sql.SQLException("connection lost"));

        assertThat(FailureReasons.sentence(wrapped, OUT)).isEqualTo("SQLException: connection lost");
    }

    @Test
    void givenOurOwnException_whenExplained_thenItsMessageIsTheSentence() {
        assertThat(FailureReasons.sentence(new IllegalStateException("--harvest-timeout of PT1S passed"), OUT))
                .isEqualTo("--harvest-timeout of PT1S passed");
    }
}
