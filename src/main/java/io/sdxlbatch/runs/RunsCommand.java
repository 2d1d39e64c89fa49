package io.sdxlbatch.runs;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.ledger.JobDatabase;
import io.sdxlbatch.progress.ProgressSnapshot;

/**
 * {@code ./run.sh runs}: lists the runs of an output folder, contacting nothing. While a process holds the folder
 * its job repository is locked, so the list is made of what the runs' progress.json files say instead.
 */
public final class RunsCommand {

    private RunsCommand() {
    }

    public static ExitCode run(ParsedCommand command, PrintStream out, Clock clock) {
        OutputFolder folder = OutputFolder.of(command);
        Optional<Long> pid = folder.processInProgress();
        if (pid.isPresent()) {
            out.print(fromProgressFiles(folder, pid.get(), clock));
            return ExitCode.SUCCESS;
        }
        try (JobDatabase db = folder.openRepository()) {
            out.print(RunList.render(db, clock));
        }
        return ExitCode.SUCCESS;
    }

    private static String fromProgressFiles(OutputFolder folder, long pid, Clock clock) {
        String head = "The job repository in " + folder.dir() + " is locked: a run is in progress in process " + pid
                + ", and the full list can be read when it ends.\n";
        List<ProgressSnapshot> snapshots = folder.allProgress();
        if (snapshots.isEmpty()) {
            return head + "No run in this output folder has written a progress.json yet: nothing more is known until"
                    + " then.\n";
        }
        TextTable table = new TextTable("RUN ID", "STATE", "UPDATED", "ROWS", "DONE", "FAILED", "CANCELLED",
                "PENDING", "IMAGES").rightAligned(3, 4, 5, 6, 7, 8);
        for (ProgressSnapshot p : snapshots) {
            StateCounts counts = new StateCounts(p.byState());
            table.row(p.runId(), p.pid() == pid ? "in progress (pid " + pid + ")" : "not running (was pid " + p.pid()
                    + ")", Timestamps.local(p.updatedAt(), clock.getZone()), Math.max(p.total(), counts.total()),
                    counts.done(), counts.failed(), counts.cancelled(), counts.unfinished(), p.imagesWritten());
        }
        return head + "What the runs' progress.json files say, each as its process last wrote it:\n" + table.render();
    }
}
