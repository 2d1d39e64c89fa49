package io.sdxlbatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void givenASnapshot_whenWrittenAndReadBack_thenItIsTheSame() {
        ProgressSnapshot snapshot = new ProgressSnapshot("night", 4242, Instant.parse("2026-12-04T02:00:00Z"), 10,
                Map.of("DONE", 4, "QUEUED", 3, "SENDING", 1, "PENDING", 2), 5, 12.5, 90L, 2_000, "boom", null);

        snapshot.write(dir);

        assertThat(ProgressSnapshot.read(dir)).contains(snapshot);
        assertThat(snapshot.inFlight()).isEqualTo(4);
    }

    @Test
    void givenNoFileOrAHalfWrittenOne_whenRead_thenNothing() throws Exception {
        assertThat(ProgressSnapshot.read(dir)).isEmpty();
        Files.writeString(dir.resolve(ProgressSnapshot.FILE), "{\"runId\": \"ni");
        assertThat(ProgressSnapshot.read(dir)).isEmpty();
    }
}
