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

    @Test
    void onlyARowInFlightCanBeCancelledAndItIsFinalButNotASuccess() {
        db = new FileLedger(dir);
        db.pending("r", 2, "queued");
        db.transitions.intendToSend("r", 2);
        db.transitions.sent("r", 2, "job-2", 1000L);
        db.pending("r", 3, "done");
        db.transitions.intendToSend("r", 3);
        db.transitions.sent("r", 3, "job-3", 1000L);
        db.transitions.harvested("r", 3, new RemoteResult("COMPLETED", 2000L, 5L, 6L, "w", 7L), "staging/3-1.png",
                null);
        db.pending("r", 4, "never sent");

        assertThat(db.transitions.cancelled("r", 2, "cancelled by test", 3000L)).isTrue();
        assertThat(db.transitions.cancelled("r", 3, "cancelled by test", 3000L)).as("harvested meanwhile").isFalse();
        assertThat(db.transitions.cancelled("r", 4, "cancelled by test", 3000L)).as("no job to cancel").isFalse();

        LedgerEntry cancelled = db.ledger.get("r", 2);
        assertThat(cancelled.state()).isEqualTo(LedgerState.CANCELLED);
        assertThat(cancelled.error()).isEqualTo("cancelled by test");
        assertThat(cancelled.remoteStatus()).isEqualTo("CANCELLED");
        assertThat(LedgerState.CANCELLED.isFinal()).isTrue();
        assertThat(LedgerState.CANCELLED.isSuccess()).isFalse();
        assertThat(db.ledger.get("r", 3).state()).isEqualTo(LedgerState.HARVESTED);
        assertThat(db.ledger.get("r", 4).state()).isEqualTo(LedgerState.PENDING);
    }

    @Test
    void cancelledRowsResubmittedAreSentAgainAsNewJobsAndKeepTheirOldJobIdInTheHistory() {
        db = new FileLedger(dir);
        db.pending("r", 2, "fox");
        db.transitions.intendToSend("r", 2);
        db.transitions.sent("r", 2, "job-old", 1000L);
        db.transitions.remoteStatus("r", 2, "IN_PROGRESS", 400L);
        db.transitions.cancelled("r", 2, "cancelled by test", 3000L);
        db.pending("r", 3, "failed");
        db.transitions.intendToSend("r", 3);
        db.transitions.failed("r", 3, LedgerState.FAILED, RemoteResult.without("FAILED", 2000L), "boom");

        assertThat(db.transitions.resubmitCancelled("r")).isEqualTo(1);

        LedgerEntry again = db.ledger.get("r", 2);
        assertThat(again.state()).isEqualTo(LedgerState.PENDING);
        assertThat(again.jobId()).isNull();
        assertThat(again.delayMs()).as("the cancelled job's figures are not the new job's").isNull();
        assertThat(again.error()).isNull();
        assertThat(db.ledger.get("r", 3).state()).as("only cancelled rows").isEqualTo(LedgerState.FAILED);
        assertThat(db.transitions.intendToSend("r", 2)).isTrue();
        db.transitions.sent("r", 2, "job-new", 4000L);
        assertThat(db.ledger.jobIdsReceived("r", 2)).isEqualTo(2);
        assertThat(db.ledger.get("r", 2).possibleDuplicate()).isFalse();
    }
}
