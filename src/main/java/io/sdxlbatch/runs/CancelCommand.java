package io.sdxlbatch.runs;

import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.ledger.JobDatabase;
import io.sdxlbatch.ledger.LedgerEntry;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.report.RunRecord;
import io.sdxlbatch.report.RunRecords;
import io.sdxlbatch.report.UnknownRunException;
import io.sdxlbatch.run.RunLock;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.runpod.RunpodException;
import io.sdxlbatch.runpod.RunpodSettings;
import io.sdxlbatch.time.Sleeper;

/**
 * {@code ./run.sh cancel --run-id ID}: cancels on Runpod every job a stopped run left queued or running, and marks
 * each row Runpod confirms CANCELLED. It takes the output folder's lock while it writes the ledger, so no run can
 * start there meanwhile; it refuses while a run holds it (that process would have to be stopped first).
 */
public final class CancelCommand {

    private CancelCommand() {
    }

    public static ExitCode run(ParsedCommand command, PrintStream out, Map<String, String> environment, Clock clock) {
        String runId = OutputFolder.runId(command, "cancel");
        OutputFolder folder = OutputFolder.of(command);
        folder.processInProgress().ifPresent(pid -> {
            throw inProgress(folder, runId, pid);
        });
        RunpodSettings settings = RemoteEndpoint.settings(command.springProperties(), environment);
        // the folder's lock first: a run starting meanwhile then waits on it instead of finding HSQLDB locked
        try (RunLock lock = RunLock.acquire(folder.dir()); JobDatabase db = folder.openRepository()) {
            RunRecords records = new RunRecords(db.jdbc());
            RunRecord run = records.find(runId).orElseThrow(() -> new UsageException(
                    new UnknownRunException(runId, records.runIds()).getMessage()));
            RemoteEndpoint.requireSameEndpoint(run, settings);
            List<LedgerEntry> queued = db.ledger().inState(runId, LedgerState.QUEUED);
            List<LedgerEntry> sending = db.ledger().inState(runId, LedgerState.SENDING);
            sending.forEach(r -> out.println("line " + r.line() + " (" + r.promptId() + "): was being sent when the"
                    + " run stopped and has no job id here, so it cannot be cancelled; the next run sends it again"));
            if (queued.isEmpty()) {
                out.println("Run " + runId + " has no job queued or running on the endpoint: nothing to cancel.");
                return ExitCode.SUCCESS;
            }
            RunpodClient client = new RunpodClient(settings, clock, Sleeper.system());
            if (!reachable(client, out)) {
                return ExitCode.STOPPED;
            }
            out.println("Cancelling " + queued.size() + " jobs of run " + runId + " on endpoint "
                    + settings.endpointId() + ":");
            return cancelAll(new JobCanceller(client, new LedgerTransitions(db.ledger())), queued, out, clock);
        }
    }

    private static ExitCode cancelAll(JobCanceller canceller, List<LedgerEntry> queued, PrintStream out,
                                      Clock clock) {
        // one time for the whole command: the report groups the rows it cancelled under one reason
        String reason = "cancelled by ./run.sh cancel at " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<CancelOutcome.Kind, Integer> totals = new EnumMap<>(CancelOutcome.Kind.class);
        for (LedgerEntry row : queued) {
            CancelOutcome outcome = canceller.cancel(row, reason, clock.millis());
            out.println("  " + outcome.describe());
            totals.merge(outcome.kind(), 1, Integer::sum);
        }
        int failed = totals.getOrDefault(CancelOutcome.Kind.NOT_CONFIRMED, 0);
        out.println("Cancelled " + totals.getOrDefault(CancelOutcome.Kind.CANCELLED, 0) + " of " + queued.size()
                + "; already ended " + totals.getOrDefault(CancelOutcome.Kind.ALREADY_FINAL, 0) + ", gone "
                + totals.getOrDefault(CancelOutcome.Kind.GONE, 0) + ", not confirmed " + failed
                + (failed > 0 ? " (run the same command again to cancel those)" : "") + ".");
        return failed > 0 ? ExitCode.STOPPED : ExitCode.SUCCESS;
    }

    /** One /health first: a bad key or endpoint is one clear refusal, not a 404 per job that reads as "job gone". */
    private static boolean reachable(RunpodClient client, PrintStream out) {
        try {
            client.health();
            return true;
        } catch (RunpodException e) {
            if (e.refusesEveryRequest()) {
                throw new UsageException(e.getMessage());
            }
            out.println("The endpoint cannot be reached, nothing was cancelled: " + e.getMessage());
            return false;
        }
    }

    private static UsageException inProgress(OutputFolder folder, String runId, long pid) {
        return folder.liveRun(pid).filter(p -> !p.runId().equals(runId))
                .map(other -> new UsageException("run " + other.runId() + " is in progress in process " + pid
                        + " in this output folder, and its job repository is locked until it ends: cancel " + runId
                        + " after that"))
                .orElseGet(() -> new UsageException("run " + runId + " is in progress in process " + pid
                        + ": stop it with kill -TERM " + pid + ", then run cancel (a run started with --cancel-on-abort"
                        + " cancels its own jobs when stopped)"));
    }
}
