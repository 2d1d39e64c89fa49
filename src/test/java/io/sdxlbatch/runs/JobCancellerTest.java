package io.sdxlbatch.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.ledger.FileLedger;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.runpod.ScriptedServer;
import io.sdxlbatch.runpod.ScriptedServer.Answer;

/** Each answer /cancel can give, against a scripted server, and what the ledger keeps of it. */
class JobCancellerTest {

    private static final String REASON = "cancelled by ./run.sh cancel at 2026-12-04T02:00:00Z";

    @TempDir
    Path dir;

    private FileLedger db;
    private ScriptedServer server;

    @AfterEach
    void close() {
        db.close();
        server.close();
    }

    private CancelOutcome cancel(Answer answer) throws Exception {
        db = new FileLedger(dir);
        db.pending("night", 2, "fox");
        db.transitions.intendToSend("night", 2);
        db.transitions.sent("night", 2, "job-2", 1_000L);
        server = new ScriptedServer().always(answer);
        // one attempt: what a failed call leaves behind, without waiting for the retries
        RunpodSettings settings = RunpodSettings.of(server.baseUrl(), "ep", "key")
                .withRetry(new RunpodSettings.RetrySettings(1, null, null, null));
        RunpodClient client = new RunpodClient(settings, Clock.systemUTC(), d -> { });
        return new JobCanceller(client, db.transitions).cancel(db.ledger.get("night", 2), REASON, 5_000L);
    }

    private LedgerEntry row() {
        return db.ledger.get("night", 2);
    }

    @Test
    void givenRunpodCancelsTheJob_thenTheRowIsCancelledWithTheReason() throws Exception {
        CancelOutcome outcome = cancel(Answer.json(200, "{\"id\":\"job-2\",\"status\":\"CANCELLED\"}"));

        assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.CANCELLED);
        assertThat(outcome.describe()).isEqualTo("line 2 (id2), job job-2: cancelled");
        assertThat(row().state()).isEqualTo(LedgerState.CANCELLED);
        assertThat(row().error()).isEqualTo(REASON);
        assertThat(server.received()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v2/ep/cancel/job-2");
        });
    }

    @Test
    void givenTheJobHadAlreadyCompleted_thenTheRowStaysQueuedForTheNextRunToCollect() throws Exception {
        CancelOutcome outcome = cancel(Answer.json(200, "{\"id\":\"job-2\",\"status\":\"COMPLETED\"}"));

        assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.ALREADY_FINAL);
        assertThat(outcome.detail()).isEqualTo("already COMPLETED on the endpoint, not cancelled; left for the next"
                + " run to collect (it is paid for)");
        assertThat(row().state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void givenTheJobIsGone_thenTheRowIsLeftAsItIs() throws Exception {
        CancelOutcome outcome = cancel(Answer.json(404, "{\"error\":\"job not found\"}"));

        assertThat(outcome.kind()).isEqualTo(CancelOutcome.Kind.GONE);
        assertThat(row().state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void givenAServerError_thenNotConfirmedAndTheRowIsLeftAsItIs() throws Exception {
        CancelOutcome failed = cancel(Answer.json(502, "{\"error\":\"bad gateway\"}"));

        assertThat(failed.kind()).isEqualTo(CancelOutcome.Kind.NOT_CONFIRMED);
        assertThat(failed.detail()).startsWith("not cancelled: POST /cancel (job job-2): HTTP 502");
        assertThat(row().state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void givenAJobStillRunningAfterTheCancel_thenNotConfirmedAndTheRowIsLeftAsItIs() throws Exception {
        CancelOutcome running = cancel(Answer.json(200, "{\"id\":\"job-2\",\"status\":\"IN_PROGRESS\"}"));

        assertThat(running.kind()).isEqualTo(CancelOutcome.Kind.NOT_CONFIRMED);
        assertThat(running.detail()).isEqualTo("not cancelled: the endpoint answered IN_PROGRESS; left as it is");
        assertThat(row().state()).isEqualTo(LedgerState.QUEUED);
    }

    @Test
    void givenTheKeyIsRejected_thenTheCommandStopsWithTheConfigurationError() {
        assertThatThrownBy(() -> cancel(Answer.json(401, ""))).isInstanceOf(UsageException.class)
                .hasMessageContaining("the API key was rejected");
        assertThat(row().state()).isEqualTo(LedgerState.QUEUED);
    }
}
