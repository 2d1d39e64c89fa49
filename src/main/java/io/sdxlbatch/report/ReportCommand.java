package io.sdxlbatch.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

import io.sdxlbatch.cli.ExitCode;
import io.sdxlbatch.cli.ParsedCommand;
import io.sdxlbatch.cli.UsageException;
import io.sdxlbatch.cost.CostOverride;
import io.sdxlbatch.cost.CostSettings;
import io.sdxlbatch.cost.Price;
import io.sdxlbatch.images.AtomicFiles;
import io.sdxlbatch.images.RunFolders;
import io.sdxlbatch.ledger.JobDatabase;

/**
 * {@code ./run.sh report --run-id ID [--compare OTHER]}: writes a run's report folder again from the job
 * repository, contacting nothing, optionally with another price; with {@code --compare}, also a page and a console
 * table putting the two runs side by side.
 */
public final class ReportCommand {

    private ReportCommand() {
    }

    public static ExitCode run(ParsedCommand command, PrintStream out) {
        String runId = command.option("run-id").orElseThrow(() -> new UsageException(
                "report needs --run-id ID: the run ids are the folder names in the output folder"));
        Path output = Path.of(command.option("output").orElse("output"));
        CostOverride cost = costing(command);
        try (JobDatabase db = JobDatabase.open(output, springUrl(command))) {
            RunReports reports = new RunReports(db.ledger(), new RunRecords(db.jdbc()), Clock.systemUTC());
            RunAnalysis analysis = analyze(reports, runId, cost);
            RunFolders folders = RunFolders.of(output, runId);
            ReportFiles.write(folders, analysis);
            out.println("Report of run " + runId + " written to " + folders.report());
            out.println(ConsoleSummary.of(analysis));
            if (command.option("compare").isPresent()) {
                RunAnalysis other = analyze(reports, command.option("compare").get(), cost);
                Path page = folders.report().resolve("compare-" + other.run().runId() + ".html");
                AtomicFiles.write(page, HtmlReport.renderComparison(other, analysis)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.println(Comparison.table(other, analysis));
                out.println("Side by side: " + page);
            }
        }
        return ExitCode.SUCCESS;
    }

    private static RunAnalysis analyze(RunReports reports, String runId, CostOverride cost) {
        try {
            return reports.analyze(runId, cost);
        } catch (UnknownRunException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Only what is given overrides what each run was costed with. */
    private static CostOverride costing(ParsedCommand command) {
        boolean price = command.option("gpu").isPresent() || command.option("price-per-second").isPresent();
        boolean idle = command.option("idle-timeout").isPresent();
        CostSettings given = CostSettings.of(command);
        // the page must say that this is a what-if, not the price the run was costed with when it ran
        Price asked = new Price(given.price().perSecond(), given.price().describe() + ", given to ./run.sh report");
        return new CostOverride(price ? asked : null, idle ? given.idleTimeout() : null);
    }

    private static String springUrl(ParsedCommand command) {
        return command.springProperties().stream().filter(p -> p.startsWith("--spring.datasource.url="))
                .map(p -> p.substring("--spring.datasource.url=".length())).reduce((a, b) -> b).orElse(null);
    }
}
