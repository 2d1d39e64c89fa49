package io.sdxlbatch.runs;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.ledger.JobDatabase;
import io.sdxlbatch.report.RunRecord;
import io.sdxlbatch.report.RunRecords;
import io.sdxlbatch.report.UnknownRunException;

/**
 * {@code ./run.sh status --run-id ID}: where a run stands, contacting nothing. The output folder's lock is looked
 * at first: while a process holds it the job repository is locked, and the run's progress.json is all there is to
 * read; otherwise the job repository says everything.
 */
public final class StatusCommand {

    private StatusCommand() {
    }

    public static ExitCode run(ParsedCommand command, PrintStream out, Clock clock) {
        String runId = OutputFolder.runId(command, "status");
        OutputFolder folder = OutputFolder.of(command);
        Optional<Long> pid = folder.processInProgress();
        if (pid.isPresent()) {
            out.print(LiveStatus.render(runId, pid.get(), folder.liveRun(pid.get()), folder.progress(runId),
                    folder.reportPage(runId), clock.instant(), clock.getZone()));
            return ExitCode.SUCCESS;
        }
        try (JobDatabase db = folder.openRepository()) {
            RunRecords records = new RunRecords(db.jdbc());
            RunRecord run = records.find(runId).orElseThrow(() -> new UsageException(
                    new UnknownRunException(runId, records.runIds()).getMessage()));
            out.print(StoredStatus.render(runId, RowSummary.of(db.ledger().all(runId)),
                    new JobExecutions(db.jdbc()).of(runId), folder.reportPage(runId), resume(folder, run),
                    "./run.sh cancel --output " + folder.dir() + " --run-id " + runId, clock.getZone()));
        }
        return ExitCode.SUCCESS;
    }

    private static String resume(OutputFolder folder, RunRecord run) {
        return "./run.sh --prompts " + run.promptsFile() + " --output " + folder.dir() + " --run-id " + run.runId();
    }
}
