package io.sdxlbatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's guarded transitions on a real file HSQLDB: the rules that make submission exactly-once. */
class LedgerTransitionsTest {

    @TempDir
    Path dir;

    private FileLedger db;

    @org.junit.jupiter.api.AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aRowWithAStoredJobIdCannotBeSentAgain() {
        db = new FileLedger(dir);
        db.pending("r", 2, "fox");

        assertThat(db.transitions.intendToSend("r", 2)).isTrue();
        db.transitions.sent("r", 2, "job-1", 1000L);

        assertThat(db.transitions.intendToSend("r", 2)).isFalse();
        LedgerEntry row = db.ledger.get("r", 2);
        assertThat(row.state()).isEqualTo(LedgerState.QUEUED);
        assertThat(row.jobId()).isEqualTo("job-1");
        assertThat(row.possibleDuplicate()).isFalse();
        assertThat(db.ledger.jobIdsReceived("r", 2)).isEqualTo(1);
    }

    @Test
    void sendingAgainAfterAnUnansweredPostIsFlaggedAsAPossibleDuplicate() {
        db = new FileLedger(dir);
        db.pending("r", 2, "fox");
        db.transitions.intendToSend("r", 2);

        assertThat(db.transitions.intendToSend("r", 2)).as("no answer stored: may be sent again").isTrue();

        LedgerEntry row = db.ledger.get("r", 2);
        assertThat(row.possibleDuplicate()).isTrue();
        assertThat(row.attempts()).isEqualTo(2);
    }

    @Test
    void aPostThatCertainlyCreatedNothingLeavesNoDuplicateSuspicion() {
        db = new FileLedger(dir);
        db.pending("r", 2, "fox");
        db.transitions.intendToSend("r", 2);
        db.transitions.notSent("r", 2, "HTTP 429");

        assertThat(db.transitions.intendToSend("r", 2)).isTrue();

        assertThat(db.ledger.get("r", 2).possibleDuplicate()).isFalse();
    }

    @Test
    void committedRowsSurviveReopeningTheDatabase() {
        try (FileLedger first = new FileLedger(dir)) {
            first.pending("r", 2, "fox");
            first.transitions.intendToSend("r", 2);
            first.transitions.sent("r", 2, "job-9", 5L);
        }

        try (FileLedger reopened = new FileLedger(dir)) {
            assertThat(reopened.ledger.get("r", 2).jobId()).isEqualTo("job-9");
        }
    }

    @Test
    void loadingTheSameLineTwiceKeepsTheFirstRowAndItsState() {
        db = new FileLedger(dir);
        db.pending("r", 2, "fox");
        db.transitions.intendToSend("r", 2);

        db.pending("r", 2, "a different prompt");

        assertThat(db.ledger.get("r", 2).state()).isEqualTo(LedgerState.SENDING);
        assertThat(db.ledger.get("r", 2).requestJson()).contains("fox");
    }
}
