package io.sdxlbatch.submit;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.RequestCodec;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.ledger.RemoteResult;
import io.sdxlbatch.runpod.JobStatus;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;
import io.sdxlbatch.stop.StopRequest;

/**
 * Submits one ledger row as exactly one Runpod job: commit the intent, POST /run, commit the id. A crash can at
 * worst leave a row whose POST went out and whose answer was never stored; it stays SENDING and its next
 * submission is flagged as a possible duplicate. Thread-safe: one row is never submitted by two threads at once.
 */
public final class JobSubmitter {

    /** What became of one submission. */
    public enum Outcome { SENT, ALREADY_SENT, NOT_SENT, AMBIGUOUS, REFUSED, WITHDRAWN }

    private final RunpodClient client;
    private final LedgerTransitions transitions;
    private final Clock clock;
    private final StopRequest stop;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    public JobSubmitter(RunpodClient client, LedgerTransitions transitions, Clock clock, StopRequest stop) {
        this.client = client;
        this.transitions = transitions;
        this.clock = clock;
        this.stop = stop;
    }

    /**
     * Sends the row unless it already has a job. Permanent refusals of this one request (a 400) fail the row;
     * failures of the endpoint as a whole (401, 404 endpoint, breaker open) are thrown to stop submitting.
     */
    public Outcome submit(LedgerEntry row) {
        String key = row.runId() + "#" + row.line();
        if (!inProgress.add(key)) {
            return Outcome.ALREADY_SENT;
        }
        try {
            return send(row);
        } finally {
            inProgress.remove(key);
        }
    }

    private Outcome send(LedgerEntry row) {
        if (!transitions.intendToSend(row.runId(), row.line())) {
            return Outcome.ALREADY_SENT;
        }
        try {
            // asked again at the last moment: a signal that came while this waited for a rate-limit permit or a
            // retry must not become a paid job
            JobStatus queued = client.run(RequestCodec.decode(row.requestJson()), () -> !stop.requested());
            transitions.sent(row.runId(), row.line(), queued.id(), clock.millis());
            return Outcome.SENT;
        } catch (RunpodException.Withdrawn e) {
            transitions.notSent(row.runId(), row.line(), "submission stopped before it went out");
            return Outcome.WITHDRAWN;
        } catch (RunpodException.Rejected e) {
            transitions.failed(row.runId(), row.line(), LedgerState.FAILED,
                    RemoteResult.without(null, clock.millis()), "refused by Runpod: " + e.getMessage());
            return Outcome.REFUSED;
        } catch (RunpodException e) {
            if (e.certainlyNotAccepted()) {
                transitions.notSent(row.runId(), row.line(), e.getMessage());
            }
            if (concernsEveryRow(e)) {
                throw e;
            }
            return e.certainlyNotAccepted() ? Outcome.NOT_SENT : Outcome.AMBIGUOUS;
        }
    }

    /**
     * Failures no other row can escape either (bad key, unknown endpoint, breaker open): thrown, so the caller
     * pauses or stops submitting instead of burning through the file.
     */
    static boolean concernsEveryRow(RunpodException e) {
        return e.refusesEveryRequest() || e instanceof RunpodException.CircuitOpen;
    }
}
