package io.sdxlbatch.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.config.RunOptions;
import io.sdxlbatch.endpoint.ResolvedEndpoint;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.Ledger;
import io.sdxlbatch.ledger.LedgerState;
import io.sdxlbatch.ledger.LedgerTransitions;
import io.sdxlbatch.report.ConsoleSummary;
import io.sdxlbatch.report.LatestReport;
import io.sdxlbatch.runpod.RunpodClient;
import io.sdxlbatch.stop.StopRequest;

/**
 * Starts, resumes or declines a run: a new run id starts the job; a FAILED or STOPPED run restarts it; a run left
 * STARTED by a dead process (we hold the output folder's lock, so it is dead) is recovered, then restarted; a
 * COMPLETED run is reported and nothing is sent, unless --resubmit-cancelled has cancelled rows to send again (see
 * {@link JobIdentity}). Maps the outcome to the exit code contract.
 */
public final class RunLauncher {

    /** Resumes after a job repository write conflict, at most this many times in one process. */
    private static final int MAX_CONFLICT_RESUMES = 2;
    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunOptions options;
    private final Ledger ledger;
    private final LedgerTransitions transitions;
    private final ResolvedEndpoint endpoint;
    private final RunRegistry registry;
    private final RunpodClient client;
    private final LatestReport latestReport;
    private final StopRequest stop;
    private final PrintStream out;

    RunLauncher(JobOperator operator, JobRepository repository, Job job, RunOptions options, Ledger ledger,
                LedgerTransitions transitions, ResolvedEndpoint endpoint, RunRegistry registry, RunpodClient client,
                LatestReport latestReport, StopRequest stop, PrintStream out) {
        this.stop = stop;
        this.operator = operator;
        this.repository = repository;
        this.job = job;
        this.options = options;
        this.ledger = ledger;
        this.transitions = transitions;
        this.endpoint = endpoint;
        this.registry = registry;
        this.client = client;
        this.latestReport = latestReport;
        this.out = out;
    }

    public ExitCode launch() throws Exception {
        long instance = JobIdentity.latestResubmission(repository, options.runId());
        JobParameters parameters = JobIdentity.of(options.runId(), instance);
        JobExecution last = repository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            if (!runsAgain(last, instance + 1)) {
                return ExitCode.SUCCESS;
            }
            parameters = JobIdentity.of(options.runId(), instance + 1);
        } else if (last != null && last.getStatus().isRunning()) {
            out.println("Run " + options.runId() + " was interrupted and its process is gone: recovering it.");
            operator.recover(last);
        } else if (last != null) {
            out.println("Resuming run " + options.runId() + " (last attempt " + last.getStatus() + ").");
        }
        double timeScale = Preflight.check(client, endpoint.endpointId(), endpoint.healthUrl(), out).timeScale();
        resubmitCancelled();
        registry.record(options, endpoint, timeScale);
        JobExecution execution = operator.start(job, parameters);
        for (int again = 0; again < MAX_CONFLICT_RESUMES && RepositoryConflict.endedBy(execution); again++) {
            log.warn("the job repository refused a write as a conflict between the run's two parallel steps;"
                    + " resuming at once (nothing of the ledger was affected)");
            execution = operator.start(job, parameters);
        }
        return outcome(execution);
    }

    /** A finished run runs again, as a new job instance, only to send rows again for --resubmit-cancelled. */
    private boolean runsAgain(JobExecution last, long nextInstance) {
        int toResend = resendable();
        if (!options.resubmitCancelled() || toResend == 0) {
            out.println("Run " + options.runId() + " already finished (" + last.getEndTime() + "); nothing sent."
                    + " Report: " + RunFolders.of(options.outputDir(), options.runId()).report());
            cancelledHint();
            return false;
        }
        out.println("Run " + options.runId() + " had finished; running it again for its " + toResend
                + " cancelled rows (" + JobIdentity.RESUBMISSION + " " + nextInstance + ").");
        return true;
    }

    /**
     * Rows a re-run of a finished run would send: the CANCELLED ones, and PENDING ones, which a finished run only
     * has when an earlier --resubmit-cancelled put them back and its process died before the new instance started.
     */
    private int resendable() {
        Map<LedgerState, Integer> counts = ledger.countByState(options.runId());
        return counts.getOrDefault(LedgerState.CANCELLED, 0) + counts.getOrDefault(LedgerState.PENDING, 0);
    }

    private void resubmitCancelled() {
        if (options.resubmitCancelled()) {
            int again = transitions.resubmitCancelled(options.runId());
            if (again > 0) {
                out.println(again + " cancelled rows are sent again (--resubmit-cancelled).");
            }
        }
    }

    private void cancelledHint() {
        int cancelled = ledger.countByState(options.runId()).getOrDefault(LedgerState.CANCELLED, 0);
        if (cancelled > 0) {
            out.println(cancelled + " rows were cancelled; add --resubmit-cancelled to send them again.");
        }
    }

    private ExitCode outcome(JobExecution execution) {
        Map<LedgerState, Integer> counts = ledger.countByState(options.runId());
        out.println("rows by state: " + counts);
        out.println("report: " + RunFolders.of(options.outputDir(), options.runId()).report());
        latestReport.get().ifPresent(a -> out.println(ConsoleSummary.of(a)));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // the cause first: a signal, a limit or the failure breaker stopped submission, then what it left
            stop.get().ifPresent(s -> out.println("stopped: " + s.reason()));
            int pending = counts.getOrDefault(LedgerState.PENDING, 0);
            if (pending > 0 && stop.requested()) {
                out.println(pending + " rows were not sent; they stay pending and are sent when the run resumes"
                        + (stop.get().orElseThrow().kind() == StopRequest.Kind.LIMIT
                        ? " with the limit raised or removed" : ""));
            }
            List<Throwable> failures = execution.getAllFailureExceptions();
            // after a stop, "N rows are not finished" says nothing the lines above have not: only other causes
            List<String> reasons = failures.stream().filter(f -> !FailureReasons.isFlowWrapper(f))
                    .filter(f -> !(stop.requested() && FailureReasons.isOnlyUnfinished(f)))
                    .map(f -> FailureReasons.sentence(f, options.outputDir())).distinct().toList();
            if (reasons.isEmpty() && !stop.requested()) {
                // nothing but Spring Batch's own wrapper: its cause is all there is to say (details in run.log)
                reasons = failures.stream().map(f -> FailureReasons.sentence(f, options.outputDir())).distinct()
                        .toList();
            }
            reasons.forEach(m -> out.println("stopped: " + m));
            boolean refused = failures.stream().anyMatch(FailureReasons::isEndpointRefusal);
            if (refused && ledger.jobIdsReceived(options.runId()) == 0) {
                out.println("Nothing was submitted: fix the configuration and run the same command again.");
                return ExitCode.CONFIGURATION;
            }
            out.println("The run stopped before finishing. Run the same command again to resume it:");
            out.println("  ./run.sh --prompts " + options.promptsFile() + " --output " + options.outputDir()
                    + " --run-id " + options.runId());
            return ExitCode.STOPPED;
        }
        int failed = counts.entrySet().stream().filter(e -> e.getKey().isFinal() && !e.getKey().isSuccess())
                .mapToInt(Map.Entry::getValue).sum();
        if (failed > 0) {
            out.println(failed + " prompt rows were rejected, failed or cancelled; see report/jobs.csv");
            return ExitCode.SOME_FAILED;
        }
        out.println("All " + counts.getOrDefault(LedgerState.DONE, 0) + " prompt rows done.");
        return ExitCode.SUCCESS;
    }
}
