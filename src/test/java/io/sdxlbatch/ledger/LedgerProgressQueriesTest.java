package io.sdxlbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the progress display reads from the ledger every second. */
class LedgerProgressQueriesTest {

    @TempDir
    Path dir;

    private FileLedger db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenStagedPublishedAndUnfinishedRows_whenImagesCounted_thenOnlyImagesOnDiskCount() {
        db = new FileLedger(dir);
        queued(2);
        db.transitions.harvested("r", 2, RemoteResult.without("COMPLETED", 10L), "staging/2_1.png;staging/2_2.png",
                null);
        queued(3);
        db.transitions.harvested("r", 3, RemoteResult.without("COMPLETED", 20L), "staging/3_1.png", null);
        db.transitions.published("r", 3, "images/c.png");
        queued(4);
        db.pending("other", 2, "another run");

        assertThat(db.ledger.imagesOnDisk("r")).isEqualTo(3);
        assertThat(db.ledger.imagesOnDisk("nothing")).isZero();
    }

    @Test
    void givenTwoFailures_whenTheLastIsAsked_thenTheLaterOneWithItsLine() {
        db = new FileLedger(dir);
        queued(2);
        queued(3);
        assertThat(db.ledger.lastFailure("r")).isEmpty();

        db.transitions.failed("r", 3, LedgerState.FAILED, RemoteResult.without("FAILED", 100L), "FAILED: CUDA OOM");
        db.transitions.failed("r", 2, LedgerState.EXPIRED, RemoteResult.without(null, 200L), "gone (HTTP 404)");

        assertThat(db.ledger.lastFailure("r")).contains("line 2: gone (HTTP 404)");
    }

    @Test
    void givenCountsAskedBefore_whenARowChangesState_thenTheNextAnswersSeeIt() {
        db = new FileLedger(dir);
        queued(2);
        queued(3);
        assertThat(db.ledger.countInState("r", LedgerState.QUEUED)).isEqualTo(2);
        assertThat(db.ledger.imagesOnDisk("r")).isZero();
        db.ledger.countByState("r").put(LedgerState.DONE, 99);

        db.transitions.harvested("r", 2, RemoteResult.without("COMPLETED", 10L), "staging/2_1.png", null);

        assertThat(db.ledger.countInState("r", LedgerState.QUEUED)).isEqualTo(1);
        assertThat(db.ledger.countInState("r", LedgerState.HARVESTED)).isEqualTo(1);
        assertThat(db.ledger.countByState("r")).containsOnly(entry(LedgerState.QUEUED, 1),
                entry(LedgerState.HARVESTED, 1));
        assertThat(db.ledger.imagesOnDisk("r")).isEqualTo(1);
    }

    @Test
    void givenRowsLoadedBefore_whenTheFileIsLoadedAgainWithMoreRows_thenOnlyTheNewOnesAreAdded() {
        db = new FileLedger(dir);
        db.ledger.addAllIfAbsent("r", List.of(
                new Ledger.NewRow(2, "fox", "{}", "{}", LedgerState.PENDING, 1, null),
                new Ledger.NewRow(3, "owl", "{}", "{}", LedgerState.REJECTED, 0, "width is not a number")));

        db.ledger.addAllIfAbsent("r", List.of(
                new Ledger.NewRow(2, "changed", "{}", "{}", LedgerState.REJECTED, 0, "not this"),
                new Ledger.NewRow(4, "cat", "{}", "{}", LedgerState.PENDING, 2, null)));

        assertThat(db.ledger.all("r")).extracting(LedgerEntry::line, LedgerEntry::promptId, LedgerEntry::state)
                .containsExactly(tuple(2, "fox", LedgerState.PENDING), tuple(3, "owl", LedgerState.REJECTED),
                        tuple(4, "cat", LedgerState.PENDING));
    }

    private void queued(int line) {
        db.pending("r", line, "prompt " + line);
        db.transitions.intendToSend("r", line);
        db.transitions.sent("r", line, "job-" + line, 1L);
    }
}
